"""windows.observe on the committed Wine exports, on a Windows-like tree, and on Security Center output."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from core.detection.adapters import windows
from core.detection.adapters.registry_export import REG_DWORD, REG_SZ, RegValue
from core.detection.scan import scan
from core.model import Kind, Notes, Observation, Target
from tests.windows.render import render_export
from tests.wine_support import wine_gap

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "windows"
WINE_EXPORTS = tuple(
    str(FIXTURES / name)
    for name in (
        "uninstall-64.reg",
        "uninstall-32.reg",
        "services.reg",
        "kasperskylab.reg",
        "user-kasperskylab.reg",
        "chrome-extensions.reg",
    )
)


def observe(target: Target) -> tuple[list[Observation], Notes]:
    notes = Notes()
    return list(windows.observe(target, notes)), notes


def by_name(observations: list[Observation], kind: Kind) -> dict[str, Observation]:
    return {o.name: o for o in observations if o.kind == kind}


def test_uninstall_entries_from_msi_installs() -> None:
    found, notes = observe(Target(os="windows", live=False, registry_exports=WINE_EXPORTS))
    entries = by_name(found, Kind.UNINSTALL_ENTRY)
    kes = entries["Kaspersky Endpoint Security for Windows"]
    assert kes.location == (
        r"HKEY_LOCAL_MACHINE\Software\Wow6432Node\Microsoft\Windows\CurrentVersion\Uninstall"
        r"\{E7012AFE-DB97-4B8B-9513-E98C0C3AACE3}"
    )
    assert kes.attributes["ProductCode"] == "{E7012AFE-DB97-4B8B-9513-E98C0C3AACE3}"
    assert kes.attributes["Publisher"] == "AO Kaspersky Lab"
    assert kes.attributes["UninstallString"] == "MsiExec.exe /I{E7012AFE-DB97-4B8B-9513-E98C0C3AACE3}"
    assert kes.attributes["WindowsInstaller"] == "1"
    assert kes.attributes["hive"] == r"HKLM\Wow6432Node"
    assert kes.scope == "machine"
    russian = entries["Kaspersky Endpoint Security 10 для Windows"]
    assert russian.attributes["NoRemove"] == "1"
    assert "360 Total Security" in entries
    assert notes == []


def test_services_drivers_vendor_keys_and_extensions() -> None:
    found, _ = observe(Target(os="windows", live=False, registry_exports=WINE_EXPORTS))
    services, drivers = by_name(found, Kind.SERVICE), by_name(found, Kind.DRIVER)
    assert services["klnagent"].attributes["DisplayName"] == "Kaspersky Security Center Network Agent"
    assert services["klnagent"].location == r"HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Services\klnagent"
    assert drivers["klif"].attributes == {"ImagePath": r"system32\DRIVERS\klif.sys", "Type": "2"}
    assert {"klim6", "klids"} <= drivers.keys()
    assert "WinDefend" in services

    vendor = [o for o in found if o.kind == Kind.VENDOR_KEY]
    avp = next(o for o in vendor if o.name == "AVP21.3")
    assert avp.attributes == {
        "ProductName": "Kaspersky Security Cloud",
        "ProductVersion": "21.3.10.391",
        "ProductRoot": "C:\\Program Files (x86)\\Kaspersky Lab\\Kaspersky Security Cloud 21.3\\",
        "last_signature_update": "2021-06-15",
        "self_defence": "true",
        "password_protection": "true",
        "vendor_root": "KasperskyLab",
    }
    leftover = next(o for o in vendor if o.name == "AVP21.25")
    assert (leftover.scope, leftover.location) == (
        "user",
        r"HKEY_CURRENT_USER\Software\KasperskyLab\AVP21.25",
    )

    extension = by_name(found, Kind.BROWSER_EXTENSION)["ddoleachckhhdmhpbkddgechjfhnphpe"]
    assert extension.attributes["browser"] == "chrome"


def test_scan_groups_the_fixture_into_kaspersky_products_and_other_software() -> None:
    result = scan(Target(os="windows", live=False, registry_exports=WINE_EXPORTS))
    families = {p.family for p in result.kaspersky}
    assert {"kes", "network-agent", "consumer"} <= families
    assert not any("360" in p.name for p in [*result.products, *result.leftovers])
    assert any(e.name == "WinDefend" for p in result.other_security_software for e in p.evidence)
    kes = next(p for p in result.kaspersky if p.version == "11.0.0.6499")
    assert kes.anchor is not None and kes.anchor.kind == Kind.UNINSTALL_ENTRY


def _export(tmp_path: Path, name: str, keys: list, *, unicode: bool = True) -> str:
    path = tmp_path / name
    path.write_bytes(render_export(keys, unicode=unicode))
    return str(path)


def test_user_hives_64_bit_view_control_set_and_server_note(tmp_path: Path) -> None:
    sid = "S-1-5-21-1004336348-1177238915-682003330-1001"
    keys = [
        (
            rf"HKEY_USERS\{sid}\Software\Microsoft\Windows\CurrentVersion\Uninstall\PerUser",
            [("DisplayName", RegValue(REG_SZ, "Per-user tool")), ("Publisher", RegValue(REG_SZ, "Someone"))],
        ),
        (rf"HKEY_USERS\{sid}_Classes\Software\Microsoft\Windows\CurrentVersion\Uninstall\Skip", []),
        (
            r"HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\{NOT-A-GUID}",
            [("UninstallString", RegValue(REG_SZ, "x.exe"))],
        ),
        (r"HKEY_LOCAL_MACHINE\SYSTEM\Select", [("Current", RegValue(REG_DWORD, 2))]),
        (r"HKEY_LOCAL_MACHINE\SYSTEM\ControlSet001\Services\old", [("Type", RegValue(REG_DWORD, 16))]),
        (r"HKEY_LOCAL_MACHINE\SYSTEM\ControlSet002\Services\kavfs", [("Type", RegValue(REG_DWORD, 16))]),
        (
            r"HKEY_LOCAL_MACHINE\SYSTEM\ControlSet002\Control\ProductOptions",
            [("ProductType", RegValue(REG_SZ, "ServerNT"))],
        ),
    ]
    found, notes = observe(
        Target(os="windows", live=False, registry_exports=(_export(tmp_path, "m.reg", keys),))
    )
    entries = by_name(found, Kind.UNINSTALL_ENTRY)
    assert entries["Per-user tool"].scope == "user"
    assert entries["Per-user tool"].attributes["hive"] == rf"HKU\{sid}"
    invalid = entries["{NOT-A-GUID}"]  # no DisplayName: the key name; not a GUID: no ProductCode
    assert "ProductCode" not in invalid.attributes and invalid.attributes["hive"] == "HKLM"
    assert set(by_name(found, Kind.SERVICE)) == {"kavfs"}
    assert any("Windows Server has no Security Center" in n.message for n in notes)


def test_security_center_output_is_decoded() -> None:
    output = json.dumps(
        [
            {
                "displayName": "Kaspersky Endpoint Security",
                "productState": 266240,
                "pathToSignedProductExe": "a",
            },
            {"displayName": "Windows Defender", "productState": 262160, "pathToSignedProductExe": "b"},
        ]
    )
    found = {o.name: o.attributes for o in windows.security_center_products(output, Notes())}
    assert found["Kaspersky Endpoint Security"]["active"] == "true"
    assert found["Kaspersky Endpoint Security"]["up_to_date"] == "true"
    assert (found["Windows Defender"]["active"], found["Windows Defender"]["up_to_date"]) == (
        "false",
        "false",
    )
    notes = Notes()
    assert list(windows.security_center_products("not json", notes)) == [] and len(notes) == 1


CHROME_EXTENSION = (
    "Users/alice/AppData/Local/Google/Chrome/User Data/Default/Extensions/"
    "ddoleachckhhdmhpbkddgechjfhnphpe/1.0_0"
)


def _tree(root: Path) -> None:
    for folder in (
        "Program Files (x86)/Kaspersky Lab/KES.12.10.0",
        "PROGRAMDATA/Kaspersky Lab/AVP21.25",
        "Windows/System32/drivers/K4W-21-25",
        f"{CHROME_EXTENSION}/_locales/en",
        "Users/alice/AppData/Roaming/Mozilla/Firefox/Profiles/ab12.default/extensions",
    ):
        (root / folder).mkdir(parents=True)
    (root / "Windows/System32/drivers/klif.sys").write_bytes(b"MZ")
    (root / "Windows/System32/drivers/K4W-21-25/klhk.sys").write_bytes(b"MZ")
    ext = root / CHROME_EXTENSION
    (ext / "manifest.json").write_text(
        json.dumps({"name": "__MSG_name__", "default_locale": "en", "version": "1.0"})
    )
    (ext / "_locales/en/messages.json").write_text(json.dumps({"NAME": {"message": "Test double extension"}}))
    profile = root / "Users/alice/AppData/Roaming/Mozilla/Firefox/Profiles/ab12.default"
    (profile / "extensions/urladvisor@kaspersky.com.xpi").write_bytes(b"PK")
    (profile / "extensions.json").write_text(
        json.dumps(
            {"addons": [{"id": "urladvisor@kaspersky.com", "version": "2.0", "defaultLocale": {"name": "T"}}]}
        )
    )
    (root / "Users/alice/AppData/Local/loop").symlink_to(root / "Users")  # a loop is never followed


def test_folders_drivers_and_extensions_under_a_root(tmp_path: Path) -> None:
    _tree(tmp_path)
    found, notes = observe(Target(os="windows", live=False, root=str(tmp_path)))
    paths = {o.name for o in found if o.kind == Kind.PATH}
    assert r"C:\Program Files (x86)\Kaspersky Lab\KES.12.10.0" in paths
    assert r"C:\ProgramData\Kaspersky Lab\AVP21.25" in paths  # found without regard to case
    assert r"C:\Windows\System32\drivers\klif.sys" in paths
    assert r"C:\Windows\System32\drivers\K4W-21-25\klhk.sys" in paths
    assert not any("loop" in p for p in paths)
    extensions = by_name(found, Kind.BROWSER_EXTENSION)
    chrome = extensions["ddoleachckhhdmhpbkddgechjfhnphpe"].attributes
    assert (chrome["name"], chrome["version"], chrome["browser"]) == (
        "Test double extension",
        "1.0_0",
        "chrome",
    )
    assert chrome["path"].startswith("C:\\Users\\alice\\AppData\\Local\\Google\\Chrome\\User Data\\Default\\")
    firefox = extensions["urladvisor@kaspersky.com"]
    assert (firefox.attributes["version"], firefox.scope) == ("2.0", "user")
    assert notes == []


def test_damaged_manifest_is_a_note(tmp_path: Path) -> None:
    _tree(tmp_path)
    manifest = next(tmp_path.glob("Users/alice/**/manifest.json"))
    manifest.write_bytes(b"\xff{ not json")
    found, notes = observe(Target(os="windows", live=False, root=str(tmp_path)))
    assert "ddoleachckhhdmhpbkddgechjfhnphpe" in by_name(found, Kind.BROWSER_EXTENSION)
    assert [n.message for n in notes] == ["manifest.json could not be read"]


def test_live_registry_is_empty_off_windows_and_a_root_less_offline_target_sees_nothing() -> None:
    from core.detection.adapters.registry import LiveView

    if sys.platform == "win32":  # on Windows it is this machine's real registry
        assert "Microsoft" in LiveView().subkeys("HKEY_LOCAL_MACHINE\\SOFTWARE")
        return
    assert LiveView().subkeys("HKEY_LOCAL_MACHINE\\SOFTWARE") == []
    assert len(LiveView().values("HKEY_LOCAL_MACHINE\\SOFTWARE")) == 0
    assert observe(Target(os="windows", live=True)) == ([], [])


def test_security_center_runs_powershell_by_its_full_system_path(monkeypatch: pytest.MonkeyPatch) -> None:
    # A bare "powershell.exe" is found in the current folder first: a planted copy would run, elevated.
    seen: list[tuple[str, ...]] = []

    def fake_run(argv: tuple[str, ...], **_: object) -> subprocess.CompletedProcess[str]:
        seen.append(tuple(argv))
        answer = '{"displayName": "Defender", "productState": 397568}'
        return subprocess.CompletedProcess(argv, 0, stdout=answer)

    monkeypatch.setattr(windows.subprocess, "run", fake_run)
    found = list(windows.security_center(Notes()))
    assert [o.name for o in found] == ["Defender"]
    # Windows paths compare without case (Wine reports C:\windows\system32)
    assert seen[0][0].lower() == "c:\\windows\\system32\\windowspowershell\\v1.0\\powershell.exe"
    assert seen[0][1:3] == ("-NoProfile", "-NonInteractive")


def _observe_within(target: Target, seconds: float = 10) -> tuple[list[Observation], Notes]:
    """observe() in a thread, failing (not hanging) the test if it does not finish in time."""
    import threading

    outcome: list[tuple[list[Observation], Notes]] = []
    worker = threading.Thread(target=lambda: outcome.append(observe(target)), daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        pytest.fail(f"the scan did not finish within {seconds} s")
    return outcome[0]


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="POSIX FIFOs")
def test_a_fifo_named_manifest_json_is_a_note_not_a_hang(tmp_path: Path) -> None:
    import os

    _tree(tmp_path)
    manifest = next(tmp_path.glob("Users/alice/**/manifest.json"))
    manifest.unlink()
    os.mkfifo(manifest)
    try:
        found, notes = _observe_within(Target(os="windows", live=False, root=str(tmp_path)))
    except BaseException:
        os.close(os.open(manifest, os.O_WRONLY | os.O_NONBLOCK))  # unblock the stuck reader
        raise
    assert "ddoleachckhhdmhpbkddgechjfhnphpe" in by_name(found, Kind.BROWSER_EXTENSION)
    assert [n.message for n in notes] == ["manifest.json skipped: not a regular file"]


@wine_gap("CreateSymbolicLinkW is not implemented in Wine 8 (a link to an absolute path fails)")
@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
@pytest.mark.parametrize("name", ["manifest.json", "extensions.json"])
def test_a_link_to_dev_zero_is_never_read(tmp_path: Path, name: str) -> None:
    _tree(tmp_path)
    victim = next(tmp_path.glob(f"Users/alice/**/{name}"))
    victim.unlink()
    victim.symlink_to("/dev/zero")
    found, notes = _observe_within(Target(os="windows", live=False, root=str(tmp_path)))
    assert [n.message for n in notes] == [f"{name} skipped: a symbolic link"]
    assert len(by_name(found, Kind.BROWSER_EXTENSION)) == 2


@wine_gap("CreateSymbolicLinkW is not implemented in Wine 8 (a link to an absolute path fails)")
def test_a_manifest_linked_out_of_the_root_is_not_read(tmp_path: Path) -> None:
    outside = tmp_path / "host-secret.json"
    outside.write_text(json.dumps({"name": "read from the host"}))
    root = tmp_path / "disk"
    _tree(root)
    manifest = next(root.glob("Users/alice/**/manifest.json"))
    manifest.unlink()
    manifest.symlink_to(outside)
    found, notes = observe(Target(os="windows", live=False, root=str(root)))
    chrome = by_name(found, Kind.BROWSER_EXTENSION)["ddoleachckhhdmhpbkddgechjfhnphpe"].attributes
    assert "name" not in chrome
    assert [n.message for n in notes] == ["manifest.json skipped: a symbolic link"]


def test_an_oversized_manifest_is_a_note(tmp_path: Path) -> None:
    _tree(tmp_path)
    manifest = next(tmp_path.glob("Users/alice/**/manifest.json"))
    manifest.write_bytes(b" " * (windows._MAX_MANIFEST_BYTES + 1))
    _, notes = observe(Target(os="windows", live=False, root=str(tmp_path)))
    assert [n.message for n in notes] == [
        f"manifest.json skipped: {windows._MAX_MANIFEST_BYTES + 1} bytes is more than the "
        f"{windows._MAX_MANIFEST_BYTES} expected"
    ]
