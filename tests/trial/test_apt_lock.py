"""apt-get waits for dpkg's lock instead of failing at once.

On Ubuntu and Debian desktops the daily unattended upgrade holds dpkg's front-end lock for
minutes; a removal started then failed with apt-get's exit 100 ("Unable to acquire the dpkg
frontend lock"). The planned apt-get command carries a lock wait, and the test runs that very
command with real apt-get against a private, locked state folder that is freed a moment later.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from core.removal.plan_build import Context
from core.removal.plan_linux import package_command

# Under Wine, /usr/bin/apt-get is the Linux host's, seen through drive Z:.
pytestmark = pytest.mark.skipif(
    sys.platform == "win32" or not os.path.exists("/usr/bin/apt-get"), reason="needs apt-get on Linux"
)


def _private_state(tmp_path: Path) -> list[str]:
    """apt's options that point its status file, lock, cache and lists at `tmp_path`."""
    for folder in ("state", "cache"):
        (tmp_path / folder).mkdir()
    (tmp_path / "state" / "status").touch()
    return [
        "-o", f"Dir::State::status={tmp_path / 'state' / 'status'}",
        "-o", f"Dir::State::Lists={tmp_path / 'state'}",
        "-o", f"Dir::Cache={tmp_path / 'cache'}",
    ]  # fmt: skip


def test_the_planned_apt_get_waits_for_a_held_lock(tmp_path: Path) -> None:
    import fcntl  # POSIX only: the module is still collected on Windows, where the test skips

    context = Context(os="linux", package_managers=frozenset({"apt-get"}))
    planned = package_command("dpkg", ("kesl",), context)
    argv = [planned[0], *_private_state(tmp_path), *planned[1:]]
    with (tmp_path / "state" / "lock-frontend").open("w") as lock:
        fcntl.lockf(lock, fcntl.LOCK_EX)  # as a running unattended upgrade holds it
        threading.Timer(1.5, fcntl.lockf, (lock, fcntl.LOCK_UN)).start()
        result = subprocess.run(argv, capture_output=True, text=True, timeout=120)
    output = result.stdout + result.stderr
    assert "Waiting for cache lock" in output
    assert "Unable to acquire the dpkg frontend lock" not in output
    # Past the lock, apt-get did its job: this private database has no kesl to remove.
    assert "Unable to locate package kesl" in output
