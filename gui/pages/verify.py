"""Verify: rescan and protection check, off the GUI thread; says honestly what survived."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QListWidget, QProgressBar

from core.flow import Stage
from gui.pages.flow_page import FlowPage

if TYPE_CHECKING:
    from core.verify import Verification
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
        self.result = self.paragraph(name=self.tr("Removal result"))
        self.survivors = QListWidget()
        self.survivors.setAccessibleName(self.tr("What is still on the computer"))
        self.body.addWidget(self.survivors, 1)
        self.protection = self.paragraph(name=self.tr("Protection status"))
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
        self.result.setText(self.tr("Checking…"))
        self.protection.setText("")
        self.survivors.clear()
        self.survivors.setVisible(False)
        start(self.worker, self)

    def isComplete(self) -> bool:
        return self.session.verification is not None

    def _verified(self, verification: Verification) -> None:
        self.worker = None
        self.session.verification = verification
        self.session.record_verification()
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        texts = {
            "removed": self.tr("✓ Verified: no Kaspersky software is installed or running."),
            "reboot_needed": self.tr("⚠ Removed, but some parts stay loaded until the computer restarts."),
            "failed": self.tr("✗ Not everything was removed. Still present:"),
        }
        self.result.setText(texts[verification.status])
        for survivor in verification.survivors:
            self.survivors.addItem(f"{survivor.product}: {survivor.kind} {survivor.name}")
        if verification.leftovers:
            self.survivors.addItem(
                self.tr("{count} leftover items that do not run (folders, settings)").format(
                    count=len(verification.leftovers)
                )
            )
        self.survivors.setVisible(self.survivors.count() > 0)
        if verification.protection.protected:
            self.protection.setText(
                self.tr("✓ Protected now by: {names}.").format(
                    names=", ".join(verification.protection.active)
                )
            )
        else:
            self.protection.setText(
                self.tr(
                    "⚠ Nothing protects this computer right now. Turn on Microsoft Defender, or install "
                    "one of the suggested products."
                )
            )
        self.refresh_buttons()

    def _failed(self, message: str) -> None:
        self.worker = None
        self.progress.setRange(0, 1)
        self.result.setText(self.tr("The check could not finish: {message}").format(message=message))
