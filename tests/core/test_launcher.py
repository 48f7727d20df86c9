"""Which face opens is decided above both: gui.launcher (the entry points) picks the window or a command."""

from __future__ import annotations

import subprocess
import sys

import pytest

from core.cli import main
from tests.conftest import REPO


def test_core_command_line_with_no_command_and_no_window_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "name a command" in capsys.readouterr().err


def test_core_command_line_opens_the_window_it_was_given_when_no_command_is_named() -> None:
    opened: list[bool] = []
    assert main(["-v", "--demo"], assistant=lambda *, demo: opened.append(demo) or 7) == 7
    assert opened == [True]


def test_python_m_core_runs_commands_through_the_launcher() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "core", "plan", "--os", "linux", "--root", str(REPO / "tests")],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Removal plan (interactive) for linux.")
