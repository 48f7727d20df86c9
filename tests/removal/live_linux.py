"""This Linux machine, live, with a package database of the test's own: `switchover remove` acts only on
the machine it runs on, so its end-to-end tests need a machine whose Kaspersky packages are test doubles.

The command runs in a private mount namespace (`unshare --mount`, as root) in which a temporary root's
dpkg database and /opt are bind-mounted over the real ones, and apt's and dpkg's state and logs over
theirs: the live scan reads that database, the plan's own /usr/bin/apt-get or dpkg removes the test
double from it, and nothing outside the namespace sees any of it. It has its own PID namespace and
/proc too, so the live scan sees only its own processes, never another test's "klnagent" running on
the same machine.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.removal.dpkg_root import build_deb, install, installed, make_root

REPO = Path(__file__).resolve().parents[2]
SETPRIV = "/usr/bin/setpriv"
# What dpkg and apt-get read and write on a live machine, bound to the test's own folders.
# The folders the live Linux scan reads for software outside packages (/var/opt, /etc/opt, systemd's
# units, init scripts) are the test's own too: another test on this shared machine may leave a
# kesl.service or /var/opt/kaspersky behind for a moment.
# /var/lib first: the elevated helper's own folder (/var/lib/switchover) is the test's too.
_BOUND = (
    "/var/lib", "/var/lib/dpkg", "/opt", "/var/lib/apt", "/var/cache/apt", "/var/log",
    "/var/opt", "/etc/opt", "/etc/systemd/system", "/usr/lib/systemd/system", "/etc/init.d",
)  # fmt: skip


def namespaces_available() -> str | None:
    """Why this machine cannot give a test a private mount namespace, or None when it can."""
    if sys.platform != "linux" or os.geteuid() != 0 or not shutil.which("unshare"):
        return "needs Linux, root and unshare"
    done = subprocess.run(
        ["unshare", "--mount", "--propagation", "private", "--pid", "--fork", "--mount-proc", "true"],
        capture_output=True,
        check=False,
    )
    return None if done.returncode == 0 else "no private mount namespace here (no CAP_SYS_ADMIN)"


class LiveLinux:
    """A temporary dpkg root that becomes this machine's for the commands run through it."""

    def __init__(self, folder: Path) -> None:
        reason = namespaces_available()
        if reason:
            pytest.skip(reason)
        self.folder = folder
        self.root = make_root(folder / "root")
        for path in _BOUND:
            (self.root / path.lstrip("/")).mkdir(parents=True, exist_ok=True)
        self.data = folder / "data"  # Switchover's data folder (journal, lock)
        # the start-up entry after a restart goes to the test's own config folder, not root's
        self.env = {"SWITCHOVER_DATA_DIR": str(self.data), "XDG_CONFIG_HOME": str(folder / "config")}

    def install(self, name: str) -> None:
        install(self.root, build_deb(self.folder, name))

    def installed(self, name: str) -> bool:
        return installed(self.root, name)

    def switchover(
        self, *args: str, stdin: str = "", env: dict[str, str] | None = None, timeout: float = 180
    ) -> subprocess.CompletedProcess[str]:
        """`python -m core ARGS` in the namespace; stdin is a pipe (no person at a terminal)."""
        return subprocess.run(
            self.command(*args), input=stdin, capture_output=True, text=True, timeout=timeout,
            env={**os.environ, **self.env, **(env or {})}, cwd=REPO, check=False,
        )  # fmt: skip

    def module(
        self, module: str, *args: str, as_nobody: bool = False, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        """`python -m MODULE ARGS` in the namespace (a test's own driver of a session), as root or, with
        `as_nobody`, as the unprivileged user 65534."""
        return self.switchover(*(["--as-nobody"] if as_nobody else []), "--module", module, *args, env=env)

    @property
    def machine_folder(self) -> Path:
        """The elevated helper's /var/lib/switchover, as the namespace sees it."""
        return self.root / "var/lib/switchover"

    def command(self, *args: str) -> list[str]:
        return [
            "unshare", "--mount", "--propagation", "private", "--pid", "--fork", "--mount-proc", "--",
            sys.executable, "-m", "tests.removal.live_linux", str(self.root), *args,
        ]  # fmt: skip


def _enter(root: str, args: list[str]) -> None:
    """Inside the namespace: bind the root's folders over the machine's, then become `python -m core`."""
    for path in _BOUND:
        if os.path.isdir(path):
            subprocess.run(["mount", "--bind", os.path.join(root, path.lstrip("/")), path], check=True)
    # `--as-nobody`: the command runs as user 65534, unprivileged (a parent that is not root)
    prefix = (
        [SETPRIV, "--reuid=65534", "--regid=65534", "--clear-groups"] if args[:1] == ["--as-nobody"] else []
    )
    args = args[1:] if prefix else args
    module = ["-m", args[1], *args[2:]] if args[:1] == ["--module"] else ["-m", "core", *args]
    argv = [*prefix, sys.executable, *module]
    os.execv(argv[0], argv)  # noqa: S606 - no shell: the program itself


if __name__ == "__main__":
    _enter(sys.argv[1], sys.argv[2:])
