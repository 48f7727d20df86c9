"""Done: the result, large; what is still the person's to do (with a button for each); the report
and the help-desk summary behind "Why?"."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QGroupBox, QPlainTextEdit, QVBoxLayout

from core.flow import Stage
from gui.pages.flow_page import FlowPage, button_row, push_button, wrapped
from gui.pages.result import INSTALLED_APPS, ResultBanner
from gui.report import html_report_for, report_document, summary_lines, ticket_text_for


class DonePage(FlowPage):
    stage = Stage.DONE

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Done"))
        self.setSubTitle(self.tr("Here is where this computer stands."))
        self.banner = ResultBanner()
        self.body.addWidget(self.banner)
        self.outcome = self.bottom_line()
        self.todo = QGroupBox(self.tr("Still for you to do"))
        todo_layout = QVBoxLayout(self.todo)
        self.todo_text = wrapped(name=self.tr("What is left for you"))
        todo_layout.addWidget(self.todo_text)
        self.apps_button = push_button(
            self.tr("Open Windows' &installed apps"), lambda: QDesktopServices.openUrl(QUrl(INSTALLED_APPS))
        )
        button_row(todo_layout, self.apps_button)
        self.body.addWidget(self.todo)
        self.details = self.why(self.tr("Summary"), self.tr("&Details for the help desk"))
        self.summary: QPlainTextEdit = QPlainTextEdit()
        self.summary.setReadOnly(True)
        self.summary.setAccessibleName(self.tr("Summary"))
        self.details.layout().replaceWidget(self.details.text, self.summary)
        self.details.text.deleteLater()
        self.details.text = self.summary  # type: ignore[assignment]
        self.summary.setVisible(False)
        self.save_button = push_button(self.tr("&Save the report…"), self.save_report)
        self.copy_button = push_button(self.tr("&Copy a summary for the help desk"), self.copy_summary)
        button_row(self.body, self.save_button, self.copy_button)
        self.status = self.paragraph(name=self.tr("Report status"))
        self.body.addStretch(1)

    def enter(self) -> None:
        session = self.session
        verification = session.verification
        self.banner.setVisible(verification is not None)
        if verification is not None:
            self.banner.show_result(verification)
        self.outcome.setText(self.outcome_text())
        reminders = self.reminders()
        self.todo.setVisible(bool(reminders))
        self.todo_text.setText("<br><br>".join(reminders))
        self.summary.setPlainText("\n".join(summary_lines(session)))
        self.status.setText("")

    def outcome_text(self) -> str:
        session = self.session
        scan = session.scan
        if scan is not None and not scan.kaspersky:
            return self.tr("There was no Kaspersky program to remove from this computer.")
        verification = session.verification
        if verification is None:
            return self.tr("The removal did not finish. Nothing more will be changed.")
        if verification.status == "removed":
            return self.tr("Kaspersky has been removed from this computer.")
        if verification.status == "reboot_needed":
            return self.tr(
                "Kaspersky is removed. Restart the computer to finish; Switchover checks again after."
            )
        return self.tr(
            "Part of Kaspersky is still on this computer. Nothing more will be changed. Save the report "
            "below and give it to whoever helps you."
        )

    def reminders(self) -> list[str]:
        """What only the person can do, each in two or three plain steps (from the plan's own steps)."""
        session = self.session
        scan = session.scan
        items: list[str] = []
        successors = [p.name for p in scan.successors] if scan is not None else []
        for name in successors:
            items.append(
                self.tr(
                    "<b>Stop paying for {product}.</b> Removing a program does not stop its subscription. "
                    "Sign in to the account the subscription belongs to and cancel the renewal there; then "
                    "check your card statement for further charges."
                ).format(product=name)
            )
        plan = session.plan
        if plan is not None and any(step.id.startswith("rescue:passwords") for step in plan.steps):
            items.append(
                self.tr(
                    "<b>Delete the exported passwords file</b> once your new password manager has imported "
                    "it, then empty the Recycle Bin: the file is not protected."
                )
            )
        left = (
            session.verification.scan.successors
            if session.verification is not None
            else scan.successors
            if scan
            else ()
        )
        self.apps_button.setVisible(bool(left))  # a successor still installed: remove it from Windows' list
        return items

    def save_report(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Save the report"),
                str(Path.home() / "switchover-report.html"),
                self.tr("HTML report (*.html);;JSON document (*.json)"),
            )
        if not path:
            return
        if path.lower().endswith(".json") or self.session.scan is None:
            text = json.dumps(report_document(self.session), indent=2, ensure_ascii=False) + "\n"
        else:  # one self-contained file to attach to a ticket (docs/help-desk.md)
            text = html_report_for(self.session)
        Path(path).write_text(text, encoding="utf-8")
        self.status.setText(self.tr("✓ Report saved to {path}").format(path=path))

    def copy_summary(self) -> None:
        QGuiApplication.clipboard().setText(ticket_text_for(self.session))
        self.status.setText(self.tr("✓ Summary copied. Paste it into your help-desk ticket."))
