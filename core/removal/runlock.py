"""One removal at a time: an exclusive lock held for the whole of a run.

Two runs at once would each take the journal's pending run for their own, start the same uninstaller
twice and write each other's end records. `RunLock` holds an exclusive lock (flock on POSIX, msvcrt on
Windows) on `run.lock` in Switchover's data folder for as long as the run lasts, and writes who holds it:
PID, boot id, start time, command. A second run is refused at once and names that holder. The operating
system drops the lock when its holder dies, however it dies, so a record left by a dead process or an
earlier boot is simply taken over (and said so in the log).
"""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import psutil

from core.paths import data_dir
from core.removal.journal import try_lock, unlock

log = logging.getLogger(__name__)

MAX_RECORD_BYTES = 4096


@dataclass(frozen=True)
class Holder:
    """Who holds (or last held) the lock."""

    pid: int
    boot_id: str
    started_at: str
    command: str = ""

    def describe(self) -> str:
        return f"PID {self.pid}, started {self.started_at}" + (f" ({self.command})" if self.command else "")


class RunLockBusy(Exception):
    """Another run holds the lock (or the lock file is not a plain file); nothing was done."""

    def __init__(self, message: str, holder: Holder | None = None) -> None:
        super().__init__(message)
        self.holder = holder


def boot_id() -> str:
    """This boot's identity: Linux's own boot id, elsewhere the boot time."""
    with contextlib.suppress(OSError):
        return Path("/proc/sys/kernel/random/boot_id").read_text(encoding="ascii").strip()
    return f"boot-time:{int(psutil.boot_time())}"


def default_lock_path() -> Path:
    return data_dir() / "run.lock"


class RunLock:
    """`with RunLock():` around a whole run; raises RunLockBusy when another run holds it."""

    def __init__(self, path: Path | None = None, *, command: str = "") -> None:
        self.path = path or default_lock_path()
        self.command = command
        self.took_over: Holder | None = None  # the stale record found and replaced, if any
        self._fd = -1

    def __enter__(self) -> RunLock:
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
        if self.path.is_symlink():
            raise RunLockBusy(_not_plain(self.path))
        try:
            fd = os.open(self.path, flags | getattr(os, "O_BINARY", 0), 0o600)
        except OSError as error:
            if error.errno in (errno.ELOOP, errno.EMLINK):
                raise RunLockBusy(_not_plain(self.path)) from None
            raise RunLockBusy(f"cannot open {self.path} ({error.strerror or error})") from None
        if not try_lock(fd):
            holder = _read_holder(fd, start=1)  # byte 0 is the one Windows locks: the record is after it
            os.close(fd)
            who = holder.describe() if holder else "another Switchover"
            raise RunLockBusy(
                f"a removal is already running ({who}); nothing was done. "
                "Let it finish, or close that Switchover, then try again.",
                holder,
            )
        self.took_over = _read_holder(fd, start=0)
        if self.took_over is not None:
            stale = self.took_over
            log.info("took over the run lock left by %s (boot %s)", stale.describe(), stale.boot_id)
        me = Holder(os.getpid(), boot_id(), datetime.now(UTC).isoformat(timespec="seconds"), self.command)
        data = json.dumps(me.__dict__).encode("utf-8")
        # Windows locks byte 0 against other processes' writes too: the record goes after it.
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, b"\0" + data)
        self._fd = fd
        return self

    def __exit__(self, *exc: object) -> None:
        fd, self._fd = self._fd, -1
        try:
            os.ftruncate(fd, 0)
            unlock(fd)
        finally:
            os.close(fd)


def _read_holder(fd: int, *, start: int) -> Holder | None:
    try:
        os.lseek(fd, start, os.SEEK_SET)
        raw = os.read(fd, MAX_RECORD_BYTES).lstrip(b"\0 ")
        record = json.loads(raw.decode("utf-8")) if raw else None
        if not isinstance(record, dict):
            return None
        return Holder(
            int(record["pid"]),
            str(record["boot_id"]),
            str(record["started_at"]),
            str(record.get("command", "")),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _not_plain(path: Path) -> str:
    return f"{path} is a symbolic link or not a plain file; nothing was done. Delete it, then try again."
