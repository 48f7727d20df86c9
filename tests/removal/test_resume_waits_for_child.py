"""Finding 9: a killed Switchover leaves its uninstaller running. The journal records the child (PID and
start time) and a resume waits for it, with a bound, before it runs anything again."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil
import pytest

from core.children import still_running, wait_for_children
from core.cli import main
from core.journal import Child, Journal
from core.subprocess_runner import SubprocessRunner

PLAN = {"schema": "switchover.plan/1", "created_at": "2026-12-01T10:00:00Z", "mode": "silent", "os": "linux",
        "steps": []}  # fmt: skip


def _sleeper(seconds: float) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-c", f"import time; time.sleep({seconds})"])


def _interrupted_with(journal: Journal, child: subprocess.Popen[bytes]) -> None:
    run = journal.open_run(PLAN)
    journal.record(run, "step_started", step="uninstall:kaspersky:kes:kes")
    journal.record_child(child.pid, psutil.Process(child.pid).create_time())


def test_the_runner_reports_each_child_and_the_journal_keeps_it_for_the_step(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "journal.jsonl")
    run = journal.open_run(PLAN)
    journal.record(run, "step_started", step="uninstall:x")
    seen: list[tuple[int, float]] = []
    runner = SubprocessRunner(
        on_start=lambda pid, started: (seen.append((pid, started)), journal.record_child(pid, started))
    )
    runner.run([sys.executable, "-c", "pass"], elevated=False, timeout=30, cancel=threading.Event())
    pending = journal.pending()
    assert pending is not None and len(seen) == 1
    assert pending.children == (Child("uninstall:x", seen[0][0], seen[0][1]),)


def test_a_resume_waits_for_the_uninstaller_left_running(private_data_dir: Path, capsys) -> None:
    child = _sleeper(2.5)
    _interrupted_with(Journal(private_data_dir / "journal.jsonl"), child)
    started = time.monotonic()
    code = main(["remove", "--resume"])
    waited = time.monotonic() - started
    out = capsys.readouterr().out
    child.wait()
    assert f"PID {child.pid}" in out and "Waiting" in out
    # nothing ran again while it was still running (the rest depends on this machine: not asserted)
    assert waited >= 2.0 and code != 2, out


def test_the_wait_is_bounded_and_says_what_is_still_running(tmp_path: Path) -> None:
    child = _sleeper(30)
    try:
        journal = Journal(tmp_path / "journal.jsonl")
        _interrupted_with(journal, child)
        pending = journal.pending()
        assert pending is not None
        started = time.monotonic()
        left = wait_for_children(pending.children, timeout=0.5)
        assert time.monotonic() - started < 5
        assert [c.pid for c in left] == [child.pid]
    finally:
        child.kill()
        child.wait()
    assert not still_running(pending.children[0])  # gone now


def test_a_reused_pid_is_not_taken_for_the_child(tmp_path: Path) -> None:
    me = psutil.Process()
    assert still_running(Child("s", me.pid, me.create_time()))
    assert not still_running(Child("s", me.pid, me.create_time() - 3600))  # another process, same number


@pytest.mark.skipif(sys.platform == "win32", reason="zombies are POSIX")
def test_an_ended_child_not_yet_reaped_does_not_count(tmp_path: Path) -> None:
    child = _sleeper(0)
    created = psutil.Process(child.pid).create_time()
    time.sleep(1)  # ended, and not waited for: a zombie
    try:
        assert not still_running(Child("s", child.pid, created))
    finally:
        child.wait()


def test_the_session_every_face_drives_waits_too(private_data_dir: Path) -> None:
    # the window resumes through core.session, not through the command line
    from core.scan import live_target
    from core.session import RemovalSession, this_machine

    child = _sleeper(2.5)
    _interrupted_with(Journal(private_data_dir / "journal.jsonl"), child)
    session = RemovalSession(this_machine(live_target()))
    pending = session.unfinished()
    assert pending is not None and [c.pid for c in pending.children] == [child.pid]
    session.resuming = pending
    started = time.monotonic()
    session.plan_to_run()
    assert time.monotonic() - started >= 2.0
    child.wait()
