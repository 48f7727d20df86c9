"""Ten clicks: a person gets from the first window to a verified, protected Done within the budget.

A `Person` does only what a person can: click a visible, enabled button, tick a box, type into a
field (one action per field, however many keys). Waiting is free; every action is counted.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QLineEdit, QWizard
from pytestqt.qtbot import QtBot

from core.demo import DEMO_PASSWORD
from core.flow import Stage
from gui.wizard import SwitchoverWizard
from tests.gui.walk import TIMEOUT_MS, stage

HOME_BUDGET = 10
OFFICE_BUDGET = 14  # with the uninstall password typed once


@dataclass
class Person:
    qtbot: QtBot
    wizard: SwitchoverWizard
    actions: list[str] = field(default_factory=list)

    def click(self, button: QAbstractButton) -> None:
        assert button.isVisible() and button.isEnabled(), f"{button.text()!r} cannot be clicked"
        self.actions.append(f"{stage(self.wizard).name}: click {button.text().replace('&', '')}")
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    def tick(self, box: QCheckBox) -> None:
        assert box.isVisible() and box.isEnabled()
        self.actions.append(f"{stage(self.wizard).name}: tick {box.text()[:40]}")
        self.qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(6, box.height() // 2))

    def type(self, line: QLineEdit, text: str) -> None:
        assert line.isVisible() and line.isEnabled()
        self.actions.append(f"{stage(self.wizard).name}: type into {line.accessibleName()}")
        self.qtbot.keyClicks(line, text)

    def primary(self) -> QAbstractButton:
        """The one button that moves on (Next or Continue), as the person sees it."""
        for which in (QWizard.WizardButton.CommitButton, QWizard.WizardButton.NextButton):
            button = self.wizard.button(which)
            if button.isVisible():
                return button
        raise AssertionError(f"no way on from {stage(self.wizard).name}")

    def settled(self) -> bool:
        """Nothing is working in the background, or the work waits for the person."""
        page = self.wizard.currentPage()
        waiting = getattr(page, "turn", None) is not None and page.turn.isVisible()
        return getattr(page, "worker", None) is None or waiting

    def get_to_done(self, password: str | None = None) -> None:
        while stage(self.wizard) is not Stage.DONE:
            assert len(self.actions) < 30, self.actions
            self.qtbot.waitUntil(self.settled, timeout=TIMEOUT_MS)
            if stage(self.wizard) is Stage.DONE:
                break
            page = self.wizard.currentPage()
            here = stage(self.wizard)
            if here is Stage.REMOVE and page.turn.isVisible():
                self.click(page.turn_done)  # "Your turn": do what it asks (here: remove UltraAV too)
                continue
            if here is Stage.PREPARE and not page.isComplete():
                self.tick(next(box for box in page.boxes.values() if not box.isChecked()))
            elif here is Stage.REMOVE and page.start_button.isVisible() and page.start_button.isEnabled():
                if page.password.isVisible() and not page.password.text():
                    self.type(page.password, password or "")
                self.click(page.start_button)
            elif here is Stage.RESTART and page.restart_button.isVisible():
                self.click(page.restart_button)
            elif self.primary().isEnabled():
                self.click(self.primary())
            else:
                self.qtbot.wait(20)  # work that moves on by itself (a scan, a check)


def walk(qtbot: QtBot, wizard: SwitchoverWizard, password: str | None = None) -> Person:
    person = Person(qtbot, wizard)
    person.get_to_done(password)
    verification = wizard.session.verification
    assert verification is not None and verification.status == "removed"
    assert wizard.pages[Stage.DONE].banner.headline.text().startswith("✓ Protected by")
    return person


def test_the_home_pc_in_ten_actions(qtbot: QtBot, open_wizard) -> None:
    person = walk(qtbot, open_wizard("home"))
    assert len(person.actions) <= HOME_BUDGET, "\n".join(person.actions)


def test_the_office_pc_in_fourteen_actions_with_its_password(qtbot: QtBot, open_wizard) -> None:
    person = walk(qtbot, open_wizard("office"), DEMO_PASSWORD)
    assert len(person.actions) <= OFFICE_BUDGET, "\n".join(person.actions)
    assert any("type into" in action for action in person.actions)
