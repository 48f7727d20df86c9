"""The first window appears before the work behind it is loaded (issue 13's start-up budget).

`switchover --demo` is started as the installed command starts it (gui.launcher), and the modules
loaded when its first frame has been painted are listed: only Welcome's page and the wizard's
frame may be there; the scan, the advice, the removal, the other pages and psutil come after.
Which modules load is behaviour, so it is asserted here; how long it takes is measured by
benchmarks/bench_gui.py.
"""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import REPO

# The child lists sys.modules once the window's first frame is painted (gui.app's own smoke hook,
# SWITCHOVER_SMOKE_TEST=1, is the place where the window is handed over; the list replaces its report).
FIRST_FRAME_MODULES = """
import os, sys
import gui.app
from PySide6.QtCore import QEvent, QObject, QTimer

class FirstFrame(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.shown)
        return False

    def shown(self):
        print("\\n".join(sorted(sys.modules)), flush=True)
        os._exit(0)

gui.app.quit_after_first_paint = lambda window: window.installEventFilter(FirstFrame(window))
from gui.launcher import main
main(["--demo"])
"""

# Loaded after the first paint: the work of the later pages, and what only the help desk needs.
LATER = (
    "core.detection",
    "core.advice",
    "core.removal",
    "core.helpdesk",
    "core.cli",
    "core.assistant.session",
    "core.assistant.demo",
    "core.model",
    "core.messages",
    "core.settings",
    "gui.technician",
    "gui.workers",
    "gui.report",
    "gui.pyside_fixes",
    "psutil",
    "json",
    "PySide6.QtSvg",
    "PySide6.QtNetwork",
    "importlib.resources",  # eight modules: the window's files are found beside their packages
    "dataclasses",  # the module and each dataclass cost the first window about a millisecond
)
FIRST_PAGES = {"gui.pages", "gui.pages.flow_page", "gui.pages.welcome"}


def _modules_after(code: str, tmp_path) -> set[str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "SWITCHOVER_SMOKE_TEST": "1",
        "SWITCHOVER_DATA_DIR": str(tmp_path),
        "PYTHONPATH": str(REPO),
    }
    done = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return set(done.stdout.split())


def modules_at_first_frame(tmp_path) -> set[str]:
    """What the window loaded, less what this interpreter loads before any code of ours runs (the
    Windows lane's test-only sitecustomize imports psutil to patch it, for instance)."""
    at_start = _modules_after("import sys; print('\\n'.join(sorted(sys.modules)))", tmp_path)
    return _modules_after(FIRST_FRAME_MODULES, tmp_path) - at_start


def test_the_first_window_loads_only_welcome_and_the_wizard(tmp_path) -> None:
    loaded = modules_at_first_frame(tmp_path)
    assert "gui.wizard" in loaded and "gui.pages.welcome" in loaded  # the list is the window's
    early = sorted(m for m in loaded for later in LATER if m == later or m.startswith(later + "."))
    assert early == [], f"loaded before the first paint: {early}"
    pages = {m for m in loaded if m.startswith("gui.pages")}
    assert pages == FIRST_PAGES, f"pages built before the first paint: {sorted(pages - FIRST_PAGES)}"
