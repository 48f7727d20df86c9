"""Hostile or damaged documents: report and fleet either read them or refuse them with ValueError."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from core.helpdesk.fleet import summarize
from core.helpdesk.report import html_report, report_facts, ticket_text
from tests.helpdesk.documents import office_scan, removal_report

_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=20,
)
_BASES = [office_scan(), removal_report("removed")]


def _mutated(base: dict, path: list[str], value: object) -> dict:
    document = json.loads(json.dumps(base))
    target = document
    for key in path[:-1]:
        nxt = target.get(key) if isinstance(target, dict) else None
        if not isinstance(nxt, dict):
            break
        target = nxt
    if isinstance(target, dict):
        target[path[-1]] = value
    return document


_PATHS = st.sampled_from(
    [
        ["machine"],
        ["machine", "hostname"],
        ["products"],
        ["summary"],
        ["notes"],
        ["scanned_at"],
        ["scan"],
        ["scan", "products"],
        ["plan"],
        ["run"],
        ["verification"],
        ["verification", "summary"],
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_BASES), _PATHS, _json)
def test_any_damage_is_read_or_refused_with_value_error(base: dict, path: list[str], value: object) -> None:
    document = _mutated(base, path, value)
    try:
        facts = report_facts(document)
    except ValueError:
        return
    assert len(ticket_text(facts)) < 4000
    assert "<script" not in html_report(facts)


@settings(max_examples=50, deadline=None)
@given(st.lists(_json, min_size=1, max_size=3))
def test_fleet_never_stops_on_a_bad_document(tmp_path_factory, documents: list[object]) -> None:
    folder: Path = tmp_path_factory.mktemp("fleet")
    for number, document in enumerate(documents):
        (folder / f"{number}.json").write_text(json.dumps(document))
    summary = summarize([str(folder)])
    assert len(summary.machines) + len(summary.skipped) == len(documents)
