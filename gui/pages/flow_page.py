"""The base of every page: its stage in `core.assistant.flow`, the shared session, and the page's
building blocks.

Every page reads the same way: where the person is in the steps, one bottom line
in plain words, what to do, and the detail (sources, evidence, plan internals)
behind a "Why?" expander, one click away.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from core.assistant.flow import Stage, next_stage
from gui.errors import report_exception

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


def button_row(into: QBoxLayout, *buttons: QPushButton) -> QHBoxLayout:
    """Buttons side by side, from the left, added to `into`."""
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    into.addLayout(row)
    return row


def scaled_font(widget: QWidget, factor: float, *, bold: bool = False) -> QFont:
    """The widget's font made `factor` times larger: sizes follow the platform's own font."""
    font = QFont(widget.font())
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * factor)
    else:
        font.setPixelSize(round(font.pixelSize() * factor))
    font.setBold(bold)
    return font


class WhyExpander(QWidget):
    """ "Why?": the detail behind a page's plain words (sources, evidence), shown on request.

    Closed by default, so the page reads in plain words; links open in the person's browser.
    """

    def __init__(self, text: str, name: str, parent: QWidget | None = None) -> None:
        # Not on the first window's path: the Qt namespace costs 11 ms to load, and Welcome has no "Why?".
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QTextBrowser, QToolButton

        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.toggle = QToolButton()
        self.toggle.setText(text)
        self.toggle.setCheckable(True)
        self.toggle.setAutoRaise(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setAccessibleName(text.replace("&", ""))
        self.toggle.setAccessibleDescription(self.tr("Shows or hides the details"))
        self.toggle.toggled.connect(self.show_details)
        layout.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(True)  # QDesktopServices: the person's own browser
        self.text.setAccessibleName(name)
        self.text.setVisible(False)
        layout.addWidget(self.text, 1)
        self.show_details(False)

    def show_details(self, shown: bool) -> None:
        from PySide6.QtCore import Qt  # the Qt namespace costs 11 ms to load: not on the first window's path

        self.toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.text.setVisible(shown)

    @property
    def open(self) -> bool:
        return self.toggle.isChecked()


# The steps a person sees at the top of every page: several stages share one step.
STEPS: tuple[tuple[str, frozenset[Stage]], ...] = (
    ("Find", frozenset({Stage.WELCOME, Stage.SCAN, Stage.FOUND})),
    ("Understand", frozenset({Stage.BAN})),
    ("Choose", frozenset({Stage.ALTERNATIVES})),
    ("Prepare", frozenset({Stage.PREPARE})),
    ("Remove", frozenset({Stage.REMOVE, Stage.RESTART})),
    ("Check", frozenset({Stage.VERIFY, Stage.DONE})),
)


class FlowPage(QWizardPage):
    stage: ClassVar[Stage]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"page_{self.stage.name.lower()}")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.steps_label = wrapped(self.steps_text(), name=self.tr("Steps"))
        outer.addWidget(self.steps_label)
        # The page scrolls rather than growing past the screen (200% scale on a small laptop).
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setAccessibleName(self.tr("Page"))
        inner = QWidget()
        self.body = QVBoxLayout(inner)
        self.body.setContentsMargins(0, 4, 0, 0)
        self.scroller.setWidget(inner)
        outer.addWidget(self.scroller, 1)

    def steps_text(self) -> str:
        """Where the person is: the steps with the current one in bold (words, not colour alone)."""
        translated = {
            "Find": self.tr("Find"),
            "Understand": self.tr("Understand"),
            "Choose": self.tr("Choose"),
            "Prepare": self.tr("Prepare"),
            "Remove": self.tr("Remove"),
            "Check": self.tr("Check"),
        }
        parts = []
        for index, (step, stages) in enumerate(STEPS, start=1):
            text = f"{index} {translated[step]}"
            parts.append(f"<b>[{text}]</b>" if self.stage in stages else text)
        return "  ›  ".join(parts)

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

    def bottom_line(self) -> QLabel:
        """The page's one sentence in plain words, larger than the rest: what a person must know here."""
        label = self.paragraph(name=self.tr("In short"))
        label.setFont(scaled_font(label, 1.2, bold=True))
        return label

    def why(self, name: str, text: str = "", *, stretch: int = 1) -> WhyExpander:
        """A "Why?" expander added to the page: the details behind its plain words; opened, it takes
        the room the page has left."""
        expander = WhyExpander(text or self.tr("&Why? Details and sources"), name)
        self.body.addWidget(expander, stretch)
        return expander

    def refresh_buttons(self) -> None:
        """Ask the wizard to re-check Next/Back after this page's state changed."""
        from gui.pyside_fixes import emit  # ctypes: not on the first window's path

        emit(self.completeChanged)

    def advance(self) -> None:
        """Move on by itself when there is nothing for the person to decide here (saves a click)."""
        wizard = self.switchover()
        if wizard.currentPage() is self and self.isComplete() and not wizard.closing:
            wizard.next()
