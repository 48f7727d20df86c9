"""Scan: a busy bar while the scan runs off the GUI thread, a Stop button, and on to the results."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QProgressBar

from core.flow import Stage
from gui.pages.flow_page import FlowPage, button_row, push_button

if TYPE_CHECKING:
    from core.model import ScanResult
    from gui.workers import ScanWorker


class ScanPage(FlowPage):
    stage = Stage.SCAN

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Looking for Kaspersky"))
        self.setSubTitle(self.tr("Looking through the programs on this computer. Nothing is changed."))
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Scan progress"))
        self.progress.setTextVisible(False)
        self.body.addWidget(self.progress)
        self.status = self.paragraph(name=self.tr("Scan status"))
        self.stop_button = push_button(self.tr("&Stop scanning"), self.stop)
        self.again_button = push_button(self.tr("Scan &again"), self.begin)
        button_row(self.body, self.stop_button, self.again_button)
        self.body.addStretch(1)
        self.worker: ScanWorker | None = None

    def enter(self) -> None:
        self.begin()

    def begin(self) -> None:
        from gui.workers import ScanWorker, start

        self.session.scan = None
        machine = self.session.machine
        self.worker = ScanWorker(self.session.removal)
        self.worker.finished.connect(self._scanned)
        self.worker.cancelled.connect(self._stopped)
        self.worker.failed.connect(self._failed)
        self.progress.setRange(0, 0)  # busy: a scan cannot know its length in advance
        if machine.demo is not None:
            where = self.tr("Scanning the demo {machine}…").format(
                machine=self.switchover().machine_title(machine.demo.key)
            )
        else:
            where = self.tr("Scanning this computer…")
        self.status.setText(where)
        self.stop_button.setEnabled(True)
        self.again_button.setVisible(False)
        start(self.worker, self)
        self.refresh_buttons()

    def stop(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.stop_button.setEnabled(False)

    @property
    def busy(self) -> bool:
        return self.worker is not None

    def isComplete(self) -> bool:
        return self.session.scan is not None and not self.busy

    def _ended(self, message: str) -> None:
        self.worker = None
        self.progress.setRange(0, 1)
        self.progress.setValue(1 if self.session.scan else 0)
        self.status.setText(message)
        self.stop_button.setEnabled(False)
        self.again_button.setVisible(self.session.scan is None)
        self.refresh_buttons()

    def _scanned(self, result: ScanResult) -> None:
        self.session.scan = result
        self._ended(self.tr("Scan finished."))
        self.advance()  # the results are what the person waits for: show them at once

    def cleanupPage(self) -> None:  # Qt calls this when the person goes Back
        self.stop()

    def _stopped(self) -> None:
        self._ended(self.tr("Scan stopped. Nothing was changed on this computer."))

    def _failed(self, message: str) -> None:
        self._ended(self.tr("The scan could not finish: {message}").format(message=message))
