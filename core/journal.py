"""The removal journal: every step recorded before and after it runs, so nothing is lost.

One JSON object per line (`switchover.journal/1`, see docs/journal.md). Each append
writes the whole file anew to a temporary file, fsyncs it and renames it over the
old one, then fsyncs the folder: after a crash or a power cut the journal holds
either the old records or the new ones, never half a line. A write that fails
(full disk, no permission) raises `JournalError` and the executor stops before it
changes anything more.
"""

from __future__ import annotations

import json
import os
import tempfile
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from core.paths import data_dir

SCHEMA = "switchover.journal/1"
FINAL_RUN_STATUSES = frozenset({"removed", "failed", "cancelled"})  # "reboot_needed" still has work left

Writer = Callable[[Path, bytes], None]


class JournalError(Exception):
    """The journal cannot be written; nothing more may be removed."""


def atomic_write(path: Path, data: bytes) -> None:
    """Replace `path` with `data`: temp file, fsync, rename, fsync the folder."""
    # A new file with a random name (O_EXCL): a link planted at a predictable name would make an
    # elevated run write through it, over whatever it points at.
    descriptor, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    temporary = Path(name)
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except OSError:
        temporary.unlink(missing_ok=True)
        raise
    if hasattr(os, "O_DIRECTORY"):  # POSIX: make the rename itself durable
        folder = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)


def default_journal_path() -> Path:
    return data_dir() / "journal.jsonl"


@dataclass(frozen=True)
class PendingRun:
    """A run that has work left: interrupted (no end record), or waiting for a restart to be verified."""

    run_id: str
    plan: Mapping[str, Any]  # the plan document it ran
    started_at: str
    finished: Mapping[str, str]  # step id -> the status it ended with
    interrupted: tuple[str, ...]  # steps started and never ended: re-check them by rescanning
    ended_status: str | None  # None after a crash; "reboot_needed" when waiting for the restart

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
    ) -> None:
        self.path = path or default_journal_path()
        self._write = write
        self._now = now

    def open_run(self, plan_document: Mapping[str, Any]) -> str:
        """Start a run: its first record holds the whole plan. Raises JournalError before anything runs."""
        run_id = uuid.uuid4().hex
        self._append({"type": "run_started", "run": run_id, "plan": dict(plan_document)})
        return run_id

    def record(self, run_id: str, type_: str, **fields: Any) -> None:
        """Append one record (`step_started`, `step_ended`, `run_ended`, `resumed`, `verified`)."""
        self._append({"type": type_, "run": run_id, **fields})

    def records(self) -> list[dict[str, Any]]:
        """Every readable record; a damaged line (a disk that lied about fsync) is skipped, not fatal."""
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return []
        except OSError as error:
            raise JournalError(f"{self.path}: cannot read the journal ({error.strerror})") from None
        out = []
        for line in text.splitlines():
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(record, dict) and record.get("schema") == SCHEMA:
                out.append(record)
        return out

    def pending(self) -> PendingRun | None:
        """The most recent run that still has work left, or None."""
        runs: dict[str, list[dict[str, Any]]] = {}
        for record in self.records():
            runs.setdefault(str(record.get("run")), []).append(record)
        for run_id, records in reversed(runs.items()):
            start = next((r for r in records if r["type"] == "run_started"), None)
            if start is None:
                continue
            ended = [r for r in records if r["type"] == "run_ended"]
            status = ended[-1].get("status") if ended else None
            if status in FINAL_RUN_STATUSES:
                return None  # the latest run is complete; older ones were superseded by it
            finished: dict[str, str] = {}
            started: list[str] = []
            for r in records:
                if r["type"] == "step_started":
                    started.append(r["step"])
                elif r["type"] == "step_ended":
                    finished[r["step"]] = r["status"]
            interrupted = tuple(s for s in dict.fromkeys(started) if s not in finished)
            return PendingRun(run_id, start["plan"], start["at"], finished, interrupted, status)
        return None

    def _append(self, record: dict[str, Any]) -> None:
        record = {"schema": SCHEMA, "at": self._now().isoformat(timespec="seconds"), **record}
        line = json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n"
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            try:
                existing = self.path.read_bytes()
            except FileNotFoundError:
                existing = b""
            self._write(self.path, existing + line.encode("utf-8"))
        except OSError as error:
            raise JournalError(
                f"cannot write the journal {self.path} ({error.strerror or error}); "
                "nothing more was removed. Free disk space or fix the folder permissions, then try again."
            ) from None
