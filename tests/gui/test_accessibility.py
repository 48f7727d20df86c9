"""Every page of the demo flow: every interactive control has a name, and the keyboard alone works."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QProgressBar,
    QWidget,
    QWizard,
)
from pytestqt.qtbot import QtBot

from core.demo import DEMO_PASSWORD
from core.flow import Stage
from tests.gui.walk import TIMEOUT_MS, next_, remove, scan_to_found, stage

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
)


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface else ""


def unnamed_controls(wizard: QWizard) -> list[str]:
    """Visible interactive controls (and status bars) that a screen reader could not name."""
    widgets = [
        *wizard.currentPage().findChildren(QWidget),
        *(
            wizard.button(b)
            for b in QWizard.WizardButton
            if b.value <= QWizard.WizardButton.CustomButton1.value and wizard.button(b) is not None
        ),
    ]
    missing = []
    for widget in widgets:
        if not widget.isVisible() or not isinstance(widget, (*INTERACTIVE, QProgressBar)):
            continue
        if (
            isinstance(widget, QAbstractScrollArea)
            and widget.parent() is not None
            and isinstance(widget.parent().parent(), QComboBox)
        ):
            continue  # a combo box's own popup list
        if not accessible_name(widget):
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


def check_page(wizard: QWizard, seen: dict[Stage, list[str]]) -> None:
    seen[stage(wizard)] = unnamed_controls(wizard)


def test_every_page_names_every_control(qtbot: QtBot, open_wizard) -> None:
    seen: dict[Stage, list[str]] = {}
    wizard = open_wizard("office")
    check_page(wizard, seen)
    scan_to_found(qtbot, wizard)
    check_page(wizard, seen)
    for _ in (Stage.BAN, Stage.ALTERNATIVES, Stage.PREPARE):
        next_(qtbot, wizard)
        check_page(wizard, seen)
    for box in wizard.pages[Stage.PREPARE].boxes.values():
        box.setChecked(True)
    next_(qtbot, wizard)
    check_page(wizard, seen)
    remove(qtbot, wizard, password=DEMO_PASSWORD)
    check_page(wizard, seen)
    qtbot.waitUntil(lambda: stage(wizard) is Stage.RESTART, timeout=TIMEOUT_MS)
    check_page(wizard, seen)
    qtbot.mouseClick(wizard.pages[Stage.RESTART].restart_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.session.verification is not None, timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: stage(wizard) is Stage.DONE, timeout=TIMEOUT_MS)  # a clean result moves on
    check_page(wizard, seen)
    assert set(seen) == set(Stage) - {Stage.SCAN, Stage.VERIFY}  # these pass by themselves: checked below
    assert {s: names for s, names in seen.items() if names} == {}


def test_scan_page_controls_are_named(qtbot: QtBot, open_wizard) -> None:
    wizard = open_wizard("home", delay=0.5)
    next_(qtbot, wizard)
    assert stage(wizard) is Stage.SCAN
    assert unnamed_controls(wizard) == []
    wizard.pages[Stage.SCAN].stop()
    # until the stopped scan's thread has ended, closing would ask "Stop and close?" (slower on Windows)
    qtbot.waitUntil(lambda: wizard.busy_page() is None, timeout=TIMEOUT_MS)


def test_status_labels_are_words_not_colours(qtbot: QtBot, open_wizard) -> None:
    wizard = open_wizard("home")
    scan_to_found(qtbot, wizard)
    labels = [w for w in wizard.findChildren(QLabel) if w.accessibleName()]
    assert labels  # named status labels exist, and they say their status in words
    assert all(not w.styleSheet() for w in labels)


def test_keyboard_alone_reaches_the_results_and_ticks_the_checklist(qtbot: QtBot, open_wizard) -> None:
    wizard = open_wizard("home")
    wizard.activateWindow()
    qtbot.waitActive(wizard)
    qtbot.keyClick(wizard, Qt.Key.Key_Return)  # Next is the default button
    qtbot.waitUntil(lambda: stage(wizard) is Stage.FOUND, timeout=TIMEOUT_MS)
    for _ in (Stage.BAN, Stage.ALTERNATIVES, Stage.PREPARE):  # Return presses the default button, Next
        qtbot.keyClick(wizard.focusWidget() or wizard, Qt.Key.Key_Return)
    assert stage(wizard) is Stage.PREPARE
    prepare = wizard.pages[Stage.PREPARE]
    for _ in range(40):  # Tab through the page, ticking each box with Space
        focused = wizard.focusWidget()
        if isinstance(focused, QCheckBox) and not focused.isChecked():
            qtbot.keyClick(focused, Qt.Key.Key_Space)
        if prepare.isComplete():
            break
        qtbot.keyClick(wizard.focusWidget() or wizard, Qt.Key.Key_Tab)
    assert prepare.isComplete()
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
