"""The elevated helper (issue 9 #4, #5): the parent runs as the user; only the machine-scope steps run in
`switchover elevated-helper`, which plans them from its own scan. Live Linux, a real dpkg database of the
test's own (tests.removal.live_linux), real apt-get/dpkg, and a real wrapper program standing in for pkexec.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from core.removal.elevated_helper import (
    HELPER_RESULT,
    MachineFolderError,
    ensure_machine_folder,
    helper_arguments,
)
from core.removal.journal import Journal
from tests.conftest import running_as_root
from tests.programs import script_program
from tests.removal.live_linux import REPO, LiveLinux


def _wrapper(folder: Path, *, exit_code: int | None = None) -> Path:
    """A pkexec stand-in: logs the argv and stdin it was given, then runs argv (or exits with exit_code,
    as pkexec does when the dialog is dismissed: it then starts nothing)."""
    path = folder / "wrapper.py"
    log = folder / "wrapper.log"
    body = f"""#!{sys.executable}
import json, os, sys
data = sys.stdin.read()
with open({str(log)!r}, "w") as f:
    json.dump({{"argv": sys.argv[1:], "stdin": data}}, f)
if {exit_code!r} is not None:
    sys.exit({exit_code!r})
import subprocess
sys.exit(subprocess.run(sys.argv[1:], input=data, text=True).returncode)
"""
    path.write_text(body)
    path.chmod(0o755)
    return path


def test_machine_steps_run_in_the_helper_from_its_own_scan(tmp_path: Path):
    machine = LiveLinux(tmp_path)
    machine.install("kesl")
    wrapper = _wrapper(tmp_path)
    done = machine.module("tests.removal.helper_parent", str(wrapper))
    assert done.returncode == 0, done.stdout + done.stderr
    result = json.loads(done.stdout.splitlines()[-1])
    assert result["status"] == "removed", result
    assert not machine.installed("kesl")
    # the helper was given flags only: no plan, no path, no command; the password came on its stdin
    seen = json.loads((tmp_path / "wrapper.log").read_text())
    helper_flags = seen["argv"][seen["argv"].index("elevated-helper") :]
    assert all(not a.startswith("/") for a in helper_flags), helper_flags
    assert "s3cret-pw" not in " ".join(seen["argv"])
    assert seen["stdin"] == "s3cret-pw\n"
    # the removal step is in the helper's journal (root's 0700 folder), not in the user's
    folder = machine.machine_folder
    info = folder.stat()
    assert info.st_uid == 0 and stat.S_IMODE(info.st_mode) == 0o700
    helper_log = (folder / "journal.jsonl").read_text()
    user_log = (machine.data / "journal.jsonl").read_text()
    assert '"step_started"' in helper_log and "kesl" in helper_log
    assert '"elevated_helper"' in user_log and '"status": "removed"' in user_log
    assert "s3cret-pw" not in helper_log + user_log


def test_a_planted_journal_in_the_user_folder_does_not_steer_the_helper(tmp_path: Path):
    machine = LiveLinux(tmp_path)
    machine.install("kesl")
    marker = tmp_path / "pwned"
    machine.data.mkdir(parents=True, mode=0o700)
    planted = {
        "type": "run_started",
        "run": "planted",
        "plan": {
            "schema": "switchover.plan/1",
            "mode": "silent",
            "steps": [
                {"id": "evil", "title": "evil", "command": ["/usr/bin/touch", str(marker)], "elevated": True}
            ],
        },
    }
    (machine.data / "journal.jsonl").write_text(json.dumps(planted) + "\n")
    (machine.data / "plan.json").write_text(json.dumps(planted["plan"]))
    done = machine.module("tests.removal.helper_parent", str(_wrapper(tmp_path)))
    assert done.returncode == 0, done.stdout + done.stderr
    assert not marker.exists()
    assert not machine.installed("kesl")  # what the helper's own scan found was removed
    assert "evil" not in (machine.machine_folder / "journal.jsonl").read_text()


def test_a_refused_prompt_removes_nothing_and_says_so(tmp_path: Path):
    machine = LiveLinux(tmp_path)
    machine.install("kesl")
    done = machine.module("tests.removal.helper_parent", str(_wrapper(tmp_path, exit_code=126)))
    assert done.returncode == 0, done.stdout + done.stderr
    result = json.loads(done.stdout.splitlines()[-1])
    assert result["status"] == "cancelled"
    assert "administrator rights were refused" in result["message"]
    assert machine.installed("kesl")
    assert not (machine.machine_folder / "journal.jsonl").exists()  # the helper never started
    records = [json.loads(line) for line in (machine.data / "journal.jsonl").read_text().splitlines()]
    said = [r for r in records if r["type"] == "elevated_helper"]
    assert said and said[0]["status"] == "cancelled" and "refused" in said[0]["message"]
    assert Journal(machine.data / "journal.jsonl").pending() is None  # nothing half done to resume


def test_the_helper_run_directly_answers_with_one_result_line(tmp_path: Path):
    machine = LiveLinux(tmp_path)
    machine.install("kesl")
    plan = machine.switchover("plan", "--json", "--silent")
    ids = [s["id"] for s in json.loads(plan.stdout)["steps"] if s["details"].get("blocking")]
    assert ids  # kesl's encryption check
    args = [a for i in ids for a in ("--rescued-confirmed", i)]
    done = machine.switchover("elevated-helper", "--silent", *args, stdin="\n")
    result = json.loads(done.stdout.splitlines()[-1])
    assert result["schema"] == HELPER_RESULT
    assert done.returncode == 0 and result["status"] == "removed", done.stdout + done.stderr
    assert not machine.installed("kesl")


def test_the_helper_finishes_its_own_run_cut_off_mid_way(tmp_path: Path):
    machine = LiveLinux(tmp_path)
    machine.install("kesl")
    plan = json.loads(machine.switchover("plan", "--json", "--silent").stdout)
    ids = [s["id"] for s in plan["steps"] if s["details"].get("blocking")]
    machine.machine_folder.mkdir(mode=0o700)
    journal = Journal(machine.machine_folder / "journal.jsonl")
    run_id = journal.open_run(plan)  # a helper that crashed before its first step: no run_ended
    assert journal.pending() is not None
    args = [a for i in ids for a in ("--rescued-confirmed", i)]
    done = machine.switchover("elevated-helper", "--silent", *args, stdin="\n")
    assert done.returncode == 0, done.stdout + done.stderr
    assert not machine.installed("kesl")
    assert journal.pending() is None
    old_run = [r["type"] for r in _records(journal.path) if r["run"] == run_id]
    assert "resumed" in old_run and old_run[-1] == "run_ended"  # taken up and closed, not left open


def test_the_helper_refuses_unconfirmed_rescue_checks(tmp_path: Path):
    machine = LiveLinux(tmp_path)
    machine.install("kesl")
    done = machine.switchover("elevated-helper", "--silent", stdin="\n")
    result = json.loads(done.stdout.splitlines()[-1])
    assert done.returncode == 3 and result["status"] == "cancelled", done.stdout + done.stderr
    assert "not confirmed" in result["message"]
    assert machine.installed("kesl")


@pytest.mark.skipif(
    not running_as_root() or not Path("/usr/bin/setpriv").exists(), reason="needs root and setpriv"
)
def test_the_helper_refuses_to_run_unelevated(tmp_path: Path):
    done = subprocess.run(
        ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
         sys.executable, "-m", "core", "elevated-helper"],
        capture_output=True, text=True, cwd=REPO, input="", check=False,
        env={**os.environ, "SWITCHOVER_DATA_DIR": str(tmp_path / "data"), "HOME": str(tmp_path)},
    )  # fmt: skip
    assert done.returncode == 2
    assert "only with administrator rights" in done.stderr
    assert done.stdout == ""


def test_helper_arguments_are_flags_only():
    args = helper_arguments(silent=True, confirmed={"b", "a"}, language="de")
    assert args == [
        "elevated-helper",
        "--language",
        "de",
        "--silent",
        "--rescued-confirmed",
        "a",
        "--rescued-confirmed",
        "b",
    ]


@pytest.mark.skipif(not running_as_root(), reason="needs root to give a folder away")
def test_a_machine_folder_someone_else_owns_is_refused(tmp_path: Path):
    folder = tmp_path / "switchover"
    folder.mkdir()
    os.chown(folder, 65534, 65534)
    with pytest.raises(MachineFolderError, match="not root"):
        ensure_machine_folder(folder)
    link = tmp_path / "link"
    link.symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    (tmp_path / "elsewhere").mkdir()
    with pytest.raises(MachineFolderError, match="not a folder"):
        ensure_machine_folder(link)
    mine = tmp_path / "mine"
    mine.mkdir(mode=0o755)
    os.chmod(mine, 0o755)  # noqa: S103 - the loose mode the helper must tighten
    assert stat.S_IMODE(ensure_machine_folder(mine).stat().st_mode) == 0o700


def test_an_elevated_process_runs_no_user_scope_program_and_names_it(tmp_path: Path):
    """Started as root (or under Wine, always an administrator): the user's own uninstaller is skipped,
    named, while the machine-scope step runs in-process. Real programs, a real journal."""
    import threading
    from dataclasses import replace

    from core.assistant.session import RemovalSession, demo_machine
    from core.removal.plan_model import Plan, Step
    from core.removal.subprocess_runner import AlreadyElevated, SubprocessRunner

    mine, theirs = tmp_path / "user-step-ran", tmp_path / "machine-step-ran"
    machine = replace(
        demo_machine("home", delay=0),
        runner=SubprocessRunner(elevation=AlreadyElevated()),
        journal_path=tmp_path / "journal.jsonl",
        guard=lambda _step, _argv, _plan: None,
        elevated=True,
    )
    session = RemovalSession(machine)
    # A real program on the OS that runs the test (an .exe under the Windows lane) that makes its argument.
    touch = str(script_program(tmp_path, "touch", "import pathlib, sys\npathlib.Path(sys.argv[1]).touch()\n"))
    user = Step("user", "remove", "run_uninstaller", "Per-user VPN", "why", command=(touch, str(mine)))
    whole = Step("machine", "remove", "run_uninstaller", "Endpoint", "why", command=(touch, str(theirs)))
    session.plan = Plan("2026-12-01T00:00:00Z", "interactive", "linux", (user, replace(whole, elevated=True)))
    events = []
    session.run(
        password=None, cancel=threading.Event(), on_event=events.append, confirm_manual=lambda _s: True
    )
    assert theirs.exists() and not mine.exists()
    skipped = [e for e in events if e.step_id == "user"]
    assert skipped and skipped[0].status == "skipped" and "Per-user VPN" in skipped[0].message


def test_the_helper_is_not_in_the_main_help_and_takes_no_path(capsys):
    from core.cli import build_parser, main

    assert main(["--help"]) == 0
    assert "elevated-helper" not in capsys.readouterr().out
    helper = build_parser(["elevated-helper"])._subparsers._group_actions[0].choices["elevated-helper"]  # type: ignore[union-attr]
    assert {"--output", "--plan", "--password-file", "--password-env"}.isdisjoint(
        helper._option_string_actions
    )


_SETUID_WRAPPER = r"""
#include <unistd.h>
#include <stdio.h>
/* pkexec's job in one line: become root, then run the program named. */
int main(int argc, char **argv) {
    if (argc < 2 || setgid(0) != 0 || setuid(0) != 0) { perror("elevate"); return 127; }
    execv(argv[1], argv + 1);
    perror("execv");
    return 127;
}
"""


@pytest.mark.skipif(shutil.which("gcc") is None or not running_as_root(), reason="needs gcc and root")
def test_an_unprivileged_parent_gets_the_machine_steps_done_by_a_root_helper(tmp_path: Path):
    """The parent is a real non-root process (uid 65534); the elevation is a real setuid-root program, so
    only the helper has root: the package removal (which needs root) can only have happened there."""
    machine = LiveLinux(tmp_path)
    machine.install("kesl")
    shared = Path(tempfile.mkdtemp(prefix="switchover-helper-"))  # pytest's tmp is root's 0700 folder
    try:
        shared.chmod(0o755)
        source = shared / "elevate.c"
        source.write_text(_SETUID_WRAPPER)
        elevate = shared / "elevate"
        subprocess.run(["gcc", "-o", str(elevate), str(source)], check=True)
        elevate.chmod(0o4755)  # setuid root
        data = shared / "data"
        data.mkdir(mode=0o700)
        os.chown(data, 65534, 65534)
        done = machine.module(
            "tests.removal.helper_parent",
            str(elevate),
            as_nobody=True,
            env={"SWITCHOVER_DATA_DIR": str(data)},
        )
        assert done.returncode == 0, done.stdout + done.stderr
        result = json.loads(done.stdout.splitlines()[-1])
        assert result["uid"] == 65534  # the parent was not root
        assert result["status"] == "removed", result
        assert not machine.installed("kesl")
        assert machine.machine_folder.stat().st_uid == 0  # the helper's journal: root's
        started = {
            name: {r["step"] for r in _records(folder / "journal.jsonl") if r["type"] == "step_started"}
            for name, folder in (("helper", machine.machine_folder), ("user", data))
        }
        assert started["helper"] and not started["helper"] & started["user"]  # each step ran in one place
        assert any(r["type"] == "elevated_helper" for r in _records(data / "journal.jsonl"))
    finally:
        shutil.rmtree(shared)


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()]
