"""How fast a scan is, every figure a ratio or a trend measured in this one run.

1. Live `switchover scan --json`, whole process, against a bare Python process that lists the
   processes with psutil (the floor any live scan stands on): medians of interleaved runs, wall
   and CPU time, both with their bytecode cached as an installed copy has it. Parts 2 and 3 run
   in this process and report CPU time.
2. The signatures' per-run cost (load, index, match 7,000 ordinary observations and the
   corpus's Windows scan) with the bundled vendors and with ten times as many vendors (synthetic
   ones, each with a typical vendor's rules and its own brand names), their literal keys read
   ahead as tools/literal_keys.py ships them. Flat means the cost follows the names that look
   like a rule, not the number of rules. For comparison, the cost of compiling every pattern,
   which grows with every vendor.
3. A real Wine export: 5,000 uninstall entries and 2,000 services written by `wine reg import`
   and read back by `wine reg export` (Wine's own output), scanned offline; and the quarter,
   half and double of it, to show the time per key stays flat (linear growth).

    .venv/bin/python benchmarks/bench_scan.py [--wineprefix DIR] [--runs N]

Without Wine, part 3 uses a file written in regedit's format by tests/windows/render.py (the
same layout Wine writes, but not Wine's bytes: strings are not escaped the way Wine escapes
them), and says so.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

try:
    import resource
except ImportError:  # Windows: wall time only
    resource = None  # type: ignore[assignment]

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from core.detection.adapters.registry_export import REG_DWORD, REG_EXPAND_SZ, REG_SZ, RegValue  # noqa: E402
from core.detection.matcher import match_observations  # noqa: E402
from core.detection.scan import scan  # noqa: E402
from core.detection.signatures import build_signature_set, bundled_documents  # noqa: E402
from core.model import Observation, Target  # noqa: E402
from tests.signatures.test_robustness import busy_machine  # noqa: E402
from tests.windows.render import render_export  # noqa: E402

UNINSTALL = r"HKEY_LOCAL_MACHINE\Software\Wow6432Node\Microsoft\Windows\CurrentVersion\Uninstall"
SERVICES = r"HKEY_LOCAL_MACHINE\System\CurrentControlSet\Services"
BARE = "import psutil\nfor p in psutil.process_iter(['name', 'exe']):\n    p.info\n"


def median_seconds(action: Callable[[], object], runs: int) -> float:
    """Median CPU time of the action: in-process work is single-threaded, and CPU time says what it
    costs even when other jobs share the machine (wall time then measures the neighbours too)."""
    times = []
    for _ in range(runs):
        gc.collect()
        started = time.process_time()
        action()
        times.append(time.process_time() - started)
    return statistics.median(times)


# --- 1. live scan against a bare psutil listing --------------------------------------------------


def live(runs: int) -> None:
    scan_command = [sys.executable, "-m", "core", "scan", "--json"]
    bare_command = [sys.executable, "-c", BARE]
    with tempfile.TemporaryDirectory() as cache:
        # Both as installed: with their bytecode cached (pip and the bundle ship it compiled), even where
        # PYTHONDONTWRITEBYTECODE is set; a first run of each fills the cache.
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = cache
        walls: dict[str, list[float]] = {"scan": [], "bare": []}
        cpus: dict[str, list[float]] = {"scan": [], "bare": []}
        for round_ in range(runs + 1):  # interleaved, so both see the same load
            for label, command in (("scan", scan_command), ("bare", bare_command)):
                before, started = children_cpu(), time.perf_counter()
                subprocess.run(command, cwd=REPO, capture_output=True, check=False, env=env)
                if round_:
                    walls[label].append(time.perf_counter() - started)
                    cpus[label].append(children_cpu() - before)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print("1. live scan, whole process, median of", runs, f"interleaved runs (load average {load:.2f})")
    for what, times in (("wall", walls), ("CPU", cpus)):
        scan_s, bare_s = statistics.median(times["scan"]), statistics.median(times["bare"])
        print(
            f"   {what:>4}: switchover scan --json {scan_s:.3f} s, bare psutil listing {bare_s:.3f} s,"
            f" ratio {scan_s / bare_s:.2f}x"
        )


def children_cpu() -> float:
    """CPU time of the finished child processes so far: what a run cost, whatever else shares the machine."""
    if resource is None:
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


# --- 2. per-run cost of the signatures with 10x vendors -----------------------------------------

SYLLABLES = ("ka", "zo", "ri", "ve", "lu", "ta", "mi", "xo", "pe", "du", "qa", "ny", "so", "fe", "gu", "wi")


def synthetic_vendor(number: int, rng: random.Random) -> dict[str, Any]:
    """A vendor file shaped like a typical one, with its own brand: no two share a literal."""
    brand = "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize() + f"{number}x"
    short = brand.lower()[:4] + str(number)
    rules = [
        {"kind": "uninstall_entry", "name": rf"^{brand} (Antivirus|Internet Security|Total Security)\b"},
        {"kind": "uninstall_entry", "name": rf"^{brand}\b", "publisher": "required"},
        {"kind": "service", "name": rf"^({short}svc|{short}agent|{short}fw)$"},
        {"kind": "driver", "name": rf"^{short}(flt|mon|drv)(\.sys)?$"},
        {"kind": "process", "name": rf"^({short}ui|{short}tray)(\.exe)?$"},
        {"kind": "path", "name": rf"\\{brand}\\"},
        {"kind": "package", "name": rf"^{short}-agent$"},
        {"kind": "app_bundle", "name": rf"^com\.{brand.lower()}\."},
        {"kind": "security_center", "name": rf"^{brand}\b", "publisher": "ignored"},
    ]
    return {
        "schema": "switchover.signatures/1",
        "vendor": f"synthetic-{number}",
        "vendor_name": brand,
        "origin": "other",
        "publishers": [rf"^{brand}\b"],
        "families": [
            {
                "id": f"synthetic-{number}",
                "name": brand,
                "category": "antivirus",
                "sources": [{"url": "https://example.invalid", "title": "synthetic"}],
                "rules": rules,
            }
        ],
    }


def corpus_windows() -> list[Observation]:
    import json

    from core.detection.adapters import windows
    from core.model import Notes

    corpus = REPO / "tests" / "corpus"
    spec = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))["scans"]["windows"]
    target = Target("windows", False, str(corpus / spec["root"]), tuple(str(corpus / r) for r in spec["reg"]))
    return list(windows.observe(target, Notes()))


def literal_keys(documents: list[tuple[str, dict[str, Any]]]) -> dict[str, Any]:
    try:
        from core.detection.literal_index import keys_of
        from core.detection.signatures import all_patterns
    except ImportError:  # a version before the literal index: nothing to read ahead
        return {}
    return {p: keys_of(p) for p in all_patterns(build_signature_set(documents))}


def signatures_cost(runs: int) -> None:
    base = bundled_documents()
    rng = random.Random(14)  # noqa: S311 - names for a benchmark, not secrets
    extra = [(f"synthetic-{n}.json", synthetic_vendor(n, rng)) for n in range(9 * len(base))]
    observations = busy_machine() + corpus_windows()

    def per_run(documents: list[tuple[str, dict[str, Any]]]) -> Callable[[], object]:
        keys = literal_keys(documents)  # what tools/literal_keys.py ships beside the data

        def once() -> object:
            re.purge()  # nothing compiled carries over from the run before
            signatures = build_signature_set(documents, keys) if keys else build_signature_set(documents)
            return match_observations(observations, signatures)

        return once

    def compile_all(documents: list[tuple[str, dict[str, Any]]]) -> Callable[[], object]:
        patterns = [r["name"] for _, d in documents for f in d["families"] for r in f["rules"]]

        def once() -> object:
            re.purge()
            return [re.compile(p, re.IGNORECASE) for p in patterns]

        return once

    documents = {"bundled": base, "10x vendors": base + extra}
    print(f"\n2. signatures, per run ({len(observations)} observations matched), median CPU time of {runs}")
    figures = {}
    for label, docs in documents.items():
        vendors = len(docs)
        rules = sum(len(f["rules"]) for _, d in docs for f in d["families"])
        figures[label] = (median_seconds(per_run(docs), runs), median_seconds(compile_all(docs), runs))
        run_s, compile_s = figures[label]
        print(
            f"   {label:>12}: {vendors:>4} vendors {rules:>5} rules: load+match {run_s * 1000:7.1f} ms"
            f"   (compiling every pattern would take {compile_s * 1000:7.1f} ms)"
        )
    (one, one_c), (ten, ten_c) = figures["bundled"], figures["10x vendors"]
    print(
        f"   10x vendors / bundled: load+match {ten / one:.2f}x, compiling every pattern {ten_c / one_c:.2f}x"
    )


# --- 3. a real Wine export, 5,000 uninstall entries and 2,000 services ---------------------------


def export_keys(entries: int, services: int) -> list[tuple[str, list[tuple[str, RegValue]]]]:
    keys = []
    for i in range(entries):
        code = f"{{{i:08X}-0000-4000-8000-{i:012X}}}"
        kaspersky = i % 500 == 0
        name = "Kaspersky Endpoint Security for Windows" if kaspersky else f"Synthetic Product {i}"
        keys.append(
            (
                f"{UNINSTALL}\\{code}",
                [
                    ("DisplayName", RegValue(REG_SZ, name)),
                    ("Publisher", RegValue(REG_SZ, "AO Kaspersky Lab" if kaspersky else f"Vendor {i % 97}")),
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
    return keys


def wine_exports(
    folder: Path, entries: int, services: int, prefix_path: Path | None
) -> tuple[list[Path], str]:
    source = folder / f"import-{entries}.reg"
    source.write_bytes(render_export(export_keys(entries, services)))
    if shutil.which("wine") is None:
        return [source], "regedit format from tests/windows/render.py (Wine not installed)"
    from tests.wine_support import WinePrefix

    # One prefix for all sizes, imported smallest first: the same key names each time, so after each
    # import the tree holds exactly that size (and Wine's own services).
    prefix = WinePrefix(prefix_path or folder / "wine")
    if not (prefix.path / "system.reg").exists():
        prefix.boot()
    for _ in range(2):  # right after booting, Wine's first reg run can fail once
        done = prefix.run("reg", "import", str(source))
        prefix.wait()
        if done.returncode == 0:
            break
    if done.returncode != 0:
        raise SystemExit(f"wine reg import failed: {done.stderr}")
    files = [
        prefix.reg_export(UNINSTALL, folder / f"uninstall-{entries}.reg"),
        prefix.reg_export(SERVICES, folder / f"services-{entries}.reg"),
    ]
    return files, "Wine's own reg export after reg import"


def real_export(runs: int, prefix: Path | None) -> None:
    print(f"\n3. offline scan of exports (read + observe + match), median CPU time of {runs}")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        rows = []
        for entries, services in ((1250, 500), (2500, 1000), (5000, 2000), (10000, 4000)):
            files, made = wine_exports(folder, entries, services, prefix)
            target = Target(os="windows", live=False, registry_exports=tuple(map(str, files)))
            found = scan(target)
            planted = len(range(0, entries, 500))
            if len(found.kaspersky) != planted:
                raise SystemExit(f"expected {planted} Kaspersky products, found {len(found.kaspersky)}")
            seconds = median_seconds(lambda target=target: scan(target), runs)
            size = sum(f.stat().st_size for f in files) / 1e6
            rows.append((entries, services, size, seconds))
        print(f"   files: {made}")
        print(f"   {'entries':>8} {'services':>9} {'MB':>6} {'median s':>9} {'us/key':>7}")
        for entries, services, size, seconds in rows:
            per_key = seconds / (entries + services) * 1e6
            print(f"   {entries:>8} {services:>9} {size:>6.1f} {seconds:>9.3f} {per_key:>7.1f}")
        print(f"   double the size / the size: {rows[-1][3] / rows[-2][3]:.2f}x the time (2.00x is linear)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--live-only", action="store_true", help="part 1 only")
    parser.add_argument(
        "--wineprefix", type=Path, help="a fresh Wine prefix to use (booting one takes a while)"
    )
    args = parser.parse_args()
    live(args.runs * 2)
    if args.live_only:
        return 0
    signatures_cost(args.runs)
    real_export(args.runs, args.wineprefix)
    return 0


if __name__ == "__main__":
    sys.exit(main())
