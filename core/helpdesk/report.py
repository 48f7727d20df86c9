"""Help-desk reports from a scan (`switchover.scan/1`) or a finished removal (`switchover.report/1`).

`report_facts` reads either document into one `ReportFacts`; `ticket_text` renders it as plain text
or Markdown (under 4,000 characters, for a ticket field) and `html_report` as one self-contained HTML
file (inline CSS, no script, no network; a Content-Security-Policy forbids loading anything). Every
value that came from the machine is HTML-escaped. Texts and the template are data in
`resources/report/`. The fleet summary reads documents through the same `report_facts`.
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from importlib import resources
from string import Template
from typing import TYPE_CHECKING, Any, Literal

from core.model import Product, ScanResult, scan_from_json

if TYPE_CHECKING:
    from core.removal.executor import RunReport
    from core.removal.plan import Plan
    from core.removal.verify import Verification

REPORT_SCHEMA = "switchover.report/1"
MAX_TICKET_CHARS = 4000
Outcome = Literal["scan_only", "clean", "removed", "reboot_needed", "not_removed", "cancelled"]
NEEDS_WORK: frozenset[str] = frozenset({"scan_only", "reboot_needed", "not_removed", "cancelled"})


@dataclass(frozen=True)
class ProductFacts:
    name: str
    family: str
    version: str | None
    origin: str
    leftover: bool
    scope: str
    managed: bool
    last_update: str | None
    password_protection: str | None  # "true", "false" or None when the data does not say
    self_defence: str | None


@dataclass(frozen=True)
class ReportFacts:
    hostname: str | None
    os: str
    os_version: str | None
    live: bool
    scanned_at: str
    products: tuple[ProductFacts, ...]
    other_security: tuple[str, ...]
    plan: tuple[str, ...]
    outcome: Outcome
    outcome_details: tuple[str, ...]
    notes: int
    document: str  # the schema the facts were read from


def removal_document(
    *, scan: ScanResult, plan: Plan, run: RunReport, verification: Verification
) -> dict[str, Any]:
    """A finished removal as one `switchover.report/1` document (the shape the assistant saves too).

    No secrets: plans hold only placeholders for passwords.
    """
    from dataclasses import asdict

    from core import __version__

    return {
        "schema": REPORT_SCHEMA,
        "switchover_version": __version__,
        "written_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "demo_machine": None,
        "scan": scan.to_json(),
        "plan": plan.to_json(),
        "run": asdict(run),
        "verification": {
            "status": verification.status,
            "summary": verification.summary(),
            "after_restart": False,
        },
    }


def read_document(path: str) -> dict[str, Any]:
    """A JSON document from a file; ValueError with a plain reason when it is not one."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(64 << 20)
    except OSError as error:
        raise ValueError(f"cannot be read ({error.strerror or error})") from None
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (ValueError, RecursionError):
        raise ValueError("is not a JSON document") from None
    if not isinstance(document, dict):
        raise ValueError("is not a Switchover document")
    return document


def report_facts(document: Mapping[str, Any], *, with_plan: bool = True) -> ReportFacts:
    """What a report says, from a scan or a finished-removal document (ValueError for anything else)."""
    schema = document.get("schema")
    if schema == REPORT_SCHEMA:
        scan_part = document.get("scan")
        if not isinstance(scan_part, dict):
            raise ValueError("the removal report holds no scan")
        result = scan_from_json(scan_part, with_evidence=with_plan)
        plan = _plan_titles(document.get("plan"))
        outcome, details = _outcome(document, result)
    elif schema == ScanResult.SCHEMA:
        result = scan_from_json(document, with_evidence=with_plan)
        plan = _planned(result) if with_plan else ()
        outcome, details = ("scan_only" if result.found_anything else "clean"), ()
    else:
        raise ValueError(f"is not a scan or removal report (schema: {schema!r})")
    return ReportFacts(
        hostname=result.hostname,
        os=result.target.os,
        os_version=result.os_version,
        live=result.target.live,
        scanned_at=result.scanned_at,
        products=tuple(_product(p) for p in (*result.products, *result.leftovers)),
        other_security=tuple(p.name for p in result.other_security_software),
        plan=plan,
        outcome=outcome,
        outcome_details=details,
        notes=len(result.notes),
        document=str(schema),
    )


def _product(product: Product) -> ProductFacts:
    state = product.state
    return ProductFacts(
        name=product.name,
        family=product.family_name,
        version=product.version,
        origin=product.origin,
        leftover=product.leftover,
        scope=product.scope,
        managed=product.managed,
        last_update=state.get("last_signature_update"),
        password_protection=state.get("password_protection"),
        self_defence=state.get("self_defence"),
    )


def _plan_titles(plan: object) -> tuple[str, ...]:
    steps = plan.get("steps") if isinstance(plan, dict) else None
    return tuple(str(s["title"]) for s in steps if isinstance(s, dict) and "title" in s) if steps else ()


def _planned(result: ScanResult) -> tuple[str, ...]:
    from core.removal.plan import plan_removal

    if not result.found_anything:
        return ()
    return tuple(step.title for step in plan_removal(result, silent=True).steps)


def _outcome(document: Mapping[str, Any], result: ScanResult) -> tuple[Outcome, tuple[str, ...]]:
    verification = document.get("verification")
    run = document.get("run")
    details: list[str] = []
    if isinstance(verification, dict) and isinstance(verification.get("summary"), list):
        details = [str(line) for line in verification["summary"]]
    status = verification.get("status") if isinstance(verification, dict) else None
    run_status = run.get("status") if isinstance(run, dict) else None
    if isinstance(run, dict) and run.get("message"):
        details.insert(0, str(run["message"]))
    if status == "removed":  # verified afterwards, a restart included: what the run said is history
        return "removed", tuple(details)
    if "reboot_needed" in (status, run_status):
        return "reboot_needed", tuple(details)
    if run_status == "cancelled":
        return "cancelled", tuple(details)
    if status is None and run_status is None:
        return ("scan_only" if result.found_anything else "clean"), tuple(details)
    return "not_removed", tuple(details)


# --- texts -----------------------------------------------------------------------------------


@cache
def texts() -> dict[str, str]:
    data: dict[str, str] = json.loads(
        resources.files("resources.report").joinpath("en.json").read_text(encoding="utf-8")
    )
    return data


def _flag(value: str | None) -> str:
    return {"true": texts()["yes"], "false": texts()["no"]}.get(value or "", texts()["unknown"])


def _tags(product: ProductFacts) -> list[str]:
    t = texts()
    tags = []
    if product.leftover:
        tags.append(t["leftover"])
    if product.origin == "successor":
        tags.append(t["successor"])
    return tags


def _rows(product: ProductFacts) -> list[tuple[str, str]]:
    t = texts()
    return [
        (t["version"], product.version or t["unknown"]),
        (t["last_update"], product.last_update or t["unknown"]),
        (t["password"], _flag(product.password_protection)),
        (t["self_defence"], _flag(product.self_defence)),
        (t["managed"], t["yes"] if product.managed else t["no"]),
        (t["scope"], t["scope_user"] if product.scope == "user" else t["scope_machine"]),
    ]


def _machine_line(facts: ReportFacts) -> str:
    t = texts()
    source = t["source_live"] if facts.live else t["source_offline"]
    system = facts.os_version or facts.os
    return f"{facts.hostname or t['unnamed']} · {system} · {source} · {t['scanned']} {facts.scanned_at}"


def _outcome_text(facts: ReportFacts) -> str:
    return texts()[f"outcome_{facts.outcome}"]


def ticket_text(facts: ReportFacts, *, markdown: bool = False) -> str:
    """The report for a ticket field: plain text (or Markdown), always under MAX_TICKET_CHARS."""
    t = texts()

    def heading(text: str) -> str:
        return f"### {text}" if markdown else text.upper()

    def clean(text: str) -> str:  # one line each; Markdown's own characters escaped
        text = " ".join(str(text).split())
        if markdown:
            for char in "\\`*_[]<>#|":
                text = text.replace(char, "\\" + char)
        return text

    head = [f"## {t['title']}" if markdown else t["title"], clean(_machine_line(facts)), ""]
    head += [heading(t["outcome"]), clean(_outcome_text(facts))]
    head += [f"- {clean(line)}" for line in facts.outcome_details[:6]]
    tail = ["", heading(t["other_security"]), clean(", ".join(facts.other_security) or t["none"])]
    tail += ["", heading(t["plan"])]
    tail += [f"{n}. {clean(title)}" for n, title in enumerate(facts.plan[:12], 1)] or [t["no_plan"]]
    if len(facts.plan) > 12:
        tail.append(t["more"].format(count=len(facts.plan) - 12))
    if facts.notes:
        tail += ["", t["notes"].format(count=facts.notes)]
    blocks = []
    for product in facts.products:
        tags = ", ".join(_tags(product))
        lines = [
            f"- {'**' if markdown else ''}{clean(product.name)}{'**' if markdown else ''}"
            + (f" ({clean(tags)})" if tags else "")
        ]
        lines.append("  " + "; ".join(f"{label}: {clean(value)}" for label, value in _rows(product)))
        blocks.append("\n".join(lines))
    body = [heading(t["products"])] + (blocks or [t["none_found"]])
    text = "\n".join([*head, "", *body, *tail]) + "\n"
    while len(text) > MAX_TICKET_CHARS and blocks:  # a machine with very many products: say how many
        blocks.pop()
        more = t["more"].format(count=len(facts.products) - len(blocks))
        body = [heading(t["products"]), *blocks, more]
        text = "\n".join([*head, "", *body, *tail]) + "\n"
    return text[: MAX_TICKET_CHARS - 1] if len(text) >= MAX_TICKET_CHARS else text


def html_report(facts: ReportFacts, *, written: datetime | None = None) -> str:
    """One self-contained HTML file: inline CSS, no script, nothing loaded; it prints on A4 or Letter."""
    from core import __version__

    t = texts()
    e = html.escape
    folder = resources.files("resources.report")
    template = Template(folder.joinpath("report.html").read_text(encoding="utf-8"))
    rows = []
    for product in facts.products:
        tags = "".join(f' <span class="tag">{e(tag)}</span>' for tag in _tags(product))
        cells = "".join(f"<td>{e(value)}</td>" for _, value in _rows(product))
        rows.append(f"<tr><td>{e(product.name)}{tags}</td>{cells}</tr>")
    if rows:
        header = "".join(
            f"<th>{e(label)}</th>" for label in [t["product"], *(r[0] for r in _rows(facts.products[0]))]
        )
        products = f"<table><thead><tr>{header}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    else:
        products = f"<p>{e(t['none_found'])}</p>"
    plan = (
        "<ol>" + "".join(f"<li>{e(title)}</li>" for title in facts.plan) + "</ol>"
        if facts.plan
        else f"<p>{e(t['no_plan'])}</p>"
    )
    details = (
        "<ul>" + "".join(f"<li>{e(line)}</li>" for line in facts.outcome_details) + "</ul>"
        if facts.outcome_details
        else ""
    )
    when = (written or datetime.now(UTC)).isoformat(timespec="seconds").replace("+00:00", "Z")
    source = t["source_live"] if facts.live else t["source_offline"]
    return template.substitute(
        title=e(t["title"]),
        style=folder.joinpath("report.css").read_text(encoding="utf-8"),
        machine=e(facts.hostname or t["unnamed"]),
        os=e(facts.os_version or facts.os),
        source=e(source),
        scanned_label=e(t["scanned"]),
        scanned=e(facts.scanned_at),
        outcome_class=e(facts.outcome),
        outcome_label=e(t["outcome"]),
        outcome=e(_outcome_text(facts)),
        outcome_details=details,
        products_label=e(t["products"]),
        products=products,
        other_label=e(t["other_security"]),
        other=e(", ".join(facts.other_security) or t["none"]),
        plan_label=e(t["plan"]),
        plan=plan,
        notes=f"<p>{e(t['notes'].format(count=facts.notes))}</p>" if facts.notes else "",
        footer=e(t["footer"].format(version=__version__, document=facts.document, written=when)),
    )
