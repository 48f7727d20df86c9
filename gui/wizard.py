"""The assistant window: a QWizard that renders `core.flow`, one thin page per stage.

The page ids are `core.flow.Stage` values (an IntEnum), each page's `nextId` asks
`core.flow.next_stage`, and Back follows `core.flow.can_go_back`: Qt alone
would allow going back from Verify to Restart, which must not happen after a
removal has started.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QThread, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget, QWizard

from core.flow import Stage, can_go_back, resume_stage
from gui.pages.flow_page import FlowPage
from gui.pages.welcome import WelcomePage
from gui.session import Machine, Session, demo_machine

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
        self, machine: Machine, *, log_file: str | None = None, parent: QWidget | None = None
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
        self.setButtonText(QWizard.WizardButton.CustomButton1, self.tr("Open &log"))
        self.button(QWizard.WizardButton.CustomButton1).setToolTip(self.tr("Open Switchover's log file"))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Continue"))
        log_button = QWizard.WizardButton.CustomButton1.value
        self.customButtonClicked.connect(lambda which: self.open_log() if int(which) == log_button else None)
        self.pages: dict[Stage, FlowPage] = {}
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

    def add_page(self, page_class: type[FlowPage]) -> None:
        page = page_class()
        self.setPage(int(page_class.stage), page)
        page.completeChanged.connect(self.update_back)  # runs after QWizard's own button update
        self.pages[page_class.stage] = page

    def add_later_pages(self) -> None:
        for page_class in later_pages():
            if page_class.stage not in self.pages:
                self.add_page(page_class)
        from gui.technician import add_to  # after the first paint: the window shows before it loads

        add_to(self)

    def window_title(self) -> str:
        demo = self.session.machine.demo
        if demo is None:
            return self.tr("Switchover")
        return self.tr("Switchover — demo: {machine}").format(machine=self.machine_title(demo.key))

    def machine_title(self, key: str) -> str:
        return {"home": self.tr("home PC"), "office": self.tr("office PC")}.get(key, key)

    def resume(self) -> Stage:
        """Where to open: Welcome, or the stage of a run the journal says is unfinished.

        A run cut off mid-way (a crash, a power cut) reopens at Remove to be finished; one that
        waits for a restart reopens at Restart, or at Verify once the computer has restarted.
        """
        from core.journal import JournalError
        from core.session import UnreadableRun

        session = self.session
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
        if self.log_file:
            QDesktopServices.openUrl(QUrl.fromLocalFile(self.log_file))

    def busy_page(self) -> FlowPage | None:
        page = self.currentPage()
        return page if getattr(page, "worker", None) is not None else None

    def reject(self) -> None:
        """Closing while work runs: a removal is stopped between steps, never cut off mid-step."""
        page = self.busy_page()
        if page is not None:
            answer = QMessageBox.question(
                self,
                self.tr("Stop and close?"),
                self.tr("Switchover is still working. Stop after the current step and close?"),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
            page.worker.cancel()  # type: ignore[union-attr]
            for thread in page.findChildren(QThread):
                thread.wait()
        super().reject()
