"""Long work off the GUI thread: scan, removal and verification, each a QObject worker on a QThread.

Workers call core and emit typed signals carrying core's frozen dataclasses; a
page connects to them and only shows what arrives. Each worker can be cancelled
through a `threading.Event` that core checks between steps.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from core.executor import Guard, RunReport, StepEvent, execute_plan
from core.journal import Journal, PendingRun
from core.model import Notes, Observation, ScanResult, Target
from core.plan import Step
from core.runner import Runner
from core.scan import Observe, scan
from core.verify import ProtectionProbe, Verification, verify
from gui.pyside_fixes import emit

log = logging.getLogger(__name__)


class Cancelled(Exception):
    """The person pressed Stop; the work ended cleanly between two observations or steps."""


def _cancellable(observe: Observe, cancel: threading.Event) -> Observe:
    """Wrap an observation source so a scan stops at the next observation after Stop."""

    def observe_until_cancelled(target: Target, notes: Notes) -> Iterator[Observation]:
        for observation in observe(target, notes):
            if cancel.is_set():
                raise Cancelled
            yield observation

    return observe_until_cancelled


class Worker(QObject):
    """Base: `failed` carries a message a person can read; `cancelled` says the work stopped on request."""

    failed = Signal(str)
    cancelled = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.cancel_event = threading.Event()

    def cancel(self) -> None:
        self.cancel_event.set()

    def work(self) -> None:
        raise NotImplementedError

    @Slot()
    def run(self) -> None:
        try:
            self.work()
        except Cancelled:
            emit(self.cancelled)
        except Exception as error:
            log.exception("%s failed", type(self).__name__)
            emit(self.failed, str(error) or type(error).__name__)


class ScanWorker(Worker):
    finished = Signal(ScanResult)

    def __init__(self, target: Target, observe: Observe) -> None:
        super().__init__()
        self._target = target
        self._observe = observe

    def work(self) -> None:
        result = scan(self._target, observe=_cancellable(self._observe, self.cancel_event))
        if self.cancel_event.is_set():
            raise Cancelled
        emit(self.finished, result)


class RemovalWorker(Worker):
    """Runs the plan through core's executor; a step the user must do by hand is asked on the GUI thread."""

    step_event = Signal(StepEvent)
    finished = Signal(RunReport)
    manual_step = Signal(Step)  # the page answers with `answer_manual`

    def __init__(
        self,
        plan: Any,
        *,
        runner: Runner,
        journal: Journal,
        password: str | None,
        confirmed: set[str],
        guard: Guard | None = None,
        resume: PendingRun | None = None,
        still_needed: Callable[[Step], bool] | None = None,
        replan: Callable[[Any], Any] | None = None,
        language: str = "en",
    ) -> None:
        """With `resume`, finish that interrupted run; `still_needed` (a rescan) re-checks a cut-off step
        and `replan` (a rescan too, so it runs here, off the GUI thread) remakes the journaled plan's
        commands from the machine as it is now. Step and report messages come in `language` (core's,
        gui.translations.core_language); the journal stays in English."""
        super().__init__()
        self._plan = plan
        self._replan = replan
        self._resume = resume
        self._still_needed = still_needed
        self._guard = guard
        self._runner = runner
        self._journal = journal
        self._password = password
        self._confirmed = frozenset(confirmed)
        self._language = language
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
        plan = self._replan(self._plan) if self._replan is not None else self._plan
        report = execute_plan(
            plan,
            runner=self._runner,
            journal=self._journal,
            password=self._password,
            cancel=self.cancel_event,
            on_event=lambda event: emit(self.step_event, event),
            confirm_manual=self._confirm_manual,
            guard=self._guard,
            resume=self._resume,
            still_needed=self._still_needed,
            language=self._language,
        )
        self._password = None  # keep the secret no longer than the run
        emit(self.finished, report)


class VerifyWorker(Worker):
    finished = Signal(Verification)

    def __init__(
        self, target: Target, observe: Observe, protection: ProtectionProbe, *, reboot_pending: bool
    ) -> None:
        super().__init__()
        self._target = target
        self._observe = observe
        self._protection = protection
        self._reboot_pending = reboot_pending

    def work(self) -> None:
        verification = verify(
            self._target,
            observe=self._observe,
            protection=self._protection,
            reboot_pending=self._reboot_pending,
        )
        emit(self.finished, verification)


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
