"""Finding 2: a program is judged and started as the running OS sees it, never found through PATH."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest

from core.removal.executor import execute_plan
from core.removal.guard import WINDOWS_MSIEXEC
from core.removal.journal import Journal
from core.removal.subprocess_runner import SubprocessRunner
from tests.removal.doubles import ScriptPlan, calls, step, uninstaller

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="a Windows path is a real path on Windows")


def test_a_file_named_like_windows_msiexec_on_path_never_runs_nor_gets_the_password(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    folder = tmp_path / "on-path"
    impostor = uninstaller(folder, WINDOWS_MSIEXEC, "log(env=dict(os.environ))\n")
    monkeypatch.setenv("PATH", f"{folder}:/usr/bin:/bin")
    plan = ScriptPlan(
        (
            step(
                "uninstall:kes",
                [
                    WINDOWS_MSIEXEC,
                    "/x",
                    "{" + "0" * 8 + "-0000-0000-0000-" + "0" * 12 + "}",
                    "KLLOGIN=KLAdmin",
                    "KLPASSWD={password}",
                ],
            ),
        ),
        os="windows",
    )
    report = execute_plan(
        plan,
        runner=SubprocessRunner(),
        journal=Journal(tmp_path / "journal.jsonl"),
        password="s3cret-Pass",
        cancel=threading.Event(),
        on_event=lambda event: None,
        confirm_manual=lambda s: True,
    )  # the real guard
    assert calls(impostor) == []
    assert report.status == "failed"
    assert "this machine runs" in report.steps[0].message


def test_the_runner_never_searches_path_for_a_program(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    folder = tmp_path / "on-path"
    planted = uninstaller(folder, "dpkg", "log()\n")
    monkeypatch.setenv("PATH", f"{folder}:/usr/bin:/bin")
    result = SubprocessRunner().run(
        ["dpkg", "--remove", "kesl"], elevated=False, timeout=10, cancel=threading.Event()
    )
    assert calls(planted) == []
    assert result.exit_code is None and "absolute" in (result.error or "")
