"""`switchover collect` and the bundle it writes: everything the scanner reads, read back as one input."""

from __future__ import annotations

import codecs
import json
import re
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from core.cli import main
from core.detection.adapters.registry import ExportView, Values
from core.detection.adapters.registry_export import RegValue, parse_export
from core.detection.adapters.registry_writer import write_export
from core.detection.scan import scan
from core.helpdesk.collect import collect, key_list
from core.model import Notes, Target

FIXTURES = Path(__file__).parents[1] / "fixtures" / "windows"
SID = "S-1-5-21-1004336348-1177238915-682003330-1001"
IDENTITY = (
    "Windows Registry Editor Version 5.00\r\n\r\n"
    "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\ComputerName\\ComputerName]\r\n"
    '"ComputerName"="PC-042"\r\n\r\n'
    "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion]\r\n"
    '"ProductName"="Windows 10 Pro"\r\n"DisplayVersion"="22H2"\r\n"CurrentBuild"="19045"\r\n\r\n'
    "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Fonts]\r\n"
    '"Arial"="arial.ttf"\r\n'
)
MACHINE_EXPORTS = (
    "uninstall-64.reg",
    "uninstall-32.reg",
    "kasperskylab.reg",
    "services.reg",
    "chrome-extensions.reg",
)


def customer_pc(tmp_path: Path) -> list[str]:
    """The fixtures as one PC: its user's keys under HKEY_USERS\\<SID>, as a live registry shows them."""
    user = (FIXTURES / "user-kasperskylab.reg").read_bytes().decode("utf-16")
    user_file = tmp_path / "user.reg"
    user_file.write_text(user.replace("HKEY_CURRENT_USER", f"HKEY_USERS\\{SID}"), encoding="utf-16")
    classes = tmp_path / "classes.reg"  # a _Classes hive is not a person's and is not collected
    classes.write_text(
        "Windows Registry Editor Version 5.00\r\n\r\n"
        f"[HKEY_USERS\\{SID}_Classes\\Software\\KasperskyLab\\X]\r\n",
        encoding="utf-16",
    )
    identity = tmp_path / "identity.reg"
    identity.write_text(IDENTITY, encoding="utf-16")
    return [*(str(FIXTURES / n) for n in MACHINE_EXPORTS), str(user_file), str(classes), str(identity)]


def _view(paths: list[str]) -> ExportView:
    notes = Notes()
    return ExportView(parse_export(Path(p).read_bytes(), source=p, notes=notes) for p in paths)


def _found(result: object) -> list[tuple[object, ...]]:
    return sorted(
        (p.id, p.name, p.version, p.scope, tuple(sorted(p.state.items())), len(p.evidence))
        for p in (*result.products, *result.leftovers, *result.other_security_software)  # type: ignore[attr-defined]
    )


@pytest.mark.parametrize("name", ["bundle", "bundle.zip"])
def test_a_bundle_scans_as_the_machine_does_and_names_it(tmp_path: Path, name: str) -> None:
    exports = customer_pc(tmp_path)
    manifest = collect(_view(exports), str(tmp_path / name), elevated=True, collector="test")
    assert manifest["machine"] == {
        "os": "windows",
        "hostname": "PC-042",
        "os_version": "Windows 10 Pro 22H2 (build 19045)",
        "elevated": True,
    }
    assert [u["sid"] for u in manifest["users"]] == [SID]
    direct = scan(Target(os="windows", live=False, registry_exports=tuple(exports)))
    from core.helpdesk.bundle import open_bundle

    bundle = open_bundle(str(tmp_path / name))
    from_bundle = scan(
        Target(os="windows", live=False, registry_exports=bundle.exports, bundle=str(tmp_path / name))
    )
    assert direct.products and _found(from_bundle) == _found(direct)
    assert from_bundle.hostname == "PC-042"
    assert from_bundle.os_version == "Windows 10 Pro 22H2 (build 19045)"


def test_only_the_listed_keys_are_collected(tmp_path: Path) -> None:
    manifest = collect(_view(customer_pc(tmp_path)), str(tmp_path / "b"), elevated=False, collector="test")
    machine = next(f for f in manifest["files"] if f["path"] == "registry/machine.reg")
    collected = {k.casefold() for f in manifest["files"] for k in f["keys"]}
    listed = {k.casefold() for k in key_list().machine + key_list().machine_values_only}
    listed |= {f"HKEY_USERS\\{SID}\\{k}".casefold() for k in key_list().user}
    assert collected <= listed and machine["missing"]
    text = (tmp_path / "b" / "registry" / "machine.reg").read_bytes().decode("utf-16")
    assert "Fonts" not in text  # CurrentVersion's values only, not its subkeys
    assert not (tmp_path / "b" / "registry" / f"user-{SID}_Classes.reg").exists()


def test_the_command_line_reads_a_bundle_through_scan_bundle_and_reg(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exports = customer_pc(tmp_path)
    args = [arg for path in exports for arg in ("--reg", path)]
    assert main(["collect", *args, "--output", str(tmp_path / "pc-042.zip")]) == 0
    assert "switchover scan --bundle" in capsys.readouterr().out
    for how in (["--bundle"], ["--reg"]):
        assert main(["scan", "--json", *how, str(tmp_path / "pc-042.zip")]) == 1
        machine = json.loads(capsys.readouterr().out)["machine"]
        assert machine["hostname"] == "PC-042" and machine["bundle"] == str(tmp_path / "pc-042.zip")


def test_a_changed_or_hostile_bundle_is_refused_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    collect(_view(customer_pc(tmp_path)), str(tmp_path / "b"), elevated=True, collector="test")
    machine = tmp_path / "b" / "registry" / "machine.reg"
    machine.write_bytes(machine.read_bytes()[:-200])
    assert main(["scan", "--bundle", str(tmp_path / "b")]) == 2
    assert "machine.reg was changed or cut off" in capsys.readouterr().err
    manifest_path = tmp_path / "b" / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["files"][0]["path"] = "../../etc/passwd"
    manifest_path.write_text(json.dumps(manifest))
    assert main(["scan", "--bundle", str(tmp_path / "b")]) == 2
    assert "outside the bundle" in capsys.readouterr().err
    with zipfile.ZipFile(tmp_path / "evil.zip", "w") as archive:
        archive.writestr("manifest.json", json.dumps({"schema": "switchover.bundle/1", "files": []}))
        archive.writestr("../escape.reg", "x")
    # an empty bundle shows nothing of the machine: "nothing found" would be no verdict (issue 9 #11)
    assert main(["scan", "--json", "--bundle", str(tmp_path / "evil.zip")]) == 3
    assert not (tmp_path / "escape.reg").exists()
    capsys.readouterr()
    (tmp_path / "junk.zip").write_bytes(b"PK\x03\x04 not really")
    assert main(["scan", "--bundle", str(tmp_path / "junk.zip")]) == 2


@pytest.mark.skipif(sys.platform == "win32", reason="on Windows, collect reads the live registry")
def test_collect_refuses_to_run_live_off_windows(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["collect"]) == 2
    assert "run it on that PC" in capsys.readouterr().err


def test_the_powershell_collector_lists_the_same_keys() -> None:
    script = (Path(__file__).parents[2] / "resources" / "collect" / "Collect-Switchover.ps1").read_text()
    data = json.loads((Path(__file__).parents[2] / "resources" / "collect" / "keys.json").read_text())

    def listed(variable: str) -> list[str]:
        block = re.search(rf"\${variable} = @\((.*?)\n\)", script, re.S)
        assert block is not None, variable
        return re.findall(r"'([^']+)'", block.group(1))

    assert listed("MachineKeys") == data["machine"]
    assert listed("MachineValuesOnly") == data["machine_values_only"]
    assert listed("UserKeys") == data["user"]
    assert "/reg:64" in script  # 32-bit PowerShell still reads the 64-bit view


_text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=40)
_values = st.one_of(
    st.builds(RegValue, st.just(1), _text),
    st.builds(RegValue, st.just(2), _text),
    st.builds(RegValue, st.just(4), st.integers(0, 0xFFFFFFFF)),
    st.builds(RegValue, st.just(11), st.integers(0x1_0000_0000, 0xFFFF_FFFF_FFFF_FFFF)),
    st.builds(RegValue, st.just(7), st.lists(_text.filter(bool), max_size=4).map(tuple)),
    st.builds(RegValue, st.just(3), st.binary(max_size=90)),
)


@given(st.dictionaries(_text, _values, max_size=6))
def test_what_collect_writes_reads_back_the_same(values: dict[str, RegValue]) -> None:
    import io

    assume(len({n.casefold() for n in values}) == len(values))  # names are one per key, whatever the case
    out = io.BytesIO()
    write_export(out, [("HKEY_LOCAL_MACHINE\\SOFTWARE\\KasperskyLab\\Test", Values(values.items()))])
    assert out.getvalue().startswith(codecs.BOM_UTF16_LE)
    notes = Notes()
    blocks = parse_export(out.getvalue(), source="written", notes=notes)
    assert not notes
    read = dict(blocks[0].values)
    assert {n.casefold() for n in read} == {n.casefold() for n in values}
    for name, value in values.items():
        assert read[next(n for n in read if n.casefold() == name.casefold())] == value
