"""When Qt's xcb platform plugin cannot load, the person is told exactly which libraries are
missing and the one command that installs them.

The failure is real: a copy of Qt's own libqxcb.so whose NEEDED entries name libraries that no
system has (the same length as the real names, patched in the copy's string table), loaded by the
checkout's `python -m core` as `python3 tasks.py run` does.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from gui.platform_plugin import debian_package, missing_libraries

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Qt's xcb plugin is Linux's")

# Real names Qt's xcb plugin links -> names no system has (same length, so the ELF stays valid).
RENAMED = {b"libxcb-icccm.so.4": b"libxcb-icccm.so.9", b"libxcb-keysyms.so.1": b"libxcb-keysyms.so.9"}


def qt_folder() -> Path:
    from PySide6.QtCore import QLibraryInfo

    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)).parent


@pytest.fixture
def broken_plugins(tmp_path: Path) -> Path:
    """plugins/platforms/libqxcb.so needing two missing libraries; lib/ is Qt's own (its RUNPATH)."""
    platforms = tmp_path / "plugins" / "platforms"
    platforms.mkdir(parents=True)
    data = (qt_folder() / "plugins" / "platforms" / "libqxcb.so").read_bytes()
    for real, absent in RENAMED.items():
        assert data.count(real + b"\0") == 1
        data = data.replace(real + b"\0", absent + b"\0")
    (platforms / "libqxcb.so").write_bytes(data)
    (tmp_path / "lib").symlink_to(qt_folder() / "lib")
    return platforms


def test_the_loader_names_every_missing_library(broken_plugins: Path) -> None:
    assert missing_libraries(broken_plugins / "libqxcb.so") == ["libxcb-icccm.so.9", "libxcb-keysyms.so.9"]
    assert missing_libraries(qt_folder() / "plugins" / "platforms" / "libqoffscreen.so") == []


def test_the_window_that_cannot_open_names_the_libraries_and_the_command(
    broken_plugins: Path, tmp_path: Path
) -> None:
    if not shutil.which("apt-get"):
        pytest.skip("the install command is apt-get's")
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "QT_QPA_PLATFORM_PLUGIN_PATH": str(broken_plugins),
           "DISPLAY": ":99", "SWITCHOVER_DATA_DIR": str(tmp_path / "data")}  # fmt: skip
    done = subprocess.run(
        [sys.executable, "-m", "core", "--demo"], env=env, capture_output=True, text=True, timeout=60,
        cwd=Path(__file__).resolve().parents[2],
    )  # fmt: skip
    assert done.returncode != 0
    assert (
        "needs libraries this system does not have:\n  libxcb-icccm.so.9\n  libxcb-keysyms.so.9\n"
        in done.stderr
    )
    assert "sudo apt-get install libxcb-icccm9 libxcb-keysyms9\n" in done.stderr
    assert "libxcb-cursor0" not in done.stderr  # Qt's own guess, which blamed the wrong library
    assert "switchover scan" in done.stderr  # what still works


@pytest.mark.parametrize(
    ("soname", "package"),
    [("libxcb-icccm.so.4", "libxcb-icccm4"), ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
     ("libxcb-cursor.so.0", "libxcb-cursor0"), ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
     ("libX11-xcb.so.1", "libx11-xcb1"), ("libxcb-render-util.so.0", "libxcb-render-util0"),
     ("libEGL.so.1", "libegl1"), ("libdbus-1.so.3", "libdbus-1-3"), ("libglib-2.0.so.0", "libglib2.0-0")],
)  # fmt: skip
def test_debian_package_names_follow_debian_policy(soname: str, package: str) -> None:
    assert debian_package(soname) == package
