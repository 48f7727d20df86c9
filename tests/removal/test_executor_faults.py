"""execute_plan against real processes that behave like uninstallers: every exit code, hangs, crashes."""

from __future__ import annotations

import contextlib
import sys
import threading
import time
from pathlib import Path

import psutil
import pytest

from core.removal.executor import RunReport, StepEvent, execute_plan
from core.removal.journal import Journal
from core.removal.plan import When
from core.removal.subprocess_runner import LINE_CHARS, SubprocessRunner, _Tail
from tests.removal.doubles import ScriptPlan, calls, exits_with, guard_allowing, step, uninstaller
from tests.removal.wine_runner import WindowsCodesRunner


def run(plan: ScriptPlan, folder: Path, journal: Journal, **kwargs) -> tuple[RunReport, list[StepEvent]]:
    events: list[StepEvent] = []
    report = execute_plan(
        plan,
        runner=kwargs.pop("runner", SubprocessRunner()),
        journal=journal,
        password=kwargs.pop("password", None),
        cancel=kwargs.pop("cancel", threading.Event()),
        on_event=events.append,
        confirm_manual=kwargs.pop("confirm_manual", lambda step: True),
        guard=kwargs.pop("guard", guard_allowing(folder)),
        **kwargs,
    )
    return report, events


@pytest.fixture
def journal(tmp_path: Path) -> Journal:
    return Journal(tmp_path / "journal.jsonl")


@pytest.mark.parametrize(
    ("code", "step_status", "report_status"),
    [
        (0, "done", "removed"),
        (1605, "done", "removed"),  # not installed: already gone
        (3010, "needs_reboot", "reboot_needed"),
        (1641, "needs_reboot", "reboot_needed"),
        (1602, "cancelled", "cancelled"),
        (1223, "cancelled", "cancelled"),
        (1603, "failed", "failed"),
        (7, "failed", "failed"),
    ],
)
def test_windows_installer_codes(
    tmp_path: Path, journal: Journal, code: int, step_status: str, report_status: str
):
    # ".exe" selects Windows Installer's table; the test runner maps Linux's 8-bit status back.
    folder = tmp_path / "bin"
    script = exits_with(folder, "setup.exe", code)
    nxt = exits_with(folder, "next.exe", 0)
    plan = ScriptPlan((step("a", [script, "/x"]), step("b", [nxt])))
    report, events = run(plan, folder, journal, runner=WindowsCodesRunner())
    assert report.steps[0].status == step_status
    assert report.status == report_status
    assert report.steps[0].exit_code == code
    ran_next = bool(calls(nxt))
    # 3010 lets the run go on; 1641 means the machine is restarting now; failures and cancels stop it
    assert ran_next == (code in (0, 1605, 3010))
    if code == 1603:
        assert "password" in report.steps[0].message and "kavremover" in report.steps[0].message
    if not ran_next:
        assert any(e.step_id == "b" and e.status == "skipped" for e in events)


def test_busy_installer_is_retried_with_backoff(tmp_path: Path, journal: Journal):
    folder = tmp_path / "bin"
    script = uninstaller(
        folder,
        "msi.exe",
        """
        log()
        sys.exit(1618 if len(open(LOG).read().splitlines()) < 3 else 0)
        """,
    )
    plan = ScriptPlan((step("a", [script]),))
    report, events = run(plan, folder, journal, runner=WindowsCodesRunner(), busy_delays=(0.05, 0.1, 0.2))
    assert report.status == "removed"
    assert len(calls(script)) == 3
    waits = [e.message for e in events if "trying again" in e.message]
    assert waits == [
        "another installation is running; trying again in 0.05 s",
        "another installation is running; trying again in 0.1 s",
    ]


def test_busy_installer_gives_up_after_the_last_wait(tmp_path: Path, journal: Journal):
    folder = tmp_path / "bin"
    script = exits_with(folder, "msi.exe", 1618)
    plan = ScriptPlan((step("a", [script]),))
    report, _ = run(plan, folder, journal, runner=WindowsCodesRunner(), busy_delays=(0.01,))
    assert report.status == "failed"
    assert len(calls(script)) == 2
    assert "busy" in report.message


def test_crashing_uninstaller_is_a_failure(tmp_path: Path, journal: Journal):
    folder = tmp_path / "bin"
    script = uninstaller(folder, "crash", "log()\nprint('about to crash')\nos.abort()\n")
    report, _ = run(ScriptPlan((step("a", [script]),)), folder, journal)
    assert report.status == "failed"
    # abort() is SIGABRT on POSIX; on Windows the C runtime ends the process with exit code 3
    assert ("exit code 3" if sys.platform == "win32" else "exit code -6") in report.message
    assert "about to crash" in report.message


def test_hanging_uninstaller_times_out_and_its_whole_tree_is_killed(tmp_path: Path, journal: Journal):
    folder = tmp_path / "bin"
    pids = tmp_path / "pids"
    script = uninstaller(
        folder,
        "hang",
        f"""
        import signal
        signal.signal(signal.SIGTERM, signal.SIG_IGN)  # a stubborn uninstaller: only a kill ends it
        child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
        open({str(pids)!r}, "w").write(f"{{os.getpid()}} {{child.pid}}")
        time.sleep(600)
        """,
    )
    plan = ScriptPlan((step("a", [script], timeout_s=1),))
    started = time.monotonic()
    report, _ = run(plan, folder, journal)
    assert time.monotonic() - started < 15
    assert report.status == "failed"
    assert "did not finish within 1 min" in report.message
    for pid in map(int, pids.read_text(encoding="utf-8").split()):
        assert not psutil.pid_exists(pid) or psutil.Process(pid).status() == psutil.STATUS_ZOMBIE


def test_cancel_stops_the_running_uninstaller(tmp_path: Path, journal: Journal):
    folder = tmp_path / "bin"
    script = uninstaller(folder, "slow", "log()\ntime.sleep(600)\n")
    after = exits_with(folder, "after", 0)
    cancel = threading.Event()
    threading.Timer(0.5, cancel.set).start()
    report, _ = run(ScriptPlan((step("a", [script]), step("b", [after]))), folder, journal, cancel=cancel)
    assert report.status == "cancelled"
    assert calls(after) == []


def test_manual_steps_wait_for_the_person(tmp_path: Path, journal: Journal):
    folder = tmp_path / "bin"
    after = exits_with(folder, "after", 0)
    plan = ScriptPlan(
        (
            step("licence", None, phase="rescue"),
            step("export", None, phase="rescue", blocking=True),
            step("b", [after]),
        )
    )
    seen: list[str] = []
    report, events = run(plan, folder, journal, confirm_manual=lambda s: seen.append(s.id) or False)
    assert seen == ["licence", "export"]
    assert [e.status for e in report.steps] == ["skipped", "cancelled"]  # only a blocking one stops the run
    assert report.status == "cancelled"
    assert calls(after) == []
    assert events[0].status == "waiting_user"


def test_a_failure_with_a_fallback_goes_on_to_the_fallback_only(tmp_path: Path, journal: Journal):
    folder = tmp_path / "bin"
    failing = exits_with(folder, "setup.exe", 1603)
    working = exits_with(folder, "other.exe", 0)
    plan = ScriptPlan(
        (
            step("a", [failing]),
            step("kav-a", None, when=When("if_failed", ("a",))),
            step("b", [working]),
            step("kav-b", None, when=When("if_failed", ("b",))),
        )
    )
    asked: list[str] = []
    report, _ = run(
        plan,
        folder,
        journal,
        runner=WindowsCodesRunner(),
        confirm_manual=lambda s: asked.append(s.id) or True,
    )
    assert asked == ["kav-a"]  # the guided removal tool, only for the step that failed
    assert report.status == "removed"
    assert len(calls(working)) == 1


def test_a_program_that_cannot_start_is_a_clear_failure(tmp_path: Path, journal: Journal):
    folder = tmp_path / "bin"
    folder.mkdir()
    report, _ = run(ScriptPlan((step("a", [folder / "missing"]),)), folder, journal)
    assert report.status == "failed"
    assert "could not start" in report.message


def test_a_helper_left_running_with_the_output_pipe_does_not_hold_the_run(tmp_path: Path, journal: Journal):
    # An uninstaller may start a service or helper that inherits its output and outlives it.
    folder = tmp_path / "bin"
    pid_file = tmp_path / "helper.pid"
    script = uninstaller(
        folder,
        "leaves-helper",
        f"""
        helper = subprocess.Popen(
            [sys.executable, "-c", "import time; time.sleep(600)"], start_new_session=True
        )
        open({str(pid_file)!r}, "w").write(str(helper.pid))
        print("removed")
        """,
    )
    started = time.monotonic()
    try:
        report, _ = run(ScriptPlan((step("a", [script], timeout_s=300),)), folder, journal)
        assert time.monotonic() - started < 15
        assert report.status == "removed"
    finally:
        if pid_file.exists():
            with contextlib.suppress(psutil.NoSuchProcess):
                psutil.Process(int(pid_file.read_text(encoding="utf-8"))).kill()


def test_endless_output_without_newlines_keeps_a_bounded_tail(tmp_path: Path):
    secret = "Pa55word-in-the-output"
    program = (
        "import sys\n"
        f"sys.stdout.write('x' * 5_000_000 + {secret!r} + 'y' * 5_000_000)\n"
        "sys.stdout.flush()\n"
        "sys.exit(7)\n"
    )
    result = SubprocessRunner().run(
        [sys.executable, "-c", program],
        elevated=False,
        timeout=60,
        cancel=threading.Event(),
        secrets=[secret],
    )
    assert result.exit_code == 7
    assert 0 < len(result.output_tail) <= LINE_CHARS + 1
    assert result.output_tail.endswith("y")


@pytest.mark.parametrize(
    ("printed", "limit", "kept"),
    [
        (b"12345678SECRET\nlast line\n", 14, "last line\n"),  # kept bytes start inside the secret's line
        (b"12345678SECRETlast", 8, "st"),  # and without a newline to cut at
        (b"12345678SECRETlast", 12, "ast"),  # a whole secret is scrubbed, then the start dropped
    ],
)
def test_a_secret_split_by_the_tail_cut_leaves_no_piece(printed: bytes, limit: int, kept: str):
    tail = _Tail(limit)
    for index in range(0, len(printed), 3):  # output arrives in pieces
        tail.add(printed[index : index + 3])
    text = tail.text(["SECRET"])
    assert "RET" not in text
    assert text == kept
