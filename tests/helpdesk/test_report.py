"""`switchover report`: ticket text and one self-contained HTML file from a scan or a finished removal."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from core.cli import main
from core.helpdesk.report import MAX_TICKET_CHARS, html_report, report_facts, ticket_text
from tests.helpdesk.documents import HOSTILE, office_scan, removal_report


def _write(tmp_path: Path, document: dict[str, object], name: str = "doc.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps(document), encoding="utf-8")
    return str(path)


def test_the_ticket_text_has_what_a_technician_needs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", _write(tmp_path, office_scan())]) == 0
    text = capsys.readouterr().out
    assert len(text) < MAX_TICKET_CHARS
    assert "PC-042" in text and "Scanned only: nothing has been removed yet." in text
    kes = next(line for line in text.splitlines() if "Kaspersky Endpoint Security 10" in line)
    facts = text.splitlines()[text.splitlines().index(kes) + 1]
    assert "Version: 10.2.2.10535" in facts and "Last signature update: 2021-06-15" in facts
    assert "Password protection: yes" in facts and "Self-defence: yes" in facts
    assert "Managed by Security Center: yes" in facts
    assert "PLAN IN BRIEF" in text and "1. " in text
    assert "Microsoft Defender Antivirus" in text


def test_a_finished_removal_reports_its_outcome(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for status, says in (
        ("removed", "Removed and verified."),
        ("reboot_needed", "a restart is needed"),
        ("failed", "Not removed"),
    ):
        assert main(["report", _write(tmp_path, removal_report(status)), "--format", "markdown"]) == 0
        text = capsys.readouterr().out
        assert says in text and f"verified: {status}".replace("_", "\\_") in text  # Markdown-escaped
        assert text.startswith("## Switchover report") and "1. Remove Kaspersky Security Cloud" in text


def test_very_many_products_still_fit_a_ticket_and_say_how_many_more() -> None:
    document = office_scan()
    document["products"] = document["products"] * 200
    for markdown in (False, True):
        text = ticket_text(report_facts(document), markdown=markdown)
        assert len(text) < MAX_TICKET_CHARS
        assert re.search(r"… and \d+ more", text)


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.urls: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.urls += [v or "" for k, v in attrs if k in ("src", "href")]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_is_self_contained_and_escapes_every_machine_value(tmp_path: Path) -> None:
    document = office_scan(hostname=HOSTILE)
    document["products"][0]["name"] = HOSTILE
    document["products"][0]["version"] = HOSTILE
    document["products"][0]["state"]["last_signature_update"] = HOSTILE
    document["other_security_software"][0]["name"] = HOSTILE
    document["machine"]["os_version"] = HOSTILE
    output = tmp_path / "pc.html"
    assert main(["report", _write(tmp_path, document), "--format", "html", "--output", str(output)]) == 0
    page = output.read_text(encoding="utf-8")
    parsed = _Collect()
    parsed.feed(page)
    assert "script" not in parsed.tags and "img" not in parsed.tags
    assert parsed.urls == []  # nothing to load: no network, works from a ticket attachment
    assert "<style>" in page and "@media print" in page
    assert "default-src 'none'" in page
    assert sum(HOSTILE in chunk for chunk in parsed.text) >= 4  # shown as text, not run


def test_html_of_a_removal_names_outcome_and_plan() -> None:
    page = html_report(report_facts(removal_report("removed")))
    assert 'class="outcome outcome-removed"' in page and "<li>Remove Kaspersky Security Cloud</li>" in page


def test_bad_documents_are_refused_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for content in ("not json", json.dumps({"schema": "switchover.plan/1"}), json.dumps([1, 2])):
        path = tmp_path / "bad.json"
        path.write_text(content)
        assert main(["report", str(path)]) == 2
        assert capsys.readouterr().err.count("\n") == 1
    assert main(["report", str(tmp_path / "missing.json")]) == 2
