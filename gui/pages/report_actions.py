"""The help-desk report, offered wherever a person may need help: Done, and Verify after a failure.

Save writes one self-contained HTML file to attach to a ticket (or the JSON document,
docs/help-desk.md); Copy puts a plain summary on the clipboard.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QVBoxLayout, QWidget

from gui.pages.flow_page import button_row, push_button, wrapped
from gui.report import html_report_for, report_document, ticket_text_for

if TYPE_CHECKING:
    from gui.session import Session


class ReportActions(QWidget):
    """Save the report, copy a summary, and a line that says it happened."""

    def __init__(self, session: Callable[[], Session], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.save_button = push_button(self.tr("&Save the report…"), self.save)
        self.copy_button = push_button(self.tr("&Copy a summary for the help desk"), self.copy)
        button_row(layout, self.save_button, self.copy_button)
        self.status = wrapped(name=self.tr("Report status"))
        layout.addWidget(self.status)
        self.reset()

    def reset(self) -> None:
        """No report made yet: the status line takes no room."""
        self.status.clear()
        self.status.setVisible(False)

    def said(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(True)

    def save(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Save the report"),
                str(Path.home() / "switchover-report.html"),
                self.tr("HTML report (*.html);;JSON document (*.json)"),
            )
        if not path:
            return
        session = self.session()
        if path.lower().endswith(".json") or session.scan is None:
            text = json.dumps(report_document(session), indent=2, ensure_ascii=False) + "\n"
        else:  # one self-contained file to attach to a ticket (docs/help-desk.md)
            text = html_report_for(session)
        Path(path).write_text(text, encoding="utf-8")
        self.said(self.tr("✓ Report saved to {path}").format(path=path))

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(ticket_text_for(self.session()))
        self.said(self.tr("✓ Summary copied. Paste it into your help-desk ticket."))
