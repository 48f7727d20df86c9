"""The base of every page: its stage in `core.flow`, the shared session, and a few layout helpers."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget, QWizardPage

from core.flow import Stage, next_stage
from gui.errors import report_exception
from gui.pyside_fixes import emit

if TYPE_CHECKING:
    from gui.session import Session
    from gui.wizard import SwitchoverWizard


def wrapped(text: str = "", *, name: str = "") -> QLabel:
    """A label that wraps (long translations and 200% scale need it)."""
    label = QLabel(text)
    label.setWordWrap(True)
    if name:
        label.setAccessibleName(name)
    return label


def push_button(text: str, on_click: Callable[[], object]) -> QPushButton:
    button = QPushButton(text)
    button.clicked.connect(lambda _checked=False: on_click())
    return button


def button_row(into: QBoxLayout, *buttons: QPushButton) -> None:
    """Buttons side by side, from the left, added to `into`."""
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    into.addLayout(row)


class FlowPage(QWizardPage):
    stage: ClassVar[Stage]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"page_{self.stage.name.lower()}")
        self.body = QVBoxLayout(self)

    def switchover(self) -> SwitchoverWizard:
        return self.wizard()  # type: ignore[return-value]

    @property
    def session(self) -> Session:
        return self.switchover().session

    def initializePage(self) -> None:
        # Qt calls this; PySide6 cannot carry an exception back through Qt, so it is reported here.
        try:
            self.enter()
        except Exception as error:
            QTimer.singleShot(0, lambda error=error: report_exception(error))

    def enter(self) -> None:
        """Fill the page from the session as the person arrives at it (moving forward)."""

    def nextId(self) -> int:
        following = next_stage(self.stage, self.session.flow_state())
        return -1 if following is None else int(following)

    def paragraph(self, text: str = "", *, name: str = "") -> QLabel:
        """A wrapping label added to the page; `name` makes it a named status for screen readers."""
        label = wrapped(text, name=name)
        self.body.addWidget(label)
        return label

    def refresh_buttons(self) -> None:
        """Ask the wizard to re-check Next/Back after this page's state changed."""
        emit(self.completeChanged)
