"""Closing the window is always safe and responsive: during a scan, an uninstaller, a "Your turn"
question and the final check, the window asks (saying what state the computer will be in), stops
between steps and closes, without ever blocking the GUI thread."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from core.flow import Stage
from core.journal import Journal
from gui.session import demo_machine
from tests.gui.test_demo_flow import slow_scan
from tests.gui.walk import TIMEOUT_MS, next_, remove, scan_to_found, stage, to_remove


def close_and_say_yes(qtbot: QtBot, wizard) -> QMessageBox:
    wizard.close()
    box = wizard.close_question
    assert box is not None and box.isVisible()
    assert wizard.isVisible()  # nothing closes before the person answers
    started = time.monotonic()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    assert time.monotonic() - started < 0.5  # the click returns at once: nothing waits on this thread
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=TIMEOUT_MS)
    assert getattr(wizard.currentPage(), "worker", None) is None  # closed only once the work had ended
    return box


def run_ended(wizard) -> str | None:
    records = Journal(wizard.session.machine.journal_path).records()
    ends = [r for r in records if r["type"] == "run_ended"]
    return ends[-1]["status"] if ends else None


def test_closing_during_the_scan(qtbot: QtBot, open_wizard) -> None:
    wizard = open_wizard(machine=slow_scan(demo_machine("home", delay=0.02), 0.05))
    next_(qtbot, wizard)
    assert wizard.pages[Stage.SCAN].busy
    box = close_and_say_yes(qtbot, wizard)
    assert "Nothing has been changed" in box.informativeText()


def test_closing_while_an_uninstaller_runs(qtbot: QtBot, open_wizard) -> None:
    wizard = open_wizard("home", delay=1.5)
    scan_to_found(qtbot, wizard)
    to_remove(qtbot, wizard)  # leaving Prepare started the removal
    page = wizard.pages[Stage.REMOVE]
    qtbot.waitUntil(
        lambda: any(item.text(1).startswith("…") for item in page.items.values()), timeout=TIMEOUT_MS
    )
    box = close_and_say_yes(qtbot, wizard)
    assert "nothing is left half-removed" in box.informativeText()
    assert run_ended(wizard) == "cancelled"


def test_closing_at_a_your_turn_question(qtbot: QtBot, open_wizard) -> None:
    wizard = open_wizard("home")
    scan_to_found(qtbot, wizard)
    to_remove(qtbot, wizard)
    page = wizard.pages[Stage.REMOVE]
    qtbot.waitUntil(page.turn.isVisible, timeout=TIMEOUT_MS)  # "Remove UltraAV too?"
    close_and_say_yes(qtbot, wizard)
    assert run_ended(wizard) == "cancelled"
    assert not any("UltraAV" in " ".join(call) for call in wizard.session.machine.demo.runner.calls)


def test_saying_no_keeps_the_removal_going(qtbot: QtBot, open_wizard) -> None:
    wizard = open_wizard("home")
    scan_to_found(qtbot, wizard)
    to_remove(qtbot, wizard)
    page = wizard.pages[Stage.REMOVE]
    qtbot.waitUntil(page.turn.isVisible, timeout=TIMEOUT_MS)
    wizard.close()
    wizard.close_question.button(QMessageBox.StandardButton.No).click()
    assert wizard.isVisible() and page.busy
    page.turn_done.click()
    qtbot.waitUntil(lambda: stage(wizard) is Stage.RESTART, timeout=TIMEOUT_MS)


def test_closing_during_the_final_check(qtbot: QtBot, open_wizard) -> None:
    wizard = open_wizard(machine=slow_scan(demo_machine("home", delay=0.02), 0.03))
    scan_to_found(qtbot, wizard)
    to_remove(qtbot, wizard)
    remove(qtbot, wizard)
    qtbot.waitUntil(lambda: stage(wizard) is Stage.RESTART, timeout=TIMEOUT_MS)
    wizard.pages[Stage.RESTART].restart_button.click()
    assert stage(wizard) is Stage.VERIFY and wizard.pages[Stage.VERIFY].worker is not None
    close_and_say_yes(qtbot, wizard)


def test_closing_after_a_refused_password_closes_at_once(qtbot: QtBot, open_wizard) -> None:
    wizard = open_wizard("office")
    scan_to_found(qtbot, wizard)
    to_remove(qtbot, wizard)
    remove(qtbot, wizard, password="not-the-password", do_by_hand=False)
    wizard.close()  # nothing runs: no question, the computer stays as it is
    assert not wizard.isVisible() and wizard.close_question is None
