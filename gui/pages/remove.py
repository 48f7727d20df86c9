"""Remove: the point of no return. Live progress per step, the uninstall password when needed, Stop.

The removal runs in a worker through core's executor; this page only shows the
events that arrive and forwards Start, Stop and the password. The password lives
in the line edit and the worker's memory for the length of one run; it is never
logged or shown.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, QLocale, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from core.exit_codes import ERROR_CANCELLED
from core.flow import Stage
from gui.pages.flow_page import FlowPage, button_row, push_button, wrapped

if TYPE_CHECKING:
    from core.executor import RunReport, StepEvent
    from core.journal import PendingRun
    from core.plan import Plan, Step
    from gui.workers import RemovalWorker

ELEVATION_DECLINED = ERROR_CANCELLED  # the administrator prompt was answered No


class RemovePage(FlowPage):
    stage = Stage.REMOVE

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Remove Kaspersky"))
        self.setSubTitle(self.point_of_no_return())
        self.setCommitPage(True)
        self.resume_note = self.paragraph(name=self.tr("What happened"))
        form = QFormLayout()
        self.password_label = QLabel(self.tr("Uninstall &password:"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Uninstall password"))
        self.password_label.setBuddy(self.password)
        form.addRow(self.password_label, self.password)
        self.body.addLayout(form)
        self.password_note = self.paragraph(name=self.tr("About the password"))
        self.steps = QTreeWidget()
        self.steps.setAccessibleName(self.tr("Removal steps"))
        self.steps.setHeaderLabels([self.tr("Step"), self.tr("Status")])
        self.steps.header().setAccessibleName(self.tr("Column headings"))
        self.steps.setRootIsDecorated(False)
        self.steps.setWordWrap(True)
        self.steps.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.steps.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.steps.header().setStretchLastSection(False)
        self.body.addWidget(self.steps, 1)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Removal progress"))
        self.progress.setFormat(self.tr("%v of %m steps"))
        self.body.addWidget(self.progress)
        self.status = self.paragraph(name=self.tr("Removal status"))
        self.turn = QGroupBox(self.tr("Your turn"))
        turn_layout = QVBoxLayout(self.turn)
        self.turn_text = wrapped(name=self.tr("What to do now"))
        turn_layout.addWidget(self.turn_text)
        self.turn_done = push_button(self.tr("I have &done this"), lambda: self._answer(True))
        self.turn_skip = push_button(self.tr("S&kip this step"), lambda: self._answer(False))
        button_row(turn_layout, self.turn_done, self.turn_skip)
        self.turn.setVisible(False)
        self.body.addWidget(self.turn)
        self.start_button = push_button(self.tr("&Remove now"), self.begin)
        self.stop_button = push_button(self.tr("S&top"), self.stop)
        button_row(self.body, self.start_button, self.stop_button)
        self.worker: RemovalWorker | None = None
        self.items: dict[str, QTreeWidgetItem] = {}
        self.ended: set[str] = set()  # steps whose final event arrived

    def enter(self) -> None:
        from core.secrets import needs_password

        plan = self.session.require_plan()
        self.steps.clear()
        self.items = {}
        for step in plan.steps:
            item = QTreeWidgetItem([step.title, self.tr("Waiting")])
            item.setToolTip(0, step.why)
            self.steps.addTopLevelItem(item)
            self.items[step.id] = item
        self.progress.setRange(0, len(plan.steps))
        self.progress.setValue(0)
        wants_password = any(step.command and needs_password(step.command) for step in plan.steps)
        for widget in (self.password_label, self.password, self.password_note):
            widget.setVisible(wants_password)
        hint = self.session.machine.demo.password_hint if self.session.machine.demo else None
        self.password_note.setText(
            self.tr("The demo office PC's uninstall password is: {password}").format(password=hint)
            if hint
            else self.tr("Your IT team set this password. Switchover never saves or shows it.")
        )
        self.status.setText(self.tr("Press Remove now when you are ready. You can stop between steps."))
        self.start_button.setText(self.tr("&Remove now"))
        self.setSubTitle(self.point_of_no_return())
        self.stop_button.setEnabled(False)
        interrupted = self.session.interrupted
        self.resume_note.setVisible(interrupted is not None)
        if interrupted is not None:
            self.show_interrupted(plan, interrupted)

    def show_interrupted(self, plan: Plan, run: PendingRun) -> None:
        """Reopened after a crash or a power cut: say what happened and what already ended."""
        from gui.translations import language

        started = QDateTime.fromString(run.started_at, Qt.DateFormat.ISODate).toLocalTime()
        # The date in the language of the page: the system's own format when it speaks that language.
        system = QLocale.system()
        locale = system if system.name().split("_")[0] == language() else QLocale(language())
        when = (
            f"{locale.toString(started.date(), QLocale.FormatType.LongFormat)}, "
            f"{locale.toString(started.time(), QLocale.FormatType.ShortFormat)}"
            if started.isValid()
            else run.started_at
        )
        self.setSubTitle(self.tr("A removal was under way when Switchover stopped. Finish it here."))
        self.ended = {step_id for step_id in run.finished if step_id in self.items}
        for step_id in self.ended:
            self.items[step_id].setText(1, self.describe_status(run.finished[step_id], None))
        cut_off = [step for step in plan.steps if step.id in run.interrupted]
        for step in cut_off:
            self.items[step.id].setText(1, self.tr("⚠ Interrupted"))
            self.items[step.id].setToolTip(1, self.tr("Stopped part-way; Switchover checks it again first."))
        self.progress.setValue(len(self.ended))
        text = self.tr(
            "Switchover stopped before it finished the removal started on {when}: the computer may have "
            "lost power, or Switchover closed unexpectedly. {done} of {total} steps had finished; they will "
            "not run again."
        ).format(when=when, done=len(self.ended), total=len(plan.steps))
        if cut_off:
            text += " " + self.tr(
                "“{step}” was under way when it stopped: Switchover checks whether it is still needed "
                "before running it again."
            ).format(step=cut_off[-1].title)
        self.resume_note.setText(text)
        self.status.setText(self.tr("Press Finish the removal to complete it. You can stop between steps."))
        self.start_button.setText(self.tr("&Finish the removal"))

    def point_of_no_return(self) -> str:
        return self.tr("This is the point of no return: once removal starts, you cannot go back.")

    @property
    def busy(self) -> bool:
        return self.worker is not None

    def isComplete(self) -> bool:
        return self.session.run is not None and not self.busy

    def begin(self) -> None:
        from gui.workers import RemovalWorker, start

        resume = self.session.interrupted
        self.worker = RemovalWorker(
            self.session.removal, password=self.password.text() or None, confirmed=self.session.ticked
        )
        self.worker.step_event.connect(self._step_event)
        self.worker.manual_step.connect(self._ask_manual)
        self.worker.finished.connect(self._finished)
        self.worker.failed.connect(self._failed)
        self.session.removal_started = True  # no way back from here on
        self.ended = {s for s in resume.finished if s in self.items} if resume else set()
        self.progress.setValue(len(self.ended))
        for step_id, item in self.items.items():
            if step_id not in self.ended:  # what ended before an interruption keeps its status
                item.setText(1, self.tr("Waiting"))
        self.start_button.setEnabled(False)
        self.stop_button.setEnabled(True)
        self.start_button.setVisible(True)
        self.stop_button.setVisible(True)
        self.password.setEnabled(False)
        self.status.setText(self.tr("Removing… Please keep this window open."))
        start(self.worker, self)
        self.refresh_buttons()

    def stop(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.stop_button.setEnabled(False)
            self.status.setText(self.tr("Stopping after the current step…"))

    def _step_event(self, event: StepEvent) -> None:
        item = self.items.get(event.step_id)
        if item is None:
            return
        item.setText(1, self.describe_status(event.status, event.exit_code))
        item.setToolTip(1, event.message)
        if event.status not in ("started", "waiting_user"):
            self.ended.add(event.step_id)
        self.progress.setValue(len(self.ended))

    def describe_status(self, status: str, exit_code: int | None) -> str:
        """Status in words with a symbol, never by colour alone."""
        if status == "cancelled" and exit_code == ELEVATION_DECLINED:
            return self.tr("✗ Administrator permission declined")
        texts = {
            "started": self.tr("… Running"),
            "waiting_user": self.tr("… Waiting for you"),
            "done": self.tr("✓ Done"),
            "needs_reboot": self.tr("✓ Done, restart needed"),
            "failed": self.tr("✗ Failed"),
            "skipped": self.tr("– Not run"),
            "cancelled": self.tr("– Stopped"),
        }
        return texts.get(status, status)

    def _ask_manual(self, step: Step) -> None:
        """A step only the person can do: shown inline (never a modal box) until they answer."""
        self.turn_text.setText(f"<b>{html.escape(step.title)}</b><br>{html.escape(step.why)}")
        self.turn.setVisible(True)
        self.turn_done.setFocus()

    def _answer(self, done: bool) -> None:
        self.turn.setVisible(False)
        if self.worker is not None:
            self.worker.answer_manual(done)

    def _finished(self, report: RunReport) -> None:
        self.worker = None
        self.session.interrupted = self.session.find_interrupted_run()  # None once the journal closed it
        self.session.run = report.status
        self.session.record_run(report)
        declined = any(e.exit_code == ELEVATION_DECLINED for e in report.steps)
        messages = {
            "removed": self.tr("Every step finished. Press Next to check the result."),
            "reboot_needed": self.tr("Every step finished. A restart is needed to finish; press Next."),
            "failed": self.tr(
                "The removal did not finish: {message}. Check the password if one is needed, "
                "then press Try again."
            ).format(message=report.message),
            "cancelled": self.tr(
                "Stopped: {message}. Press Try again to continue, or Next to check what is left."
            ).format(message=report.message),
        }
        text = messages.get(report.status, report.message)
        if declined:
            text = self.tr(
                "You declined the administrator prompt, so nothing was removed in that step. "
                "Press Try again and answer Yes when asked for permission."
            )
        self.status.setText(text)
        later = self.tr("… After the restart") if report.status == "reboot_needed" else self.tr("– Not run")
        for step_id, item in self.items.items():
            if step_id not in self.ended:
                item.setText(1, later)
        self._idle(again=report.status in ("failed", "cancelled"))

    def _failed(self, message: str) -> None:
        self.worker = None
        self.session.interrupted = self.session.find_interrupted_run()  # Try again finishes this run
        self.session.run = "failed"
        self.status.setText(self.tr("The removal stopped with an error: {message}").format(message=message))
        self._idle(again=True)

    def _idle(self, *, again: bool) -> None:
        self.turn.setVisible(False)
        self.stop_button.setEnabled(False)
        self.start_button.setText(self.tr("Try &again"))
        self.start_button.setEnabled(again)
        self.start_button.setVisible(again)
        self.stop_button.setVisible(again)
        self.password.setEnabled(True)
        self.refresh_buttons()
