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

REPORT_SCHEMA = "switchover.report/1"


def _tr(text: str) -> str:
    return QCoreApplication.translate("Report", text)


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
            "summary": verification.summary(),
            "after_restart": session.rebooted,
        }
        if verification
        else None,
    }


def summary_lines(session: Session) -> list[str]:
    """A few plain lines a help desk can read in a ticket."""
    scan = session.scan
    lines = [_tr("Switchover {version} summary").format(version=__version__)]
    if session.machine.demo:
        lines.append(_tr("Demo machine: {title}").format(title=session.machine.demo.title))
    if scan is None:
        return [*lines, _tr("No scan was made.")]
    lines.append(_tr("Scanned: {when}").format(when=scan.scanned_at))
    found = [f"{p.name} {p.version or ''}".strip() for p in (*scan.products, *scan.leftovers)]
    lines.append(_tr("Found: {names}").format(names=", ".join(found) or _tr("no Kaspersky software")))
    if session.run_report:
        lines.append(
            _tr("Removal: {status} ({message})").format(
                status=session.run_report.status, message=session.run_report.message
            )
        )
    if session.verification:
        lines += session.verification.summary()
    elif not scan.kaspersky:
        lines.append(_tr("Nothing to remove."))
    return lines
