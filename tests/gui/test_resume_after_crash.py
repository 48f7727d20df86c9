"""A removal cut off by a crash or a power cut: the assistant reopens at Remove, says so, and finishes it.

The journal is left exactly as a crash leaves it (a run with no end record), once by a
power cut in the middle of an uninstaller on the home PC, once by journal records
written directly for the office PC. The demo runner records every program it runs,
so a step that had ended running again would show.
"""

from __future__ import annotations

import dataclasses
import threading
from collections import Counter
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from core.assistant.demo import DEMO_PASSWORD
from core.assistant.flow import Stage
from core.detection.scan import scan
from core.removal.journal import Journal
from core.removal.plan import plan_removal
from core.runner import Runner, RunResult
from gui.session import Machine, Session, demo_machine
from tests.gui.conftest import FAST
from tests.gui.walk import TIMEOUT_MS, remove, scan_to_found, stage, to_remove

BACK = QWizard.WizardButton.BackButton


class PowerCut(Exception):
    """The computer went off: nothing after this point reached the journal."""


class CutsPowerOnCall:
    """A Runner whose nth program does its work, and then the power goes before anyone learns the outcome."""

    def __init__(self, runner: Runner, call: int) -> None:
        self._runner = runner
        self._call = call
        self._calls = 0

    def run(
        self,
        argv: Sequence[str],
        *,
        elevated: bool,
        timeout: float,
        cancel: threading.Event,
        secrets: Sequence[str] = (),
    ) -> RunResult:
        result = self._runner.run(argv, elevated=elevated, timeout=timeout, cancel=cancel, secrets=secrets)
        self._calls += 1
        if self._calls == self._call:
            raise PowerCut
        return result


def statuses(wizard) -> dict[str, str]:
    page = wizard.pages[Stage.REMOVE]
    return {step_id: item.text(1) for step_id, item in page.items.items()}


def records(machine: Machine, type_: str) -> list[dict]:
    return [r for r in Journal(machine.journal_path).records() if r["type"] == type_]


def test_home_pc_power_cut_mid_uninstall_reopens_at_remove_and_finishes(qtbot: QtBot, open_wizard) -> None:
    machine = demo_machine("home", delay=FAST)
    demo = machine.demo
    # The second uninstaller (Password Manager) removes its product, then the power goes.
    first = open_wizard(machine=dataclasses.replace(machine, runner=CutsPowerOnCall(machine.runner, 2)))
    scan_to_found(qtbot, first)
    to_remove(qtbot, first)
    plan = first.session.require_plan()
    premium, manager, vpn, ultra = (
        s for s in plan.steps if s.command and s.action in ("uninstall_msi", "uninstall_program")
    )
    remove(qtbot, first)
    assert not records(machine, "run_ended")  # the journal looks exactly as after a crash
    assert [r["step"] for r in records(machine, "step_started")][-1] == manager.id
    first.close()
    calls_before = list(demo.runner.calls)
    assert [call[2] for call in calls_before] == [premium.command[2], manager.command[2]]

    wizard = open_wizard(machine=machine)
    assert stage(wizard) is Stage.REMOVE
    assert not wizard.button(BACK).isEnabled()
    page = wizard.pages[Stage.REMOVE]
    assert page.resume_note.isVisible()
    note = page.resume_note.text()
    assert "stopped before it finished the removal" in note
    assert f"“{manager.title}” was under way when it stopped" in note
    shown = statuses(wizard)
    assert shown[premium.id] == "✓ Done, restart needed"
    assert shown[manager.id] == "⚠ Interrupted"
    assert shown[vpn.id] == "Waiting"
    assert page.start_button.text() == "&Finish the removal"
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()  # finish it first

    assert remove(qtbot, wizard) == "reboot_needed"
    assert not wizard.button(BACK).isEnabled()
    # Premium ran once, before the power cut; the Password Manager's rescan showed it gone; the rest once.
    assert Counter(demo.runner.calls) == Counter([*calls_before, vpn.command, ultra.command])
    assert len(records(machine, "run_started")) == 1  # the same run, finished
    assert len(records(machine, "resumed")) == 1
    manager_ends = [r for r in records(machine, "step_ended") if r["step"] == manager.id]
    assert len(manager_ends) == 1 and "already removed" in manager_ends[0]["message"]
    assert records(machine, "run_ended")[-1]["status"] == "reboot_needed"

    assert stage(wizard) is Stage.RESTART  # finished: on to the restart by itself
    qtbot.mouseClick(wizard.pages[Stage.RESTART].restart_button, Qt.MouseButton.LeftButton)
    assert stage(wizard) is Stage.VERIFY
    qtbot.waitUntil(lambda: wizard.session.verification is not None, timeout=TIMEOUT_MS)
    assert wizard.session.verification.status == "removed"


def test_office_pc_step_cut_off_before_its_uninstaller_ran_runs_once_with_the_password(
    qtbot: QtBot, open_wizard
) -> None:
    machine = demo_machine("office", delay=FAST)
    demo = machine.demo
    plan = plan_removal(scan(demo.target, observe=demo.observe))
    journal = Journal(machine.journal_path)
    run = journal.open_run(plan.to_json())
    rescue = [s for s in plan.steps if s.phase == "rescue"]
    for step in rescue:  # the checks the person confirmed by hand
        journal.record(run, "step_started", step=step.id)
        journal.record(run, "step_ended", step=step.id, status="done", message="done by hand", exit_code=None)
    kes = next(s for s in plan.steps if s.action == "uninstall_msi")
    journal.record(run, "step_started", step=kes.id)  # and then the power went, before msiexec started

    wizard = open_wizard(machine=machine)
    assert stage(wizard) is Stage.REMOVE
    assert not wizard.button(BACK).isEnabled()
    page = wizard.pages[Stage.REMOVE]
    assert f"{len(rescue)} of {len(plan.steps)} steps had finished" in page.resume_note.text()
    assert page.progress.value() == len(rescue)
    assert page.password.isVisible()  # never saved: the person types it again

    asked: list[str] = []
    original = page._ask_manual
    page._ask_manual = lambda step: (asked.append(step.id), original(step))  # type: ignore[method-assign]
    assert remove(qtbot, wizard, password=DEMO_PASSWORD) == "reboot_needed"
    assert not any(step.id in asked for step in rescue)  # what had ended is not asked again
    programs = [call[2] for call in demo.runner.calls]
    assert sorted(programs) == sorted(s.command[2] for s in plan.steps if s.action == "uninstall_msi")
    ended = Counter(r["step"] for r in records(machine, "step_ended"))
    assert all(count == 1 for count in ended.values())
    assert all(DEMO_PASSWORD not in line for line in machine.journal_path.read_text(encoding="utf-8").split())


def test_an_error_mid_removal_lets_try_again_finish_the_same_run(qtbot: QtBot, open_wizard) -> None:
    machine = demo_machine("home", delay=FAST)
    wizard = open_wizard(machine=dataclasses.replace(machine, runner=CutsPowerOnCall(machine.runner, 2)))
    scan_to_found(qtbot, wizard)
    to_remove(qtbot, wizard)
    remove(qtbot, wizard)
    page = wizard.pages[Stage.REMOVE]
    assert "stopped with an error" in page.status.text()
    assert wizard.session.interrupted is not None  # the journal's run is still open
    assert remove(qtbot, wizard) == "reboot_needed"
    assert len(records(machine, "run_started")) == 1
    assert Counter(machine.demo.runner.calls).most_common(1)[0][1] == 1  # nothing ran twice


def test_a_cut_off_step_done_by_hand_is_asked_again() -> None:
    machine = demo_machine("home", delay=0)
    session = Session(machine)
    plan = plan_removal(scan(machine.target, observe=machine.observe))
    by_hand = next(s for s in plan.steps if s.command is None and s.product_id is None)
    uninstall = next(s for s in plan.steps if s.action == "uninstall_msi")
    assert session.still_needed(by_hand)  # nothing a rescan sees says it ended
    assert session.still_needed(uninstall)
    machine.runner.run(uninstall.command, elevated=True, timeout=60, cancel=threading.Event())
    assert not session.still_needed(uninstall)
