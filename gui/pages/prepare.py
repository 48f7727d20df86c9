"""Prepare: the plan's rescue steps as a checklist; Next stays disabled until every one is ticked."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QScrollArea, QVBoxLayout, QWidget

from core.flow import Stage
from gui.pages.flow_page import FlowPage, wrapped


class PreparePage(FlowPage):
    stage = Stage.PREPARE

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Before removing"))
        self.setSubTitle(self.tr("Save what you will need later. Tick each item once it is done."))
        self.warnings = self.paragraph(name=self.tr("Warnings"))
        self.area = QScrollArea()
        self.area.setWidgetResizable(True)
        self.area.setAccessibleName(self.tr("Checklist"))
        self.body.addWidget(self.area, 1)
        self.status = self.paragraph(name=self.tr("Checklist status"))
        self.boxes: dict[str, QCheckBox] = {}

    def enter(self) -> None:
        plan = self.session.removal.make_plan(self.session.require_scan())
        self.warnings.setText("\n".join(f"⚠ {w}" for w in plan.warnings))
        self.warnings.setVisible(bool(plan.warnings))
        checklist = QWidget()  # replaces the previous one, which the scroll area deletes
        column = QVBoxLayout(checklist)
        self.boxes = {}
        for step in plan.steps:
            if step.phase != "rescue":
                continue
            box = QCheckBox(step.title)
            box.setAccessibleDescription(step.why)
            box.setChecked(step.id in self.session.ticked)
            box.toggled.connect(self._ticked)
            column.addWidget(box)
            why = wrapped(step.why)
            why.setContentsMargins(24, 0, 0, 8)
            column.addWidget(why)
            self.boxes[step.id] = box
        column.addStretch(1)
        self.area.setWidget(checklist)
        self._ticked()

    def _ticked(self) -> None:
        self.session.ticked = {step_id for step_id, box in self.boxes.items() if box.isChecked()}
        self.session.rescue_done = len(self.session.ticked) == len(self.boxes)
        left = len(self.boxes) - len(self.session.ticked)
        if not self.boxes:
            self.status.setText(self.tr("Nothing needs saving first. Press Next to continue."))
        elif left:
            self.status.setText(
                self.tr("{left} of {total} items still to tick.").format(left=left, total=len(self.boxes))
            )
        else:
            self.status.setText(self.tr("Everything is saved. Press Next to continue."))
        self.refresh_buttons()

    def isComplete(self) -> bool:
        return self.session.rescue_done
