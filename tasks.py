#!/usr/bin/env python3
"""Set up and run Switchover on a fresh machine, with nothing but Python 3.11+.

    python tasks.py run [ARGS...]   set up, then launch Switchover (the assistant; ARGS go to it)
    python tasks.py test [ARGS...]  set up, then run the linter, the type checker and the whole test
                                    suite (ARGS go to pytest)
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
    """ruff, mypy (its settings and files are in pyproject.toml), then pytest; non-zero if any failed."""
    lint = subprocess.call([str(PYTHON), "-m", "ruff", "check", "."], cwd=ROOT)
    types = subprocess.call([str(PYTHON), "-m", "mypy"], cwd=ROOT)
    tests = subprocess.call([str(PYTHON), "-m", "pytest", *args], cwd=ROOT)
    return tests or lint or types


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
