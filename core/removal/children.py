"""An uninstaller left running by a Switchover that was killed: found again from the journal, waited for.

Starting the step again beside it would hit the package manager's lock or Windows Installer's mutex
and end "failed" while the first one still works. A child counts as still running only when a process
with its PID exists, started at the recorded time (a PID is reused once its process is gone), and is
not a zombie (ended, not yet reaped).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable

import psutil

from core.removal.journal import Child

START_TOLERANCE_S = 1.0  # psutil's create_time is rounded differently across platforms
WAIT_LIMIT_S = 1800.0  # an uninstaller's own step timeout: longer than this, it is stuck


def still_running(child: Child) -> bool:
    try:
        process = psutil.Process(child.pid)
        if abs(process.create_time() - child.started) > START_TOLERANCE_S:
            return False
        return process.status() != psutil.STATUS_ZOMBIE
    except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
        return False


def wait_for_children(
    children: Iterable[Child],
    *,
    timeout: float = WAIT_LIMIT_S,
    poll_s: float = 0.2,
    sleep: Callable[[float], None] = time.sleep,
) -> list[Child]:
    """Wait until none of `children` runs, at most `timeout` seconds; what still runs then."""
    deadline = time.monotonic() + timeout
    running = [c for c in children if still_running(c)]
    while running and time.monotonic() < deadline:
        sleep(min(poll_s, max(0.0, deadline - time.monotonic())))
        running = [c for c in running if still_running(c)]
    return running
