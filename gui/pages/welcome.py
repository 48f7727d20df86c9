"""Welcome: what Switchover does, and the two promises (nothing leaves, nothing changes without a click)."""

from __future__ import annotations

from core.flow import Stage
from gui.pages.flow_page import FlowPage


class WelcomePage(FlowPage):
    stage = Stage.WELCOME

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Welcome to Switchover"))
        self.setSubTitle(self.tr("Move from Kaspersky to another protection, calmly and safely."))
        self.paragraph(
            self.tr(
                "Switchover looks for Kaspersky security software on this computer, explains what the "
                "United States ban means for you, helps you choose another protection and removes "
                "Kaspersky safely when you are ready."
            )
        )
        self.paragraph(self.tr("• Nothing leaves this computer: the scan and its results stay here."))
        self.paragraph(
            self.tr("• Nothing changes without your click: you can stop before anything is removed.")
        )
        self.demo_note = self.paragraph(name=self.tr("Demo machine"))
        self.body.addStretch(1)
        self.paragraph(self.tr("Press Next to look for Kaspersky software. This takes a few seconds."))

    def enter(self) -> None:
        demo = self.session.machine.demo
        self.demo_note.setVisible(demo is not None)
        if demo is not None:
            self.demo_note.setText(
                self.tr(
                    "Demo: you are looking at a simulated computer ({machine}). Nothing on this computer "
                    "will be changed."
                ).format(machine=self.switchover().machine_title(demo.key))
            )
