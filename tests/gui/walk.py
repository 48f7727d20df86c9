"""Walking the wizard like a person: press Next, wait for work to finish, tick, type, click."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from core.flow import Stage
from gui.wizard import SwitchoverWizard

TIMEOUT_MS = 10_000


def stage(wizard: SwitchoverWizard) -> Stage:
    return Stage(wizard.currentId())


def press(qtbot: QtBot, wizard: SwitchoverWizard, which: QWizard.WizardButton) -> None:
    button = wizard.button(which)
    assert button.isVisible() and button.isEnabled(), f"{which} is not available on {stage(wizard).name}"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def next_(qtbot: QtBot, wizard: SwitchoverWizard) -> None:
    which = (
        QWizard.WizardButton.CommitButton
        if wizard.currentPage().isCommitPage()
        else QWizard.WizardButton.NextButton
    )
    press(qtbot, wizard, which)


def scan_to_found(qtbot: QtBot, wizard: SwitchoverWizard) -> None:
    assert stage(wizard) is Stage.WELCOME
    next_(qtbot, wizard)
    qtbot.waitUntil(lambda: stage(wizard) is Stage.FOUND, timeout=TIMEOUT_MS)


def to_remove(qtbot: QtBot, wizard: SwitchoverWizard) -> None:
    """From Found through the briefing and the alternatives, tick the checklist, arrive at Remove."""
    for expected in (Stage.BAN, Stage.ALTERNATIVES, Stage.PREPARE):
        next_(qtbot, wizard)
        assert stage(wizard) is expected
    prepare = wizard.pages[Stage.PREPARE]
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # the checklist gates Next
    for box in prepare.boxes.values():
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(6, box.height() // 2))  # the tick box
    next_(qtbot, wizard)
    assert stage(wizard) is Stage.REMOVE


def remove(
    qtbot: QtBot, wizard: SwitchoverWizard, *, password: str | None = None, do_by_hand: bool = True
) -> str:
    """Wait for the removal that leaving Prepare started, or type the password and press Remove now (or
    Try again); answer the steps done by hand; wait for the end (a finished removal moves on by itself)."""
    page = wizard.pages[Stage.REMOVE]
    if page.worker is None:
        if password is not None:
            assert page.password.isVisible() and page.password.isEnabled()
            page.password.clear()
            qtbot.keyClicks(page.password, password)
        qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)

    def ended() -> bool:
        if page.turn.isVisible():
            button = page.turn_done if do_by_hand else page.turn_skip
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        return page.worker is None

    qtbot.waitUntil(ended, timeout=TIMEOUT_MS)
    assert wizard.session.run is not None
    return wizard.session.run
