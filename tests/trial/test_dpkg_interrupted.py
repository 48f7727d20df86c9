"""After an interrupted dpkg run, the plan removes with dpkg itself: apt-get would refuse.

Seen on a live Debian machine: a removal cancelled while kesl's prerm hung ended dpkg part-way;
every later `switchover remove` failed with apt-get's "E: dpkg was interrupted, you must manually
run 'dpkg --configure -a'", while `dpkg --remove kesl` removed it and finished the pending work.
The test interrupts a real dpkg in a private database the same way.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from core.detection.adapters.linux import dpkg_interrupted, package_managers
from core.model import Target

pytestmark = pytest.mark.skipif(
    not (shutil.which("dpkg") and shutil.which("dpkg-deb")), reason="needs dpkg and dpkg-deb"
)


def _dpkg(tmp_path: Path) -> list[str]:
    return [
        "dpkg",
        f"--admindir={tmp_path / 'admin'}",
        f"--instdir={tmp_path / 'root'}",
        "--force-not-root",
        "--force-script-chrootless",
        "--force-bad-path",
        "--log=/dev/null",
    ]


def _installed_package_with_a_prerm_that_can_hang(tmp_path: Path) -> Path:
    admin, package = tmp_path / "admin", tmp_path / "pkg"
    folders = (admin / "updates", admin / "info", tmp_path / "root", package / "DEBIAN", package / "opt")
    for folder in folders:
        folder.mkdir(parents=True)
    (admin / "status").touch()
    (admin / "available").touch()
    (package / "DEBIAN" / "control").write_text(
        "Package: trialx\nVersion: 1\nArchitecture: all\nMaintainer: t <t@example.org>\nDescription: t\n"
    )
    hang = tmp_path / "hang"
    prerm = package / "DEBIAN" / "prerm"
    prerm.write_text(f"#!/bin/sh\n[ -e {hang} ] && sleep 60\nexit 0\n")
    prerm.chmod(0o755)
    (package / "opt" / "f").write_text("x\n")
    deb = tmp_path / "x.deb"
    build = ["dpkg-deb", "--root-owner-group", "-b", str(package), str(deb)]
    subprocess.run(build, check=True, capture_output=True)
    subprocess.run([*_dpkg(tmp_path), "-i", str(deb)], check=True, capture_output=True)
    return hang


def _interrupt_a_removal(tmp_path: Path, hang: Path) -> None:
    hang.touch()
    removal = subprocess.Popen(
        [*_dpkg(tmp_path), "--remove", "trialx"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 30
    while not dpkg_interrupted(str(tmp_path / "admin")) and time.monotonic() < deadline:
        time.sleep(0.1)
    os.killpg(removal.pid, signal.SIGKILL)  # dpkg, the prerm and its sleep: as a cancel does
    removal.wait()
    hang.unlink()


def test_a_dpkg_killed_in_a_prerm_is_seen_as_interrupted_and_dpkg_itself_recovers(tmp_path: Path) -> None:
    hang = _installed_package_with_a_prerm_that_can_hang(tmp_path)
    admin = str(tmp_path / "admin")
    assert not dpkg_interrupted(admin)
    _interrupt_a_removal(tmp_path, hang)
    assert dpkg_interrupted(admin)
    subprocess.run([*_dpkg(tmp_path), "--remove", "trialx"], check=True, capture_output=True)
    assert not dpkg_interrupted(admin)
    assert "trialx" not in (tmp_path / "admin" / "status").read_text()


@pytest.mark.skipif(not os.path.exists("/usr/bin/apt-get"), reason="needs apt-get")
def test_the_plan_leaves_out_apt_get_while_dpkg_is_interrupted(tmp_path: Path) -> None:
    live = Target(os="linux", live=True)
    (tmp_path / "updates").mkdir()
    assert "apt-get" in package_managers(live, dpkg_admin=str(tmp_path))
    (tmp_path / "updates" / "tmp.i").touch()  # dpkg's scratch file alone is no interruption
    assert "apt-get" in package_managers(live, dpkg_admin=str(tmp_path))
    (tmp_path / "updates" / "0000").touch()
    managers = package_managers(live, dpkg_admin=str(tmp_path))
    assert "apt-get" not in managers and "dpkg" in managers
