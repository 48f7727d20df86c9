"""The assistant's entry point: QApplication, logging, the exception hook, translations and the theme.

Only this module configures logging handlers (a rotating file in the user's
data folder, which the window's Help menu opens); Qt's own messages go
to the `qt` logger. An unexpected exception is logged and shown as a plain
message with "Copy details" (gui/errors.py).
"""

from __future__ import annotations

import gc
import logging
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer, QtMsgType, qInstallMessageHandler
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


def rotate_log(path: Path, *, max_bytes: int = 1_000_000, keep: int = 3) -> None:
    """Start a new log when the last one grew past `max_bytes`, keeping `keep` old ones.

    Rotating at start-up rather than with logging.handlers keeps 4 ms of imports (socket, pickle,
    queue) off the first window.
    """
    if not path.exists() or path.stat().st_size < max_bytes:
        return
    for index in range(keep - 1, 0, -1):
        older = path.with_name(f"{path.name}.{index}")
        if older.exists():
            older.replace(path.with_name(f"{path.name}.{index + 1}"))
    path.replace(path.with_name(f"{path.name}.1"))


def configure_logging() -> Path:
    """A log file under the data folder, rotated at start-up; Qt's messages routed into the `qt` logger."""
    path = log_file_path()
    rotate_log(path)
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    terminal = logging.StreamHandler(sys.stderr)  # warnings also reach a terminal the app was started from
    terminal.setLevel(logging.WARNING)
    terminal.setFormatter(logging.Formatter("switchover: %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.addHandler(terminal)
    root.setLevel(min(root.level or logging.INFO, logging.INFO))
    qInstallMessageHandler(route_qt_message)
    return path


# Qt's guess when its xcb plugin fails to load; the fatal message below names what is really missing.
_QT_XCB_GUESS = "xcb-cursor0 or libxcb-cursor0 is needed"


def route_qt_message(kind: QtMsgType, _context: object, message: str) -> None:
    """Qt's messages into the `qt` logger; a fatal one (Qt ends the process next) also says what to do."""
    level = _QT_LEVELS.get(kind, logging.INFO)
    qt_log.log(logging.DEBUG if _QT_XCB_GUESS in message else level, message)
    if kind == QtMsgType.QtFatalMsg:
        from PySide6.QtCore import QLibraryInfo

        from gui.platform_plugin import explain_failure

        plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
        sys.stderr.write(explain_failure(message, plugins))
        sys.stderr.flush()


ICON_SIZES = (16, 32, 48, 64, 128, 256)


def app_icon() -> QIcon:
    """The window icon from PNGs rendered from resources/icons/switchover.svg (PNG: no SVG plugin to load
    at start-up). After editing the SVG, re-render them with QIcon(svg).pixmap(size).save(png).

    The PNGs lie beside the resources.icons package, in a checkout as in the bundle; found through the
    package's own file, not importlib.resources, whose imports (tempfile, zipfile) cost the first
    window about 5 ms."""
    import resources.icons

    folder = Path(resources.icons.__file__).parent
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(folder / f"switchover-{size}.png"))
    return icon


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with Switchover's name, icon, theme and translations."""
    from gui.theme import STYLE, apply_theme
    from gui.translations import install_translators

    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
        app.setStyle(STYLE)
    else:
        # The style named on the command line, not setStyle(): that hands the style back to Python,
        # and wrapping it builds QStyle's eleven enums, 8 ms before the first window.
        app = QApplication([*(argv or sys.argv[:1]), "-style", STYLE])
    app.setApplicationName("Switchover")
    app.setOrganizationName("Switchover")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())
    apply_theme(app)
    install_translators(app)
    return app


def build_window(demo: bool | str, log_file: Path | None = None):  # -> SwitchoverWizard
    from gui.session import MachineChoice
    from gui.wizard import DEMO_DELAY_S, SwitchoverWizard

    # Named, not made: the wizard makes the machine just after its first paint.
    if demo:
        machine = MachineChoice(demo if isinstance(demo, str) else "home", delay=DEMO_DELAY_S)
    else:
        machine = MachineChoice()
    return SwitchoverWizard(machine, log_file=str(log_file) if log_file else None)


class _QuitAfterFirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.shown)  # once the whole first frame is painted, the page's text too
        return False

    def shown(self) -> None:
        # The clock time, then the processor time this process has used so far (bench_gui.py).
        print(f"switchover: window shown {time.time():.6f} cpu {time.process_time():.6f}", flush=True)
        QApplication.quit()


def quit_after_first_paint(window: QObject) -> None:
    """SWITCHOVER_SMOKE_TEST=1: print when the window's first frame is painted, then quit normally
    (release smoke tests, benchmarks/bench_gui.py and bench_bundle.py; a clean quit shows that
    shutting down is quiet too)."""
    window.installEventFilter(_QuitAfterFirstPaint(window))


def main(demo: bool | str = False) -> int:
    """Open the assistant; `demo` is True (the home PC) or a demo machine's name ("home", "office")."""
    log_file = configure_logging()
    sys.excepthook = show_error
    app = create_application()
    log.info("Switchover %s starting (demo=%s)", __version__, demo)
    window = build_window(demo, log_file)
    if os.environ.get("SWITCHOVER_SMOKE_TEST") == "1":
        quit_after_first_paint(window)
    window.show()
    # The launcher paused the collector for start-up: what start-up made lives as long as the window,
    # so it is set aside rather than scanned again and again.
    gc.freeze()
    gc.enable()
    code = app.exec()
    from gui.workers import wait_for_workers

    wait_for_workers()  # a thread must not outlive its QThread object, which would abort the process
    return code
