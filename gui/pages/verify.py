"""Verify: rescan and protection check, off the GUI thread; a large, honest result.

When Kaspersky is gone and something up to date protects the computer, the page
moves on to Done by itself; otherwise it stays and says what is left and what to do.
The raw evidence (services, drivers, paths) is behind "Why?" for the help desk."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QGroupBox, QListWidget, QProgressBar, QVBoxLayout

from core.assistant.flow import Stage
from gui.pages.flow_page import FlowPage, wrapped
from gui.pages.report_actions import ReportActions
from gui.pages.result import ResultBanner, protection_result

if TYPE_CHECKING:
    from core.removal.verify import Verification
    from gui.workers import VerifyWorker


class VerifyPage(FlowPage):
    stage = Stage.VERIFY

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Checking the result"))
        self.setSubTitle(self.tr("A fresh scan of the computer, and a check of what protects it now."))
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Check progress"))
        self.progress.setTextVisible(False)
        self.body.addWidget(self.progress)
        self.banner = ResultBanner()
        self.banner.setVisible(False)
        self.body.addWidget(self.banner)
        # After a failure, right under the result: where the computer stands, what to do, and the
        # report for whoever helps (the list of what is left follows).
        self.next_steps = QGroupBox(self.tr("What to do now"))
        next_layout = QVBoxLayout(self.next_steps)
        self.protection = wrapped(name=self.tr("Protection status"))
        next_layout.addWidget(self.protection)
        self.next_text = wrapped(name=self.tr("What to do now"))
        next_layout.addWidget(self.next_text)
        self.report = ReportActions(lambda: self.session)
        next_layout.addWidget(self.report)
        self.next_steps.setVisible(False)
        self.body.addWidget(self.next_steps)
        self.result = self.paragraph(name=self.tr("Removal result"))
        self.survivors = QListWidget()
        self.survivors.setAccessibleName(self.tr("What is still on the computer"))
        self.body.addWidget(self.survivors, 1)
        self.details = self.why(self.tr("What the check found"))
        self.body.addStretch(1)
        self.worker: VerifyWorker | None = None

    def enter(self) -> None:
        from gui.workers import VerifyWorker, start

        session = self.session
        session.verification = None
        reboot_pending = session.run == "reboot_needed" and not session.rebooted
        self.worker = VerifyWorker(session.removal, reboot_pending=reboot_pending)
        self.worker.finished.connect(self._verified)
        self.worker.failed.connect(self._failed)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.result.setText(self.tr("Checking…"))
        self.protection.setText("")
        self.banner.setVisible(False)
        self.next_steps.setVisible(False)
        self.report.reset()
        self.details.setVisible(False)
        self.survivors.clear()
        self.survivors.setVisible(False)
        start(self.worker, self)

    def isComplete(self) -> bool:
        return self.session.verification is not None

    def _verified(self, verification: Verification) -> None:
        from gui.translations import core_language

        self.worker = None
        self.session.verification = verification
        self.session.record_verification()
        self.progress.setVisible(False)  # the check is over: its result takes the room
        self.banner.show_result(verification, self.session.machine.target.os)
        self.banner.setVisible(True)
        texts = {
            "removed": self.tr("Nothing of Kaspersky is installed or running any more."),
            "reboot_needed": self.tr("Removed. A few parts stay loaded until the computer restarts."),
            "failed": self.tr("Not everything was removed. Still on this computer:"),
        }
        text = texts[verification.status]
        if verification.leftovers and verification.status != "failed":  # not a failure, nor nothing
            text += " " + self.tr("%n leftover items are still on this computer; the details list them.", "",
                                  len(verification.leftovers))  # fmt: skip
        self.result.setText(text)
        still = sorted({s.product for s in verification.survivors if not s.until_restart})
        for product in still:
            self.survivors.addItem(self.tr("{product} is still installed or running").format(product=product))
        self.survivors.setVisible(self.survivors.count() > 0)
        result = protection_result(verification)
        failed = verification.status == "failed"
        self.protection.setText(
            self.tr("Nothing more will be changed. What was removed is gone; what is left works as before.")
            if failed
            else ""
        )
        self.protection.setVisible(failed)
        self.next_text.setText(
            self.tr(
                "Save the report and give it to whoever helps you with this computer: it says what is "
                "still here and why. You can open Switchover again later to try once more."
            )
        )
        self.next_steps.setVisible(failed)
        self.details.text.setPlainText("\n".join(verification.summary(core_language())))
        self.details.setVisible(True)
        self.refresh_buttons()
        if verification.status == "removed" and result.protected:
            self.advance()  # nothing to decide here: the result shows again, large, on Done

    def _failed(self, message: str) -> None:
        self.worker = None
        self.progress.setRange(0, 1)
        self.result.setText(self.tr("The check could not finish: {message}").format(message=message))
