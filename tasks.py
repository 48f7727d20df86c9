#!/usr/bin/env python3
"""Set up and run Switchover on a fresh machine, with nothing but Python 3.11+.

    python tasks.py run [ARGS...]   set up, then launch Switchover (the assistant; ARGS go to it)
    python tasks.py test [ARGS...]  set up, then run the linter, the type checker and the whole test
                                    suite (ARGS go to pytest), then the Windows lane: the suite again on a
                                    real Windows CPython under Wine, where Wine is installed (required
                                    when CI=true; SWITCHOVER_WINLANE=0 or --no-windows-lane skips it)
    python tasks.py package [TARGETS...]
                                    set up, then build every artifact this OS can build into dist/
                                    and print their paths (packaging/build.py: bundle, deb, tarball,
                                    windows-bundle, installer, msi)

Set-up makes a virtual environment in .venv and installs the project with its
test tools into it; it is skipped when pyproject.toml has not changed since.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".switchover-setup"


def set_up() -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 - this script runs under whatever Python the user has
        sys.exit(f"Switchover needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    if not PYTHON.exists():
        print("Creating the virtual environment in .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted:
        return
    print("Installing Switchover and its test tools into .venv ...", flush=True)
    pip = [str(PYTHON), "-m", "pip", "install", "--disable-pip-version-check", "--quiet"]
    subprocess.run([*pip, "--editable", f"{ROOT}[test]"], check=True)
    STAMP.write_text(wanted)


def run(args: list[str]) -> int:
    return subprocess.call([str(PYTHON), "-m", "core", *args], cwd=ROOT)


def test(args: list[str]) -> int:
    """ruff, mypy (its settings and files are in pyproject.toml), pytest, then the Windows lane on the same
    pytest ARGS; non-zero if any failed."""
    lane = "--no-windows-lane" not in args and os.environ.get("SWITCHOVER_WINLANE", "1") != "0"
    args = [a for a in args if a != "--no-windows-lane"]
    lint = subprocess.call([str(PYTHON), "-m", "ruff", "check", "."], cwd=ROOT)
    types = subprocess.call([str(PYTHON), "-m", "mypy"], cwd=ROOT)
    # The lane's Windows interpreter first: the Linux suite's installer tests build with it too.
    windows = windows_lane("set-up") if lane else 0
    tests = subprocess.call([str(PYTHON), "-m", "pytest", *args], cwd=ROOT)
    if lane and not windows:
        windows = windows_lane("test", *args)
    return tests or lint or types or windows


def windows_lane(*command: str) -> int:
    """tools/windows_lane (set-up, or the suite on Windows CPython under Wine), on Linux; skipped (with a
    word) without Wine, except in CI, where it must run."""
    lane = [str(PYTHON), str(ROOT / "tools" / "windows_lane" / "lane.py")]
    if sys.platform != "linux":  # Windows runs the suite natively; the lane is Debian's Wine on Linux
        return 0
    if not shutil.which("wine") and not os.environ.get("CI"):
        if command[0] == "test":
            print("Windows lane skipped: Wine is not installed (on Debian: sudo bash .ci/run installs it).")
        return 0
    if command[0] == "test":
        print("Windows lane: the suite on a real Windows CPython 3.11 under Wine ...", flush=True)
    return subprocess.call([*lane, *command], cwd=ROOT)


def package(args: list[str]) -> int:
    return subprocess.call([str(PYTHON), str(ROOT / "packaging" / "build.py"), *args], cwd=ROOT)


COMMANDS = {"run": run, "test": test, "package": package}


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        print(__doc__)
        return 2
    set_up()
    return COMMANDS[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
