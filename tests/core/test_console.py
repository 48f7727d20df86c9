"""Issue 10 F / issue 9 #21: only a real console counts as a person at the keyboard (NUL is no console)."""

from __future__ import annotations

import io
import os
import subprocess
import sys

from core.console import stdin_is_console
from tests.conftest import REPO


def test_the_null_device_is_not_a_console() -> None:
    # Windows' isatty() is true for NUL (a character device): this is the case that failed there
    with open(os.devnull, encoding="utf-8") as null:
        assert not stdin_is_console(null)


def test_a_replaced_or_closed_stdin_is_not_a_console() -> None:
    assert not stdin_is_console(io.StringIO("y\n"))
    closed = io.TextIOWrapper(io.BytesIO())
    closed.close()
    assert not stdin_is_console(closed)


def test_an_unattended_remove_from_null_asks_nothing(tmp_path) -> None:
    # a removal left unfinished, and stdin from the null device: it says what to run, never "[y/N]"
    from core.removal.journal import Journal

    journal = Journal(tmp_path / "journal.jsonl")
    journal.open_run({"schema": "switchover.plan/1", "created_at": "t", "mode": "silent",
                      "os": "linux", "steps": []})  # fmt: skip
    with open(os.devnull, "rb") as null:
        done = subprocess.run(
            [sys.executable, "-m", "core", "remove"], stdin=null, capture_output=True, text=True, cwd=REPO,
            env={**os.environ, "SWITCHOVER_DATA_DIR": str(tmp_path)}, timeout=120, check=False,
        )  # fmt: skip
    assert "[y/N]" not in done.stdout
    assert done.returncode == 3 and "switchover remove --resume" in done.stdout, done.stdout + done.stderr
