"""The assistant window: a QWizard that renders `core.assistant.flow`, one thin page per stage.

The page ids are `core.assistant.flow.Stage` values (an IntEnum), each page's `nextId` asks
`core.assistant.flow.next_stage`, and Back follows `core.assistant.flow.can_go_back`: Qt alone
would allow going back from Verify to Restart, which must not happen after a
removal has started.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMenu, QWidget, QWizard

from core.assistant.flow import Stage, can_go_back, resume_stage
from gui.pages.flow_page import FlowPage
from gui.pages.welcome import WelcomePage
from gui.session import MachineChoice, Session, demo_machine
from gui.theme import fit_to_screen, mark_primary

# Only for type hints, or imported where they are used: the first window needs none of them.
if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QShowEvent
    from PySide6.QtWidgets import QMessageBox

    from core.assistant.session import Machine

log = logging.getLogger(__name__)


def later_pages() -> tuple[type[FlowPage], ...]:
    """Every page after Welcome, imported when needed: the window shows before they exist."""
    from gui.pages.alternatives import AlternativesPage
    from gui.pages.ban import BanPage
    from gui.pages.done import DonePage
    from gui.pages.found import FoundPage
    from gui.pages.prepare import PreparePage
    from gui.pages.remove import RemovePage
    from gui.pages.restart import RestartPage
    from gui.pages.scan import ScanPage
    from gui.pages.verify import VerifyPage

    return (
        ScanPage,
        FoundPage,
        BanPage,
        AlternativesPage,
        PreparePage,
        RemovePage,
        RestartPage,
        VerifyPage,
        DonePage,
    )


class _AfterFirstPaint(QObject):
    """Runs `then` once, just after `window` has painted for the first time."""

    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self._then = then
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._then)
        return False


DEMO_DELAY_S = 0.8  # how long a simulated uninstaller takes in the app: long enough to watch it work


class SwitchoverWizard(QWizard):
    def __init__(
        self, machine: Machine | MachineChoice, *, log_file: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = Session(machine)
        self.log_file = log_file
        self.setObjectName("switchover")
        self.setWindowTitle(self.window_title())
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setPixmap(QWizard.WizardPixmap.LogoPixmap, QApplication.windowIcon().pixmap(48, 48))
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        self.add_help_menu()
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Continue"))
        self.setButtonLayout(
            [
                QWizard.WizardButton.CustomButton1,  # Help: the log, the technician view (gui/technician.py)
                QWizard.WizardButton.Stretch,
                QWizard.WizardButton.CancelButton,
                QWizard.WizardButton.BackButton,
                QWizard.WizardButton.NextButton,
                QWizard.WizardButton.CommitButton,
                QWizard.WizardButton.FinishButton,
            ]
        )
        self.pages: dict[Stage, FlowPage] = {}
        self.closing = False  # the person chose to stop and close: the window goes when the work has
        self.close_question: QMessageBox | None = None
        self.currentIdChanged.connect(lambda _id: self.update_back())
        self.add_page(WelcomePage)
        start = self.resume()
        if start is Stage.WELCOME:
            # The person reads Welcome first: build the other pages once the window has shown.
            _AfterFirstPaint(self, self.add_later_pages)
        else:
            self.add_later_pages()
        self.setStartId(int(start))
        self.resize(760, 560)

    def showEvent(self, event: QShowEvent) -> None:
        fit_to_screen(self)
        super().showEvent(event)

    def add_help_menu(self) -> None:
        """Help, left of the button row: the log is for whoever helps, not the way forward. Its entries
        come after the first paint (`fill_help_menu`): QAction's enums cost the first window 2 ms."""
        button = self.button(QWizard.WizardButton.CustomButton1)
        self.setButtonText(QWizard.WizardButton.CustomButton1, self.tr("&Help"))
        button.setAccessibleName(self.tr("Help"))
        self.help_menu = QMenu(button)
        self.technician_action: QAction | None = None  # added with the later pages
        button.setMenu(self.help_menu)

    def fill_help_menu(self) -> None:
        self.open_log_action = self.help_menu.addAction(self.tr("Open Switchover's &log file"), self.open_log)
        self.open_log_action.setEnabled(bool(self.log_file))

    def add_page(self, page_class: type[FlowPage]) -> None:
        page = page_class()
        self.setPage(int(page_class.stage), page)
        page.completeChanged.connect(self.update_back)  # runs after QWizard's own button update
        self.pages[page_class.stage] = page

    def add_later_pages(self) -> None:
        # The primary button's colour too: building QPalette's enums costs the first window ~80 ms.
        mark_primary(self)
        self.fill_help_menu()
        self.session.make_machine()  # now rather than when Next is pressed
        for page_class in later_pages():
            if page_class.stage not in self.pages:
                self.add_page(page_class)
        from gui.technician import add_to  # after the first paint: the window shows before it loads

        if self.technician_action is None:
            self.technician_action = add_to(self, self.help_menu)

    def window_title(self) -> str:
        demo = self.session.demo_key
        if demo is None:
            return self.tr("Switchover")
        return self.tr("Switchover — demo: {machine}").format(machine=self.machine_title(demo))

    def machine_title(self, key: str) -> str:
        return {"home": self.tr("home PC"), "office": self.tr("office PC")}.get(key, key)

    def resume(self) -> Stage:
        """Where to open: Welcome, or the stage of a run the journal says is unfinished.

        A run cut off mid-way (a crash, a power cut) reopens at Remove to be finished; one that
        waits for a restart reopens at Restart, or at Verify once the computer has restarted.
        """
        session = self.session
        if not session.journal_path.exists():
            return Stage.WELCOME  # nothing was ever removed here: the first window needs no journal code
        from core.assistant.session import UnreadableRun
        from core.removal.journal import JournalError

        try:
            pending = session.removal.unfinished()
        except (JournalError, UnreadableRun):
            log.exception("cannot resume the unfinished removal")
            return Stage.WELCOME
        if pending is None:
            return Stage.WELCOME
        log.info("resuming: %s", pending.describe())
        session.removal_started = True  # Back stays disabled: this removal had started
        if pending.ended_status is None:
            session.interrupted = pending
            return Stage.REMOVE
        session.run = "reboot_needed"
        return resume_stage(session.run, rebooted=session.rebooted)

    def update_back(self) -> None:
        stage = Stage(self.currentId()) if self.currentId() >= 0 else Stage.WELCOME
        if not can_go_back(stage, self.session.flow_state()):
            self.button(QWizard.WizardButton.BackButton).setEnabled(False)

    def open_demo(self, key: str) -> None:
        """Start over on a simulated machine (the "Try the demo" buttons)."""
        self.session = Session(demo_machine(key, delay=DEMO_DELAY_S))
        self.setWindowTitle(self.window_title())
        self.restart()

    def open_log(self) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        if self.log_file:
            QDesktopServices.openUrl(QUrl.fromLocalFile(self.log_file))

    def busy_page(self) -> FlowPage | None:
        page = self.currentPage()
        return page if getattr(page, "worker", None) is not None else None

    def reject(self) -> None:
        """Closing while work runs: ask, saying what state the computer will be in; never block.

        The question is a window-modal box opened with `open()`, and a yes stops the work between
        steps: the window closes when the worker's thread has ended, so the GUI thread never waits
        on a worker that may itself be waiting for the GUI thread.
        """
        from PySide6.QtWidgets import QMessageBox

        page = self.busy_page()
        if page is None or self.closing:
            if page is None:
                super().reject()
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Stop and close?"),
            self.tr("Switchover is still working. Stop and close?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setInformativeText(self.state_after_stop(page))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(lambda result: self.close_answered(result == QMessageBox.StandardButton.Yes))
        self.close_question = box
        box.open()

    def state_after_stop(self, page: FlowPage) -> str:
        """What the computer will be like after stopping now, in plain words."""
        if page.stage is Stage.REMOVE:
            return self.tr(
                "The step under way finishes first, so nothing is left half-removed. What is removed stays "
                "removed, and the rest of Kaspersky keeps working as before. Open Switchover again to finish."
            )
        return self.tr("Nothing has been changed on this computer.")

    def close_answered(self, stop: bool) -> None:
        from PySide6.QtCore import QThread

        page = self.busy_page()
        if not stop:
            return
        if page is None:
            super().reject()
            return
        self.closing = True
        worker = page.worker  # type: ignore[attr-defined]
        worker.cancel()
        stopped = getattr(page, "stopping", None)
        if stopped is not None:
            stopped()  # the page says it is stopping and answers any question it was waiting on
        threads = [t for t in page.findChildren(QThread) if t.isRunning()]
        if not threads:
            super().reject()
            return
        self.setEnabled(False)  # still painted and responsive, but nothing can be started any more
        for thread in threads:
            thread.finished.connect(self.close_when_idle)

    def close_when_idle(self) -> None:
        from PySide6.QtCore import QThread

        page = self.currentPage()
        if any(t.isRunning() for t in page.findChildren(QThread)):
            return
        self.closing = False
        self.setEnabled(True)
        super().reject()
