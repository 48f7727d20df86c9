"""The clean-up of leftovers is asked only while the rescan still shows something of Kaspersky: a person
is never asked to tidy up nothing (issue 13's trial)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from core.model import Target
from core.removal.executor import StepEvent, execute_plan
from core.removal.journal import Journal
from core.removal.plan import When
from core.removal.verify import leftover_locations
from core.runner import Runner
from tests.removal.doubles import ScriptPlan, step


class NoPrograms(Runner):
    """The plan has no program step: nothing may be started."""

    def run(self, *_args, **_kwargs):  # type: ignore[override]
        raise AssertionError("no program should run")


def clean_up(root: Path) -> tuple[list[str], list[StepEvent]]:
    target = Target(os="linux", live=False, root=str(root))
    plan = ScriptPlan((step("finish:leftovers", None, phase="finish", action="clean_leftovers",
                            when=When("leftovers_remain")),))  # fmt: skip
    asked: list[str] = []
    events: list[StepEvent] = []

    def confirm(s) -> bool:
        asked.append(s.id)
        return True

    execute_plan(
        plan,
        runner=NoPrograms(),
        journal=Journal(root.parent / "journal.jsonl"),
        password=None,
        cancel=threading.Event(),
        on_event=events.append,
        confirm_manual=confirm,
        leftovers=lambda: leftover_locations(target),
    )
    return asked, events


@pytest.fixture
def root(tmp_path: Path) -> Path:
    machine = tmp_path / "root"
    (machine / "var/lib/dpkg").mkdir(parents=True)
    (machine / "var/lib/dpkg/status").write_text("", encoding="utf-8")
    return machine


def test_nothing_left_means_no_question(root: Path) -> None:
    asked, events = clean_up(root)
    assert asked == []
    [event] = [e for e in events if e.step_id == "finish:leftovers"]
    assert event.status == "skipped" and "no leftovers" in event.message


def test_a_folder_left_behind_is_still_asked_about(root: Path) -> None:
    (root / "opt/kaspersky/kesl/bin").mkdir(parents=True)  # what an uninstaller left behind
    asked, events = clean_up(root)
    assert asked == ["finish:leftovers"]
    assert [e.status for e in events if e.step_id == "finish:leftovers"][-1] == "done"


def test_what_is_left_is_named(root: Path) -> None:
    target = Target(os="linux", live=False, root=str(root))
    assert leftover_locations(target) == ()
    (root / "opt/kaspersky/kesl/bin").mkdir(parents=True)
    assert any(location.endswith("/opt/kaspersky") or "/opt/kaspersky" in location
               for location in leftover_locations(target))  # fmt: skip
