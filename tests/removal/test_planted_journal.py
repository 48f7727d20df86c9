"""Finding 8: a journal planted by someone else never steers a run. A resume asks unless --resume or --yes;
a journal or data folder not owned by the effective user, writable by others, or reached through a link
is refused; the order and the confirmations come from the fresh plan."""

from __future__ import annotations

import dataclasses
import io
import os
import sys
from pathlib import Path

import pytest

from core.cli import main
from core.detection.scan import scan
from core.model import Target
from core.removal.journal import Journal, JournalError
from core.removal.plan import plan_removal
from tests.conftest import running_as_root
from tests.removal.live_linux import LiveLinux

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX owners and modes")


def _interrupted(journal: Journal, *, plan: dict | None = None, confirm: tuple[str, ...] = ()) -> str:
    empty = {"schema": "switchover.plan/1", "created_at": "2026-12-01T10:00:00Z", "mode": "silent",
             "os": "linux", "steps": []}  # fmt: skip
    run = journal.open_run(plan or empty)
    for step in confirm:
        journal.record(run, "step_started", step=step)
        journal.record(run, "step_ended", step=step, status="done", message="", exit_code=None)
    return run


@posix_only
def test_a_journal_in_a_folder_others_can_write_is_refused(
    private_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _interrupted(Journal(private_data_dir / "journal.jsonl"))
    private_data_dir.chmod(0o777)
    assert main(["remove", "--resume"]) == 2
    err = capsys.readouterr().err
    assert "writable by" in err and str(private_data_dir) in err


@posix_only
@pytest.mark.skipif(not running_as_root(), reason="handing a file to another user takes root")
def test_a_journal_another_user_owns_is_refused(private_data_dir: Path) -> None:
    journal = Journal(private_data_dir / "journal.jsonl")
    _interrupted(journal)
    os.chown(journal.path, 65534, 65534)
    with pytest.raises(JournalError, match="belongs to uid 65534"):
        journal.check_trusted()


@posix_only
@pytest.mark.skipif(not running_as_root(), reason="a link of another user's takes root to make")
def test_a_data_folder_reached_through_another_users_link_is_refused(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir(mode=0o700)
    (tmp_path / "link").symlink_to(real)
    os.lchown(tmp_path / "link", 65534, 65534)
    with pytest.raises(JournalError, match="link"):
        Journal(tmp_path / "link" / "journal.jsonl").check_trusted()
    Journal(real / "journal.jsonl").check_trusted()  # the same folder, reached directly


def test_plain_remove_without_a_person_does_not_resume(
    private_data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    journal = Journal(private_data_dir / "journal.jsonl")
    _interrupted(journal)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["remove"]) == 3
    out = capsys.readouterr().out
    assert "switchover remove --resume" in out and "Finishing it now" not in out
    assert journal.pending() is not None  # left as it was
    assert [r["type"] for r in journal.records()] == ["run_started"]


@pytest.mark.skipif(sys.platform != "linux", reason="a live Linux machine of the test's own")
def test_a_resume_takes_order_and_confirmations_from_the_fresh_plan(tmp_path: Path) -> None:
    machine = LiveLinux(tmp_path)
    machine.install("kesl")
    machine.install("klnagent64")
    honest = plan_removal(scan(Target("linux", live=False, root=str(machine.root))), silent=True)
    # the journal puts the Network Agent first, has the other checks "done", and lacks the help-desk check
    # that this managed device needs
    agent_first = sorted(honest.steps, key=lambda s: 0 if s.id.startswith("uninstall:") and _agent(s) else 1)
    planted = dataclasses.replace(honest, steps=tuple(s for s in agent_first if s.id != "rescue:helpdesk"))
    journal = Journal(machine.data / "journal.jsonl")
    rescue = tuple(s.id for s in planted.steps if s.phase == "rescue")

    _interrupted(journal, plan=planted.to_json(), confirm=rescue)
    unattended = machine.switchover("remove", "--resume")  # nobody confirms the checks now
    assert unattended.returncode == 3, unattended.stdout + unattended.stderr
    assert "must be confirmed" in unattended.stdout and "help desk" in unattended.stdout.lower()
    assert machine.installed("kesl") and machine.installed("klnagent64")

    _interrupted(journal, plan=planted.to_json(), confirm=rescue)
    confirmed = machine.switchover("remove", "--resume", "--rescued")
    assert confirmed.returncode == 0, confirmed.stdout + confirmed.stderr
    records = Journal(machine.data / "journal.jsonl").records()
    started = [r["step"] for r in records if r["type"] == "step_started"]
    removals = [s for s in started if s.startswith("uninstall:")]
    assert len(removals) == 2 and "network-agent" in removals[-1]  # Endpoint Security first, the agent last


def _agent(step) -> bool:
    return "network-agent" in (step.product_id or "")
