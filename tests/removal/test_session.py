"""core.assistant.session.RemovalSession: the one removal both faces drive, on a machine passed in whole.

The elevation test double is a real `Elevation`: it starts every elevated command
through a small real program that notes what it was asked to run and then runs it,
as sudo or pkexec would.
"""

from __future__ import annotations

import dataclasses
import json
import threading
from pathlib import Path

import pytest

from core.assistant.session import Machine, RemovalSession, ScanCancelled, demo_machine
from core.model import Kind, Observation, Target
from core.removal.journal import Journal
from core.removal.plan import Plan
from core.removal.subprocess_runner import SubprocessRunner
from core.removal.verify import Protection
from gui.session import real_machine
from tests.programs import script_program
from tests.removal.doubles import calls, exits_with, guard_allowing, step


@dataclasses.dataclass(frozen=True)
class ThroughWrapper:
    """An elevation that runs each command through `program` (which logs it and runs it)."""

    program: Path

    def acquire(self) -> str | None:
        return None

    def wrap(self, argv: list[str]) -> list[str]:
        return [str(self.program), *argv]


def wrapper(folder: Path) -> Path:
    """A real program (NAME.exe on Windows): logs the command it is given, runs it, returns its code."""
    return script_program(
        folder,
        "elevate",
        "import json, subprocess, sys\n"
        f"with open({str(folder / 'elevated.log')!r}, 'a', encoding='utf-8') as log:\n"
        "    log.write(json.dumps(sys.argv[1:]) + '\\n')\n"
        "sys.exit(subprocess.call(sys.argv[1:]))\n",
    )


def test_the_real_machine_of_the_window_runs_elevated_steps_through_its_elevation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    folder = tmp_path / "bin"
    uninstall = exits_with(folder, "uninstall", 0)
    machine = real_machine(elevation=ThroughWrapper(wrapper(tmp_path)))
    machine = dataclasses.replace(machine, guard=guard_allowing(folder))
    session = RemovalSession(machine)
    session.plan = Plan(
        created_at="2026-01-01T00:00:00Z",
        mode="silent",
        os="linux",
        steps=(step("uninstall:kesl", [uninstall, "--purge"], elevated=True),),
    )

    started: list[tuple[str, ...] | None] = []
    report = session.run(
        password=None,
        cancel=threading.Event(),
        on_event=lambda _e: started.append(machine.autostart.registered()),
        confirm_manual=bool,
    )

    assert report.status == "removed", report.message
    assert started[0] is not None  # a restart during the run would open the assistant again
    assert machine.autostart.registered() is None  # nothing left to finish
    log = (tmp_path / "elevated.log").read_text(encoding="utf-8")
    elevated = [json.loads(line) for line in log.splitlines()]
    assert elevated == [[str(uninstall), "--purge"]]
    assert [c["argv"] for c in calls(uninstall)] == [["--purge"]]


def test_without_an_elevation_an_elevated_step_fails_and_says_why(tmp_path: Path) -> None:
    """The bug the real machine had: a runner with no elevation cannot run an elevated step."""
    from core.removal.subprocess_runner import SubprocessRunner

    folder = tmp_path / "bin"
    uninstall = exits_with(folder, "uninstall", 0)
    result = SubprocessRunner().run([str(uninstall)], elevated=True, timeout=10, cancel=threading.Event())
    assert result.error == "this step needs administrator rights and none are available"
    assert calls(uninstall) == []


KESL = Observation(
    Kind.PACKAGE,
    "dpkg:kesl",
    "kesl",
    {"Version": "12.0.0.6672", "manager": "dpkg", "Status": "install ok installed", "Architecture": "amd64"},
)


def linux_machine(tmp_path: Path, installed: list[Observation]) -> Machine:
    """A Linux machine whose package database is `installed` and whose front end is apt-get."""
    return Machine(
        target=Target(os="linux", live=False),
        observe=lambda _target, _notes: iter(list(installed)),
        runner=demo_machine("home", delay=0).runner,  # runs nothing
        protection=lambda: Protection(()),
        journal_path=tmp_path / "journal.jsonl",
        restarted_since=lambda _since: False,
        package_managers=("apt-get",),
    )


def test_plan_and_resume_both_use_the_machines_package_managers(tmp_path: Path) -> None:
    machine = linux_machine(tmp_path, [KESL])
    first = RemovalSession(machine)
    first.scan()
    plan = first.make_plan()
    removal = next(s for s in plan.steps if s.action == "uninstall_package")
    assert removal.command[0] == "/usr/bin/apt-get"
    journal = Journal(machine.journal_path)
    run = journal.open_run(plan.to_json())
    journal.record(run, "step_started", step=plan.steps[0].id)  # and then the power went

    later = RemovalSession(machine)
    pending = later.unfinished()
    assert pending is not None and pending.run_id == run
    later.resuming = pending
    resumed = later.plan_to_run()
    assert next(s for s in resumed.steps if s.id == removal.id).command == removal.command


def test_a_damaged_unfinished_run_is_closed_and_said(tmp_path: Path) -> None:
    from core.assistant.session import UnreadableRun

    machine = linux_machine(tmp_path, [KESL])
    journal = Journal(machine.journal_path)
    run = journal.open_run({"schema": "switchover.plan/1", "steps": "not a list"})
    with pytest.raises(UnreadableRun, match="it was closed and nothing was changed"):
        RemovalSession(machine).unfinished()
    last = journal.records()[-1]
    assert (last["run"], last["type"], last["status"]) == (run, "run_ended", "failed")
    assert RemovalSession(machine).unfinished() is None


def test_a_scan_stops_when_cancelled(tmp_path: Path) -> None:
    cancel = threading.Event()

    def observe(_target: Target, _notes: object):
        yield KESL
        cancel.set()  # Stop pressed while the scan runs
        yield KESL

    machine = dataclasses.replace(linux_machine(tmp_path, []), observe=observe)
    session = RemovalSession(machine)
    with pytest.raises(ScanCancelled):
        session.scan(cancel)
    assert session.scan_result is None


def test_only_machine_scope_runs_just_the_elevated_steps(tmp_path: Path) -> None:
    folder = tmp_path / "bin"
    system, user = exits_with(folder, "system", 0), exits_with(folder, "user", 0)
    machine = dataclasses.replace(
        linux_machine(tmp_path, []),
        runner=SubprocessRunner(elevation=ThroughWrapper(wrapper(tmp_path))),
        guard=guard_allowing(folder),
    )
    session = RemovalSession(machine)
    session.plan = Plan(
        created_at="2026-01-01T00:00:00Z",
        mode="silent",
        os="linux",
        steps=(step("a", [system], elevated=True), step("b", [user], elevated=False)),
    )
    report = session.run(
        password=None, cancel=threading.Event(), on_event=lambda _e: None, confirm_manual=bool, only="machine"
    )
    assert report.status == "removed"
    assert len(calls(system)) == 1 and calls(user) == []
