"""How fast the assistant appears and answers, and how much memory it needs: `python benchmarks/bench_gui.py`.

1. Window shown: whole processes, offscreen, from starting the process to the end of the
   window's first painted frame (the first page's text included), `switchover --demo` started
   through its real entry (gui.launcher) against a bare PySide6 QWizard with one empty page.
   The two run in interleaved pairs, alternating which goes first, so both see the same machine
   load; the figure is the median of the pairs' ratios, shown with the spread of those ratios and
   the load average before and after, and the same ratio for the processor time each process had
   used by its first frame (less swayed by other programs on a shared machine). Budget: 1.2×.
2. Scan results shown: Next pressed on Welcome until the Found page is up, for
   the demo home PC and for this machine's live scan (median). Budget: 1 s.
3. Peak memory: peak RSS of one process walking the whole demo flow, both
   machines, every page rendered (tools/screenshots.py). Budget: 100 MB. Where dpkg is at
   hand, screenshots.py also renders the Linux pages on a real dpkg root; that run is shown
   apart, as it is not the demo flow.

Every child reads and writes its bytecode in a temporary cache (PYTHONPYCACHEPREFIX), warmed by
a first run, as an installed Switchover has it (pip compiles on install, the bundle ships it):
under a PYTHONDONTWRITEBYTECODE from the caller's environment each run would compile
Switchover's modules again, a cost the bare QWizard, which has none, never pays.

`--runs N` sets the number of pairs (default 21); on a busy machine more pairs narrow the spread.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 21
BUDGET = 1.2

# The bare QWizard prints the time its first frame is painted and leaves at once, exactly as
# Switchover's SWITCHOVER_SMOKE_TEST=1 does (gui/app.py): on the window's first Paint event, a
# zero timer that runs once the whole frame, children included, is painted.
BARE = """
import os, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWizard, QWizardPage

class FirstFrame(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.shown)
        return False

    def shown(self):
        print(f"window shown {time.time():.6f} cpu {time.process_time():.6f}", flush=True)
        os._exit(0)

app = QApplication(sys.argv[:1])
window = QWizard()
window.addPage(QWizardPage())
first_frame = FirstFrame()
window.installEventFilter(first_frame)
window.show()
app.exec()
"""

# `switchover --demo` as the installed command starts it (pyproject's entry point is gui.launcher:main).
OURS = """
import sys
from gui.launcher import main
sys.exit(main(["--demo"]))
"""
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


@dataclass(frozen=True)
class Run:
    shown: float  # seconds from starting the process to the end of its window's first painted frame
    cpu: float  # processor seconds the process had used by then (less sensitive to other programs)


def whole_process(code: str, env: dict[str, str]) -> Run:
    """One process, started and timed to the end of its window's first painted frame."""
    env = {**env, "SWITCHOVER_SMOKE_TEST": "1"}  # Switchover prints when its first frame is painted
    started = time.time()
    done = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, check=True, capture_output=True)
    words = done.stdout.decode().split("window shown ")[1].split()
    return Run(float(words[0]) - started, float(words[2]))


@dataclass(frozen=True)
class Pairs:
    bare: list[Run]
    ours: list[Run]

    @property
    def ratios(self) -> list[float]:
        return sorted(o.shown / b.shown for o, b in zip(self.ours, self.bare, strict=True))

    @property
    def cpu_ratio(self) -> float:
        return statistics.median(o.cpu / b.cpu for o, b in zip(self.ours, self.bare, strict=True))

    def quartiles(self) -> tuple[float, float, float]:
        low, middle, high = statistics.quantiles(self.ratios, n=4)
        return low, middle, high


def window_shown(env: dict[str, str], runs: int) -> Pairs:
    """`runs` interleaved pairs, the order alternating, after one warm-up run of each."""
    whole_process(BARE, env)  # warm the file cache and the bytecode for both
    whole_process(OURS, env)
    pairs = Pairs([], [])
    for index in range(runs):
        if index % 2:
            pairs.ours.append(whole_process(OURS, env))
            pairs.bare.append(whole_process(BARE, env))
        else:
            pairs.bare.append(whole_process(BARE, env))
            pairs.ours.append(whole_process(OURS, env))
    return pairs


def without_dpkg(env: dict[str, str]) -> dict[str, str]:
    """The environment with dpkg out of reach: screenshots.py then renders the demo machines only."""
    system = {"/usr/bin", "/bin", "/usr/sbin", "/sbin", "/usr/local/bin"}
    kept = [folder for folder in env.get("PATH", "").split(os.pathsep) if folder not in system]
    return {**env, "PATH": os.pathsep.join(kept)}


def demo_flow_peak_mb(env: dict[str, str], shots: str) -> float:
    """Peak RSS of the one process that walks the whole demo flow (this child alone, not the others)."""
    script = [sys.executable, str(ROOT / "tools" / "screenshots.py"), "one", "1", "light", shots]
    child = subprocess.Popen(script, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(child.pid, 0)  # Linux: ru_maxrss in kilobytes
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise RuntimeError(f"the demo flow failed ({child.returncode})")
    return usage.ru_maxrss / 1024


def load() -> str:
    return ", ".join(f"{value:.2f}" for value in os.getloadavg())


def report_window_shown(pairs: Pairs, load_before: str, load_after: str) -> None:
    runs = len(pairs.ratios)
    low, ratio, high = pairs.quartiles()
    bare = [run.shown for run in pairs.bare]
    ours = [run.shown for run in pairs.ours]
    print(f"window shown, bare QWizard:   {statistics.median(bare) * 1000:7.0f} ms (median of {runs})")
    print(f"window shown, Switchover:     {statistics.median(ours) * 1000:7.0f} ms (median of {runs})")
    verdict = "within" if ratio <= BUDGET else "OVER"
    print(f"  ratio, median of {runs} pairs: {ratio:.2f}× bare ({verdict} the budget of {BUDGET}×)")
    print(
        f"  spread of the pairs' ratios: quartiles {low:.2f}–{high:.2f}×, "
        f"min–max {pairs.ratios[0]:.2f}–{pairs.ratios[-1]:.2f}×; "
        f"ratio of the fastest runs {min(ours) / min(bare):.2f}×"
    )
    print(f"  processor time to the first frame, median of the pairs' ratios: {pairs.cpu_ratio:.2f}× bare")
    print(f"  load average (1, 5, 15 min): {load_before} before, {load_after} after (2 cores here)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=RUNS, help=f"pairs of runs (default {RUNS})")
    runs = parser.parse_args(argv).runs
    with tempfile.TemporaryDirectory() as data, tempfile.TemporaryDirectory() as bytecode:
        env = environment(data, bytecode)
        load_before = load()
        pairs = window_shown(env, runs)
        load_after = load()
        scan = json.loads(
            subprocess.run(
                [sys.executable, "-c", SCAN_SHOWN, str(min(runs, 7))],
                env=env,
                cwd=ROOT,
                check=True,
                capture_output=True,
            ).stdout
        )
        with tempfile.TemporaryDirectory() as shots:
            peak_mb = demo_flow_peak_mb(without_dpkg(env), shots)
        with tempfile.TemporaryDirectory() as shots:
            linux_mb = demo_flow_peak_mb(env, shots)
    report_window_shown(pairs, load_before, load_after)
    for name, seconds in scan.items():
        print(f"scan results shown, {name + ':':20} {seconds * 1000:5.0f} ms (budget 1000 ms)")
    print(f"peak RSS, whole demo flow:    {peak_mb:7.0f} MB (budget 100 MB)")
    print(f"  with the Linux pages too (screenshots.py on a real dpkg root): {linux_mb:7.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
