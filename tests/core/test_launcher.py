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
    assert main(["-v", "--demo", "office"], assistant=lambda *, demo: opened.append(demo) or 7) == 7
    assert opened == ["home", "office"]  # --demo alone is the home PC


def test_the_launcher_opens_either_demo_machine_without_the_command_parser(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from gui import launcher

    opened: list[bool | str] = []
    monkeypatch.setattr(launcher, "open_window", lambda *, demo=False: opened.append(demo) or 0)
    for words in (["--demo"], ["--demo", "office"], ["--demo=office"], ["--demo", "home"]):
        assert launcher.main(words) == 0
    assert opened == [True, "office", "office", "home"]
    assert main(["--demo", "garage"], assistant=lambda *, demo: 0) == 2  # only the demos that exist


def test_python_m_core_runs_commands_through_the_launcher() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "core", "plan", "--os", "linux", "--root", str(REPO / "tests")],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Removal plan (interactive) for linux.")
