"""Off Windows, a program runs only if root alone can change it, the folders above it and the links.

The tests build a small filesystem in a temporary folder, with real files, modes,
owners and links, and hand the guard an `lstat` and a `readlink` that look into it
(so `/opt/...` here means `<tmp>/opt/...`). They run as root, so `os.chown` can give
a file to another user.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from core.removal.guard import Verdict, check_command, check_program

USER = 1000  # an ordinary user's uid
UNINSTALLER = "/opt/kaspersky/kesl/bin/uninstall"

pytestmark = pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() != 0, reason="needs POSIX owners and root to chown"
)


class Machine:
    """A filesystem under `root`, where every file and folder belongs to root with mode 755 unless told."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir()
        root.chmod(0o755)

    def host(self, path: str) -> Path:
        return self.root / path.lstrip("/")

    def folder(self, path: str, *, mode: int = 0o755, uid: int = 0) -> None:
        host = self.host(path)
        host.mkdir(parents=True, exist_ok=True)
        for parent in [host, *host.parents]:
            if parent == self.root:
                break
            parent.chmod(0o755)
        host.chmod(mode)
        os.chown(host, uid, 0)

    def program(self, path: str, *, mode: int = 0o755, uid: int = 0) -> None:
        self.folder(path.rsplit("/", 1)[0] or "/")
        host = self.host(path)
        host.write_text("#!/bin/sh\n")
        host.chmod(mode)
        os.chown(host, uid, 0)

    def link(self, path: str, target: str, *, uid: int = 0) -> None:
        self.folder(path.rsplit("/", 1)[0] or "/")
        os.symlink(target, self.host(path))
        os.lchown(self.host(path), uid, 0)

    def check(self, argv: list[str]) -> Verdict:
        return check_program(
            argv,
            os="linux",
            signed_by_vendor=lambda path: False,  # no Authenticode off Windows
            lstat=lambda path: os.lstat(self.host(path)),
            readlink=lambda path: os.readlink(self.host(path)),
        )


@pytest.fixture
def machine(tmp_path: Path) -> Machine:
    return Machine(tmp_path / "root")


def test_a_program_only_root_can_change_runs_elevated(machine: Machine) -> None:
    machine.program(UNINSTALLER)
    verdict = machine.check([UNINSTALLER, "--silent"])
    assert verdict.allowed and verdict.elevated_allowed
    assert "only root can change it" in verdict.reason


@pytest.mark.parametrize(
    ("owned_by_user", "why"),
    [
        (UNINSTALLER, f"{UNINSTALLER} belongs to uid {USER}"),
        ("/opt/kaspersky/kesl/bin", f"/opt/kaspersky/kesl/bin belongs to uid {USER}"),
        ("/opt/kaspersky", f"/opt/kaspersky belongs to uid {USER}"),
        ("/opt", f"/opt belongs to uid {USER}"),
    ],
)
def test_a_program_or_folder_owned_by_a_user_is_refused(
    machine: Machine, owned_by_user: str, why: str
) -> None:
    # Homebrew-style: the user who installed something owns it, and can swap the program
    machine.program(UNINSTALLER)
    os.chown(machine.host(owned_by_user), USER, 0)
    verdict = machine.check([UNINSTALLER])
    assert not verdict.allowed and not verdict.elevated_allowed
    assert why in verdict.reason


@pytest.mark.parametrize(
    ("path", "mode", "why"),
    [
        (UNINSTALLER, 0o775, "writable by its group"),
        (UNINSTALLER, 0o757, "writable by everyone"),
        ("/opt/kaspersky/kesl", 0o775, "/opt/kaspersky/kesl is writable by its group"),  # /Applications' way
        ("/opt", 0o1777, "/opt is writable by everyone"),  # /tmp's way: the sticky bit does not help
        ("/", 0o775, "/ is writable by its group"),
    ],
)
def test_a_program_or_folder_others_can_write_is_refused(
    machine: Machine, path: str, mode: int, why: str
) -> None:
    machine.program(UNINSTALLER)
    machine.host(path).chmod(mode)
    verdict = machine.check([UNINSTALLER])
    assert not verdict.allowed and why in verdict.reason


def test_a_missing_program_is_refused(machine: Machine) -> None:
    machine.folder("/opt/kaspersky")
    verdict = machine.check([UNINSTALLER])
    assert not verdict.allowed and "cannot be checked" in verdict.reason


def test_a_folder_is_not_a_program(machine: Machine) -> None:
    machine.folder(UNINSTALLER)
    verdict = machine.check([UNINSTALLER])
    assert not verdict.allowed and "not a regular file" in verdict.reason


def test_links_between_root_owned_files_are_followed(machine: Machine) -> None:
    # usrmerge: /bin is a link to usr/bin; Kaspersky's own links inside /opt
    machine.program("/usr/bin/dpkg")
    machine.link("/bin", "usr/bin")
    machine.program("/opt/kaspersky/kesl/bin/uninstall.real")
    machine.link(UNINSTALLER, "uninstall.real")
    assert machine.check(["/bin/dpkg", "--remove", "kesl"]).elevated_allowed
    assert machine.check([UNINSTALLER]).elevated_allowed


@pytest.mark.parametrize(
    ("target", "why"),
    [
        ("/home/ann/evil", "not the system's msiexec, a package manager or in a machine-wide folder"),
        ("../../../../tmp/evil", "not the system's msiexec, a package manager or in a machine-wide folder"),
        ("/usr/bin/bash", "interpreter"),
        ("/usr/local/bin/kesl-uninstall", "Homebrew"),
    ],
)
def test_a_link_leading_out_of_the_allowed_folders_is_refused(
    machine: Machine, target: str, why: str
) -> None:
    # every file on the way belongs to root: only where the link leads makes it wrong
    for place in ("/home/ann/evil", "/tmp/evil", "/usr/bin/bash", "/usr/local/bin/kesl-uninstall"):
        machine.program(place)
    machine.link(UNINSTALLER, target)
    verdict = machine.check([UNINSTALLER])
    assert not verdict.allowed and "leads to" in verdict.reason and why in verdict.reason


def test_a_link_owned_by_a_user_is_refused(machine: Machine) -> None:
    machine.program("/opt/kaspersky/kesl/bin/uninstall.real")
    machine.link(UNINSTALLER, "uninstall.real", uid=USER)
    verdict = machine.check([UNINSTALLER])
    assert not verdict.allowed and f"link that belongs to uid {USER}" in verdict.reason


def test_a_link_into_a_folder_a_user_owns_is_refused(machine: Machine) -> None:
    machine.program("/opt/vendor/uninstall", uid=0)
    os.chown(machine.host("/opt/vendor"), USER, 0)
    machine.link(UNINSTALLER, "/opt/vendor/uninstall")
    verdict = machine.check([UNINSTALLER])
    assert not verdict.allowed and f"/opt/vendor belongs to uid {USER}" in verdict.reason


def test_a_loop_of_links_ends(machine: Machine) -> None:
    machine.link("/opt/kaspersky/a", "b")
    machine.link("/opt/kaspersky/b", "a")
    verdict = machine.check(["/opt/kaspersky/a"])
    assert not verdict.allowed and "too many links" in verdict.reason


@pytest.mark.parametrize(
    "program",
    ["/usr/local/bin/kesl-uninstall", "/opt/homebrew/bin/kesl-uninstall", "/Applications/Kaspersky.app/x"],
)
def test_folders_a_user_can_write_are_refused_by_name_too(machine: Machine, program: str) -> None:
    # Homebrew gives /usr/local and /opt/homebrew to a user; macOS lets the admin group write
    # /Applications. The plan's pure check refuses them even when this machine's copy is root's.
    machine.program(program)
    assert not check_command([program], os="macos").allowed
    assert not machine.check([program]).allowed


def test_the_real_filesystem_is_checked_by_default() -> None:
    dpkg = "/usr/bin/dpkg"
    if not os.path.exists(dpkg):
        pytest.skip("no dpkg here")
    assert check_program([dpkg, "--remove", "kesl"], os="linux", signed_by_vendor=lambda p: False).allowed
    # pytest's own temporary folders sit in /tmp, which everyone can write
    assert not check_command(["/tmp/uninstall"], os="linux").allowed


def test_windows_programs_are_judged_by_signature_not_owner() -> None:
    def no_files(path: str) -> os.stat_result:
        raise AssertionError(f"looked at {path}")

    verdict = check_program(
        ["C:\\Program Files\\Kaspersky Lab\\uninstall.exe"],
        os="windows",
        running="windows",
        signed_by_vendor=lambda path: True,
        lstat=no_files,
    )
    assert verdict.allowed


@pytest.mark.parametrize(
    "name",
    [
        "awk", "gawk", "mawk", "nawk", "sed", "xargs", "find", "node", "nodejs", "php", "php8.2", "lua",
        "lua5.4", "tclsh", "tclsh8.6", "expect", "nohup", "timeout", "setsid", "systemd-run", "pkexec",
        "doas", "open", "xdg-open", "ssh", "runuser", "chroot", "nice", "stdbuf",
    ],
)  # fmt: skip
def test_programs_that_run_what_they_are_told_are_refused(machine: Machine, name: str) -> None:
    # `/usr/bin/awk 'BEGIN{system("id")}'` would run anything as root
    machine.program(f"/usr/bin/{name}")
    argv = [f"/usr/bin/{name}", 'BEGIN{system("id")}']
    verdict = machine.check(argv)
    assert not verdict.allowed and "interpreter" in verdict.reason
