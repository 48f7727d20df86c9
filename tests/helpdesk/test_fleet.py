"""`switchover fleet summarize` over scans, removal reports and bundles."""

from __future__ import annotations

import csv
import io
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from core.cli import main
from core.helpdesk.collect import collect
from core.helpdesk.fleet import spreadsheet_safe, summarize, to_csv
from tests.helpdesk.documents import HOSTILE, clean_scan, office_scan, removal_report
from tests.helpdesk.test_collect import _view, customer_pc


def fleet(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    (folder / "site-b").mkdir(parents=True)
    docs = {
        "pc-042.json": office_scan("PC-042"),
        "pc-043-scan.json": office_scan("PC-043"),
        "pc-043-removed.json": removal_report("removed", "PC-043"),
        "site-b/pc-044.json": removal_report("reboot_needed", "PC-044"),
        "site-b/pc-045.json": clean_scan("PC-045"),
        "site-b/ПК-бухгалтерия.json": office_scan("ПК-бухгалтерия"),
    }
    for name, doc in docs.items():
        (folder / name).write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    (folder / "broken.json").write_text("{not json")
    return folder


def test_counts_and_the_machines_left(tmp_path: Path) -> None:
    summary = summarize([str(fleet(tmp_path))])
    data = summary.to_json()
    assert data["machines"] == 5  # PC-043's removal report replaces its scan
    assert data["by_outcome"] == {"scan_only": 2, "removed": 1, "reboot_needed": 1, "clean": 1}
    assert sorted(data["needing_work"]) == ["PC-042", "PC-044", "ПК-бухгалтерия"]
    assert data["by_product"]["Kaspersky Security Center Network Agent"] == 4
    assert data["by_management"] == {"managed": 4, "not managed": 1}
    assert data["by_signature_age"]["over 180 days"] == 4  # the fixtures' last update is 2021
    assert any("Kaspersky Endpoint Security 10" in v for v in data["by_version"])
    assert [p for p, _ in summary.skipped] == [str(tmp_path / "reports" / "broken.json")]


def test_bundles_count_as_machines(tmp_path: Path) -> None:
    collect(
        _view(customer_pc(tmp_path)), str(tmp_path / "bundles" / "pc-042.zip"), elevated=True, collector="t"
    )
    summary = summarize([str(tmp_path / "bundles")])
    assert [row.machine for row in summary.machines] == ["PC-042"]
    assert summary.machines[0].outcome == "scan_only"


def test_csv_opens_in_excel_and_never_runs_a_formula(tmp_path: Path) -> None:
    for start in ("=", "+", "-", "@", "\t", "\0"):
        assert spreadsheet_safe(f"{start}HYPERLINK(1)").startswith("'")
    assert spreadsheet_safe("PC-042") == "PC-042"
    folder = fleet(tmp_path)
    hostile = office_scan('=HYPERLINK("http://x","y")')
    hostile["products"][0]["name"] = "@SUM(1+1)"
    (folder / "hostile.json").write_text(json.dumps(hostile))
    output = tmp_path / "fleet.csv"
    assert main(["fleet", "summarize", str(folder), "--format", "csv", "--output", str(output)]) == 1
    raw = output.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with a BOM: Excel shows Cyrillic right
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert any(r["machine"] == "ПК-бухгалтерия" for r in rows)
    for row in rows:
        for cell in row.values():
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\0")), cell
    assert any(r["machine"].startswith("'=HYPERLINK") for r in rows)


def test_json_lines_one_machine_per_line_then_the_counts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["fleet", "summarize", str(fleet(tmp_path)), "--format", "jsonl"]) == 1
    captured = capsys.readouterr()
    lines = [json.loads(line) for line in captured.out.splitlines()]
    assert [line["schema"] for line in lines] == ["switchover.fleet-machine/1"] * 5 + ["switchover.fleet/1"]
    assert "skipped" in captured.err and "broken.json" in captured.err


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.urls += [v or "" for k, v in attrs if k in ("src", "href")]


def test_the_dashboard_is_one_file_with_charts_and_escapes_names(tmp_path: Path) -> None:
    folder = fleet(tmp_path)
    (folder / "hostile.json").write_text(json.dumps(office_scan(HOSTILE)))
    output = tmp_path / "fleet.html"
    assert main(["fleet", "summarize", str(folder), "--format", "html", "--output", str(output)]) == 1
    page = output.read_text(encoding="utf-8")
    parsed = _Tags()
    parsed.feed(page)
    assert "svg" in parsed.tags and "rect" in parsed.tags
    assert "script" not in parsed.tags and "img" not in parsed.tags and parsed.urls == []
    assert "&lt;script&gt;" in page
    assert "scanned, not removed yet" in page  # outcomes in words on the dashboard
    import re
    import xml.etree.ElementTree as ET

    charts = re.findall(r"<svg.*?</svg>", page, re.S)
    assert len(charts) == 4
    for chart in charts:  # well-formed SVG: each bar a rect, each count written beside it
        tree = ET.fromstring(chart)  # noqa: S314 (our own output)
        assert tree.findall("rect") and all(
            t.text or t.find("title") is not None for t in tree.findall("text")
        )


def test_nothing_readable_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "x.json").write_text("[]")
    assert main(["fleet", "summarize", str(tmp_path)]) == 2
    assert "no readable" in capsys.readouterr().err


def test_csv_of_an_empty_field_is_empty() -> None:
    assert to_csv(summarize([])).startswith("\ufeffmachine,")
