"""The assistant's entry point: QApplication, logging, the exception hook, translations and the theme.

Only this module configures logging handlers (a rotating file in the user's
data folder, which the window's "Open log" button opens); Qt's own messages go
to the `qt` logger. An unexpected exception is logged and shown as a plain
message with "Copy details" (gui/errors.py).
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from core import __version__, paths
from gui.errors import show_error

log = logging.getLogger(__name__)
qt_log = logging.getLogger("qt")

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def log_file_path() -> Path:
    folder = paths.data_dir() / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "switchover.log"


def configure_logging() -> Path:
    """A rotating log file under the data folder; Qt's messages routed into the `qt` logger."""
    path = log_file_path()
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(min(root.level or logging.INFO, logging.INFO))
    qInstallMessageHandler(
        lambda kind, _context, message: qt_log.log(_QT_LEVELS.get(kind, logging.INFO), message)
    )
    return path


def app_icon() -> QIcon:
    with resources.as_file(resources.files("resources.icons") / "switchover.svg") as path:
        return QIcon(str(path))


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with Switchover's name, icon, theme and translations."""
    from PySide6.QtCore import Qt

    from gui.translations import install_translators

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    app.setApplicationName("Switchover")
    app.setOrganizationName("Switchover")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())
    # Fusion follows the system's light or dark scheme on every platform; SWITCHOVER_COLOR_SCHEME
    # forces one (screenshots, testing).
    app.setStyle("Fusion")
    forced = os.environ.get("SWITCHOVER_COLOR_SCHEME")
    if forced in ("light", "dark"):
        app.styleHints().setColorScheme(Qt.ColorScheme.Dark if forced == "dark" else Qt.ColorScheme.Light)
    install_translators(app)
    return app


def build_window(demo: bool | str, log_file: Path | None = None):  # -> SwitchoverWizard
    from gui.session import demo_machine, real_machine
    from gui.wizard import DEMO_DELAY_S, SwitchoverWizard

    if demo:
        machine = demo_machine(demo if isinstance(demo, str) else "home", delay=DEMO_DELAY_S)
    else:
        machine = real_machine()
    return SwitchoverWizard(machine, log_file=str(log_file) if log_file else None)


def main(demo: bool | str = False) -> int:
    """Open the assistant; `demo` is True (the home PC) or a demo machine's name ("home", "office")."""
    log_file = configure_logging()
    sys.excepthook = show_error
    app = create_application()
    log.info("Switchover %s starting (demo=%s)", __version__, demo)
    window = build_window(demo, log_file)
    window.show()
    return app.exec()
