"""Hostile commands never run; the uninstall password never reaches the journal, the events or the output."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest

from core.removal.executor import StepEvent, execute_plan
from core.removal.journal import Journal
from core.removal.secrets import Secret, fill, read_password
from core.removal.subprocess_runner import SubprocessRunner, Sudo
from tests.programs import POSIX_ELEVATION_ONLY
from tests.removal.doubles import ScriptPlan, calls, exits_with, guard_allowing, step, uninstaller

PASSWORD = "S3cr3t-Пароль!"


def hostile_commands(marker: Path) -> list[tuple[str, list[str], str]]:
    """(why, argv, os): each would create `marker` if it ever ran."""
    return [
        ("shell syntax", ["C:\\x.exe", "&", "calc"], "windows"),
        ("a shell", ["/bin/sh", "-c", f"touch {marker}"], "linux"),
        ("an interpreter", ["/usr/bin/python3", "-c", f"open({str(marker)!r}, 'w')"], "linux"),
        ("a user folder", ["/usr/bin/touch", "/opt/../tmp/x", str(marker)], "linux"),
        ("not machine-wide", ["/usr/bin/../../bin/touch", str(marker)], "linux"),
        ("relative", ["touch", str(marker)], "linux"),
    ]


@pytest.mark.parametrize("index", range(6))
def test_hostile_commands_refused_by_the_guard_never_run(tmp_path: Path, index: int):
    marker = tmp_path / "pwned"
    why, argv, os_name = hostile_commands(marker)[index]
    report = execute_plan(
        ScriptPlan((step("hostile", argv),), os=os_name),
        runner=SubprocessRunner(),
        journal=Journal(tmp_path / "j.jsonl"),
        password=None,
        cancel=threading.Event(),
        on_event=lambda e: None,
        confirm_manual=lambda s: True,
    )  # the real guard
    assert report.status == "failed", why
    assert "refused, not run" in report.message
    assert not marker.exists()


def user_folder_plan(tmp_path: Path, marker: Path) -> tuple[ScriptPlan, str]:
    """One elevated step whose program sits where the user can write, on the OS that runs the test, and
    the words of its refusal."""
    if sys.platform == "win32":  # the user's own temporary folder
        program = exits_with(tmp_path / "user", "touch.exe", 0)
        plan = ScriptPlan((step("user", [program, str(marker)], elevated=True),), os="windows")
        return plan, "is not the system's msiexec, a package manager or in a machine-wide folder"
    plan = ScriptPlan((step("user", ["/usr/bin/touch", str(marker)], elevated=True),))
    return plan, "never run as administrator"


def test_an_elevated_step_from_a_user_folder_is_refused(tmp_path: Path):
    marker = tmp_path / "pwned"
    plan, refusal = user_folder_plan(tmp_path, marker)
    report = execute_plan(
        plan,
        runner=SubprocessRunner(),
        journal=Journal(tmp_path / "j.jsonl"),
        password=None,
        cancel=threading.Event(),
        on_event=lambda e: None,
        confirm_manual=lambda s: True,
    )
    assert "refused, not run" in report.message and refusal in report.message
    assert not marker.exists()


def test_the_password_never_appears_in_journal_events_or_output(tmp_path: Path, capsys):
    folder = tmp_path / "bin"
    agent = uninstaller(folder, "agent.exe", "log()\nprint('received', sys.argv[1:])\nsys.exit(3)\n")
    plan = ScriptPlan(
        (
            step(
                "agent",
                [agent, "/x", "KLUNINSTPASSWD={password_hex}", "KLPASSWD={password}"],
                product="Agent",
            ),
        )
    )
    events: list[StepEvent] = []
    journal = Journal(tmp_path / "j.jsonl")
    report = execute_plan(
        plan,
        runner=SubprocessRunner(),
        journal=journal,
        password=PASSWORD,
        cancel=threading.Event(),
        on_event=events.append,
        confirm_manual=lambda s: True,
        guard=guard_allowing(folder),
    )
    secret = Secret(PASSWORD)
    # it reached the program, filled in, in memory only
    assert calls(agent)[0]["argv"] == ["/x", f"KLUNINSTPASSWD={secret.hex}", f"KLPASSWD={PASSWORD}"]
    assert "received" in report.message  # the program's output is kept, scrubbed
    journaled = journal.path.read_text(encoding="utf-8")
    seen = journaled + repr(report) + repr(events) + "".join(capsys.readouterr())
    for form in (PASSWORD, secret.hex, secret.hex.lower()):
        assert form not in seen


def test_password_hex_is_utf16le():
    assert Secret("ab").hex == "61006200"
    assert fill(["KLUNINSTPASSWD={password_hex}"], Secret("ab")) == ("KLUNINSTPASSWD=61006200",)
    assert str(Secret(PASSWORD)) == "***" and PASSWORD not in repr(Secret(PASSWORD))


def test_password_sources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    file = tmp_path / "pw"
    file.write_text(PASSWORD + "\nignored\n", encoding="utf-8")
    assert read_password(file=str(file)) == Secret(PASSWORD)
    monkeypatch.setenv("KL_PW", PASSWORD)
    assert read_password(env="KL_PW") == Secret(PASSWORD)
    assert read_password(prompt=lambda text: PASSWORD) == Secret(PASSWORD)
    assert read_password() is None


@POSIX_ELEVATION_ONLY
def test_a_refused_elevation_is_a_clear_error_and_asked_once(tmp_path: Path):
    folder = tmp_path / "bin"
    first = uninstaller(folder, "first", "log()\n")
    # `false` stands in for sudo: the person refuses the prompt
    runner = SubprocessRunner(elevation=Sudo(sudo="/bin/false"))
    results = [
        runner.run([str(first)], elevated=True, timeout=10, cancel=threading.Event()) for _ in range(2)
    ]
    assert all(r.error == "administrator rights were refused (sudo)" for r in results)
    assert calls(first) == []
