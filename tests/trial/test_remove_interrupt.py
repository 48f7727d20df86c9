"""Ctrl-C or SIGTERM during `switchover remove` cancels the run instead of abandoning the uninstaller.

Seen on a live Debian machine: the uninstaller (apt-get, then dpkg and the package's prerm) runs
in a session of its own, so Ctrl-C reached only Switchover, which died with a KeyboardInterrupt;
apt-get and the hanging prerm went on in the background, and the journal kept the step as started
with no end. These tests send the real signals to this process while the real runner runs a real
program.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time

import psutil
import pytest

from core.cli.remove import _ask, ctrl_c_cancels
from core.removal.subprocess_runner import SubprocessRunner

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals to this process")

SLEEPER = [sys.executable, "-c", "import time; time.sleep(60)"]


def _signal_soon(number: int, delay: float = 0.5) -> threading.Timer:
    timer = threading.Timer(delay, os.kill, (os.getpid(), number))
    timer.start()
    return timer


def _children_running_sleeper() -> list[psutil.Process]:
    found = []
    for process in psutil.Process().children(recursive=True):
        try:
            if "time.sleep(60)" in " ".join(process.cmdline()):
                found.append(process)
        except psutil.NoSuchProcess:
            continue
    return found


@pytest.mark.parametrize("number", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_during_the_uninstaller_cancels_it_and_ends_its_process(number: int) -> None:
    cancel = threading.Event()
    started = time.monotonic()
    with ctrl_c_cancels(cancel):
        _signal_soon(number)
        result = SubprocessRunner().run(SLEEPER, elevated=False, timeout=60, cancel=cancel)
    assert cancel.is_set()
    assert result.cancelled and result.exit_code is None
    assert time.monotonic() - started < 30
    assert _children_running_sleeper() == []


def test_the_previous_handlers_come_back_after_the_run() -> None:
    before = signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)
    with ctrl_c_cancels(threading.Event()):
        assert signal.getsignal(signal.SIGINT) is not before[0]
    assert (signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)) == before


def test_ctrl_c_at_a_question_during_the_run_answers_no_and_cancels(monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted_input(_prompt: str) -> str:
        os.kill(os.getpid(), signal.SIGINT)  # as the terminal does while input() waits
        time.sleep(5)  # the handler's KeyboardInterrupt ends the wait
        return "y"

    monkeypatch.setattr("builtins.input", interrupted_input)
    cancel = threading.Event()
    with ctrl_c_cancels(cancel):
        assert _ask("Done? [y/N] ") is False
    assert cancel.is_set()
