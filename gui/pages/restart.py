"""Restart: when a driver stays loaded until the computer restarts. Switchover resumes after it."""

from __future__ import annotations

from core.flow import Stage
from gui.pages.flow_page import FlowPage, button_row, push_button


class RestartPage(FlowPage):
    stage = Stage.RESTART

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Restart to finish"))
        self.setSubTitle(self.tr("Part of Kaspersky stays loaded until the computer restarts."))
        self.explain = self.paragraph(name=self.tr("What happens next"))
        self.restart_button = push_button(self.tr("&Restart the demo computer"), self.restart_demo)
        button_row(self.body, self.restart_button)
        self.status = self.paragraph(name=self.tr("Restart status"))
        self.body.addStretch(1)

    def enter(self) -> None:
        demo = self.session.machine.demo is not None
        self.restart_button.setVisible(demo)
        if demo:
            self.explain.setText(
                self.tr(
                    "On a real computer you would now save your work and restart. Here, press the button "
                    "to restart the simulated computer; the check follows by itself."
                )
            )
        else:
            self.explain.setText(
                self.tr(
                    "Save your work and restart the computer. After the restart, Switchover opens by "
                    "itself and finishes the check. You can also check now: what waits for the restart "
                    "will still be listed."
                )
            )
        self.status.setText("")

    def restart_demo(self) -> None:
        demo = self.session.machine.demo
        if demo is not None:
            demo.restart()
            self.session.rebooted = True
            self.status.setText(self.tr("✓ The demo computer has restarted. Checking the result…"))
            self.restart_button.setEnabled(False)
            self.refresh_buttons()
            self.advance()  # restarted: checking the result is the only way on

    def isComplete(self) -> bool:
        return self.session.machine.demo is None or self.session.rebooted
