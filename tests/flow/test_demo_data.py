"""Demo machines are data in resources/demo/, read through the real adapters; a removal changes a copy."""

from __future__ import annotations

import hashlib
import json
import shutil
import threading
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from core.assistant.demo import DemoMachine, demo_folders, demo_machines
from core.detection.adapters.process_list import process_observations
from core.detection.scan import scan
from core.model import Kind, Notes

SHIPPED = Path(__file__).resolve().parents[2] / "resources" / "demo"


def digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in folder.rglob("*")
        if p.is_file()
    }


def uninstall(machine: DemoMachine, name: str) -> int | None:
    product = next(p for p in machine.products if p.name == name)
    argv = (
        [product.uninstaller]
        if product.uninstaller
        else ["C:\\Windows\\System32\\msiexec.exe", "/x", product.code, "/qn"]
    )
    return machine.runner.run(argv, elevated=True, timeout=60, cancel=threading.Event()).exit_code


def test_every_shipped_machine_is_found_through_the_real_adapters() -> None:
    assert set(demo_folders()) >= {"home", "office"}
    for machine in demo_machines().values():
        notes = Notes()
        observations = list(machine.observe(machine.target, notes))
        assert not notes, notes  # the shipped data reads cleanly
        kinds = {o.kind for o in observations}
        assert {
            Kind.UNINSTALL_ENTRY,
            Kind.SERVICE,
            Kind.DRIVER,
            Kind.VENDOR_KEY,
            Kind.PROCESS,
            Kind.PATH,
        } <= kinds
        assert Kind.SECURITY_CENTER in kinds
        assert scan(machine.target, observe=machine.observe).kaspersky


def test_a_removal_changes_the_copy_and_never_the_shipped_data() -> None:
    before = digest(SHIPPED)
    home = demo_machines()["home"]
    assert Path(home.target.root).is_relative_to(home.folder) and not home.folder.is_relative_to(SHIPPED)
    assert uninstall(home, "Kaspersky Premium") == 3010  # its drivers stay until the restart
    after = scan(home.target, observe=home.observe)
    assert "Kaspersky Premium" not in {p.name for p in after.products}
    left = {e.name for p in (*after.products, *after.leftovers) for e in p.evidence}
    assert {"klif", "klflt", "klhk"} <= left and "avp.exe" not in left
    assert not (Path(home.target.root) / "Program Files (x86)" / "Kaspersky Lab" / "Kaspersky 21.16").exists()
    assert "Microsoft Defender Antivirus" in home.protection().active  # no other antivirus is left
    home.restart()
    again = scan(home.target, observe=home.observe)
    assert not {"klif", "klflt", "klhk"} & {
        e.name for p in (*again.products, *again.leftovers) for e in p.evidence
    }
    assert uninstall(home, "Kaspersky Premium") == 1605  # not installed any more
    assert digest(SHIPPED) == before


def test_a_trainer_adds_a_machine_by_adding_files(tmp_path: Path) -> None:
    """A copy of the home PC without UltraAV: its folder alone makes a new machine."""
    source = tmp_path / "no-ultra"
    shutil.copytree(SHIPPED / "home", source)
    spec = json.loads((source / "machine.json").read_text(encoding="utf-8"))
    spec["title"] = "Home PC without UltraAV"
    spec["products"] = [p for p in spec["products"] if p["name"] != "UltraAV"]
    (source / "machine.json").write_text(json.dumps(spec), encoding="utf-8")
    registry = (source / "registry.reg").read_bytes()[2:].decode("utf-16-le")
    blocks = [b for b in registry.split("\r\n\r\n") if "\\Uninstall\\UltraAV]" not in b]
    (source / "registry.reg").write_bytes(b"\xff\xfe" + "\r\n\r\n".join(blocks).encode("utf-16-le"))

    machine = DemoMachine("no-ultra", source, work=tmp_path / "work")
    found = scan(machine.target, observe=machine.observe)
    assert machine.title == "Home PC without UltraAV"
    assert found.successors == ()
    assert "Kaspersky Premium" in {p.name for p in found.kaspersky}


@given(st.text(max_size=300))
def test_a_process_list_of_any_text_never_crashes_the_scan(text: str) -> None:
    notes = Notes()
    for observation in process_observations(text, source="processes.csv", notes=notes):
        assert observation.kind is Kind.PROCESS and observation.attributes["pid"].isdigit()


def test_a_process_list_reads_windows_export_csv() -> None:
    rows = [
        '"Name","ProcessId","ExecutablePath"',
        '"avp.exe","2240","C:\\K\\avp.exe"',
        '"System","4",""',
        '"x","y",""',
    ]
    notes = Notes()
    found = list(process_observations("\r\n".join(rows) + "\r\n", source="p.csv", notes=notes))
    assert [(o.name, o.attributes) for o in found] == [
        ("avp.exe", {"pid": "2240", "exe": "C:\\K\\avp.exe"}),
        ("System", {"pid": "4"}),
    ]
    assert [n.location for n in notes] == ["p.csv:4"]
