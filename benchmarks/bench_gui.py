"""How fast the assistant appears and answers, and how much memory it needs: `python benchmarks/bench_gui.py`.

1. Window shown: whole processes, offscreen, from starting the process to the
   window's first paint, Switchover's demo window against a bare PySide6 QWizard (median of
   RUNS each, interleaved so both see the same machine load). Budget: 1.2×.
2. Scan results shown: Next pressed on Welcome until the Found page is up, for
   the demo home PC and for this machine's live scan (median). Budget: 1 s.
3. Peak memory: peak RSS of one process walking the whole demo flow, both
   machines, every page rendered (tools/screenshots.py). Budget: 100 MB.

Every child reads and writes its bytecode in a temporary cache (PYTHONPYCACHEPREFIX), warmed by
a first run, as an installed Switchover has it (pip compiles on install, the bundle ships it):
under a PYTHONDONTWRITEBYTECODE from the caller's environment each run would compile
Switchover's modules again, a cost the bare QWizard, which has none, never pays.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 7

# Appended to both programs: print the wall-clock time of the window's first paint, then leave at once
# (teardown is not part of "the window appears").
FIRST_PAINT = """
import os, time
from PySide6.QtCore import QEvent, QObject

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print(time.time(), flush=True)
            os._exit(0)
        return False

first_paint = FirstPaint()
window.installEventFilter(first_paint)
window.show()
app.exec()
"""

BARE = (
    """
import sys
from PySide6.QtWidgets import QApplication, QWizard, QWizardPage
app = QApplication(sys.argv[:1])
window = QWizard()
window.addPage(QWizardPage())
"""
    + FIRST_PAINT
)

# The same steps as `switchover --demo` (gui.launcher.main, then gui.app.main), up to the first paint.
OURS = (
    """
import gui.launcher
from gui.app import build_window, configure_logging, create_application
log_file = configure_logging()
app = create_application()
window = build_window(True, log_file)
"""
    + FIRST_PAINT
)

SCAN_SHOWN = """
import json, statistics, sys, time
from core.assistant.flow import Stage
from gui.app import create_application
from gui.session import demo_machine, real_machine
from gui.wizard import SwitchoverWizard
from gui.workers import wait_for_workers
app = create_application()

def shown(machine):
    wizard = SwitchoverWizard(machine)
    wizard.show()
    while len(wizard.pages) < len(Stage):
        app.processEvents()
    started = time.perf_counter()
    wizard.next()
    while wizard.currentId() != Stage.FOUND:
        app.processEvents()
        time.sleep(0.001)
    elapsed = time.perf_counter() - started
    wizard.close()
    wait_for_workers()
    return elapsed

runs = int(sys.argv[1])
print(json.dumps({
    "demo home PC": statistics.median(shown(demo_machine("home", delay=0)) for _ in range(runs)),
    "this machine (live)": statistics.median(shown(real_machine()) for _ in range(runs)),
}))
"""


def environment(data: str, bytecode: str) -> dict[str, str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "SWITCHOVER_DATA_DIR": data,
        "PYTHONPATH": str(ROOT),
        "PYTHONPYCACHEPREFIX": bytecode,
    }
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def whole_process(code: str, env: dict[str, str]) -> float:
    """Seconds from starting the process to its window's first paint."""
    started = time.time()
    done = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, check=True, capture_output=True)
    return float(done.stdout) - started


def demo_flow_peak_mb(env: dict[str, str], shots: str) -> float:
    """Peak RSS of the one process that walks the whole demo flow (this child alone, not the others)."""
    script = [sys.executable, str(ROOT / "tools" / "screenshots.py"), "one", "1", "light", shots]
    child = subprocess.Popen(script, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(child.pid, 0)  # Linux: ru_maxrss in kilobytes
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise RuntimeError(f"the demo flow failed ({child.returncode})")
    return usage.ru_maxrss / 1024


def main() -> int:
    with tempfile.TemporaryDirectory() as data, tempfile.TemporaryDirectory() as bytecode:
        env = environment(data, bytecode)
        whole_process(BARE, env)  # warm the file cache and the bytecode for both
        whole_process(OURS, env)
        bare, ours = [], []
        for _ in range(RUNS):
            bare.append(whole_process(BARE, env))
            ours.append(whole_process(OURS, env))
        scan = json.loads(
            subprocess.run(
                [sys.executable, "-c", SCAN_SHOWN, str(RUNS)],
                env=env,
                cwd=ROOT,
                check=True,
                capture_output=True,
            ).stdout
        )
        with tempfile.TemporaryDirectory() as shots:
            peak_mb = demo_flow_peak_mb(env, shots)
    ratio = statistics.median(ours) / statistics.median(bare)
    print(f"window shown, bare QWizard:   {statistics.median(bare) * 1000:7.0f} ms (median of {RUNS})")
    shown = statistics.median(ours) * 1000
    print(f"window shown, Switchover:     {shown:7.0f} ms  ({ratio:.2f}× bare; budget 1.2×)")
    for name, seconds in scan.items():
        print(f"scan results shown, {name + ':':20} {seconds * 1000:5.0f} ms (budget 1000 ms)")
    print(f"peak RSS, whole demo flow:    {peak_mb:7.0f} MB (budget 100 MB)")
    print("load average (1, 5, 15 min):  " + ", ".join(f"{load:.2f}" for load in os.getloadavg()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
