"""Offline-scan and live-scan timings.

1. Synthetic `reg export` files (UTF-16LE, as Windows writes them) with 1,000 / 2,500 /
   5,000 Uninstall entries and 400 / 1,000 / 2,000 services: median wall time of parse +
   observe + match per size, and the time per entry, which stays flat when growth is linear.
2. `switchover scan --json` on this machine, whole process, median of 15 runs.

    .venv/bin/python benchmarks/bench_offline_scan.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from core.adapters.registry_export import REG_DWORD, REG_EXPAND_SZ, REG_SZ, RegValue  # noqa: E402
from core.model import Target  # noqa: E402
from core.scan import scan  # noqa: E402
from tests.windows.render import render_export  # noqa: E402

SIZES = ((1_000, 400), (2_500, 1_000), (5_000, 2_000))
UNINSTALL = r"HKEY_LOCAL_MACHINE\SOFTWARE\Wow6432Node\Microsoft\Windows\CurrentVersion\Uninstall"
SERVICES = r"HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Services"


def synthetic_export(entries: int, services: int) -> bytes:
    keys = []
    for i in range(entries):
        code = f"{{{i:08X}-0000-4000-8000-{i:012X}}}"
        name = "Kaspersky Endpoint Security for Windows" if i % 500 == 0 else f"Synthetic Product {i}"
        keys.append(
            (
                f"{UNINSTALL}\\{code}",
                [
                    ("DisplayName", RegValue(REG_SZ, name)),
                    (
                        "Publisher",
                        RegValue(REG_SZ, "AO Kaspersky Lab" if i % 500 == 0 else f"Vendor {i % 97}"),
                    ),
                    ("DisplayVersion", RegValue(REG_SZ, f"1.{i % 10}.{i}")),
                    ("UninstallString", RegValue(REG_EXPAND_SZ, f"MsiExec.exe /X{code}")),
                    ("InstallLocation", RegValue(REG_SZ, f"C:\\Program Files (x86)\\Synthetic {i}\\")),
                    ("WindowsInstaller", RegValue(REG_DWORD, 1)),
                ],
            )
        )
    for i in range(services):
        keys.append(
            (
                f"{SERVICES}\\svc{i}",
                [
                    ("DisplayName", RegValue(REG_SZ, f"Synthetic Service {i}")),
                    ("ImagePath", RegValue(REG_EXPAND_SZ, f"\\SystemRoot\\System32\\drivers\\svc{i}.sys")),
                    ("Type", RegValue(REG_DWORD, 1 if i % 3 == 0 else 16)),
                    ("Start", RegValue(REG_DWORD, 3)),
                ],
            )
        )
    return render_export(keys)


def median_time(action, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> int:
    print("offline scan of a synthetic export (parse + observe + match), median of 7 runs")
    print(f"{'entries':>8} {'services':>9} {'MB':>6} {'median s':>9} {'us/key':>7}")
    with tempfile.TemporaryDirectory() as folder:
        for entries, services in SIZES:
            path = Path(folder) / f"synthetic-{entries}.reg"
            path.write_bytes(synthetic_export(entries, services))
            target = Target(os="windows", live=False, registry_exports=(str(path),))
            found = scan(target)
            if len(found.kaspersky) != entries // 500:
                raise SystemExit("the synthetic Kaspersky entries were not all found")
            seconds = median_time(lambda target=target: scan(target), runs=7)
            size = path.stat().st_size / 1e6
            per_key = seconds / (entries + services) * 1e6
            print(f"{entries:>8} {services:>9} {size:>6.1f} {seconds:>9.3f} {per_key:>7.1f}")
    command = [sys.executable, "-m", "core", "scan", "--json"]
    seconds = median_time(
        lambda: subprocess.run(command, cwd=REPO, capture_output=True, check=False), runs=15
    )
    print(f"\nlive `switchover scan --json`, whole process, median of 15 runs: {seconds:.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
