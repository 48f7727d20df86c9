"""The journal against a hostile or damaged data folder: links, FIFOs, damaged records, two writers."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.cli import main
from core.removal.journal import SCHEMA, Journal, JournalError
from tests.conftest import REPO
from tests.removal.live_linux import LiveLinux

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX symbolic links and FIFOs")


def _line(record: object) -> bytes:
    return json.dumps(record).encode() + b"\n"


def _interrupted_run(run: str = "a" * 32) -> bytes:
    """A run that started one step and was cut off: pending() must offer it for resuming."""
    at = "2025-01-01T00:00:00+00:00"
    return b"".join(
        _line({"schema": SCHEMA, "at": at, "run": run, **fields})
        for fields in (
            {"type": "run_started", "plan": {"steps": []}},
            {"type": "step_started", "step": "first"},
            {"type": "step_ended", "step": "first", "status": "done", "message": "", "exit_code": 0},
            {"type": "step_started", "step": "second"},
        )
    )


# --- symbolic links and special files --------------------------------------------------------


@posix_only
def test_a_journal_that_is_a_link_is_refused_and_its_target_never_copied(tmp_path: Path) -> None:
    secret = tmp_path / "root-only.txt"
    secret.write_text("secret of another user\n")
    data = tmp_path / "data"
    data.mkdir()
    (data / "journal.jsonl").symlink_to(secret)
    journal = Journal(data / "journal.jsonl")
    with pytest.raises(JournalError, match="is a symbolic link"):
        journal.record("run", "verified", status="removed")
    with pytest.raises(JournalError, match="is a symbolic link"):
        journal.pending()
    assert (data / "journal.jsonl").is_symlink()  # left as it was, not replaced by a copy
    assert secret.read_text(encoding="utf-8") == "secret of another user\n"
    assert not any("secret" in p.read_text(errors="replace") for p in data.iterdir() if not p.is_symlink())


@posix_only
def test_remove_stops_with_a_clear_message_when_the_journal_is_a_link(
    tmp_path: Path, private_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "victim").write_text("x")
    (private_data_dir / "journal.jsonl").symlink_to(tmp_path / "victim")
    assert main(["remove", "--yes"]) == 2  # refused before any scan
    err = capsys.readouterr().err
    assert "is a symbolic link" in err and "Traceback" not in err


@posix_only
def test_a_link_at_the_lock_name_is_refused_and_creates_nothing(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere" / "created-by-root"
    elsewhere.parent.mkdir()
    (tmp_path / ".journal.jsonl.lock").symlink_to(elsewhere)
    with pytest.raises(JournalError, match="is a symbolic link"):
        Journal(tmp_path / "journal.jsonl").record("run", "verified", status="removed")
    assert not elsewhere.exists()


@posix_only
def test_a_fifo_named_journal_is_refused_without_blocking(tmp_path: Path) -> None:
    path = tmp_path / "journal.jsonl"
    os.mkfifo(path)
    outcome: list[BaseException | None] = []

    def read() -> None:
        try:
            Journal(path).pending()
        except BaseException as error:  # handed to the test thread
            outcome.append(error)
        else:
            outcome.append(None)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(5)
    if reader.is_alive():  # unblock the stuck reader before failing
        os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
        reader.join(5)
        pytest.fail("reading a FIFO named journal.jsonl blocked")
    assert isinstance(outcome[0], JournalError) and "not a regular file" in str(outcome[0])


# --- damaged records --------------------------------------------------------------------------

DAMAGED = [
    b"[]\n",
    b"42\n",
    b'"text"\n',
    b"null\n",
    b"[" * 100_000 + b"\n",  # deep enough to make the JSON decoder recurse out of its stack
    b"\xff\xfe not UTF-8\n",
    _line({"schema": SCHEMA}),  # no type, run or at
    _line({"schema": SCHEMA, "at": "t", "run": "b" * 32, "type": "run_started"}),  # no plan
    _line({"schema": SCHEMA, "at": "t", "run": "a" * 32, "type": "step_started", "step": 5}),
    _line({"schema": SCHEMA, "at": "t", "run": "a" * 32, "type": "step_ended", "step": "x"}),
    _line({"schema": SCHEMA, "at": "t", "run": "a" * 32, "type": "run_ended", "status": []}),
    _line({"schema": SCHEMA, "at": "t", "run": ["a"], "type": "run_ended", "status": "removed"}),
    _line({"schema": SCHEMA, "at": None, "run": "a" * 32, "type": "run_started", "plan": {}}),
]


def test_damaged_records_that_are_still_json_are_skipped_with_a_log_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "journal.jsonl"
    path.write_bytes(_interrupted_run() + b"".join(DAMAGED))
    with caplog.at_level(logging.WARNING, logger="core.removal.journal"):
        pending = Journal(path).pending()
    assert pending is not None
    assert pending.run_id == "a" * 32
    assert pending.finished == {"first": "done"} and pending.interrupted == ("second",)
    assert pending.ended_status is None
    assert f"skipped {len(DAMAGED)} damaged record(s)" in caplog.text


def test_remove_starts_up_past_a_damaged_journal(
    tmp_path: Path, private_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    finished = _line(
        {
            "schema": SCHEMA,
            "at": "t",
            "run": "a" * 32,
            "type": "run_ended",
            "status": "removed",
            "message": "",
        }
    )
    machine = LiveLinux(tmp_path)  # this machine, live, with an empty package database
    machine.data.mkdir(mode=0o700)
    (machine.data / "journal.jsonl").write_bytes(_interrupted_run() + finished + b"".join(DAMAGED))
    done = machine.switchover("remove", "--yes")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Nothing to remove" in done.stdout


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=8,
)
_FIELD = st.sampled_from(["type", "run", "at", "step", "status", "plan", "schema"])
_RECORDISH = st.fixed_dictionaries(
    {"schema": st.just(SCHEMA), "run": st.sampled_from(["c" * 32, "d" * 32])},
    optional={
        "type": st.sampled_from(["run_started", "step_started", "step_ended", "run_ended", "resumed"])
        | _JSON,
        "at": st.text(max_size=5) | _JSON,
        "step": st.text(max_size=5) | _JSON,
        "status": st.sampled_from(["removed", "failed", "reboot_needed"]) | _JSON,
        "plan": st.just({"steps": []}) | _JSON,
    },
)


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(junk=st.lists(_JSON | _RECORDISH | st.dictionaries(_FIELD, _JSON), max_size=8))
def test_any_json_in_the_journal_never_crashes_pending(tmp_path: Path, junk: list[object]) -> None:
    path = tmp_path / "journal.jsonl"
    # The junk comes after an intact interrupted run, and mostly belongs to it: pending() reads it all.
    path.write_bytes(_interrupted_run("c" * 32) + b"".join(_line(item) for item in junk))
    pending = Journal(path).pending()
    if pending is not None:
        assert pending.run_id in ("c" * 32, "d" * 32)
        assert isinstance(pending.plan, dict) and isinstance(pending.started_at, str)
        assert all(isinstance(k, str) and isinstance(v, str) for k, v in pending.finished.items())
        assert all(isinstance(step, str) for step in pending.interrupted)


# --- two writers --------------------------------------------------------------------------------

WRITER = """
import sys, time
sys.path.insert(0, {repo!r})
from pathlib import Path
from core.removal.journal import Journal
path, name, count, start = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
while time.time() < start:  # both writers begin together
    time.sleep(0.001)
journal = Journal(path)
for i in range(count):
    journal.record(name, "verified", n=i)
"""


def test_two_processes_appending_at_once_lose_no_record(tmp_path: Path) -> None:
    path, count = tmp_path / "journal.jsonl", 150
    start = time.time() + 1.0
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER.format(repo=str(REPO)), str(path), name, str(count), str(start)],
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("gui", "cli")
    ]
    for writer in writers:
        _, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
    records = Journal(path).records()
    for name in ("gui", "cli"):
        assert sorted(r["n"] for r in records if r["run"] == name) == list(range(count))
    assert len(path.read_bytes().splitlines()) == 2 * count


@posix_only
def test_a_writer_stuck_holding_the_lock_ends_in_a_journal_error_not_a_hang(tmp_path: Path) -> None:
    import fcntl

    lock = os.open(tmp_path / ".journal.jsonl.lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX)
        began = time.monotonic()
        with pytest.raises(JournalError, match="held by another Switchover"):
            Journal(tmp_path / "journal.jsonl", lock_timeout=0.3).record("run", "verified")
        assert time.monotonic() - began < 5
    finally:
        os.close(lock)
    Journal(tmp_path / "journal.jsonl").record("run", "verified")  # free again
    assert len(Journal(tmp_path / "journal.jsonl").records()) == 1
