"""The .deb and the tarball: their metadata as Debian and AppStream tools judge it, and the .deb
installed for real with dpkg, run from the PATH, and removed."""

from __future__ import annotations

import os
import re
import subprocess
import tarfile
import time
from pathlib import Path

import pytest
import release  # packaging/, on the path from tests/packaging/conftest.py

from core import __version__
from tests.conftest import running_as_root
from tests.packaging.conftest import smoke  # puts packaging/ on the path
from tests.wine_support import require

pytestmark = pytest.mark.slow

APP_ID = release.APP_ID
POLKIT_ACTION = f"/usr/share/polkit-1/actions/{release.POLKIT_ACTION_ID}.policy"


def helper_named_by(policy: str) -> str:
    (named,) = re.findall(r'key="org.freedesktop.policykit.exec.path">([^<]+)<', policy)
    return named


def deb_field(deb: Path, field: str) -> str:
    done = subprocess.run(
        ["dpkg-deb", "--field", str(deb), field], capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def deb_files(deb: Path) -> set[str]:
    done = subprocess.run(["dpkg-deb", "--contents", str(deb)], capture_output=True, text=True, check=True)
    return {line.split()[5].removeprefix(".") for line in done.stdout.splitlines()}


def test_deb_metadata_and_layout(linux_artifacts: dict[str, Path]) -> None:
    deb = linux_artifacts["deb"]
    assert deb_field(deb, "Package") == "switchover"
    assert deb_field(deb, "Version") == __version__
    depends = {name.strip() for name in deb_field(deb, "Depends").split(",")}
    # What a fresh Debian lacks and Qt's xcb plugin needs (issue: the window did not open).
    assert {"libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxkbcommon-x11-0"} <= depends
    files = deb_files(deb)
    assert {"/opt/switchover/switchover", "/usr/share/metainfo/" + APP_ID + ".metainfo.xml",
            "/usr/share/applications/" + APP_ID + ".desktop",
            "/usr/share/icons/hicolor/256x256/apps/" + APP_ID + ".png",
            "/usr/share/icons/hicolor/scalable/apps/" + APP_ID + ".svg"} <= files  # fmt: skip
    listing = subprocess.run(["dpkg-deb", "--contents", str(deb)], capture_output=True, text=True, check=True)
    links = [line for line in listing.stdout.splitlines() if "./usr/bin/" in line and " -> " in line]
    assert any("./usr/bin/switchover -> /opt/switchover/switchover" in line for line in links)
    # polkit's action for the elevated helper, naming a program the .deb installs
    assert POLKIT_ACTION in files and "/opt/switchover/switchover-cli" in files
    assert all(" root/root " in line for line in listing.stdout.splitlines())


def test_desktop_file_and_metainfo_pass_their_validators(
    linux_artifacts: dict[str, Path], tmp_path: Path
) -> None:
    subprocess.run(["dpkg-deb", "--extract", str(linux_artifacts["deb"]), str(tmp_path)], check=True)
    desktop = tmp_path / "usr/share/applications" / f"{APP_ID}.desktop"
    metainfo = tmp_path / "usr/share/metainfo" / f"{APP_ID}.metainfo.xml"
    validated = subprocess.run(
        [require("desktop-file-validate"), str(desktop)], capture_output=True, text=True
    )
    assert validated.returncode == 0 and not validated.stdout.strip(), validated.stdout
    appstream = subprocess.run(
        [require("appstreamcli"), "validate", "--no-net", "--explain", str(metainfo)],
        capture_output=True, text=True,
    )  # fmt: skip
    assert appstream.returncode == 0, appstream.stdout + appstream.stderr
    assert f'<release version="{__version__}"' in metainfo.read_text(encoding="utf-8")


def test_tarball_holds_the_bundle_and_the_same_desktop_file(
    linux_artifacts: dict[str, Path], tmp_path: Path
) -> None:
    with tarfile.open(linux_artifacts["tarball"]) as archive:
        archive.extractall(tmp_path, filter="tar")
    top = tmp_path / f"switchover-{__version__}"
    desktop = top / "share/applications" / f"{APP_ID}.desktop"
    deb_root = tmp_path / "deb"
    subprocess.run(["dpkg-deb", "--extract", str(linux_artifacts["deb"]), str(deb_root)], check=True)
    assert desktop.read_bytes() == (deb_root / "usr/share/applications" / f"{APP_ID}.desktop").read_bytes()
    version = smoke([str(top / "switchover-cli"), "--version"])
    assert version.stdout.strip() == f"switchover {__version__}"


def dpkg(*args: str) -> subprocess.CompletedProcess[str]:
    """dpkg, retried while another dpkg holds the lock (the machine may be installing something)."""
    for _ in range(30):
        done = subprocess.run([require("dpkg"), *args], capture_output=True, text=True, timeout=300)
        if "lock" not in done.stderr:
            return done
        time.sleep(5)
    return done


@pytest.mark.skipif(not running_as_root(), reason="installing a .deb for real needs root (CI runs as root)")
def test_deb_installs_runs_from_the_path_and_removes(
    linux_artifacts: dict[str, Path], tmp_path: Path
) -> None:
    if subprocess.run(["dpkg-query", "-W", "switchover"], capture_output=True).returncode == 0:
        pytest.skip("a switchover package is already installed on this machine; not touching it")
    installed = dpkg("-i", str(linux_artifacts["deb"]))
    try:
        assert installed.returncode == 0, installed.stdout + installed.stderr
        env = {**os.environ, "PATH": "/usr/bin:/bin", "SWITCHOVER_DATA_DIR": str(tmp_path)}
        version = smoke(["switchover", "--version"], env=env)
        assert version.stdout.strip() == f"switchover {__version__}"
        scan = smoke(["switchover-cli", "scan", "--json"], env=env, codes=(0, 1))
        assert '"switchover.scan/1"' in scan.stdout
        shown = smoke(["switchover", "--demo"], env={**env, "QT_QPA_PLATFORM": "offscreen",
                                                     "SWITCHOVER_SMOKE_TEST": "1"})  # fmt: skip
        assert "window shown" in shown.stdout
        # The window, started from the menu or the PATH, starts the helper polkit's action names.
        from core.removal.elevated_helper import console_program

        named = helper_named_by(Path(POLKIT_ACTION).read_text(encoding="utf-8"))
        assert str(console_program(Path("/usr/bin/switchover"))) == named
        assert os.access(named, os.X_OK)
    finally:
        removed = dpkg("--purge", "switchover")
    assert removed.returncode == 0, removed.stderr
    assert not Path("/opt/switchover").exists() and not Path("/usr/bin/switchover").is_symlink()
