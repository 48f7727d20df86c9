"""Long work off the GUI thread: scan, removal and verification, each a QObject worker on a QThread.

Workers call core and emit typed signals carrying core's frozen dataclasses; a
page connects to them and only shows what arrives. Each worker can be cancelled
through a `threading.Event` that core checks between steps.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from core.assistant.session import RemovalSession, ScanCancelled
from core.model import ScanResult
from core.removal.executor import RunReport, StepEvent
from core.removal.plan import Step
from core.removal.verify import Verification
from gui.pyside_fixes import emit

log = logging.getLogger(__name__)


class Worker(QObject):
    """Base: `failed` carries a message a person can read; `cancelled` says the work stopped on request."""

    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, session: RemovalSession) -> None:
        super().__init__()
        self.session = session
        self.cancel_event = threading.Event()

    def cancel(self) -> None:
        self.cancel_event.set()

    def work(self) -> None:
        raise NotImplementedError

    @Slot()
    def run(self) -> None:
        try:
            self.work()
        except ScanCancelled:
            emit(self.cancelled)
        except Exception as error:
            log.exception("%s failed", type(self).__name__)
            emit(self.failed, str(error) or type(error).__name__)


class ScanWorker(Worker):
    finished = Signal(ScanResult)

    def work(self) -> None:
        emit(self.finished, self.session.scan(self.cancel_event))


class RemovalWorker(Worker):
    """Runs (or, with the session's `resuming`, finishes) the removal through core's session; a step the
    person must do by hand is asked on the GUI thread (`manual_step`, answered with `answer_manual`)."""

    step_event = Signal(StepEvent)
    finished = Signal(RunReport)
    manual_step = Signal(Step)  # the page answers with `answer_manual`

    def __init__(self, session: RemovalSession, *, password: str | None, confirmed: set[str]) -> None:
        """`confirmed`: the steps already ticked on the Prepare page. A resumed run is replanned from a
        fresh scan here, off the GUI thread (core.assistant.session.RemovalSession.run)."""
        super().__init__(session)
        self._password = password
        self._confirmed = frozenset(confirmed)
        self._answer = threading.Event()
        self._answer_value = False

    def answer_manual(self, done: bool) -> None:
        self._answer_value = done
        self._answer.set()

    def _confirm_manual(self, step: Step) -> bool:
        if step.id in self._confirmed:  # already ticked on the Prepare page
            return True
        self._answer.clear()
        emit(self.manual_step, step)
        while not self._answer.wait(0.1):
            if self.cancel_event.is_set():
                return False
        return self._answer_value

    def work(self) -> None:
        password, self._password = self._password, None  # keep the secret no longer than the run
        report = self.session.run(
            password=password,
            cancel=self.cancel_event,
            on_event=lambda event: emit(self.step_event, event),
            confirm_manual=self._confirm_manual,
        )
        emit(self.finished, report)


class VerifyWorker(Worker):
    finished = Signal(Verification)

    def __init__(self, session: RemovalSession, *, reboot_pending: bool) -> None:
        super().__init__(session)
        self._reboot_pending = reboot_pending

    def work(self) -> None:
        emit(self.finished, self.session.verify(reboot_pending=self._reboot_pending))


# Workers have no Qt parent (a QObject with a parent cannot move to another thread), so Python owns
# them: each is kept here until its thread has finished, then released on the GUI thread.
_running: dict[QThread, Worker] = {}


def start(worker: Worker, parent: QObject) -> QThread:
    """Run `worker` on a new thread owned by `parent`; the thread ends when the worker's run returns."""
    thread = QThread(parent)
    worker.moveToThread(thread)
    thread.started.connect(worker.run)
    for ending in (worker.failed, worker.cancelled, worker.finished):  # type: ignore[attr-defined]
        # Direct: quit() is thread-safe, and a queued call would wait for the GUI thread, which may be
        # the one waiting for this thread to end (closing the window, ending a test).
        ending.connect(thread.quit, Qt.ConnectionType.DirectConnection)
    thread.finished.connect(lambda: _running.pop(thread, None))
    _running[thread] = worker
    thread.start()
    return thread


def wait_for_workers(timeout_ms: int = 30_000) -> bool:
    """Wait until every worker's thread has ended (closing the app, ending a test)."""
    return all(thread.wait(timeout_ms) for thread in list(_running))
