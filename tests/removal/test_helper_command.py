"""The window starts the elevated helper as exactly the program polkit's action names: frozen, the
installation's console program by absolute path, links resolved; from a checkout, this python with
`-m core` (docs/security.md)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from core.removal.elevated_helper import console_program, helper_command
from tests.conftest import REPO

POLICY = REPO / "packaging" / "linux" / "elevated-helper.policy"


def test_from_a_checkout_the_helper_is_this_python_running_core() -> None:
    assert helper_command() == (sys.executable, "-m", "core")


@pytest.mark.skipif(sys.platform == "win32", reason="the .deb's layout: POSIX links")
def test_the_installed_window_starts_the_program_the_polkit_action_names(tmp_path: Path) -> None:
    """The .deb's layout, rebuilt under tmp_path: /usr/bin/switchover links to /opt/switchover/switchover,
    and switchover-cli beside it links to the same program."""
    (named,) = re.findall(r'key="org.freedesktop.policykit.exec.path">([^<]+)<', POLICY.read_text("utf-8"))
    installed = tmp_path / named.lstrip("/")
    installed.parent.mkdir(parents=True)
    (installed.parent / "switchover").write_bytes(b"\x7fELF")
    installed.symlink_to("switchover")
    (tmp_path / "usr/bin").mkdir(parents=True)
    (tmp_path / "usr/bin/switchover").symlink_to(installed.parent / "switchover")
    for started_as in (tmp_path / "usr/bin/switchover", installed.parent / "switchover", installed):
        assert console_program(started_as) == installed  # not its link target, not /usr/bin's link


def test_an_installation_with_one_program_starts_that_program(tmp_path: Path) -> None:
    """The macOS .app holds one program and no console twin."""
    program = tmp_path / "Switchover.app/Contents/MacOS/switchover"
    program.parent.mkdir(parents=True)
    program.write_bytes(b"")
    assert console_program(program) == program
