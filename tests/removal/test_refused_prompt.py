"""Finding 5 (part): a refused elevation prompt leaves a clear message and nothing half done. pkexec is a
real test double here (a program at the path Pkexec is given) that answers as polkit does when the
person dismisses (126) or fails (127) the dialog."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest

from core.removal.executor import execute_plan
from core.removal.journal import Journal
from core.removal.subprocess_runner import Pkexec, SubprocessRunner
from tests.removal.doubles import ScriptPlan, calls, guard_allowing, step, uninstaller

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="polkit is Linux's")


@pytest.mark.parametrize(
    ("answer", "said"),
    [
        (126, "administrator rights were refused (the polkit dialog was dismissed)"),
        # 127 is also pkexec's answer when no polkit agent runs (a bare or remote session): say both.
        (127, "no polkit agent is running in this session); nothing was run: run Switchover with sudo"),
    ],
)
def test_a_dismissed_polkit_dialog_stops_the_run_with_a_clear_message(
    tmp_path: Path, answer: int, said: str
) -> None:
    folder = tmp_path / "bin"
    pkexec = uninstaller(folder, "pkexec", f"log()\nsys.exit({answer})\n")  # never starts what it is given
    first = uninstaller(folder, "remove-kes", "log()\n")
    second = uninstaller(folder, "remove-agent", "log()\n")
    plan = ScriptPlan((step("kes", [first], elevated=True), step("agent", [second], elevated=True)))
    report = execute_plan(
        plan,
        runner=SubprocessRunner(elevation=Pkexec(str(pkexec))),
        journal=Journal(tmp_path / "journal.jsonl"),
        password=None,
        cancel=threading.Event(),
        on_event=lambda e: None,
        confirm_manual=lambda s: True,
        guard=guard_allowing(folder),
    )
    assert report.status == "failed"
    assert said in report.message
    assert [c["argv"][0] for c in calls(pkexec)] == [str(first)]  # asked once; the second never started
    assert calls(first) == [] and calls(second) == []
