"""`--root` on a mounted Windows volume reads its real hive files (built here with hivexregedit)."""

from __future__ import annotations

import codecs
import json
import os
from pathlib import Path

import pytest

from core.cli import main
from core.detection.scan import scan
from core.model import Target
from tests.helpdesk.hives import HIVEXREGEDIT, build_hive

FIXTURES = Path(__file__).parents[1] / "fixtures" / "windows"
SID = "S-1-5-21-1004336348-1177238915-682003330-1001"
pytestmark = pytest.mark.skipif(
    HIVEXREGEDIT is None, reason="needs Debian's libwin-hivex-perl (CI installs it)"
)


def _text(name: str) -> str:
    data = (FIXTURES / name).read_bytes()
    if data.startswith(codecs.BOM_UTF16_LE):
        return data.decode("utf-16")
    return data.decode("cp1252")


def _body(text: str) -> str:
    return text.split("\n", 1)[1]  # without the "Windows Registry Editor Version 5.00" header


def windows_volume(root: Path, *, profile_list: bool = True) -> Path:
    """A Windows volume with SOFTWARE, SYSTEM and one user's NTUSER.DAT made from the fixtures."""
    config = root / "Windows" / "System32" / "config"
    config.mkdir(parents=True)
    software = "Windows Registry Editor Version 5.00\n" + "".join(
        _body(_text(name)).replace("HKEY_LOCAL_MACHINE\\Software", "HKEY_LOCAL_MACHINE\\SOFTWARE")
        for name in ("uninstall-64.reg", "uninstall-32.reg", "kasperskylab.reg", "chrome-extensions.reg")
    )
    if profile_list:
        software += (
            f"\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\ProfileList\\{SID}]\n"
            '"ProfileImagePath"="C:\\\\Users\\\\anna"\n'
        )
    build_hive(config / "SOFTWARE", software, "HKEY_LOCAL_MACHINE\\SOFTWARE")
    system = _text("services.reg").replace("CurrentControlSet", "ControlSet001") + (
        '\n[HKEY_LOCAL_MACHINE\\SYSTEM\\Select]\n"Current"=dword:00000001\n'
        "\n[HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet001\\Control\\ComputerName\\ComputerName]\n"
        '"ComputerName"="PC-042"\n'
        '\n[HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet001\\Control\\ProductOptions]\n"ProductType"="WinNT"\n'
    )
    build_hive(config / "SYSTEM", system, "HKEY_LOCAL_MACHINE\\SYSTEM")
    user = root / "Users" / "anna"
    user.mkdir(parents=True)
    build_hive(user / "NTUSER.DAT", _text("user-kasperskylab.reg"), "HKEY_CURRENT_USER")
    return root


def _products(result: object) -> list[tuple[object, ...]]:
    return sorted(
        (p.id, p.name, p.version, p.scope, p.managed, tuple(sorted(p.state.items())))
        for p in (*result.products, *result.leftovers)  # type: ignore[attr-defined]
    )


def test_a_mounted_volume_scans_as_its_exports_do(tmp_path: Path) -> None:
    root = windows_volume(tmp_path / "disk")
    from_disk = scan(Target(os="windows", live=False, root=str(root)))
    exports = [
        str(FIXTURES / n)
        for n in (
            "uninstall-64.reg",
            "uninstall-32.reg",
            "kasperskylab.reg",
            "chrome-extensions.reg",
            "services.reg",
            "user-kasperskylab.reg",
        )
    ]
    from_exports = scan(Target(os="windows", live=False, registry_exports=tuple(exports)))
    assert from_exports.products, "the fixtures hold installed products"
    assert _products(from_disk) == _products(from_exports)
    assert not from_disk.notes
    user_keys = [
        e.location for p in from_disk.products for e in p.evidence if e.location.startswith("HKEY_U")
    ]
    assert user_keys == [f"HKEY_USERS\\{SID}\\Software\\KasperskyLab\\AVP21.25"]


def test_the_user_hive_is_named_by_its_folder_without_a_profile_list(tmp_path: Path) -> None:
    root = windows_volume(tmp_path / "disk", profile_list=False)
    result = scan(Target(os="windows", live=False, root=str(root)))
    locations = [e.location for p in result.products for e in p.evidence if e.location.startswith("HKEY_U")]
    assert locations == ["HKEY_USERS\\anna\\Software\\KasperskyLab\\AVP21.25"]


def test_the_command_line_names_the_machine_from_the_system_hive(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = windows_volume(tmp_path / "disk")
    assert main(["scan", "--json", "--root", str(root)]) == 1
    document = json.loads(capsys.readouterr().out)
    assert document["machine"]["hostname"] == "PC-042"
    assert document["summary"]["kaspersky_products"] >= 1


def test_a_damaged_hive_is_a_note_and_the_rest_is_read(tmp_path: Path) -> None:
    root = windows_volume(tmp_path / "disk")
    (root / "Users" / "anna" / "NTUSER.DAT").write_bytes(b"regf" + b"\xff" * 600)
    result = scan(Target(os="windows", live=False, root=str(root)))
    assert any("NTUSER.DAT" in n.location and "could not be read" in n.message for n in result.notes)
    assert len(result.products) == 4
    assert not any(e.location.startswith("HKEY_USERS") for p in result.products for e in p.evidence)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_or_link_in_place_of_a_hive_is_skipped_without_waiting(tmp_path: Path) -> None:
    root = windows_volume(tmp_path / "disk")
    user_hive = root / "Users" / "anna" / "NTUSER.DAT"
    user_hive.unlink()
    os.mkfifo(user_hive)  # read whole, a FIFO would block the scan for ever
    (root / "Windows" / "System32" / "config" / "SYSTEM").rename(tmp_path / "SYSTEM")
    (root / "Windows" / "System32" / "config" / "SYSTEM").symlink_to(tmp_path / "SYSTEM")
    result = scan(Target(os="windows", live=False, root=str(root)))
    skipped = {n.location.rsplit("\\", 1)[-1] for n in result.notes if "could not be read" in n.message}
    assert skipped == {"NTUSER.DAT", "SYSTEM"}
    assert result.products  # SOFTWARE still read
