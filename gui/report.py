"""The end-of-run report: a JSON document of everything core produced, and a short summary for a ticket.

Both are assembled from core's own `to_json()` documents and summaries; nothing
is re-derived here.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication

from core import __version__
from gui.session import Session
from gui.translations import core_language

REPORT_SCHEMA = "switchover.report/1"


def report_document(session: Session) -> dict[str, Any]:
    """Scan, plan, run and verification as one JSON document (no secrets: plans hold only placeholders)."""
    report = session.run_report
    verification = session.verification
    return {
        "schema": REPORT_SCHEMA,
        "switchover_version": __version__,
        "written_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "demo_machine": session.machine.demo.key if session.machine.demo else None,
        "scan": session.scan.to_json() if session.scan else None,
        "plan": session.plan.to_json() if session.plan else None,
        "run": asdict(report) if report else None,
        "verification": {
            "status": verification.status,
            "summary": verification.summary(core_language()),
            "after_restart": session.rebooted,
        }
        if verification
        else None,
    }


def summary_lines(session: Session) -> list[str]:
    """A few plain lines a help desk can read in a ticket."""
    scan = session.scan
    lines = [QCoreApplication.translate("Report", "Switchover {version} summary").format(version=__version__)]
    if session.machine.demo:
        lines.append(
            QCoreApplication.translate("Report", "Demo machine: {title}").format(
                title=session.machine.demo.title
            )
        )
    if scan is None:
        return [*lines, QCoreApplication.translate("Report", "No scan was made.")]
    lines.append(QCoreApplication.translate("Report", "Scanned: {when}").format(when=scan.scanned_at))
    found = [f"{p.name} {p.version or ''}".strip() for p in (*scan.products, *scan.leftovers)]
    lines.append(
        QCoreApplication.translate("Report", "Found: {names}").format(
            names=", ".join(found) or QCoreApplication.translate("Report", "no Kaspersky software")
        )
    )
    if session.run_report:
        statuses = {
            "removed": QCoreApplication.translate("Report", "finished"),
            "reboot_needed": QCoreApplication.translate("Report", "finished, a restart was needed"),
            "failed": QCoreApplication.translate("Report", "failed"),
            "cancelled": QCoreApplication.translate("Report", "stopped"),
        }
        status = session.run_report.status
        lines.append(
            QCoreApplication.translate("Report", "Removal: {status} ({message})").format(
                status=statuses.get(status, status), message=session.run_report.message
            )
        )
    if session.verification:
        lines += session.verification.summary(core_language())
    elif not scan.kaspersky:
        lines.append(QCoreApplication.translate("Report", "Nothing to remove."))
    return lines


def ticket_text_for(session: Session) -> str:
    """The ticket text (core/helpdesk/report.py) of this run; the summary lines when nothing was scanned."""
    from core.helpdesk.report import report_facts, ticket_text

    if session.scan is None:
        return "\n".join(summary_lines(session)) + "\n"
    return ticket_text(report_facts(report_document(session)))


def html_report_for(session: Session) -> str:
    """This run as the self-contained HTML report (core/helpdesk/report.py); needs a scan."""
    from core.helpdesk.report import html_report, report_facts

    return html_report(report_facts(report_document(session)))
