"""A failed uninstaller's output reaches the help desk: its end is journaled, its password removed.

The message a person reads keeps one line of it; before, the rest was dropped, and the help desk
read "dpkg returned an error code (1)" with the package script's own reason gone.
"""

from __future__ import annotations

import json
import sys
import threading
from pathlib import Path

from core.removal.executor import execute_plan
from core.removal.journal import Journal
from core.removal.subprocess_runner import SubprocessRunner
from tests.removal.doubles import ScriptPlan, step

# A program that explains itself over several lines, quotes the password it was given, and fails.
EXPLAINS_AND_FAILS = (
    "import sys\n"
    "print('dpkg: error processing package kesl (--remove):')\n"
    "print(' pre-removal script: the uninstall password ' + sys.argv[1] + ' is wrong')\n"
    "print('E: Sub-process /usr/bin/dpkg returned an error code (1)')\n"
    "sys.exit(1)\n"
)


def _ended(journal: Path) -> list[dict[str, object]]:
    records = [json.loads(line) for line in journal.read_text(encoding="utf-8").splitlines()]
    return [r for r in records if r["type"] == "step_ended"]


def _run(tmp_path: Path, code: str) -> list[dict[str, object]]:
    plan = ScriptPlan((step("uninstall:kesl", [sys.executable, "-c", code, "{password}"]),))
    execute_plan(
        plan,
        runner=SubprocessRunner(),
        journal=Journal(tmp_path / "journal.jsonl"),
        password="Hunter2-secret",
        cancel=threading.Event(),
        on_event=lambda _event: None,
        confirm_manual=lambda _step: True,
        guard=lambda *_: None,  # the guard is not what is tried here
    )
    return _ended(tmp_path / "journal.jsonl")


def test_the_journal_keeps_the_end_of_a_failed_programs_output_without_the_password(tmp_path: Path) -> None:
    (ended,) = _run(tmp_path, EXPLAINS_AND_FAILS)
    assert ended["status"] == "failed"
    output = str(ended["output"])
    assert "dpkg: error processing package kesl (--remove):" in output
    assert "pre-removal script: the uninstall password" in output
    assert "Hunter2-secret" not in (tmp_path / "journal.jsonl").read_text(encoding="utf-8")


def test_a_program_that_succeeds_journals_no_output(tmp_path: Path) -> None:
    (ended,) = _run(tmp_path, "print('removed')")
    assert ended["status"] == "done"
    assert "output" not in ended
