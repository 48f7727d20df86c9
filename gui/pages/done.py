"""Done: a summary, the report saved as JSON, and a summary copied for a help-desk ticket."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QPlainTextEdit

from core.flow import Stage
from gui.pages.flow_page import FlowPage, button_row, push_button
from gui.report import html_report_for, report_document, summary_lines, ticket_text_for


class DonePage(FlowPage):
    stage = Stage.DONE

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Done"))
        self.setSubTitle(
            self.tr("Here is what happened. Keep the report if someone helps you with this computer.")
        )
        self.summary = QPlainTextEdit()
        self.summary.setReadOnly(True)
        self.summary.setAccessibleName(self.tr("Summary"))
        self.body.addWidget(self.summary, 1)
        self.save_button = push_button(self.tr("&Save the report…"), self.save_report)
        self.copy_button = push_button(self.tr("&Copy a summary for the help desk"), self.copy_summary)
        button_row(self.body, self.save_button, self.copy_button)
        self.status = self.paragraph(name=self.tr("Report status"))

    def enter(self) -> None:
        self.summary.setPlainText("\n".join(summary_lines(self.session)))
        self.status.setText("")

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
