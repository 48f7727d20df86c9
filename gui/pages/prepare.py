"""Prepare: the plan's rescue steps as a checklist; Next stays disabled until every one is ticked."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QPushButton, QScrollArea, QVBoxLayout, QWidget, QWizard

from core.assistant.flow import Stage
from core.model import Kind
from gui.pages.flow_page import FlowPage, push_button, wrapped

if TYPE_CHECKING:
    from core.removal.plan import Plan, Step


class PreparePage(FlowPage):
    stage = Stage.PREPARE

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Before removing"))
        self.setSubTitle(self.tr("Save what you will need later."))
        self.bottom_line().setText(
            self.tr("Before Kaspersky goes, save what only it can show you. Tick each item when it is done.")
        )
        self.warnings = self.paragraph(name=self.tr("Warnings"))
        self.warnings.setTextFormat(Qt.TextFormat.PlainText)  # warnings name the machine's products
        self.area = QScrollArea()
        self.area.setWidgetResizable(True)
        self.area.setAccessibleName(self.tr("Checklist"))
        self.body.addWidget(self.area, 1)
        self.status = self.paragraph(name=self.tr("Checklist status"))
        self.boxes: dict[str, QCheckBox] = {}
        self.open_buttons: dict[str, QPushButton] = {}
        self.opened = self.paragraph(name=self.tr("What was opened"))

    def enter(self) -> None:
        plan = self.session.removal.make_plan(self.session.require_scan())
        self.warnings.setText("\n".join(f"⚠ {w}" for w in plan.warnings))
        self.warnings.setVisible(bool(plan.warnings))
        checklist = QWidget()  # replaces the previous one, which the scroll area deletes
        column = QVBoxLayout(checklist)
        self.boxes = {}
        self.open_buttons = {}
        for step in plan.steps:
            if step.phase != "rescue":
                continue
            box = QCheckBox(step.title)
            box.setAccessibleDescription(step.why)
            box.setChecked(step.id in self.session.ticked)
            box.toggled.connect(self._ticked)
            column.addWidget(box)
            why = wrapped(step.why)
            why.setTextFormat(Qt.TextFormat.PlainText)
            why.setContentsMargins(24, 0, 0, 8)
            column.addWidget(why)
            program = self.program_for(step) if step.action == "export_passwords" else None
            if program is not None:
                opener = push_button(
                    self.tr("&Open {product} to export").format(product=step.product or ""),
                    lambda program=program: self.open_program(program),
                )
                row = QHBoxLayout()
                row.setContentsMargins(24, 0, 0, 8)
                row.addWidget(opener)
                row.addStretch(1)
                column.addLayout(row)
                self.open_buttons[step.id] = opener
            self.boxes[step.id] = box
        column.addStretch(1)
        self.area.setWidget(checklist)
        self._ticked()
        self.name_next_button(plan)

    def name_next_button(self, plan: Plan) -> None:
        """Say what Next does: with no password to type, leaving this page starts the removal."""
        from core.removal.secrets import needs_password

        wants_password = any(step.command and needs_password(step.command) for step in plan.steps)
        self.setButtonText(
            QWizard.WizardButton.NextButton,
            self.tr("&Next") if wants_password else self.tr("&Remove Kaspersky now"),
        )

    def program_for(self, step: Step) -> str | None:
        """The product's own program, as the scan saw it running (a path from the machine, never typed)."""
        scan = self.session.require_scan()
        product = next((p for p in scan.products if p.id == step.product_id), None)
        if product is None:
            return None
        running = [e.details.get("exe", "") for e in product.evidence if e.kind == Kind.PROCESS]
        return next((exe for exe in running if exe), None)

    def open_program(self, program: str) -> None:
        """Open the program as the person (never elevated); on a demo, only say what it would open."""
        if self.session.machine.demo is not None or not self.session.machine.target.live:
            self.opened.setText(
                self.tr("Demo: on a real computer this opens {program}.").format(
                    program=program.rsplit("\\", 1)[-1]
                )
            )
            return
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        QDesktopServices.openUrl(QUrl.fromLocalFile(program))

    def _ticked(self) -> None:
        self.session.ticked = {step_id for step_id, box in self.boxes.items() if box.isChecked()}
        self.session.rescue_done = len(self.session.ticked) == len(self.boxes)
        left = len(self.boxes) - len(self.session.ticked)
        if not self.boxes:
            self.status.setText(
                self.tr("Nothing needs saving first. Press the button at the bottom right to go on.")
            )
        elif left:
            self.status.setText(
                self.tr("%n of {total} items still to tick.", "", left).format(total=len(self.boxes))
            )
        else:
            self.status.setText(
                self.tr("Everything is saved. Press the button at the bottom right to go on.")
            )
        self.refresh_buttons()

    def isComplete(self) -> bool:
        return self.session.rescue_done
