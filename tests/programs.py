"""Real programs for tests, on the OS that runs them: a Python script that is its own executable.

On POSIX the script carries a shebang and the executable bit. On Windows a program must be an .exe, so
NAME.exe is the Windows lane's script launcher (tools/windows_lane/script_launcher.c, built with
mingw-w64), which runs NAME.py beside it with the interpreter on its first line and returns its exit
code; killing NAME.exe kills the script too.
"""

from __future__ import annotations

import os
import shutil
import stat
import sys
from pathlib import Path

import pytest

WINDOWS = sys.platform == "win32"
LAUNCHER_VARIABLE = "SWITCHOVER_WINLANE_LAUNCHER"
POSIX_ELEVATION_ONLY = pytest.mark.skipif(
    WINDOWS, reason="sudo and pkexec are POSIX elevation; Windows uses UAC, which Wine cannot show"
)


def launcher() -> Path:
    """The lane's launcher .exe (the lane sets the variable); without it, Windows tests cannot run."""
    found = os.environ.get(LAUNCHER_VARIABLE)
    if not found or not Path(found).is_file():
        pytest.skip(f"needs the script launcher of the Windows lane ({LAUNCHER_VARIABLE})")
    return Path(found)


def program_path(folder: Path, name: str) -> Path:
    """Where script_program puts the program called `name`."""
    return folder / (f"{name.removesuffix('.exe')}.exe" if WINDOWS else name)


def script_program(folder: Path, name: str, source: str) -> Path:
    """A program named `name` (NAME.exe on Windows) that runs the Python `source`; returns its path."""
    folder.mkdir(parents=True, exist_ok=True)
    header = f"#!{sys.executable}\n"
    program = program_path(folder, name)
    if WINDOWS:
        program.with_suffix(".py").write_text(header + source, encoding="utf-8")
        shutil.copyfile(launcher(), program)
        return program
    program.write_text(header + source, encoding="utf-8")
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    return program


def process_name(program: Path) -> str:
    """The name the OS lists the running program under (psutil's Process.name())."""
    return program.name


def sleeper(folder: Path, name: str, seconds: int = 60) -> Path:
    """A program that only waits: a stand-in for a running product's process."""
    return script_program(folder, name, f"import time\ntime.sleep({seconds})\n")
