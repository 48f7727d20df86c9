"""Real Windows Installer and registry under Debian's Wine, for tests.

`wixl` builds small test-double MSI packages; Wine's `msiexec` installs them and
writes the Uninstall entries the way Windows does; `wine reg export` writes real
registry exports. Wine truncates a process's exit code to 8 bits: `windows_exit_code`
maps it back for the tests only; the product never sees Wine's codes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import quoteattr

import pytest

WINDOWS_INSTALLER_CODES = (0, 1602, 1603, 1605, 1618, 1223, 1641, 3010)


def running_under_wine() -> bool:
    """True for the Windows interpreter of the Windows lane: Wine's ntdll exports wine_get_version."""
    if sys.platform != "win32":
        return False
    import ctypes

    return hasattr(ctypes.WinDLL("ntdll"), "wine_get_version")


UNDER_WINE = running_under_wine()


def wine_gap(reason: str) -> pytest.MarkDecorator:
    """Skip in the Windows lane only, naming what Wine lacks; the test runs on Linux and real Windows."""
    return pytest.mark.skipif(UNDER_WINE, reason=f"Wine gap: {reason}")


def windows_exit_code(wine_code: int) -> int:
    """Undo Wine's 8-bit truncation for the codes Windows Installer uses."""
    for code in WINDOWS_INSTALLER_CODES:
        if code & 0xFF == wine_code:
            return code
    return wine_code


def require(tool: str) -> str:
    """The tool's path; in Linux CI a missing tool fails the test (.ci/run installs it), else it skips."""
    if sys.platform == "win32":  # Wine's own wineboot.exe is on its PATH, but no Linux host tool is
        pytest.skip(f"uses the Linux host's {tool}, which the Windows interpreter cannot run")
    path = shutil.which(tool)
    if path:
        return path
    if os.environ.get("CI") and sys.platform == "linux":
        pytest.fail(f"{tool} is not installed; .ci/run installs it")
    pytest.skip(f"{tool} is not installed (apt-get install wine wine64 wixl)")


@dataclass
class WinePrefix:
    """One Wine prefix: a small Windows with its own registry and C: drive."""

    path: Path

    @property
    def env(self) -> dict[str, str]:
        return {**os.environ, "WINEPREFIX": str(self.path), "WINEDEBUG": "-all", "DISPLAY": ""}

    @property
    def drive_c(self) -> Path:
        return self.path / "drive_c"

    def run(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [require("wine"), *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

    def boot(self) -> None:
        subprocess.run(
            [require("wineboot"), "-i"], env=self.env, capture_output=True, timeout=300, check=True
        )
        self.wait()

    def wait(self) -> None:
        """Let wineserver write the registry to disk and exit."""
        subprocess.run(["wineserver", "-w"], env=self.env, capture_output=True, timeout=120, check=False)

    def msiexec(self, *args: str) -> int:
        """Run Wine's msiexec and return the Windows exit code."""
        done = self.run("msiexec", *args)
        self.wait()
        return windows_exit_code(done.returncode)

    def reg_add(self, key: str, name: str, kind: str, data: str) -> None:
        done = self.run("reg", "add", key, "/v", name, "/t", kind, "/d", data, "/f")
        assert done.returncode == 0, done.stderr

    def reg_export(self, key: str, destination: Path) -> Path:
        done = self.run("reg", "export", key, str(destination), "/y")
        self.wait()
        assert done.returncode == 0, f"wine reg export {key} failed: {done.stderr}"
        return destination


def build_msi(
    folder: Path,
    *,
    name: str,
    version: str,
    manufacturer: str,
    product_code: str | None = None,
    install_dir: str = "Kaspersky Lab",
) -> tuple[Path, str]:
    """Build a test-double MSI with wixl; returns its path and ProductCode."""
    code = product_code or "{" + str(uuid.uuid4()).upper() + "}"
    folder.mkdir(parents=True, exist_ok=True)
    payload = folder / "readme.txt"
    payload.write_text("Switchover test double\n", encoding="utf-8")
    source = folder / "product.wxs"
    source.write_text(
        f"""<?xml version="1.0" encoding="utf-8"?>
<Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
  <Product Id="{code}" Name={quoteattr(name)} Language="1033" Version="{version}"
           Manufacturer={quoteattr(manufacturer)} UpgradeCode="{{{str(uuid.uuid4()).upper()}}}">
    <Package InstallerVersion="200" Compressed="yes" Comments="Switchover test double"/>
    <Media Id="1" Cabinet="product.cab" EmbedCab="yes"/>
    <Directory Id="TARGETDIR" Name="SourceDir">
      <Directory Id="ProgramFilesFolder">
        <Directory Id="INSTALLDIR" Name={quoteattr(install_dir)}>
          <Component Id="MainFile" Guid="{{{str(uuid.uuid4()).upper()}}}">
            <File Id="readme" Name="readme.txt" Source="{payload.name}"/>
          </Component>
        </Directory>
      </Directory>
    </Directory>
    <Feature Id="Main" Level="1"><ComponentRef Id="MainFile"/></Feature>
  </Product>
</Wix>
""",
        encoding="utf-8",
    )
    msi = folder / "product.msi"
    subprocess.run(
        [require("wixl"), "-o", msi.name, source.name],
        cwd=folder,
        capture_output=True,
        check=True,
        timeout=120,
    )
    return msi, code


@pytest.fixture(scope="session")
def wine_prefix(tmp_path_factory: pytest.TempPathFactory) -> WinePrefix:
    """One booted Wine prefix for the whole session (booting takes several seconds)."""
    prefix = WinePrefix(tmp_path_factory.mktemp("wine") / "prefix")
    prefix.boot()
    return prefix
