"""Frozen size and start-up against a bare PySide6 QWizard built the same way, in the same run:
`python benchmarks/bench_bundle.py [--windows] [--runs N]`.

1. Folder bundle size: Switchover's (build.spec, through packaging/build.py) against a bare
   QWizard frozen by PyInstaller's defaults (onedir, windowed) with the same interpreter.
   Budget: 0.8x. With --windows, the same under Wine's Windows CPython (packaging/windows.py
   says where it is found), and the NSIS installer's size (budget: 40 MB).
2. Window shown: whole processes, offscreen, from starting the frozen program to its window's first
   paint (median of RUNS each, interleaved). Budget: 1.5x the bare QWizard.
Build times are printed as they go. Takes a few minutes (ten with --windows) on two cores.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "packaging"))

import windows  # noqa: E402 - packaging/ is not a package

BARE = """
import os, sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWizard, QWizardPage

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and os.environ.get("SWITCHOVER_SMOKE_TEST") == "1":
            print(f"window shown {time.time():.6f}", flush=True)
            os._exit(0)
        return False

app = QApplication(sys.argv[:1])
window = QWizard()
window.addPage(QWizardPage())
first_paint = FirstPaint()
window.installEventFilter(first_paint)
window.show()
app.exec()
"""


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def timed(label: str, command: list[str], **kwargs: object) -> float:
    start = time.monotonic()
    subprocess.run(command, check=True, capture_output=True, **kwargs)  # type: ignore[call-overload]
    seconds = time.monotonic() - start
    print(f"  built {label} in {seconds:.0f} s", flush=True)
    return seconds


def build_bare(
    python: list[str], script: Path, dist: Path, work: Path, env: dict[str, str] | None = None
) -> Path:
    timed(
        "bare QWizard",
        [*python, "-m", "PyInstaller", "--noconfirm", "--onedir", "--windowed", "--log-level", "ERROR",
         "--distpath", str(dist), "--workpath", str(work), "--specpath", str(work), str(script)],
        env=env,
    )  # fmt: skip
    return Path(str(dist).replace("Z:\\", "/").replace("\\", "/")) / script.stem


def shown_after(command: list[str], data: Path) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SWITCHOVER_SMOKE_TEST": "1",
           "SWITCHOVER_DATA_DIR": str(data)}  # fmt: skip
    start = time.time()
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60, check=True)
    return float(done.stdout.split("window shown ")[1].split()[0]) - start


def linux(runs: int, tmp: Path) -> None:
    print("Linux", flush=True)
    script = tmp / "bare_wizard.py"
    script.write_text(BARE, encoding="utf-8")
    bare = build_bare([sys.executable], script, tmp / "bare-dist", tmp / "bare-work")
    timed("Switchover", [sys.executable, str(ROOT / "packaging/build.py"), "--dist", str(tmp / "dist"),
                         "--work", str(tmp / "work"), "bundle"])  # fmt: skip
    ours = tmp / "dist" / "linux" / "switchover"
    report_size("Linux folder bundle", folder_size(ours), folder_size(bare))
    ours_s, bare_s, loads = [], [], []
    for _ in range(runs):
        bare_s.append(shown_after([str(bare / bare.name)], tmp / "data"))
        ours_s.append(shown_after([str(ours / "switchover"), "--demo"], tmp / "data"))
        loads.append(os.getloadavg()[0])
    ours_ms, bare_ms = statistics.median(ours_s) * 1000, statistics.median(bare_s) * 1000
    ratio = ours_ms / bare_ms
    print(f"  window shown: {ours_ms:.0f} ms vs bare {bare_ms:.0f} ms = {ratio:.2f}x (budget 1.5x) "
          f"{'ok' if ratio <= 1.5 else 'OVER BUDGET'}; median of {runs} interleaved runs each, "
          f"1-minute load average {min(loads):.1f}-{max(loads):.1f} on {os.cpu_count()} cores")  # fmt: skip


def on_windows(tmp: Path) -> None:
    python = windows.find_windows_python()
    if python is None:
        print("Windows: no Windows interpreter under Wine (see packaging/windows.py); skipped")
        return
    print(f"Windows (under Wine, {python.executable})", flush=True)
    script = tmp / "bare_wizard.py"
    script.write_text(BARE, encoding="utf-8")
    bare = build_bare(
        python.command(), script, Path(windows.windows_path(tmp / "win-bare-dist")),
        Path(windows.windows_path(tmp / "win-bare-work")), env=python.env(),
    )  # fmt: skip
    start = time.monotonic()
    ours = windows.build_bundle(python, tmp / "win-dist", tmp / "work")
    print(f"  built Switchover in {time.monotonic() - start:.0f} s", flush=True)
    report_size("Windows folder bundle", folder_size(ours), folder_size(bare))
    start = time.monotonic()
    installer = windows.build_installer(ours, tmp, tmp / "work")
    size = installer.stat().st_size
    print(f"  NSIS installer built in {time.monotonic() - start:.0f} s: {size / 1e6:.1f} MB (budget 40 MB) "
          f"{'ok' if size <= 40 * 1024 * 1024 else 'OVER BUDGET'}")  # fmt: skip
    start = time.monotonic()
    msi = windows.build_msi(ours, tmp, tmp / "msi")
    print(f"  MSI built in {time.monotonic() - start:.0f} s: {msi.stat().st_size / 1e6:.1f} MB")


def report_size(label: str, ours: int, bare: int) -> None:
    ratio = ours / bare
    print(f"  {label}: {ours / 1e6:.1f} MB vs bare QWizard {bare / 1e6:.1f} MB = {ratio:.2f}x (budget 0.8x) "
          f"{'ok' if ratio <= 0.8 else 'OVER BUDGET'}", flush=True)  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--windows", action="store_true", help="also the Windows bundle and installer, under Wine"
    )
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-bundle-") as folder:
        tmp = Path(folder)
        if sys.platform.startswith("linux"):
            linux(args.runs, tmp)
        if args.windows:
            on_windows(tmp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
