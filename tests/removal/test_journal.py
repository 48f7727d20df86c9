"""The journal: records before and after each step, a SIGKILL anywhere survived, a full disk stops."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import uuid
from pathlib import Path

import pytest

from core.removal.executor import execute_plan
from core.removal.journal import SCHEMA, Journal
from core.removal.subprocess_runner import SubprocessRunner
from tests.conftest import REPO
from tests.programs import program_path
from tests.removal.doubles import ScriptPlan, calls, guard_allowing, step, uninstaller

STEPS = ("first", "second", "third")
# run_started, then started+ended per step, then run_ended
RECORDS = 1 + 2 * len(STEPS) + 1


# The uninstaller's parent on POSIX; on Windows its parent is the NAME.exe launcher, Switchover the one above.
SWITCHOVER_PID = (
    "__import__('psutil').Process(os.getppid()).ppid()" if sys.platform == "win32" else "os.getppid()"
)
# os.kill(pid, 9): SIGKILL on POSIX, TerminateProcess with exit code 9 on Windows.
KILLED = 9 if sys.platform == "win32" else -signal.SIGKILL


def removers(folder: Path, *, kill_parent_in: str | None = None) -> list[Path]:
    """Uninstallers that remove a marker file ("the product"); one may SIGKILL Switchover mid-run."""
    scripts = []
    for name in STEPS:
        kill = f"os.kill({SWITCHOVER_PID}, 9); time.sleep(1)\n" if name == kill_parent_in else ""
        scripts.append(
            uninstaller(folder, name, f"log()\nos.remove({str(folder / (name + '.installed'))!r})\n{kill}")
        )
        (folder / f"{name}.installed").touch()
    return scripts


def plan_for(scripts: list[Path]) -> ScriptPlan:
    return ScriptPlan(tuple(step(s.stem, [s]) for s in scripts))


CHILD = """
import json, os, sys, threading
from pathlib import Path
sys.path.insert(0, {repo!r})
from core.removal.executor import execute_plan
from core.files import atomic_write
from core.removal.journal import Journal
from core.removal.subprocess_runner import SubprocessRunner
from tests.programs import program_path
from tests.removal.doubles import ScriptPlan, guard_allowing, step

folder, journal_path, kill_after = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
written = 0
def write_then_die(path, data):
    global written
    atomic_write(path, data)
    written += 1
    if written == kill_after:
        os.kill(os.getpid(), 9)  # a power cut right after this record reached the disk
plan = ScriptPlan(tuple(step(name, [program_path(folder, name)]) for name in {steps!r}))
execute_plan(plan, runner=SubprocessRunner(), journal=Journal(journal_path, write=write_then_die),
             password=None, cancel=threading.Event(), on_event=lambda e: None,
             confirm_manual=lambda s: True, guard=guard_allowing(folder))
"""


def run_child(folder: Path, journal_path: Path, kill_after: int) -> int:
    code = CHILD.format(repo=str(REPO), steps=STEPS)
    done = subprocess.run(
        [sys.executable, "-c", code, str(folder), str(journal_path), str(kill_after)], timeout=60, check=False
    )
    return done.returncode


def resume(folder: Path, journal: Journal):
    pending = journal.pending()
    assert pending is not None
    scripts = [program_path(folder, name) for name in STEPS]
    report = execute_plan(
        plan_for(scripts),
        runner=SubprocessRunner(),
        journal=journal,
        password=None,
        cancel=threading.Event(),
        on_event=lambda e: None,
        confirm_manual=lambda s: True,
        guard=guard_allowing(folder),
        resume=pending,
        still_needed=lambda s: (folder / f"{s.id}.installed").exists(),  # the rescan
    )
    return pending, report


@pytest.mark.slow
@pytest.mark.parametrize("kill_after", range(1, RECORDS))
def test_killed_between_any_two_records_resumes_without_rerunning(tmp_path: Path, kill_after: int):
    folder = tmp_path / "bin"
    removers(folder)
    journal = Journal(tmp_path / "journal.jsonl")
    assert run_child(folder, journal.path, kill_after) == KILLED
    assert len(journal.records()) == kill_after
    pending, report = resume(folder, journal)
    assert "stopped unexpectedly" in pending.describe()
    assert report.status == "removed", report.message
    for name in STEPS:
        assert not (folder / f"{name}.installed").exists()
        runs = len(calls(program_path(folder, name)))
        assert runs == 1, f"{name} ran {runs} times"
    assert journal.pending() is None
    assert [r["type"] for r in journal.records()][-1] == "run_ended"


def test_killed_while_an_uninstaller_runs_is_rechecked_by_rescanning(tmp_path: Path):
    folder = tmp_path / "bin"
    removers(folder, kill_parent_in="second")
    journal = Journal(tmp_path / "journal.jsonl")
    assert run_child(folder, journal.path, kill_after=0) == KILLED
    pending = journal.pending()
    assert pending is not None and pending.interrupted == ("second",)
    _, report = resume(folder, journal)
    # Its exit code died with the crash: it may have asked for a restart, so one is asked for.
    assert report.status == "reboot_needed"
    assert len(calls(program_path(folder, "second"))) == 1  # gone by the rescan: not run again
    second = next(e for e in report.steps if e.step_id == "second")
    assert second.status == "needs_reboot" and "rescan" in second.message


def test_records_are_versioned_json_lines(tmp_path: Path):
    journal = Journal(tmp_path / "j.jsonl")
    run_id = journal.open_run({"steps": []})
    journal.record(run_id, "run_ended", status="removed", message="")
    lines = (tmp_path / "j.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["schema"] for line in lines] == [SCHEMA, SCHEMA]
    assert journal.pending() is None


@pytest.fixture
def small_disk(tmp_path: Path):
    """A real 64 KiB tmpfs: writes past it fail with ENOSPC, as on a full disk."""
    if sys.platform == "win32":
        pytest.skip("a real small disk is a Linux tmpfs; on Windows it is a VHD, which Wine cannot mount")
    mount = tmp_path / "small"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"mounting a tmpfs is not permitted here: {done.stderr.decode().strip()}")
    yield mount
    subprocess.run(["umount", str(mount)], check=False)


def fill(folder: Path) -> None:
    with open(folder / f"filler-{uuid.uuid4().hex}", "wb", buffering=0) as filler:
        try:
            while True:
                filler.write(b"\0" * 4096)
                filler.flush()
                os.fsync(filler.fileno())
        except OSError:
            pass


def test_a_full_disk_stops_the_run_before_anything_is_removed(tmp_path: Path, small_disk: Path):
    folder = tmp_path / "bin"
    scripts = removers(folder)
    fill(small_disk)
    report = execute_plan(
        plan_for(scripts),
        runner=SubprocessRunner(),
        journal=Journal(small_disk / "journal.jsonl"),
        password=None,
        cancel=threading.Event(),
        on_event=lambda e: None,
        confirm_manual=lambda s: True,
        guard=guard_allowing(folder),
    )
    assert report.status == "failed"
    assert "cannot write the journal" in report.message and "Nothing was removed" in report.message
    assert all(calls(s) == [] for s in scripts)


def test_a_disk_that_fills_up_mid_run_stops_before_the_next_step(tmp_path: Path, small_disk: Path):
    folder = tmp_path / "bin"
    scripts = removers(folder)

    def fill_after_first(argv, **kwargs):
        result = SubprocessRunner().run(argv, **kwargs)
        fill(small_disk)
        return result

    class FillingRunner:
        run = staticmethod(fill_after_first)

    report = execute_plan(
        plan_for(scripts),
        runner=FillingRunner(),
        journal=Journal(small_disk / "journal.jsonl"),
        password=None,
        cancel=threading.Event(),
        on_event=lambda e: None,
        confirm_manual=lambda s: True,
        guard=guard_allowing(folder),
    )
    assert report.status == "failed"
    assert "cannot write the journal" in report.message
    assert len(calls(scripts[0])) == 1
    assert calls(scripts[1]) == [] and calls(scripts[2]) == []


@pytest.mark.skipif(not hasattr(os, "symlink") or sys.platform == "win32", reason="POSIX symbolic links")
def test_a_link_planted_at_a_temporary_name_is_never_written_through(tmp_path: Path):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    path = tmp_path / "journal.jsonl"
    for pid in range(os.getpid() - 5, os.getpid() + 5):  # the names it used to use
        (tmp_path / f".journal.jsonl.{pid}.tmp").symlink_to(victim)
    journal = Journal(path)
    journal.record("run", "verified", message="ok")
    assert victim.read_text(encoding="utf-8") == "precious"
    assert [r["type"] for r in journal.records()] == ["verified"]
    assert not path.is_symlink()
