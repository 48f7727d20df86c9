"""The removal journal: every step recorded before and after it runs, so nothing is lost.

One JSON object per line (`switchover.journal/1`, see docs/journal.md). Each append
writes the whole file anew to a temporary file, fsyncs it and renames it over the
old one, then fsyncs the folder: after a crash or a power cut the journal holds
either the old records or the new ones, never half a line. A write that fails
(full disk, no permission) raises `JournalError` and the executor stops before it
changes anything more.

Two writers (the GUI and the command line) never lose each other's records: an
append holds an exclusive lock on `.journal.jsonl.lock` across the read, the
rewrite and the rename. The journal itself is never read through a symbolic
link: an elevated run would copy whatever the link points at into a file the
user can read.
"""

from __future__ import annotations

import errno
import json
import logging
import os
import stat
import sys
import time
import uuid
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from core.files import atomic_write
from core.paths import data_dir

log = logging.getLogger(__name__)

SCHEMA = "switchover.journal/1"
FINAL_RUN_STATUSES = frozenset({"removed", "failed", "cancelled"})  # "reboot_needed" still has work left

LOCK_TIMEOUT_S = 30.0  # an append takes milliseconds; a holder this slow is stuck, not busy
Writer = Callable[[Path, bytes], None]
# What each record type needs before `pending()` may rely on it: field -> type.
_REQUIRED: dict[str, dict[str, type]] = {
    "run_started": {"plan": dict},
    "child_started": {"step": str, "pid": int, "started": float},
    "step_started": {"step": str},
    "step_ended": {"step": str, "status": str},
    "run_ended": {"status": str},
}


class JournalError(Exception):
    """The journal cannot be written; nothing more may be removed."""


class _FileLock:
    """An exclusive lock between processes on `path` (a file of its own: the journal is replaced on
    every append, so a lock on the journal itself would be left behind on the old file).

    fcntl.flock on POSIX, msvcrt.locking on Windows; both tried without blocking until `timeout`
    passes, so a stuck writer ends in a JournalError, never in a hang.
    """

    def __init__(self, path: Path, timeout: float) -> None:
        self.path = path
        self.timeout = timeout
        self._fd = -1

    def __enter__(self) -> _FileLock:
        # O_NOFOLLOW: a link planted at the lock's name must not make an elevated run create files elsewhere.
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
        try:
            fd = os.open(self.path, flags, 0o600)
        except OSError as error:
            if error.errno in (errno.ELOOP, errno.EMLINK) or self.path.is_symlink():
                raise JournalError(_link_refused(self.path)) from None
            raise
        deadline = time.monotonic() + self.timeout
        while not try_lock(fd):
            if time.monotonic() > deadline:
                os.close(fd)
                raise JournalError(
                    f"the journal in {self.path.parent} is held by another Switchover for more than "
                    f"{self.timeout:g} s; nothing more was removed. "
                    "Close the other Switchover, then try again."
                )
            time.sleep(0.005)
        self._fd = fd
        return self

    def __exit__(self, *exc: object) -> None:
        fd, self._fd = self._fd, -1
        try:
            unlock(fd)
        finally:
            os.close(fd)


if sys.platform == "win32":
    import msvcrt

    def try_lock(fd: int) -> bool:
        os.lseek(fd, 0, os.SEEK_SET)  # msvcrt locks bytes from the current position: always byte 0
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def _link_refused(path: Path) -> str:
    return (
        f"{path} is a symbolic link; Switchover reads and writes its journal only as a plain file. "
        "Nothing more was removed. Delete the link (and find out who made it), then try again."
    )


def trust_refusal(path: Path) -> str | None:
    """Why the journal at `path` may have been written by someone else, or None.

    The journal tells a resumed run what was done; one planted by another user (in a data folder
    anyone can write, through a link, or handed over) would steer it. On POSIX the journal and its
    folder must belong to the effective user and be writable by no group or other user, the journal
    must have no second hard link, and no link on the way to the folder may belong to anyone but root
    or the user (the system's own links, macOS' /var -> /private/var, are root's). On Windows, where
    ownership lives in ACLs, links and junctions are refused.
    """
    folder = path.parent
    for place in _ancestors(folder):
        try:
            info = os.lstat(place)
        except FileNotFoundError:
            return None  # nothing written yet: the folder is made by this user (core.paths)
        except OSError as error:
            return f"{place} cannot be checked ({error.strerror or error})"
        if stat.S_ISLNK(info.st_mode) or _is_junction(place):
            if place == folder or sys.platform == "win32":
                return f"{place} is a link: Switchover's data folder is used only as a plain folder"
            if info.st_uid not in (0, os.geteuid()):
                return f"{place} is a link of uid {info.st_uid}: someone else decides where it leads"
    for place in (folder, path):
        try:
            info = os.lstat(place)
        except FileNotFoundError:
            continue
        if stat.S_ISLNK(info.st_mode):
            return _link_refused(place)
        if sys.platform == "win32":
            continue
        if info.st_uid != os.geteuid():
            return f"{place} belongs to uid {info.st_uid}, not to this user (uid {os.geteuid()})"
        if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
            who = "everyone" if info.st_mode & stat.S_IWOTH else "its group"
            return f"{place} is writable by {who}: another user could have written the journal"
        if place == path and info.st_nlink > 1:
            return f"{place} has another hard link: it may be someone else's file"
    return None


def _ancestors(folder: Path) -> list[Path]:
    absolute = Path(os.path.abspath(folder))
    return [*reversed(absolute.parents), absolute]


def _is_junction(path: Path) -> bool:
    isjunction = getattr(os.path, "isjunction", None)  # Python 3.12; a junction is Windows' folder link
    return bool(isjunction and isjunction(path))


def default_journal_path() -> Path:
    return data_dir() / "journal.jsonl"


@dataclass(frozen=True)
class Child:
    """An uninstaller a step started: its PID and start time (seconds since the epoch, as psutil gives),
    which together tell it from a later process that got the same PID."""

    step: str
    pid: int
    started: float


@dataclass(frozen=True)
class PendingRun:
    """A run that has work left: interrupted (no end record), or waiting for a restart to be verified."""

    run_id: str
    plan: Mapping[str, Any]  # the plan document it ran
    started_at: str
    finished: Mapping[str, str]  # step id -> the status it ended with
    interrupted: tuple[str, ...]  # steps started and never ended: re-check them by rescanning
    ended_status: str | None  # None after a crash; "reboot_needed" when waiting for the restart
    children: tuple[Child, ...] = ()  # what the interrupted steps started: it may still be running

    def outside(self, step_ids: Collection[str]) -> PendingRun:
        """This run without the outcomes of `step_ids` (the fresh plan's commands: their products are still
        there, so they run again, whatever the journal says of them)."""
        kept = {step: status for step, status in self.finished.items() if step not in step_ids}
        return replace(self, finished=kept)

    def describe(self) -> str:
        """What happened, in a sentence a person understands."""
        if self.ended_status == "reboot_needed":
            return f"The removal started {self.started_at} finished its steps and was waiting for a restart."
        done = len(self.finished)
        where = f" while running step '{self.interrupted[-1]}'" if self.interrupted else ""
        return f"The removal started {self.started_at} stopped unexpectedly after {done} step(s){where}."


class Journal:
    """Append-only journal at `path`; `write` is injectable so a failing disk can be simulated."""

    def __init__(
        self,
        path: Path | None = None,
        *,
        write: Writer = atomic_write,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        lock_timeout: float = LOCK_TIMEOUT_S,
    ) -> None:
        self.path = path or default_journal_path()
        self._write = write
        self._now = now
        self._lock_timeout = lock_timeout

    def check_trusted(self) -> None:
        """Raise JournalError when the journal or its folder may be someone else's (`trust_refusal`)."""
        refusal = trust_refusal(self.path)
        if refusal:
            raise JournalError(
                f"{refusal}. Nothing was done: a journal written by someone else could steer the removal. "
                "Make the folder your own and private (or delete it), then try again."
            )

    def open_run(self, plan_document: Mapping[str, Any]) -> str:
        """Start a run: its first record holds the whole plan. Raises JournalError before anything runs."""
        run_id = uuid.uuid4().hex
        self._append({"type": "run_started", "run": run_id, "plan": dict(plan_document)})
        return run_id

    def record(self, run_id: str, type_: str, **fields: Any) -> None:
        """Append one record (`step_started`, `step_ended`, `run_ended`, `resumed`, `verified`)."""
        self._append({"type": type_, "run": run_id, **fields})

    def record_child(self, pid: int, started: float) -> None:
        """Record that the step last started in the journal has started its program (a runner's
        `on_start`): a resume after Switchover was killed waits for it instead of starting the step again
        beside it. The step is the journal's last `step_started`, whichever Journal object wrote it."""
        started_steps = [r for r in self.records() if r["type"] == "step_started"]
        if not started_steps:
            return
        last = started_steps[-1]
        self._append(
            {
                "type": "child_started",
                "run": last["run"],
                "step": last["step"],
                "pid": pid,
                "started": float(started),
            }
        )

    def records(self) -> list[dict[str, Any]]:
        """Every readable record. A damaged line (a disk that lied about fsync, an edit by hand) is
        skipped with one log line for all of them, not fatal: invalid JSON or UTF-8, JSON that is not
        an object, or a record missing a field its type needs."""
        try:
            data = self._read()
        except OSError as error:
            raise JournalError(f"{self.path}: cannot read the journal ({error.strerror or error})") from None
        out = []
        damaged: list[int] = []
        for number, raw in enumerate(data.split(b"\n"), start=1):
            if not raw.strip():
                continue
            try:
                record = json.loads(raw.decode("utf-8"))
            except (ValueError, RecursionError):  # UnicodeDecodeError and JSONDecodeError are ValueErrors
                damaged.append(number)
                continue
            if not isinstance(record, dict) or record.get("schema") != SCHEMA:
                if isinstance(record, dict) and isinstance(record.get("schema"), str):
                    continue  # a record of another (later) schema: not damage, just not ours to read
                damaged.append(number)
            elif _well_formed(record):
                out.append(record)
            else:
                damaged.append(number)
        if damaged:
            shown = ", ".join(str(n) for n in damaged[:10]) + (", ..." if len(damaged) > 10 else "")
            log.warning("%s: skipped %d damaged record(s), line(s) %s", self.path, len(damaged), shown)
        return out

    def pending(self) -> PendingRun | None:
        """The most recent run that still has work left, or None."""
        runs: dict[str, list[dict[str, Any]]] = {}
        for record in self.records():
            runs.setdefault(record["run"], []).append(record)
        for run_id, records in reversed(runs.items()):
            start = next((r for r in records if r["type"] == "run_started"), None)
            if start is None:
                continue
            ended = [r for r in records if r["type"] == "run_ended"]
            status = ended[-1]["status"] if ended else None
            if status in FINAL_RUN_STATUSES:
                return None  # the latest run is complete; older ones were superseded by it
            finished: dict[str, str] = {}
            started: list[str] = []
            children: list[Child] = []
            for r in records:
                if r["type"] == "step_started":
                    started.append(r["step"])
                elif r["type"] == "step_ended":
                    finished[r["step"]] = r["status"]
                elif r["type"] == "child_started":
                    children.append(Child(r["step"], r["pid"], r["started"]))
            interrupted = tuple(s for s in dict.fromkeys(started) if s not in finished)
            left = tuple(c for c in children if c.step in interrupted)
            return PendingRun(run_id, start["plan"], start["at"], finished, interrupted, status, left)
        return None

    def _append(self, record: dict[str, Any]) -> None:
        record = {"schema": SCHEMA, "at": self._now().isoformat(timespec="seconds"), **record}
        line = json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n"
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # Held across read, rewrite and rename: two writers (the GUI and the command line) would
            # otherwise each rewrite the file without the other's record.
            with _FileLock(self.path.with_name(f".{self.path.name}.lock"), self._lock_timeout):
                self._remove_crashed_writes()
                self._write(self.path, self._read() + line.encode("utf-8"))
        except OSError as error:
            raise JournalError(
                f"cannot write the journal {self.path} ({error.strerror or error}); "
                "nothing more was removed. Free disk space or fix the folder permissions, then try again."
            ) from None

    def _remove_crashed_writes(self) -> None:
        """Temporary files a crash left between write and rename (`atomic_write`'s names). Under the lock
        no writer is between the two, so each one found is a leftover (unlink takes a link, not its target)
        """
        for leftover in self.path.parent.glob(f".{self.path.name}.*.tmp"):
            try:
                leftover.unlink()
            except OSError as error:
                log.warning("%s: cannot remove a temporary journal left by a crash (%s)", leftover, error)

    def _read(self) -> bytes:
        """The journal's bytes (empty when there is none); never through a link, never from a FIFO."""
        try:
            info = os.lstat(self.path)
        except FileNotFoundError:
            return b""
        if stat.S_ISLNK(info.st_mode):
            raise JournalError(_link_refused(self.path))
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
        try:
            fd = os.open(self.path, flags | getattr(os, "O_BINARY", 0))
        except FileNotFoundError:
            return b""
        except OSError as error:
            if error.errno in (errno.ELOOP, errno.EMLINK):  # made a link since the lstat above
                raise JournalError(_link_refused(self.path)) from None
            raise
        with os.fdopen(fd, "rb") as file:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise JournalError(f"{self.path} is not a regular file; it cannot be the journal.")
            return file.read()


def _well_formed(record: dict[str, Any]) -> bool:
    """Does the record have every field, of the right type, that reading it back relies on?"""
    if not all(isinstance(record.get(name), str) for name in ("type", "run", "at")):
        return False
    needed = _REQUIRED.get(record["type"], {})
    return all(isinstance(record.get(name), kind) for name, kind in needed.items())
