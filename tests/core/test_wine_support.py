"""The Wine harness itself: a wixl MSI installs under Wine's msiexec and writes an Uninstall entry."""

from __future__ import annotations

from pathlib import Path

from tests.wine_support import WinePrefix, build_msi, windows_exit_code

UNINSTALL_32 = r"HKLM\Software\Wow6432Node\Microsoft\Windows\CurrentVersion\Uninstall"


def test_msi_installs_and_uninstalls_under_wine(wine_prefix: WinePrefix, tmp_path: Path) -> None:
    msi, code = build_msi(tmp_path, name="Harness Check", version="1.0.0", manufacturer="Switchover Tests")
    assert wine_prefix.msiexec("/i", str(msi), "/qn") == 0
    exported = wine_prefix.reg_export(f"{UNINSTALL_32}\\{code}", tmp_path / "entry.reg")
    text = exported.read_bytes().decode("utf-16")
    assert '"DisplayName"="Harness Check"' in text
    # Windows Installer writes UninstallString as REG_EXPAND_SZ, which exports as hex(2).
    assert '"UninstallString"=hex(2):' in text
    assert wine_prefix.msiexec("/x", code, "/qn") == 0
    assert wine_prefix.msiexec("/x", code, "/qn") == 1605


def test_exit_codes_are_mapped_back_from_eight_bits() -> None:
    assert windows_exit_code(3010 & 0xFF) == 3010
    assert windows_exit_code(1605 & 0xFF) == 1605
    assert windows_exit_code(7) == 7
