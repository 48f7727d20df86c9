"""After a needed restart on a real computer, the assistant opens once by itself, then no more."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import pytest

from core.removal.executor import RunReport
from core.removal.resume import parse_desktop_exec, self_command
from gui.session import Session, demo_machine, real_machine


def _real_linux_session(tmp_path: Path) -> Session:
    """A session whose machine counts as real (no demo attached, the real machine's start-up entry)
    but runs nothing for real."""
    real = real_machine()
    machine = dataclasses.replace(
        demo_machine("home", delay=0),
        demo=None,
        autostart=real.autostart,
        autostart_command=real.autostart_command,
        terminal=real.terminal,
    )
    machine = dataclasses.replace(machine, target=machine.target.replace(os="linux"))
    return Session(machine)


def test_reboot_needed_registers_the_assistant_to_open_after_the_restart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    session = _real_linux_session(tmp_path)

    session.record_run(RunReport(run_id="r1", status="reboot_needed", message="restart to finish"))

    if sys.platform == "win32":  # the current user's RunOnce value
        autostart = session.machine.autostart
        assert autostart is not None
        try:
            assert autostart.registered() == self_command()  # the assistant, not `remove --resume`
        finally:
            autostart.unregister()
        return
    entry = (tmp_path / "autostart" / "switchover-resume.desktop").read_text(encoding="utf-8")
    exec_line = next(line[5:] for line in entry.splitlines() if line.startswith("Exec="))
    assert parse_desktop_exec(exec_line) == self_command()  # the assistant, not `remove --resume`
    assert "Terminal=false" in entry


def test_a_finished_run_registers_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    session = _real_linux_session(tmp_path)

    session.record_run(RunReport(run_id="r1", status="removed", message="done"))

    assert session.machine.autostart is not None and session.machine.autostart.registered() is None
    assert not (tmp_path / "autostart").exists()
