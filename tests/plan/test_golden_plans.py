"""The plan of every known scenario is the same document as recorded in tests/plan/golden/.

Recorded before the plan's code was split and its steps typed: the refactoring must not change one
byte of a plan on the wire. After a deliberate change to plans, record again with
`SWITCHOVER_RECORD_GOLDEN=1 python -m pytest tests/plan/test_golden_plans.py` and say why in the commit.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from core.removal.plan import Plan, plan_removal
from tests.plan.scenarios import SCENARIOS

GOLDEN = Path(__file__).with_name("golden")
FIXED = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)
CASES = [
    (name, silent, language) for name in SCENARIOS for silent in (False, True) for language in ("en", "es")
]


def document(name: str, *, silent: bool, language: str) -> str:
    scanned, managers = SCENARIOS[name]
    plan = plan_removal(
        scanned(), silent=silent, package_managers=managers, now=lambda: FIXED, language=language
    )
    data = plan.to_json()
    data["switchover_version"] = "(any)"  # the version changes with every release, the plan does not
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


@pytest.mark.parametrize(("name", "silent", "language"), CASES)
def test_the_plan_document_is_unchanged(name: str, silent: bool, language: str) -> None:
    path = GOLDEN / f"{name}-{'silent' if silent else 'interactive'}-{language}.json"
    text = document(name, silent=silent, language=language)
    if os.environ.get("SWITCHOVER_RECORD_GOLDEN") == "1":
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_a_recorded_plan_reads_back_to_the_same_document(name: str) -> None:
    """Journals hold plan/1 documents: each must load and write back unchanged."""
    recorded = json.loads((GOLDEN / f"{name}-silent-en.json").read_text(encoding="utf-8"))
    again = Plan.from_json(recorded).to_json()
    again["switchover_version"] = "(any)"
    assert again == recorded
