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

from core.assistant.flow import Stage
from core.exit_codes import ERROR_CANCELLED
from gui.pages.flow_page import FlowPage, button_row, push_button, wrapped

if TYPE_CHECKING:
    from core.removal.executor import RunReport, StepEvent
    from core.removal.journal import PendingRun
    from core.removal.plan import Plan, Step
    from gui.workers import RemovalWorker

ELEVATION_DECLINED = ERROR_CANCELLED  # the administrator prompt was answered No


def is_fallback(step: Step) -> bool:
    """A step that runs only if an earlier one failed (Kaspersky's removal tool, the last resort)."""
    return step.kind == "fallback"


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
        self.status = self.paragraph(name=self.tr("Removal status"))
        self.turn = QGroupBox(self.tr("Your turn"))
        turn_layout = QVBoxLayout(self.turn)
        self.turn_text = wrapped(name=self.tr("What to do now"))
        turn_layout.addWidget(self.turn_text)
        self.turn_open = push_button("", self.open_installed_apps)
        self.turn_done = push_button(self.tr("I have &done this"), lambda: self._answer(True))
        self.turn_skip = push_button(self.tr("S&kip this step"), lambda: self._answer(False))
        button_row(turn_layout, self.turn_open, self.turn_done, self.turn_skip)
        self.turn.setVisible(False)
        self.body.addWidget(self.turn)
        self.start_button = push_button(self.tr("&Remove now"), self.begin)
        self.stop_button = push_button(self.tr("S&top"), self.stop)
        button_row(self.body, self.start_button, self.stop_button)
        # What the person must read or answer comes first; the progress and the list of steps below it.
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Removal progress"))
        self.body.addWidget(self.progress)
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
        self.worker: RemovalWorker | None = None
        self.items: dict[str, QTreeWidgetItem] = {}
        self.ended: set[str] = set()  # steps whose final event arrived
        self.unfinished: set[str] = set()  # ended without doing their job (failed, stopped): not progress
        self.plan_steps: dict[str, Step] = {}
        self.wrong_password = False  # the uninstaller refused the password in this run

    def enter(self) -> None:
        from core.removal.secrets import needs_password

        plan = self.session.require_plan()
        self.steps.clear()
        self.items = {}
        self.plan_steps = {step.id: step for step in plan.steps}
        for step in plan.steps:
            item = QTreeWidgetItem([self.plain_title(step), self.tr("Waiting")])
            item.setToolTip(0, f"{step.title}\n{step.why}")  # the plan's own words, for whoever helps
            self.steps.addTopLevelItem(item)
            item.setHidden(is_fallback(step))  # shown only if it comes into play (in a tree: Qt needs one)
            self.items[step.id] = item
        self.set_total(len(self.counted()))
        self.progress.setValue(0)
        self.wrong_password = False
        wants_password = any(step.command and needs_password(step.command) for step in plan.steps)
        for widget in (self.password_label, self.password, self.password_note):
            widget.setVisible(wants_password)
        hint = self.session.machine.demo.password_hint if self.session.machine.demo else None
        self.password_note.setText(
            self.tr("The demo office PC's uninstall password is: {password}").format(password=hint)
            if hint
            else self.tr("Your IT team set this password. Switchover never saves or shows it.")
        )
        self.status.setText(
            self.tr("Type the password, then press Remove now. You can stop between steps.")
            if wants_password
            else self.tr("Press Remove now when you are ready. You can stop between steps.")
        )
        self.start_button.setText(self.tr("&Remove now"))
        self.setSubTitle(self.point_of_no_return())
        self.stop_button.setEnabled(False)
        interrupted = self.session.interrupted
        self.resume_note.setVisible(interrupted is not None)
        if interrupted is not None:
            self.show_interrupted(plan, interrupted)
        elif wants_password:
            self.password.setFocus()
        else:
            self.begin()  # the person pressed "Remove Kaspersky now" on the page before: that click starts it

    def plain_title(self, step: Step) -> str:
        """The step in plain words: what is removed, not how (the plan's title is the tooltip)."""
        product = step.product or ""
        titles = {
            "uninstall_msi": self.tr("Remove {product}"),
            "uninstall_program": self.tr("Remove {product}"),
            "uninstall_app": self.tr("Remove {product}"),
            "uninstall_package": self.tr("Remove {product}"),
            "remove_manual": self.tr("Remove {product} yourself"),
            "kavremover": self.tr("If that did not work: remove {product} with Kaspersky's own tool"),
            "safe_mode": self.tr("Last resort: remove it after restarting Windows in a special mode"),
            "cancel_subscription": self.tr("Cancel the {product} subscription"),
            "restart": self.tr("Restart the computer"),
            "verify": self.tr("Check the result"),
            "clean_leftovers": self.tr("Tidy up what was left behind"),
        }
        title = titles.get(step.action)
        if title is None or ("{product}" in title and not product):
            return step.title
        return title.format(product=product)

    def counted(self) -> set[str]:
        """The steps the progress counts: the ones shown."""
        return {step_id for step_id, item in self.items.items() if not item.isHidden()}

    def show_progress(self) -> None:
        self.set_total(len(self.counted()))
        self.progress.setValue(len((self.ended - self.unfinished) & self.counted()))

    def set_total(self, total: int) -> None:
        """The bar counts the shown steps; its text in the plural the total needs (%v: the bar's value)."""
        self.progress.setRange(0, total)
        self.progress.setFormat(self.tr("%v of %n steps", "", total))

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
            "lost power, or Switchover closed unexpectedly. %n of {total} steps had finished; they will "
            "not run again.",
            "",
            len(self.ended),
        ).format(when=when, total=len(plan.steps))
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
        self.unfinished = set()
        self.wrong_password = False
        self.show_progress()
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

    def stopping(self) -> None:
        """The window is closing: stop between steps, and answer a waiting "Your turn" with not done."""
        self.stop()
        if self.turn.isVisible():
            self._answer(False)

    def stop(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.stop_button.setEnabled(False)
            self.status.setText(self.tr("Stopping after the current step…"))

    def _step_event(self, event: StepEvent) -> None:
        from core.removal.secrets import needs_password

        item = self.items.get(event.step_id)
        if item is None:
            return
        item.setText(1, self.describe_status(event.status, event.exit_code))
        item.setToolTip(1, event.message)
        step = self.plan_steps.get(event.step_id)
        if not self.wrong_password and event.status not in ("skipped", "cancelled"):
            item.setHidden(False)  # a fallback that comes into play is shown (never for a mistyped password)
        if step is not None and step.action == "cancel_subscription" and event.status == "skipped":
            item.setText(1, self.tr("→ On your list for later"))  # the last page says how
        if step is not None and step.action == "verify" and event.status == "skipped":
            item.setText(1, self.tr("→ On the next page"))  # the check follows the run, it is not skipped
        if event.status not in ("started", "waiting_user"):
            self.ended.add(event.step_id)
            if event.status in ("failed", "cancelled") or (event.status == "skipped" and self.wrong_password):
                self.unfinished.add(event.step_id)
            else:
                self.unfinished.discard(event.step_id)
        self.show_progress()
        if event.status == "failed" and step is not None and step.command and needs_password(step.command):
            self.password_refused()

    def describe_status(self, status: str, exit_code: int | None) -> str:
        """Status in words with a symbol, never by colour alone."""
        if status == "cancelled" and exit_code == ELEVATION_DECLINED:
            return self.tr("✗ Administrator permission declined")
        texts = {
            "started": self.tr("… Running"),
            "waiting_user": self.tr("… Waiting for you"),
            "done": self.tr("✓ Done"),
            "needs_reboot": self.tr("✓ Done, restart needed"),
            "failed": self.tr("✗ Did not work"),
            "skipped": self.tr("– Not needed"),
            "cancelled": self.tr("– Stopped"),
        }
        return texts.get(status, status)

    def password_refused(self) -> None:
        """The uninstaller refused the password: say so at once, stop, and let the person type it again."""
        if self.wrong_password:
            return
        self.wrong_password = True
        if self.worker is not None:
            self.worker.cancel()  # no fallback tools for a mistyped password: stop after this step
        self.status.setText(self.wrong_password_text())
        self.password.setEnabled(True)
        self.password.selectAll()
        self.password.setFocus()

    def wrong_password_text(self) -> str:
        return self.tr(
            "That password was not accepted, so nothing was removed. Type it again and press Try again. "
            "If you do not know it, ask whoever manages this computer."
        )

    def _ask_manual(self, step: Step) -> None:
        """A step only the person can do: shown inline (never a modal box) until they answer."""
        if self.wrong_password:
            self._answer(False)
            return
        if step.action == "cancel_subscription":
            # Nothing here waits for it: it goes on the person's list on the last page, with how to do it.
            if step.id in self.items:
                self.items[step.id].setText(1, self.tr("→ On your list for later"))
            self._answer(False)
            return
        if step.command is not None:
            # An optional program (UltraAV): Switchover runs its own uninstaller if the person says so.
            product = html.escape(step.product or "")
            self.turn_text.setText(
                self.tr(
                    "<b>Remove {product} too?</b><br>{product} was put on this computer in place of "
                    "Kaspersky. Keep it if you chose it; otherwise Switchover runs its own uninstaller now."
                ).format(product=product)
            )
            self.turn_done.setText(self.tr("&Remove {product}").format(product=step.product or ""))
            self.turn_skip.setText(self.tr("&Keep it"))
            self.turn_open.setVisible(False)
        else:
            from gui.pages.os_words import words_for

            words = words_for(self.session.machine.target.os)
            if step.action == "clean_leftovers":
                steps = self.tr(
                    "1. Delete what is listed above (it needs administrator rights), or ask whoever looks "
                    "after this computer to. 2. Come back here and press I have done this."
                )
                listed = "".join(f"<br>• {html.escape(item)}" for item in outermost(step.items))
                about = self.tr("Still on this computer:") + listed if step.items else html.escape(step.why)
            else:
                steps, about = words.say(words.by_hand_steps), html.escape(step.why)
            self.turn_text.setText(
                f"<b>{html.escape(self.plain_title(step))}</b><br>{about}<br><br>{html.escape(steps)}"
            )
            self.turn_done.setText(self.tr("I have &done this"))
            self.turn_skip.setText(self.tr("S&kip this step"))
            if words.apps_button:
                self.turn_open.setText(words.say(words.apps_button))
            # the system's list of programs helps remove a program, not the folders it left
            self.turn_open.setVisible(words.apps_url is not None and step.action != "clean_leftovers")
        self.turn.setVisible(True)
        self.turn_done.setFocus()

    def open_installed_apps(self) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        from gui.pages.os_words import words_for

        url = words_for(self.session.machine.target.os).apps_url
        if url:
            QDesktopServices.openUrl(QUrl(url))

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
        failed = next((self.plan_steps.get(e.step_id) for e in report.steps if e.status == "failed"), None)
        messages = {
            "removed": self.tr("Every step finished. Next: checking the result."),
            "reboot_needed": self.tr("Every step finished. A restart is needed to finish."),
            "failed": self.tr(
                "The removal did not finish: {message}. Check the password if one is needed, "
                "then press Try again."
            ).format(message=report.message)
            if self.password.isVisibleTo(self) or failed is None
            # no password involved: the step in plain words; the program's own message is for the help
            # desk (the step's tooltip, the report)
            else self.tr(
                "The removal did not finish: “{step}” did not work, so Kaspersky is still on this "
                "computer. Press Try again, or Continue to see where the computer stands."
            ).format(step=self.plain_title(failed)),
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
        if self.wrong_password:
            text = self.wrong_password_text()
        self.status.setText(text)
        self.status.setToolTip(report.message)
        waiting = report.status == "reboot_needed"
        stopped = report.status in ("failed", "cancelled")
        later = (
            self.tr("… After the restart")
            if waiting
            else self.tr("– Did not start")
            if stopped
            else self.tr("– Not needed")
        )
        for step_id, item in self.items.items():
            if step_id not in self.ended and not item.text(1).startswith("→"):
                item.setText(1, later)
        stopped_at = next((e.step_id for e in report.steps if e.status in ("failed", "cancelled")), None)
        if stopped and stopped_at in self.items:  # what came after the step that stopped the run never ran
            order = list(self.items)
            for step_id in order[order.index(stopped_at) + 1 :]:
                self.items[step_id].setText(1, later)
                self.unfinished.add(step_id)  # the bar counts what was done, not what was passed over
            self.show_progress()
        self._idle(again=report.status in ("failed", "cancelled"))
        if report.status in ("removed", "reboot_needed"):
            self.advance()  # every step ran: the next page is the only way on

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


def outermost(locations: tuple[str, ...]) -> list[str]:
    """The locations not inside another one listed: deleting a folder deletes what it holds."""

    def inside(location: str, folder: str) -> bool:
        return location != folder and location.startswith(
            (folder.rstrip("/\\") + "/", folder.rstrip("/\\") + "\\")
        )

    return [loc for loc in locations if not any(inside(loc, other) for other in locations)]
