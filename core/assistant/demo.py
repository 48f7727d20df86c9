"""Built-in simulated Windows machines for training and trying Switchover safely.

A demo machine is data in `resources/demo/<name>/`, in the formats Windows' own
tools write (docs/demo.md):

- `registry.reg`: a `reg export` of its uninstall entries, services, drivers and
  Kaspersky's keys (UTF-16LE "Windows Registry Editor Version 5.00");
- `folders.txt`: its install and data folders, one Windows path a line (`dir /s /b /ad`);
- `processes.csv`: its running processes (`Get-CimInstance Win32_Process | Export-Csv`);
- `security-center.json`: its Security Center registrations (`Get-CimInstance
  AntiVirusProduct | ConvertTo-Json`), and `defender.json`: `Get-MpComputerStatus | ConvertTo-Json`;
- `machine.json` (`switchover.demo/1`): what each product's uninstaller removes.

Each demo machine works on its own copy of that data in Switchover's data folder
(never the shipped resources), and its scan reads the copy through the real
adapters (core/detection/adapters/windows.py, process_list.py, defender.py), so the demo
exercises what a real machine runs. The `runner` simulates the uninstallers: a
plan's own `msiexec /x {CODE}` or `uninstall.exe` changes the copy as the real one
would change the machine (the registry through a deletion export, as `reg import`
applies it). Nothing here touches the real computer: the runner never starts a
program. A trainer adds a machine by adding a folder.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import tempfile
import threading
import time
import weakref
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.exit_codes import (
    ERROR_CANCELLED,
    ERROR_INSTALL_FAILURE,
    ERROR_SUCCESS,
    ERROR_SUCCESS_REBOOT_REQUIRED,
    ERROR_UNKNOWN_PRODUCT,
)
from core.model import Notes, Observation, Protection, Target
from core.runner import RunResult

if TYPE_CHECKING:  # the demo window opens before removal code is needed
    from core.removal.plan_model import Step

DEMO_SCHEMA = "switchover.demo/1"
# The uninstall password of the simulated office PC (machine.json); shown in the demo so trainees can use it.
DEMO_PASSWORD = "demo-uninstall-2024"  # noqa: S105 - public on purpose: a training value, not a secret
# Windows Installer property names that carry uninstall passwords (names, not secrets).
KES_PASSWORD_PROPERTY = "KLPASSWD"  # noqa: S105
AGENT_PASSWORD_PROPERTY = "KLUNINSTPASSWD"  # noqa: S105

# Windows Installer exit codes the simulated uninstallers return.
MSI_OK = ERROR_SUCCESS
MSI_REBOOT_NEEDED = ERROR_SUCCESS_REBOOT_REQUIRED
MSI_NOT_INSTALLED = ERROR_UNKNOWN_PRODUCT
MSI_FAILED = ERROR_INSTALL_FAILURE

REGISTRY, REMOVED_KEYS = "registry.reg", "removed.reg"
FOLDERS, PROCESSES = "folders.txt", "processes.csv"
SECURITY_CENTER, DEFENDER = "security-center.json", "defender.json"
DRIVE = "drive"  # the copy's folders, as a mounted drive would show them
STALE_AFTER_S = 7 * 24 * 3600  # a working copy left this long by a demo that was killed is removed
# Security Center's productState: real-time protection on is 0x1000 in the second byte (GLPI agent
# AntiVirus.pm, as core/detection/adapters/windows.py reads it).
_PROTECTION_ON = 0x1000
_PROTECTION_BITS = 0xF000


@dataclass(frozen=True)
class DemoProduct:
    """One simulated installed product and what its uninstaller does to the machine (machine.json)."""

    name: str
    code: str  # its ProductCode, or the uninstall key's name for an .exe uninstaller
    registry: tuple[str, ...]  # keys its uninstaller deletes
    until_restart: tuple[str, ...] = ()  # driver keys that go only with the restart after it
    processes: tuple[str, ...] = ()  # image names it ends
    folders: tuple[str, ...] = ()  # Windows paths it deletes
    uninstaller: str | None = None  # an .exe uninstaller instead of Windows Installer
    secret_property: str | None = None  # KLPASSWD (plain) or KLUNINSTPASSWD (hex of UTF-16LE)
    antivirus: bool = False  # the machine's antivirus: when the last one goes, Defender takes over
    security_center: str | None = None  # its Security Center registration's display name


@dataclass
class _MachineState:
    installed: set[str]  # product codes
    pending_reboot: set[str] = field(default_factory=set)  # codes whose drivers wait for a restart
    lock: threading.Lock = field(default_factory=threading.Lock)


class DemoRunner:
    """A `Runner` that simulates the uninstallers of a demo machine; it never starts a program."""

    def __init__(self, machine: DemoMachine, *, delay: float) -> None:
        self._machine = machine
        self._delay = delay
        self.refuse_elevation = 0  # how many administrator prompts the simulated user declines next
        self.calls: list[tuple[str, ...]] = []  # what ran, secrets scrubbed, for tests and training

    def run(
        self,
        argv: Sequence[str],
        *,
        elevated: bool,
        timeout: float,
        cancel: threading.Event,
        secrets: Sequence[str] = (),
    ) -> RunResult:
        self.calls.append(tuple(_scrub(arg, secrets) for arg in argv))
        if elevated and self.refuse_elevation > 0:
            self.refuse_elevation -= 1
            declined = "elevation refused: the administrator prompt was declined"
            return RunResult(exit_code=ERROR_CANCELLED, error=declined)
        if cancel.wait(min(self._delay, timeout)):
            return RunResult(exit_code=None, cancelled=True)
        product = self._machine.product_for(argv)
        if product is None:
            return RunResult(exit_code=MSI_OK, output_tail="demo: nothing to simulate for this command")
        return self._machine.uninstall(product, argv)


def _scrub(text: str, secrets: Sequence[str]) -> str:
    for secret in secrets:
        if secret:
            text = text.replace(secret, "********")
    return text


class DemoMachine:
    """A simulated Windows PC whose scan, uninstallers and protection react to each other.

    `folder` is its working copy of the data (a new one per machine: the shipped data never changes).
    """

    def __init__(self, key: str, source: Path, *, delay: float = 0.0, work: Path | None = None) -> None:
        spec = _read_spec(source / "machine.json")
        self.key = key
        self.title: str = spec["title"]
        self.password_hint: str | None = spec.get("password")
        self.products = tuple(_product(entry) for entry in spec["products"])
        self._defender: Mapping[str, Any] = spec.get("defender", {})
        self.folder = _working_copy(key, source, work)
        weakref.finalize(self, shutil.rmtree, str(self.folder), ignore_errors=True)
        self.target = Target(
            os="windows",
            live=False,
            root=str(self.folder / DRIVE),
            registry_exports=(str(self.folder / REGISTRY), str(self.folder / REMOVED_KEYS)),
        )
        self._state = _MachineState(installed={p.code for p in self.products})
        self.delay = delay
        self.runner = DemoRunner(self, delay=delay)

    def observe(self, target: Target, notes: Notes) -> Iterator[Observation]:
        """The machine as a scan sees it now; plug into `core.detection.scan.scan(observe=...)`."""
        from core.detection.adapters import windows
        from core.detection.adapters.process_list import read_process_list

        with self._state.lock:  # a scan never sees an uninstaller half-way
            observations = [
                *windows.observe(target, notes),
                *windows.security_center_products(self._read(SECURITY_CENTER), notes),
                *read_process_list(str(self.folder / PROCESSES), notes),
            ]
        yield from observations

    def protection(self) -> Protection:
        """The protection probe: the active Security Center registrations and Defender's own status."""
        from core.detection.adapters.defender import defender_protection

        with self._state.lock:
            registered = json.loads(self._read(SECURITY_CENTER))
            defender = defender_protection(self._read(DEFENDER))
        active = [
            entry["displayName"]
            for entry in registered
            if _protecting(entry) and entry["displayName"] != self._defender.get("security_center")
        ]
        return Protection(active=(*active, *defender.active))

    def guard(self, step: Step, argv: Sequence[str], plan: object) -> str | None:
        """The executor's guard for the demo: the real path policy, minus the signature check
        (there is no file to check on a simulated machine, and nothing really runs)."""
        from core.removal.guard import check_command

        verdict = check_command(argv, os=self.target.os)
        return None if verdict.allowed else verdict.reason

    @property
    def reboot_pending(self) -> bool:
        with self._state.lock:
            return bool(self._state.pending_reboot)

    def restart(self) -> None:
        """Simulate restarting the PC: drivers that waited for it unload, and their keys go."""
        with self._state.lock:
            waiting = [p for p in self.products if p.code in self._state.pending_reboot]
            self._delete_keys([key for p in waiting for key in p.until_restart])
            self._state.pending_reboot.clear()

    def product_for(self, argv: Sequence[str]) -> DemoProduct | None:
        """Which product's uninstaller this command is: `msiexec /x {CODE}` or its own uninstall.exe."""
        if not argv:
            return None
        program = argv[0].strip('"').replace("/", "\\").rsplit("\\", 1)[-1].casefold()
        if program in ("msiexec", "msiexec.exe"):
            args = [a.casefold() for a in argv[1:]]
            codes = [a[2:] if len(a) > 2 else "" for a in args if a.startswith("/x")]
            if "/x" in args:
                codes.append(args[args.index("/x") + 1] if args.index("/x") + 1 < len(args) else "")
            return next((p for p in self.products if p.code.casefold() in codes), None)
        return next(
            (
                p
                for p in self.products
                if p.uninstaller and p.uninstaller.casefold() == argv[0].strip('"').casefold()
            ),
            None,
        )

    def uninstall(self, product: DemoProduct, argv: Sequence[str]) -> RunResult:
        with self._state.lock:
            if product.code not in self._state.installed:
                return RunResult(exit_code=MSI_NOT_INSTALLED, output_tail="This product is not installed.")
            if product.secret_property and not _password_given(
                product.secret_property, argv, self.password_hint
            ):
                return RunResult(
                    exit_code=MSI_FAILED, output_tail="The uninstall password is missing or not valid."
                )
            self._state.installed.discard(product.code)
            self._remove(product)
            if not any(p.antivirus and p.code in self._state.installed for p in self.products):
                self._defender_takes_over()
            if product.until_restart:
                self._state.pending_reboot.add(product.code)
                return RunResult(
                    exit_code=MSI_REBOOT_NEEDED, output_tail="Restart required to finish removal."
                )
        return RunResult(exit_code=MSI_OK, output_tail="Removal completed successfully.")

    # --- changing the copy, as the uninstaller changes the machine -----------------------------

    def _remove(self, product: DemoProduct) -> None:
        self._delete_keys(product.registry)
        for folder in product.folders:
            self._delete_folder(self._on_drive(folder))
        self._end_processes(set(product.processes))
        if product.security_center:
            self._write_json(
                SECURITY_CENTER,
                [
                    e
                    for e in json.loads(self._read(SECURITY_CENTER))
                    if e["displayName"] != product.security_center
                ],
            )

    def _delete_keys(self, keys: Sequence[str]) -> None:
        """Append `[-KEY]` blocks to the copy's deletion export: `reg import` semantics, read in order."""
        path = self.folder / REMOVED_KEYS
        text = _registry_text(path) + "".join(f"[-{key}]\r\n\r\n" for key in keys)
        _write_atomic(path, b"\xff\xfe" + text.encode("utf-16-le"))

    def _end_processes(self, names: set[str]) -> None:
        rows = list(csv.DictReader(io.StringIO(self._read(PROCESSES))))
        self._write_processes([r for r in rows if r["Name"] not in names])

    def _defender_takes_over(self) -> None:
        """Windows turns Defender on once no other antivirus is registered."""
        name = self._defender.get("security_center")
        entries = json.loads(self._read(SECURITY_CENTER))
        for entry in entries:
            if entry["displayName"] == name:
                entry["productState"] = (int(entry["productState"]) & ~_PROTECTION_BITS) | _PROTECTION_ON
        self._write_json(SECURITY_CENTER, entries)
        self._write_json(
            DEFENDER, {"AMRunningMode": "Normal", "AntivirusEnabled": True, "RealTimeProtectionEnabled": True}
        )
        process = self._defender.get("process")
        rows = list(csv.DictReader(io.StringIO(self._read(PROCESSES))))
        if process and not any(r["Name"] == process[0] for r in rows):
            rows.append({"Name": process[0], "ProcessId": str(process[1]), "ExecutablePath": process[2]})
            self._write_processes(rows)

    def _delete_folder(self, path: Path) -> None:
        """The folder, and the vendor folders above it it leaves empty (Windows Installer removes the
        folders it created once they are empty), never a top folder such as Program Files."""
        shutil.rmtree(path, ignore_errors=True)
        drive = self.folder / DRIVE
        parent = path.parent
        while parent.parent != drive and parent.is_relative_to(drive) and not any(parent.iterdir()):
            parent.rmdir()
            parent = parent.parent

    def _on_drive(self, windows_path: str) -> Path:
        return _on_drive(self.folder / DRIVE, windows_path)

    def _read(self, name: str) -> str:
        return (self.folder / name).read_text(encoding="utf-8-sig")

    def _write_json(self, name: str, document: object) -> None:
        _write_atomic(self.folder / name, (json.dumps(document, indent=2) + "\n").encode("utf-8"))

    def _write_processes(self, rows: list[dict[str, str]]) -> None:
        out = io.StringIO()
        writer = csv.DictWriter(
            out, ["Name", "ProcessId", "ExecutablePath"], quoting=csv.QUOTE_ALL, lineterminator="\r\n"
        )
        writer.writeheader()
        writer.writerows(rows)
        _write_atomic(self.folder / PROCESSES, out.getvalue().encode("utf-8-sig"))


def _password_given(prop: str, argv: Sequence[str], password: str | None) -> bool:
    if password is None:
        return False
    expected = password
    if prop == AGENT_PASSWORD_PROPERTY:  # the Network Agent takes the hex of the UTF-16LE password
        expected = password.encode("utf-16-le").hex()
    given = next((a.split("=", 1)[1] for a in argv if a.upper().startswith(prop + "=")), None)
    return given is not None and given.strip('"').upper() == expected.upper()


def _protecting(entry: Mapping[str, Any]) -> bool:
    state = entry.get("productState")
    return isinstance(state, int) and state & _PROTECTION_BITS == _PROTECTION_ON


# --- reading machine.json and making the working copy ------------------------------------------


def _read_spec(path: Path) -> dict[str, Any]:
    spec = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(spec, dict) or spec.get("schema") != DEMO_SCHEMA:
        raise ValueError(f"{path}: not a {DEMO_SCHEMA} document")
    if spec.get("os") != "windows":
        raise ValueError(f"{path}: only Windows demo machines are simulated so far")
    return spec


def _product(entry: Mapping[str, Any]) -> DemoProduct:
    uninstall = entry["uninstall"]
    program = uninstall.get("program")
    return DemoProduct(
        name=entry["name"],
        code=uninstall.get("product_code") or entry["registry"][0].rsplit("\\", 1)[-1],
        registry=tuple(entry["registry"]),
        until_restart=tuple(entry.get("until_restart", ())),
        processes=tuple(entry.get("processes", ())),
        folders=tuple(entry.get("folders", ())),
        uninstaller=program,
        secret_property=entry.get("password_property"),
        antivirus=bool(entry.get("antivirus", False)),
        security_center=entry.get("security_center"),
    )


def _working_copy(key: str, source: Path, work: Path | None) -> Path:
    """A fresh copy of the machine's data, its folders made real under `drive/`."""
    from core import paths

    parent = work or paths.data_dir() / "demo" / "machines"
    parent.mkdir(parents=True, exist_ok=True)
    for stale in parent.iterdir():  # left by a demo that was killed (a week is far longer than one runs)
        if stale.is_dir() and time.time() - stale.stat().st_mtime > STALE_AFTER_S:
            shutil.rmtree(stale, ignore_errors=True)
    folder = Path(tempfile.mkdtemp(prefix=f"{key}-", dir=parent))
    for name in (REGISTRY, PROCESSES, SECURITY_CENTER, DEFENDER, FOLDERS):
        shutil.copyfile(source / name, folder / name)
    _write_atomic(
        folder / REMOVED_KEYS,
        b"\xff\xfe" + "Windows Registry Editor Version 5.00\r\n\r\n".encode("utf-16-le"),
    )
    for line in (source / FOLDERS).read_text(encoding="utf-8-sig").splitlines():
        if line.strip():
            _on_drive(folder / DRIVE, line.strip()).mkdir(parents=True, exist_ok=True)
    return folder


def _on_drive(drive: Path, windows_path: str) -> Path:
    """Where `C:\\Program Files\\X` lies in the copy; a path that would leave the drive is refused."""
    parts = [p for p in windows_path.split("\\")[1:] if p]  # drop the drive letter
    if any(p in (".", "..") or "/" in p for p in parts):
        raise ValueError(f"demo data: {windows_path!r} is not a plain Windows path")
    return drive.joinpath(*parts)


def _registry_text(path: Path) -> str:
    return path.read_bytes()[2:].decode("utf-16-le")


def _write_atomic(path: Path, data: bytes) -> None:
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)


def demo_folders() -> dict[str, Path]:
    """Every demo machine shipped in resources/demo/, by folder name."""
    root = resources.files("resources.demo")
    return {
        entry.name: Path(str(entry))
        for entry in sorted(root.iterdir(), key=lambda e: e.name)
        if entry.is_dir() and entry.joinpath("machine.json").is_file()
    }


def demo_machines(delay: float = 0.0) -> dict[str, DemoMachine]:
    """Fresh simulated machines; `delay` is how long each simulated uninstaller takes, in seconds."""
    return {key: DemoMachine(key, folder, delay=delay) for key, folder in demo_folders().items()}
