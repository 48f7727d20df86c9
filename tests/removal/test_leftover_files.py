"""Finding 18: a crashed write leaves no temporary journal behind for good, and `--resume` with nothing
pending removes the start-up entry that would otherwise start Switchover at every login."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from core.cli import main
from core.removal.journal import Journal
from core.removal.resume import XdgAutostart, resume_command


def test_temporary_journals_left_by_a_crash_are_removed_on_the_next_write(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "journal.jsonl")
    journal.open_run({"schema": "switchover.plan/1"})
    crashed = [tmp_path / ".journal.jsonl.abc123.tmp", tmp_path / ".journal.jsonl.zz9_x.tmp"]
    for leftover in crashed:
        leftover.write_bytes(b'{"half a rec')
    (tmp_path / "notes.tmp").write_text("not ours")
    journal.record("a" * 32, "resumed", message="")
    assert not any(p.exists() for p in crashed)
    assert (tmp_path / "notes.tmp").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [".journal.jsonl.lock", "journal.jsonl", "notes.tmp"]


@pytest.mark.skipif(sys.platform != "linux", reason="the XDG autostart entry")
def test_resume_with_nothing_pending_removes_the_start_up_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    entry = XdgAutostart(tmp_path / "config")
    entry.register(resume_command())
    assert main(["remove", "--resume"]) == 0
    assert "Nothing to resume" in capsys.readouterr().out
    assert entry.registered() is None
