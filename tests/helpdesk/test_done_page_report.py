"""The assistant's Done page saves the HTML report and copies the ticket text (core/report.py)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from core.flow import Stage
from core.report import MAX_TICKET_CHARS
from tests.gui.conftest import errors_fail_tests, open_wizard  # noqa: F401 (the assistant's fixtures)
from tests.gui.test_demo_flow import verify_and_finish
from tests.gui.walk import remove, scan_to_found, to_remove


def test_done_saves_html_and_copies_the_ticket_text(qtbot: QtBot, open_wizard, tmp_path: Path) -> None:  # noqa: F811
    wizard = open_wizard("home")
    scan_to_found(qtbot, wizard)
    to_remove(qtbot, wizard)
    assert remove(qtbot, wizard) == "reboot_needed"  # a finished removal moves on to Restart by itself
    qtbot.mouseClick(wizard.pages[Stage.RESTART].restart_button, Qt.MouseButton.LeftButton)
    verify_and_finish(qtbot, wizard)
    done = wizard.pages[Stage.DONE]
    qtbot.mouseClick(done.copy_button, Qt.MouseButton.LeftButton)
    ticket = QGuiApplication.clipboard().text()
    assert len(ticket) < MAX_TICKET_CHARS
    assert "Removed and verified." in ticket and "Kaspersky Premium" in ticket
    assert "Last signature update: 2024-09-28" in ticket
    done.save_report(str(tmp_path / "report.html"))
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "outcome-removed" in page and "Kaspersky Premium" in page
