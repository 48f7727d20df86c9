"""The entry point's duties: the log file, the exception hook with "Copy details", the PySide6 workaround."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWizard
from pytestqt.qtbot import QtBot

from core import paths
from gui import app
from gui.errors import show_error as real_show_error
from gui.pyside_fixes import _incref, emit


def test_log_file_lives_in_the_data_folder(private_data_dir) -> None:
    path = app.log_file_path()
    assert path.parent.parent == paths.data_dir() == private_data_dir


def test_the_log_is_rotated_when_it_grew_too_big(tmp_path) -> None:
    log = tmp_path / "switchover.log"
    for generation in ("old", "older"):
        log.write_text(generation * 10, encoding="utf-8")
        app.rotate_log(log, max_bytes=10, keep=3)
    assert not log.exists()
    assert (tmp_path / "switchover.log.1").read_text(encoding="utf-8").startswith("older")
    assert (tmp_path / "switchover.log.2").read_text(encoding="utf-8").startswith("old")
    log.write_text("small", encoding="utf-8")
    app.rotate_log(log, max_bytes=10, keep=3)
    assert log.read_text(encoding="utf-8") == "small"


def test_exception_hook_logs_and_offers_copy_details(qtbot: QtBot, caplog) -> None:
    try:
        raise ValueError("the uninstaller vanished")
    except ValueError as error:
        with caplog.at_level(logging.ERROR):
            real_show_error(ValueError, error, error.__traceback__)
    assert "the uninstaller vanished" in caplog.text
    box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
    assert "unexpected problem" in box.text()
    copy = next(b for b in box.buttons() if b.text() == "&Copy details")
    copy.click()
    assert "ValueError: the uninstaller vanished" in QGuiApplication.clipboard().text()
    assert box.isVisible()  # copying does not close the message
    box.close()


def test_build_window_opens_the_demo_machine(qtbot: QtBot) -> None:
    window = app.build_window("office")
    qtbot.addWidget(window)
    assert window.session.machine.demo.key == "office"
    assert "office PC" in window.windowTitle()


class OpenedUrls(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url.toLocalFile())


def test_help_menu_opens_the_log_file(qtbot: QtBot) -> None:
    log_file = app.configure_logging()
    try:
        window = app.build_window("home", log_file)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: bool(window.help_menu.actions()))  # filled just after the first paint
        opened = OpenedUrls()
        QDesktopServices.setUrlHandler("file", opened, "open")
        try:
            help_button = window.button(QWizard.WizardButton.CustomButton1)
            assert help_button.text().replace("&", "") == "Help"  # the log is behind Help, not in the way
            window.open_log_action.trigger()
        finally:
            QDesktopServices.unsetUrlHandler("file")
        assert [Path(url) for url in opened.urls] == [Path(log_file)]  # Qt writes C:/ on Windows
        logging.getLogger("gui.test").warning("written")
        assert "written" in log_file.read_text(encoding="utf-8")
    finally:
        root = logging.getLogger()
        for handler in [h for h in root.handlers if getattr(h, "baseFilename", None) == str(log_file)]:
            root.removeHandler(handler)
            handler.close()


class Pinger(QObject):
    ping = Signal(object)


def test_emit_gives_back_the_reference_pyside_takes() -> None:
    pinger = Pinger()
    before = sys.getrefcount(True)
    for _ in range(1000):
        emit(pinger.ping, 1)
    assert sys.getrefcount(True) >= before


def test_the_pyside_emit_leak_is_still_there() -> None:
    """When this fails, PySide6 has fixed SignalInstance.emit: gui/pyside_fixes.py can go.
    The win_amd64 wheel of the same release does not leak (the Windows lane measures 0)."""
    pinger = Pinger()
    before = sys.getrefcount(True)
    for _ in range(20):
        pinger.ping.emit(1)
    leaked = before - sys.getrefcount(True)
    for _ in range(max(leaked, 0)):
        _incref(True)  # give back what this test took
    assert leaked == (0 if sys.platform == "win32" else 20)
