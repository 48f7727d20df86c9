"""`switchover fleet summarize`: many machines' scan and removal documents (and collected bundles) at once.

Each input becomes one `MachineRow` through the same `report_facts` the ticket report uses; the
latest document of a machine wins (a removal report after its scan). Counts go by product,
version, management, signature age and outcome, and the machines that still need work are listed.
Outputs: CSV for Excel (UTF-8 with a BOM; cells that a spreadsheet would read as a formula are
neutralised), JSON Lines, text, and one self-contained HTML dashboard with an inline SVG chart.
"""

from __future__ import annotations

import csv
import html
import io
import json
import os
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import date
from importlib import resources

from core.helpdesk.report import NEEDS_WORK, REPORT_SCHEMA, ReportFacts, read_document, report_facts, texts

SUMMARY_SCHEMA = "switchover.fleet/1"
AGE_BUCKETS = ("under 7 days", "7-30 days", "31-180 days", "over 180 days", "unknown")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\0")
OUTCOME_LABELS = {
    "scan_only": "scanned, not removed yet",
    "clean": "nothing to remove",
    "removed": "removed and verified",
    "reboot_needed": "restart needed",
    "not_removed": "not removed",
    "cancelled": "stopped",
}


@dataclass(frozen=True)
class MachineRow:
    machine: str  # the hostname, or the file when the data names no machine
    source: str  # the document or bundle read
    scanned_at: str
    outcome: str
    needs_work: bool
    products: tuple[str, ...]
    versions: tuple[str, ...]  # "name version", one per product
    managed: bool
    oldest_update: str | None
    signature_age: str


@dataclass
class FleetSummary:
    machines: list[MachineRow] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, why)

    def counts(self, attribute: str) -> Counter[str]:
        counted: Counter[str] = Counter()
        for row in self.machines:
            value = getattr(row, attribute)
            if isinstance(value, tuple):
                counted.update(set(value) or {"none"})
            elif isinstance(value, bool):
                counted["managed" if value else "not managed"] += 1
            else:
                counted[str(value)] += 1
        return counted

    @property
    def needing_work(self) -> list[MachineRow]:
        return [row for row in self.machines if row.needs_work]

    def sections(self) -> dict[str, dict[str, int]]:
        """Each count by its JSON name, most common first (signature ages in their own order)."""
        return {
            "by_outcome": dict(self.counts("outcome").most_common()),
            "by_product": dict(self.counts("products").most_common()),
            "by_version": dict(self.counts("versions").most_common()),
            "by_management": dict(self.counts("managed").most_common()),
            "by_signature_age": {b: self.counts("signature_age")[b] for b in AGE_BUCKETS},
        }

    def to_json(self) -> dict[str, object]:
        return {
            "schema": SUMMARY_SCHEMA,
            "machines": len(self.machines),
            **self.sections(),
            "needing_work": [row.machine for row in self.needing_work],
            "skipped": [{"path": p, "why": w} for p, w in self.skipped],
        }


def summarize(paths: Iterable[str]) -> FleetSummary:
    """Read every document and bundle under `paths`; what cannot be read is listed, never fatal."""
    latest: dict[str, tuple[tuple[str, bool], MachineRow]] = {}
    summary = FleetSummary()
    for path in _inputs(paths):
        try:
            facts = _facts(path)
        except ValueError as error:
            summary.skipped.append((path, str(error)))
            continue
        row = machine_row(facts, path)
        key = (facts.hostname or path).casefold()
        when = (facts.scanned_at, facts.document == REPORT_SCHEMA)  # on a tie, the removal report wins
        if key not in latest or when >= latest[key][0]:
            latest[key] = (when, row)
    summary.machines = sorted((row for _, row in latest.values()), key=lambda r: r.machine.casefold())
    return summary


def _inputs(paths: Iterable[str]) -> Iterator[str]:
    from core.helpdesk.bundle import is_bundle

    for path in paths:
        if is_bundle(path):
            yield path
        elif os.path.isdir(path):
            for folder, dirs, files in os.walk(path):
                dirs.sort()
                bundles = [d for d in dirs if is_bundle(os.path.join(folder, d))]
                dirs[:] = [d for d in dirs if d not in bundles]
                yield from (os.path.join(folder, d) for d in bundles)
                for name in sorted(files):
                    if name.lower().endswith((".json", ".zip")) and name != "manifest.json":
                        file = os.path.join(folder, name)
                        if not name.lower().endswith(".zip") or is_bundle(file):
                            yield file
        else:
            yield path


def _facts(path: str) -> ReportFacts:
    from core.helpdesk.bundle import is_bundle

    if is_bundle(path):
        from core.detection.scan import scan
        from core.helpdesk.bundle import open_bundle
        from core.model import InputError, Target

        try:
            bundle = open_bundle(path)
        except InputError as error:
            raise ValueError(str(error)) from None
        target = Target(
            os="windows", live=False, registry_exports=bundle.exports, bundle=path, hostname=bundle.hostname
        )
        return report_facts(scan(target).to_json(), with_plan=False)
    return report_facts(read_document(path), with_plan=False)


def machine_row(facts: ReportFacts, source: str) -> MachineRow:
    kaspersky = facts.products
    updates = sorted(p.last_update for p in kaspersky if p.last_update)
    oldest = updates[0] if updates else None
    return MachineRow(
        machine=facts.hostname or source,
        source=source,
        scanned_at=facts.scanned_at,
        outcome=facts.outcome,
        needs_work=facts.outcome in NEEDS_WORK,
        products=tuple(sorted({p.family for p in kaspersky})),
        versions=tuple(sorted({f"{p.name} {p.version or '?'}" for p in kaspersky})),
        managed=any(p.managed for p in kaspersky),
        oldest_update=oldest,
        signature_age=_age(oldest, facts.scanned_at) if kaspersky else "unknown",
    )


def _age(update: str | None, scanned_at: str) -> str:
    try:
        days = (date.fromisoformat(scanned_at[:10]) - date.fromisoformat((update or "")[:10])).days
    except ValueError:
        return "unknown"
    if days < 7:
        return AGE_BUCKETS[0]
    if days <= 30:
        return AGE_BUCKETS[1]
    if days <= 180:
        return AGE_BUCKETS[2]
    return AGE_BUCKETS[3]


# --- outputs ---------------------------------------------------------------------------------

CSV_COLUMNS = (
    "machine",
    "outcome",
    "needs_work",
    "products",
    "versions",
    "managed",
    "oldest_update",
    "signature_age",
    "scanned_at",
    "source",
)


def spreadsheet_safe(cell: str) -> str:
    """A cell Excel or LibreOffice would run as a formula (=, +, -, @, tab, CR, NUL first) gets a quote."""
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


def to_csv(summary: FleetSummary) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row in summary.machines:
        data = asdict(row)
        writer.writerow(spreadsheet_safe(_cell(data[column])) for column in CSV_COLUMNS)
    return "\ufeff" + out.getvalue()  # the byte-order mark tells Excel it is UTF-8 (Cyrillic names)


def _cell(value: object) -> str:
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return "" if value is None else str(value)


def to_json_lines(summary: FleetSummary) -> str:
    """One machine per line, then one line with the counts (its `schema` tells it apart)."""
    lines = [
        json.dumps({"schema": "switchover.fleet-machine/1", **asdict(row)}, ensure_ascii=False)
        for row in summary.machines
    ]
    lines.append(json.dumps(summary.to_json(), ensure_ascii=False))
    return "\n".join(lines) + "\n"


def to_text(summary: FleetSummary) -> str:
    lines = [f"{len(summary.machines)} machines, {len(summary.needing_work)} still need work."]
    for key, counts in summary.sections().items():
        lines.append(f"\n{key.replace('_', ' ').capitalize()}:")
        lines += [f"  {count:6}  {name}" for name, count in counts.items()]
    if summary.needing_work:
        lines.append("\nStill needing work:")
        lines += [
            f"  {row.machine}: {row.outcome} ({', '.join(row.products) or 'no product'})"
            for row in summary.needing_work
        ]
    if summary.skipped:
        lines.append("\nSkipped:")
        lines += [f"  {path}: {why}" for path, why in summary.skipped]
    return "\n".join(lines) + "\n"


def to_html(summary: FleetSummary) -> str:
    """One self-contained dashboard: counts, an inline SVG bar chart per count, the machines left."""
    e = html.escape
    sections = summary.sections()
    charts = []
    for title, key in (
        ("Outcome", "by_outcome"),
        ("Products", "by_product"),
        ("Signature age", "by_signature_age"),
        ("Management", "by_management"),
    ):
        counts = sections[key]
        if key == "by_outcome":
            counts = {OUTCOME_LABELS.get(name, name): count for name, count in counts.items()}
        charts.append(f"<section><h2>{e(title)}</h2>{bar_chart(counts, title)}</section>")
    rows = "".join(
        "<tr>" + "".join(f"<td>{e(_cell(getattr(row, c)))}</td>" for c in CSV_COLUMNS[:-1]) + "</tr>"
        for row in summary.needing_work
    )
    header = "".join(f"<th>{e(c.replace('_', ' '))}</th>" for c in CSV_COLUMNS[:-1])
    skipped = "".join(f"<li>{e(path)}: {e(why)}</li>" for path, why in summary.skipped)
    style = resources.files("resources.report").joinpath("report.css").read_text(encoding="utf-8")
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        f"<title>Switchover fleet summary</title><style>{style}"
        "body{max-width:90em}"
        ".charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(24em,1fr));gap:0 2em}"
        "svg text{font:10pt system-ui,sans-serif}</style></head><body>"
        f"<h1>Switchover fleet summary</h1><p>{len(summary.machines)} machines, "
        f"{len(summary.needing_work)} still need work.</p>"
        f'<div class="charts">{"".join(charts)}</div>'
        "<h2>Machines still needing work</h2>"
        f"<table><thead><tr>{header}</tr></thead><tbody>{rows}</tbody></table>"
        + (f"<h2>Skipped</h2><ul>{skipped}</ul>" if skipped else "")
        + f"<footer><p>{e(texts()['title'])}: switchover fleet summarize</p></footer></body></html>\n"
    )


def bar_chart(counts: dict[str, int], title: str) -> str:
    """Horizontal bars with their numbers written beside them (never colour alone)."""
    e = html.escape
    items = list(counts.items())[:12]
    if not items:
        return "<p>none</p>"
    most = max(count for _, count in items) or 1
    bar_h, gap, label_w, width = 18, 6, 180, 460
    height = len(items) * (bar_h + gap)
    parts = [
        f'<svg role="img" aria-label="{e(title)}" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}">'
    ]
    for index, (name, count) in enumerate(items):
        y = index * (bar_h + gap)
        length = round((width - label_w - 50) * count / most)
        label = name if len(name) <= 28 else name[:27] + "…"
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 13}" text-anchor="end">'
            f"<title>{e(name)}</title>{e(label)}</text>"
            f'<rect x="{label_w}" y="{y}" width="{length}" height="{bar_h}" fill="#3f6fb5"/>'
            f'<text x="{label_w + length + 4}" y="{y + 13}">{count}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
