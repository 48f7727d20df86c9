"""The executor starts exactly what the guard judged, just after judging it; the runner never uses PATH."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Sequence
from pathlib import Path

import pytest

from core.removal.executor import RunnablePlan, StepEvent, execute_plan
from core.removal.guard import WINDOWS_MSIEXEC
from core.removal.journal import Journal
from core.removal.plan import Step
from core.removal.subprocess_runner import (
    SYSTEM_PKEXEC,
    SYSTEM_SUDO,
    Pkexec,
    SubprocessRunner,
    Sudo,
    working_folder,
)
from core.runner import RunResult
from tests.programs import POSIX_ELEVATION_ONLY
from tests.removal.doubles import ScriptPlan, calls, step, uninstaller

CODE = "{C9EF800D-54AA-4F60-AB96-5A3966550F53}"


class RecordingRunner:
    """Starts nothing: records what it was asked to start, and what the guard had said by then."""

    def __init__(self, guard_log: list[str], exit_code: int = 0) -> None:
        self.guard_log = guard_log
        self.exit_code = exit_code
        self.started: list[tuple[tuple[str, ...], int]] = []

    def run(
        self,
        argv: Sequence[str],
        *,
        elevated: bool,
        timeout: float,
        cancel: threading.Event,
        secrets: Sequence[str] = (),
    ) -> RunResult:
        self.started.append((tuple(argv), len(self.guard_log)))
        return RunResult(self.exit_code)


def answering(answers: list[str | None], log: list[str]):
    """A guard that gives these answers in turn (the last one from then on)."""

    def guard(step: Step, argv: Sequence[str], plan: RunnablePlan) -> str | None:
        log.append(argv[0])
        return answers[min(len(log), len(answers)) - 1]

    return guard


def run(plan: ScriptPlan, runner: RecordingRunner, guard, tmp_path: Path, **kwargs):
    events: list[StepEvent] = []
    report = execute_plan(
        plan,
        runner=runner,
        journal=Journal(tmp_path / "j.jsonl"),
        password=kwargs.pop("password", None),
        cancel=threading.Event(),
        on_event=events.append,
        confirm_manual=lambda s: True,
        guard=guard,
        **kwargs,
    )
    return report, events


def test_the_password_is_filled_into_arguments_never_into_the_program(tmp_path: Path):
    log: list[str] = []
    runner = RecordingRunner(log)
    plan = ScriptPlan((step("odd", ["/opt/k/{password}", "KLPASSWD={password}", "/h={password_hex}"]),))
    run(plan, runner, answering([None], log), tmp_path, password="ab")
    assert runner.started[0][0] == ("/opt/k/{password}", "KLPASSWD=ab", "/h=61006200")


RUNNING_OS = "windows" if sys.platform == "win32" else "linux"
PLACEHOLDER_PROGRAM = "C:\\Program Files\\{password}.exe" if sys.platform == "win32" else "/opt/{password}"


def test_a_placeholder_in_the_program_is_refused_by_the_real_guard(tmp_path: Path):
    # the guard judges the command as planned: a program named by the password is never judged at all
    report, _ = run(
        # A plan for the OS that runs the test: the guard's first question (is this plan for this OS?)
        # must pass for the placeholder check to be reached.
        ScriptPlan((step("odd", [PLACEHOLDER_PROGRAM, "--remove"]),), os=RUNNING_OS),
        RecordingRunner([]),
        None,
        tmp_path,
        password="ab",
    )
    assert report.status == "failed" and "placeholder" in report.message


def test_the_guard_is_asked_again_right_before_the_start(tmp_path: Path):
    # a program swapped after the first check (planted link, replaced file) is caught by the second
    log: list[str] = []
    runner = RecordingRunner(log)
    swapped = "/opt/k/uninstall no longer belongs to root"
    report, _ = run(
        ScriptPlan((step("u", ["/opt/k/uninstall"]),)), runner, answering([None, swapped], log), tmp_path
    )
    assert runner.started == []
    assert report.status == "failed" and f"refused, not run: {swapped}" in report.message


def test_the_last_check_comes_after_the_journal_and_the_events(tmp_path: Path):
    log: list[str] = []
    runner = RecordingRunner(log)
    checks_when_started: list[int] = []
    plan = ScriptPlan((step("u", ["/opt/k/uninstall"]),))

    def on_event(event: StepEvent) -> None:
        if event.status == "started":
            checks_when_started.append(len(log))

    execute_plan(
        plan,
        runner=runner,
        journal=Journal(tmp_path / "j.jsonl"),
        password=None,
        cancel=threading.Event(),
        on_event=on_event,
        confirm_manual=lambda s: True,
        guard=answering([None], log),
    )
    # one check before anything is recorded, one more after, immediately before the start
    assert checks_when_started == [1] and runner.started == [(("/opt/k/uninstall",), 2)]


def test_every_retry_is_checked_again(tmp_path: Path):
    # Windows Installer busy (1618): the retry comes after a wait, and the files may have changed by then
    log: list[str] = []
    runner = RecordingRunner(log, exit_code=1618)
    plan = ScriptPlan((step("msi", [WINDOWS_MSIEXEC, "/x", CODE]),), os="windows")
    report, _ = run(plan, runner, answering([None, None, "changed"], log), tmp_path, busy_delays=(0, 0))
    assert len(runner.started) == 1
    assert "refused, not run: changed" in report.message


# The runner


def test_sudo_and_pkexec_are_the_systems_never_found_through_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    # a `sudo` a user put early in PATH would be handed the password
    folder = tmp_path / "bin"
    for name in ("sudo", "pkexec"):
        uninstaller(folder, name, "log()\n")
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")
    assert Sudo().wrap(["/usr/bin/dpkg"])[0] == SYSTEM_SUDO == "/usr/bin/sudo"
    assert Pkexec().wrap(["/usr/bin/dpkg"])[0] == SYSTEM_PKEXEC == "/usr/bin/pkexec"
    if not os.path.exists(SYSTEM_PKEXEC):
        assert Pkexec().acquire() == "pkexec is not installed at /usr/bin/pkexec; run Switchover with sudo"
    if not os.path.exists(SYSTEM_SUDO):
        assert Sudo().acquire() == "sudo is not installed at /usr/bin/sudo; run Switchover as root"
    assert calls(folder / "sudo") == [] and calls(folder / "pkexec") == []


@POSIX_ELEVATION_ONLY
def test_a_missing_sudo_is_a_clear_error_and_nothing_runs(tmp_path: Path):
    program = uninstaller(tmp_path / "bin", "first", "log()\n")
    runner = SubprocessRunner(elevation=Sudo(sudo=str(tmp_path / "no-sudo")))
    result = runner.run([str(program)], elevated=True, timeout=10, cancel=threading.Event())
    assert result.error == f"sudo is not installed at {tmp_path / 'no-sudo'}; run Switchover as root"
    assert calls(program) == []


def test_a_program_starts_in_its_own_folder_not_the_callers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # the caller's folder may be a user's, holding files the program would pick up
    caller = tmp_path / "caller"
    caller.mkdir()
    monkeypatch.chdir(caller)
    program = uninstaller(tmp_path / "bin", "where", "log(cwd=os.getcwd())\n")
    result = SubprocessRunner().run([str(program)], elevated=False, timeout=10, cancel=threading.Event())
    assert result.exit_code == 0
    assert calls(program)[0]["cwd"] == str(tmp_path / "bin")


def test_without_a_folder_of_its_own_a_program_starts_at_the_root():
    root = os.path.abspath(os.sep)
    assert working_folder("dpkg") == root
    assert working_folder("/no/such/folder/uninstall") == root
    assert working_folder("/usr/bin/dpkg") == "/usr/bin"
