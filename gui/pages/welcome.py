"""Welcome: what Switchover does, the two promises, and both demo machines one click away."""

from __future__ import annotations

from core.assistant.flow import Stage
from gui.pages.flow_page import FlowPage, button_row, push_button


class WelcomePage(FlowPage):
    stage = Stage.WELCOME

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Welcome to Switchover"))
        self.setSubTitle(self.tr("Move from Kaspersky to another protection, calmly and safely."))
        self.bottom_line().setText(
            self.tr(
                "Switchover finds Kaspersky on this computer, helps you choose new protection and removes "
                "Kaspersky safely when you are ready."
            )
        )
        self.paragraph(self.tr("• Nothing leaves this computer: the scan and its results stay here."))
        self.paragraph(
            self.tr("• Nothing changes without your click: you can stop before anything is removed.")
        )
        self.demo_note = self.paragraph(name=self.tr("Demo machine"))
        self.paragraph(self.tr("Want to see it first, without changing anything? Try a simulated computer:"))
        self.demo_buttons = {
            "home": push_button(
                self.tr("Try the demo: &home PC"), lambda: self.switchover().open_demo("home")
            ),
            "office": push_button(
                self.tr("Try the demo: &office PC"), lambda: self.switchover().open_demo("office")
            ),
        }
        button_row(self.body, *self.demo_buttons.values())
        self.body.addStretch(1)
        self.paragraph(self.tr("Press Next to look for Kaspersky software. This takes a few seconds."))

    def enter(self) -> None:
        demo = self.session.demo_key  # the machine itself may not be made yet: it is not needed here
        self.demo_note.setVisible(demo is not None)
        for key, button in self.demo_buttons.items():
            button.setEnabled(demo != key)  # the demo already open is not offered again
        if demo is not None:
            self.demo_note.setText(
                self.tr(
                    "Demo: you are looking at a simulated computer ({machine}). Nothing on this computer "
                    "will be changed."
                ).format(machine=self.switchover().machine_title(demo))
            )
