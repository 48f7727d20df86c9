"""Typed steps on the outside of plan/1: the document keeps its strings, the code reads real fields."""

from __future__ import annotations

import pytest

from core.removal.plan import Plan, Step, When
from core.removal.plan_rescue import _template

OLD_STEP = {
    "id": "uninstall:k",
    "phase": "remove",
    "action": "uninstall_msi",
    "title": "Remove K",
    "why": "because",
    "command": ["C:\\Windows\\System32\\msiexec.exe", "/x", "{C9EF800D-54AA-4F60-AB96-5A3966550F53}"],
    "elevated": True,
    # written by hand in another order, as an older or other writer might
    "details": {
        "after": "uninstall:a,uninstall:b",
        "scope": "machine",
        "product_code": "{C9EF800D-54AA-4F60-AB96-5A3966550F53}",
        "x_later_field": "kept",
    },
}


def test_a_plan1_step_reads_into_typed_fields_and_writes_back_the_same_details() -> None:
    step = Step.from_json(OLD_STEP)
    assert step.after == ("uninstall:a", "uninstall:b")
    assert step.scope == "machine"
    assert step.product_code == "{C9EF800D-54AA-4F60-AB96-5A3966550F53}"
    assert step.extra == {"x_later_field": "kept"}
    assert step.to_json()["details"] == OLD_STEP["details"]
    assert step.kind == "program"


def test_conditions_read_and_write_as_plan1_spells_them() -> None:
    for text, when in (
        ("if_failed:a,b", When("if_failed", ("a", "b"))),
        ("reboot_needed", When("reboot_needed")),
        ("leftovers_remain", When("leftovers_remain")),
    ):
        assert When.from_text(text) == when and when.to_text() == text
    fallback = Step.from_json({**OLD_STEP, "command": None, "details": {"when": "if_failed:a"}})
    assert fallback.kind == "fallback" and fallback.falls_back_from("a") and not fallback.falls_back_from("b")


def test_a_condition_this_version_does_not_know_makes_the_plan_unreadable() -> None:
    """A resumed run must not run a step whose condition it cannot judge."""
    document = {
        "schema": "switchover.plan/1",
        "created_at": "2025-01-01T00:00:00Z",
        "mode": "silent",
        "os": "windows",
        "steps": [{**OLD_STEP, "details": {"when": "on_tuesdays"}}],
    }
    with pytest.raises(ValueError, match="unknown step condition"):
        Plan.from_json(document)


def test_a_step_template_for_something_unknown_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown 'for'"):
        _template({"id": "rescue:x", "action": "x", "for": "each_toaster", "title": "t", "why": "w"})
