"""Resuming never runs a command read from the journal: the journal is in the user's folder, the run may be
elevated. Commands come from a plan remade from a fresh scan."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from core.detection.scan import scan
from core.model import Target
from core.removal.journal import Journal
from core.removal.plan import Plan, Step, plan_removal, resume_plan
from tests.removal.live_linux import LiveLinux


def _step(step_id: str, command: tuple[str, ...] | None, product_id: str | None = "p") -> Step:
    return Step(
        id=step_id, phase="remove", action="uninstall_package", title=step_id, why="", command=command,
        product_id=product_id,
    )  # fmt: skip


def _plan(*steps: Step) -> Plan:
    return Plan(created_at="2026-11-25T10:00:00Z", mode="silent", os="linux", steps=steps)


def test_commands_come_from_the_fresh_plan_and_gone_products_drop_out() -> None:
    journaled = _plan(
        _step("rescue:licence", None, None),
        _step("uninstall:a", ("/usr/bin/touch", "/tmp/owned")),  # tampered in the journal
        _step("uninstall:b", ("/usr/bin/dpkg", "--remove", "b")),  # its product is gone now
        _step("uninstall:c", ("/usr/bin/dpkg", "--remove", "c")),  # ended before the crash
    )
    fresh = _plan(
        _step("rescue:licence", None, None), _step("uninstall:a", ("/usr/bin/dpkg", "--remove", "a"))
    )

    plan = resume_plan(journaled, fresh, settled={"rescue:licence", "uninstall:c"})

    # the settled record first, then the fresh plan in its own order
    assert [s.id for s in plan.steps] == ["uninstall:c", "rescue:licence", "uninstall:a"]
    assert plan.steps[2].command == ("/usr/bin/dpkg", "--remove", "a")
    assert plan.steps[0].command is None  # kept as a record, never run again
    assert all(s.command != ("/usr/bin/touch", "/tmp/owned") for s in plan.steps)


def test_remove_resume_runs_the_fresh_command_not_the_tampered_one(tmp_path: Path) -> None:
    machine = LiveLinux(tmp_path)
    machine.install("kesl")
    marker = tmp_path / "tampered-command-ran"
    honest = plan_removal(scan(Target("linux", live=False, root=str(machine.root))), silent=True)
    tampered = dataclasses.replace(
        honest,
        steps=tuple(
            dataclasses.replace(s, command=("/usr/bin/touch", str(marker))) if s.command else s
            for s in honest.steps
        ),
    )
    journal = Journal(machine.data / "journal.jsonl")
    run = journal.open_run(tampered.to_json())
    for step in tampered.steps:
        if step.phase == "rescue":  # the person had confirmed these before the crash
            journal.record(run, "step_started", step=step.id)
            journal.record(run, "step_ended", step=step.id, status="done", message="", exit_code=None)

    done = machine.switchover("remove", "--resume")

    assert not marker.exists()
    assert not machine.installed("kesl")  # removed with the fresh plan's own command
    assert done.returncode == 0, done.stdout + done.stderr


def test_an_unreadable_journaled_plan_is_closed_and_changes_nothing(tmp_path: Path) -> None:
    machine = LiveLinux(tmp_path)
    machine.install("kesl")
    journal = Journal(machine.data / "journal.jsonl")
    journal.open_run({"schema": "switchover.plan/1", "steps": "not a list"})

    done = machine.switchover("remove", "--resume")
    assert done.returncode == 3, done.stdout + done.stderr
    assert "could not be read" in done.stderr
    assert machine.installed("kesl")
    assert journal.pending() is None  # closed: the next run starts afresh
