"""The whole assistant, end to end, on both demo machines: real pages, real workers, real core."""

from __future__ import annotations

import dataclasses
import json
import time
from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from core.demo import DEMO_PASSWORD, demo_machines
from core.flow import Stage
from core.model import Observation, Target
from core.verify import Protection
from gui.session import Machine, demo_machine
from tests.gui.conftest import FAST
from tests.gui.walk import TIMEOUT_MS, next_, remove, scan_to_found, stage, to_remove

BACK = QWizard.WizardButton.BackButton


def verify_and_finish(qtbot: QtBot, wizard) -> None:
    """A clean, protected result moves on to Done by itself: nothing is left to decide on Verify."""
    assert stage(wizard) is Stage.VERIFY
    assert not wizard.button(BACK).isEnabled()
    qtbot.waitUntil(lambda: stage(wizard) is Stage.DONE, timeout=TIMEOUT_MS)
    assert not wizard.button(BACK).isEnabled()


def test_home_pc_end_to_end_with_a_restart(qtbot: QtBot, open_wizard, tmp_path) -> None:
    wizard = open_wizard("home")
    scan_to_found(qtbot, wizard)
    found = wizard.pages[Stage.FOUND]
    shown = found.products.toPlainText()
    assert all(name in shown for name in ("Kaspersky Premium", "Kaspersky Password Manager", "UltraAV"))
    assert "Virus definitions last updated on 28 September 2024" in shown
    to_remove(qtbot, wizard)  # no password to type: leaving Prepare started the removal
    page = wizard.pages[Stage.REMOVE]
    assert page.busy and not page.password.isVisible()
    assert not wizard.button(BACK).isEnabled()
    assert remove(qtbot, wizard) == "reboot_needed"
    steps = page.steps
    shown = {
        steps.topLevelItem(i).text(0): steps.topLevelItem(i).text(1)
        for i in range(steps.topLevelItemCount())
        if not steps.topLevelItem(i).isHidden()
    }
    assert shown["Remove Kaspersky Premium"] == "✓ Done, restart needed"
    assert shown["Cancel the UltraAV subscription"] == "→ On your list for later"  # nothing waits for it

    qtbot.waitUntil(lambda: stage(wizard) is Stage.RESTART, timeout=TIMEOUT_MS)  # finished: on by itself
    assert not wizard.button(BACK).isEnabled()
    restart = wizard.pages[Stage.RESTART]
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    qtbot.mouseClick(restart.restart_button, Qt.MouseButton.LeftButton)
    verify_and_finish(qtbot, wizard)
    verification = wizard.session.verification
    assert verification.status == "removed"
    assert verification.protection.active == ("Microsoft Defender Antivirus",)

    done = wizard.pages[Stage.DONE]
    assert done.banner.headline.text() == "✓ Protected by Microsoft Defender Antivirus"
    assert "Stop paying for UltraAV" in done.todo_text.text()
    assert "Microsoft Defender Antivirus" in done.summary.toPlainText()
    qtbot.mouseClick(done.copy_button, Qt.MouseButton.LeftButton)
    assert "Verified: no Kaspersky software" in QGuiApplication.clipboard().text()
    report_path = tmp_path / "report.json"
    done.save_report(str(report_path))
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert report["verification"]["status"] == "removed"
    assert report["run"]["status"] == "reboot_needed"


def test_office_pc_wrong_password_fails_then_the_right_one_works(qtbot: QtBot, open_wizard) -> None:
    wizard = open_wizard("office")
    scan_to_found(qtbot, wizard)
    assert wizard.pages[Stage.FOUND].managed.isVisible()
    to_remove(qtbot, wizard)
    page = wizard.pages[Stage.REMOVE]
    assert page.password.echoMode() == page.password.EchoMode.Password
    assert DEMO_PASSWORD in page.password_note.text()  # the demo shows its training password

    assert wizard.button(BACK).isEnabled()  # nothing has started: the password is typed here first
    assert not page.busy

    # The wrong password is named at once; no fallback tools, no "Your turn"; the box stays editable.
    assert remove(qtbot, wizard, password="not-the-password", do_by_hand=False) == "cancelled"
    assert "password was not accepted" in page.status.text()
    assert page.password.isEnabled() and page.password.isVisible()
    shown = [page.steps.topLevelItem(i) for i in range(page.steps.topLevelItemCount())]
    assert "✗ Did not work" in [item.text(1) for item in shown if not item.isHidden()]
    assert not any("Kaspersky's own tool" in item.text(0) for item in shown if not item.isHidden())
    assert page.start_button.isEnabled() and "again" in page.start_button.text()
    assert not wizard.button(BACK).isEnabled()
    assert stage(wizard) is Stage.REMOVE

    assert remove(qtbot, wizard, password=DEMO_PASSWORD) == "reboot_needed"  # retried in place
    assert all(DEMO_PASSWORD not in " ".join(call) for call in wizard.session.machine.demo.runner.calls)
    qtbot.waitUntil(lambda: stage(wizard) is Stage.RESTART, timeout=TIMEOUT_MS)
    qtbot.mouseClick(wizard.pages[Stage.RESTART].restart_button, Qt.MouseButton.LeftButton)
    verify_and_finish(qtbot, wizard)
    assert wizard.session.verification.status == "removed"


def test_cancel_a_removal_then_finish_it(qtbot: QtBot, open_wizard) -> None:
    wizard = open_wizard("home", delay=2.0)
    scan_to_found(qtbot, wizard)
    to_remove(qtbot, wizard)  # leaving Prepare starts the removal
    page = wizard.pages[Stage.REMOVE]
    qtbot.waitUntil(
        lambda: (
            "Running"
            in " ".join(page.steps.topLevelItem(i).text(1) for i in range(page.steps.topLevelItemCount()))
        ),
        timeout=TIMEOUT_MS,
    )
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()  # never leave mid-run
    qtbot.mouseClick(page.stop_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.worker is None, timeout=TIMEOUT_MS)
    assert wizard.session.run == "cancelled"
    assert not wizard.button(BACK).isEnabled()
    wizard.session.machine.demo.runner._delay = 0.01  # the second attempt need not be slow
    assert remove(qtbot, wizard) == "reboot_needed"


def slow_scan(machine: Machine, seconds: float) -> Machine:
    """The same machine, with each observation taking a while: the demo's own scan is instant."""
    observe = machine.observe

    def slowly(target: Target, notes) -> Iterator[Observation]:
        for observation in observe(target, notes):
            time.sleep(seconds)
            yield observation

    return dataclasses.replace(machine, observe=slowly)


def test_cancel_the_scan_then_scan_again(qtbot: QtBot, open_wizard) -> None:
    wizard = open_wizard(machine=slow_scan(demo_machine("home", delay=FAST), 0.05))
    next_(qtbot, wizard)
    page = wizard.pages[Stage.SCAN]
    assert page.busy
    qtbot.mouseClick(page.stop_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.busy, timeout=TIMEOUT_MS)
    assert stage(wizard) is Stage.SCAN
    assert "stopped" in page.status.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    qtbot.mouseClick(page.again_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: stage(wizard) is Stage.FOUND, timeout=TIMEOUT_MS)


def test_declined_administrator_prompt_is_explained_and_can_be_retried(qtbot: QtBot, open_wizard) -> None:
    wizard = open_wizard("home")
    wizard.session.machine.demo.runner.refuse_elevation = 1
    scan_to_found(qtbot, wizard)
    to_remove(qtbot, wizard)
    assert remove(qtbot, wizard) == "cancelled"
    page = wizard.pages[Stage.REMOVE]
    assert "declined the administrator prompt" in page.status.text()
    assert remove(qtbot, wizard) == "reboot_needed"


def test_resume_after_the_restart_opens_at_verify(qtbot: QtBot, open_wizard) -> None:
    first = open_wizard("home")
    scan_to_found(qtbot, first)
    to_remove(qtbot, first)
    assert remove(qtbot, first) == "reboot_needed"
    machine = first.session.machine
    first.close()

    # Switchover is closed before restarting; it opens again at Restart until the machine restarts.
    reopened = open_wizard(machine=machine)
    assert stage(reopened) is Stage.RESTART
    reopened.close()

    machine.demo.restart()
    after_restart = open_wizard(machine=machine)
    assert stage(after_restart) is Stage.VERIFY
    assert not after_restart.button(BACK).isEnabled()
    qtbot.waitUntil(lambda: after_restart.session.verification is not None, timeout=TIMEOUT_MS)
    assert after_restart.session.verification.status == "removed"

    # Verified: the journal's run is closed, so the next start is a fresh one.
    assert stage(open_wizard(machine=machine)) is Stage.WELCOME


def test_back_works_before_remove(qtbot: QtBot, open_wizard) -> None:
    wizard = open_wizard("home")
    scan_to_found(qtbot, wizard)
    next_(qtbot, wizard)
    assert stage(wizard) is Stage.BAN
    qtbot.mouseClick(wizard.button(BACK), Qt.MouseButton.LeftButton)
    assert stage(wizard) is Stage.FOUND


def clean_machine(tmp_path) -> Machine:
    """A computer with nothing of Kaspersky on it (and no demo): the short path."""
    empty = demo_machines()["home"]
    return Machine(
        target=Target(os="windows", live=False),
        observe=lambda _target, _notes: iter(()),
        runner=empty.runner,
        protection=lambda: Protection(("Microsoft Defender Antivirus",)),
        journal_path=tmp_path / "journal.jsonl",
        restarted_since=lambda _since: False,
    )


def test_a_clean_machine_takes_the_short_reassuring_path(qtbot: QtBot, open_wizard, tmp_path) -> None:
    wizard = open_wizard(machine=clean_machine(tmp_path))
    scan_to_found(qtbot, wizard)
    found = wizard.pages[Stage.FOUND]
    assert "no Kaspersky software was found" in found.summary.text()
    assert not found.products.isVisible()
    for expected in (Stage.BAN, Stage.ALTERNATIVES, Stage.DONE):
        next_(qtbot, wizard)
        assert stage(wizard) is expected
    assert "Nothing to remove." in wizard.pages[Stage.DONE].summary.toPlainText()


def test_try_the_demo_from_a_clean_machine(qtbot: QtBot, open_wizard, tmp_path) -> None:
    wizard = open_wizard(machine=clean_machine(tmp_path))
    scan_to_found(qtbot, wizard)
    office = wizard.pages[Stage.FOUND].demo_buttons[1]
    assert office.isVisible()
    qtbot.mouseClick(office, Qt.MouseButton.LeftButton)
    assert stage(wizard) is Stage.WELCOME
    assert wizard.session.machine.demo.key == "office"
    assert "office PC" in wizard.windowTitle()
    wizard.session.machine.demo.runner._delay = 0.01
    scan_to_found(qtbot, wizard)
    assert not wizard.pages[Stage.FOUND].demo_buttons[1].isVisible()


def test_a_stale_kaspersky_never_gets_a_tick(qtbot: QtBot, open_wizard) -> None:
    """Given up after a refused password: Windows still lists Kaspersky as active, but it gets no updates."""
    wizard = open_wizard("office")
    scan_to_found(qtbot, wizard)
    to_remove(qtbot, wizard)
    assert remove(qtbot, wizard, password="not-the-password", do_by_hand=False) == "cancelled"
    next_(qtbot, wizard)  # Continue: see where the computer stands
    qtbot.waitUntil(lambda: wizard.session.verification is not None, timeout=TIMEOUT_MS)
    assert stage(wizard) is Stage.VERIFY  # not clean: the page stays and says so
    verification = wizard.session.verification
    assert any("Kaspersky" in name for name in verification.protection.active)
    banner = wizard.pages[Stage.VERIFY].banner
    assert banner.headline.text() == "⚠ Not protected yet"
    assert "gets no updates: it is not protecting you" in banner.detail.text()
    assert "✓" not in banner.headline.text() and banner.security_button.isVisible()
    next_(qtbot, wizard)
    done = wizard.pages[Stage.DONE]
    assert "Part of Kaspersky is still on this computer" in done.outcome.text()
    assert done.save_button.isVisible()  # the help-desk report is offered
