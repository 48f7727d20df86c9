"""`switchover collect`: everything the scanner reads from a Windows PC, in one folder or zip.

Every read goes through a `RegistryView` (the live registry on the customer's PC, exports or
hive files in tests), so the same code collects on Windows and is tested anywhere. What is read
is data (`resources/collect/keys.json`); the standalone `Collect-Switchover.ps1` reads the same
list and writes the same bundle (`switchover.bundle/1`, docs/help-desk.md).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from core.detection.adapters.registry import RegistryView, Values
from core.detection.adapters.registry_writer import write_export
from core.detection.adapters.windows import machine_identity

BUNDLE_SCHEMA = "switchover.bundle/1"
MANIFEST = "manifest.json"
_ROOTS = {"HKLM": "HKEY_LOCAL_MACHINE", "HKU": "HKEY_USERS", "HKCU": "HKEY_CURRENT_USER"}
_SID = re.compile(r"S-1-[0-9-]+")
MAX_DEPTH = 32  # the keys collected are a few levels deep; a loop or a hostile tree stops here


@dataclass(frozen=True)
class KeyList:
    machine: tuple[str, ...]
    machine_values_only: tuple[str, ...]
    user: tuple[str, ...]


def key_list() -> KeyList:
    """The keys to collect, full root names spelled out."""
    data = json.loads(resources.files("resources.collect").joinpath("keys.json").read_text("utf-8"))
    return KeyList(
        machine=tuple(_full(k) for k in data["machine"]),
        machine_values_only=tuple(_full(k) for k in data["machine_values_only"]),
        user=tuple(data["user"]),
    )


def _full(path: str) -> str:
    root, _, rest = path.partition("\\")
    return f"{_ROOTS.get(root, root)}\\{rest}"


@dataclass
class Collected:
    """One file of the bundle: which keys it holds and which were not there."""

    path: str  # inside the bundle, with forward slashes
    keys: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    sha256: str = ""


def collect(
    registry: RegistryView,
    destination: str,
    *,
    elevated: bool,
    collector: str,
    current_user: bool = False,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> dict[str, Any]:
    """Write the bundle (a folder, or a zip when `destination` ends in .zip); return its manifest.

    Users' keys come from each loaded hive under HKEY_USERS. `current_user` adds HKEY_CURRENT_USER
    too: right for exports a technician made as the user, wrong live, where an elevated prompt's
    HKCU is the administrator's own hive.
    """
    keys = key_list()
    files: dict[str, bytes] = {}
    entries: list[Collected] = []
    machine = Collected("registry/machine.reg")
    files[machine.path] = _export(registry, _machine_blocks(registry, keys, machine))
    entries.append(machine)
    users = []
    hives = [(sid, f"HKEY_USERS\\{sid}") for sid in registry.subkeys("HKEY_USERS") if _SID.fullmatch(sid)]
    if current_user:  # S-1-5-21-…_Classes and .DEFAULT (above) are not a person's hive
        hives.append(("current", "HKEY_CURRENT_USER"))
    for sid, hive in hives:
        user = Collected(f"registry/user-{sid}.reg")
        paths = [f"{hive}\\{relative}" for relative in keys.user]
        files[user.path] = _export(registry, _tree_blocks(registry, paths, user))
        if user.keys:
            entries.append(user)
            users.append({"sid": sid, "file": user.path})
    files = {name: data for name, data in files.items() if name in {e.path for e in entries}}
    for entry in entries:
        entry.sha256 = hashlib.sha256(files[entry.path]).hexdigest()
    identity = machine_identity(registry)
    manifest: dict[str, Any] = {
        "schema": BUNDLE_SCHEMA,
        "collected_at": now().isoformat(timespec="seconds").replace("+00:00", "Z"),
        "collector": collector,
        "machine": {
            "os": "windows",
            "hostname": identity.get("hostname"),
            "os_version": identity.get("os_version"),
            "elevated": elevated,
        },
        "users": users,
        "files": [
            {"path": e.path, "sha256": e.sha256, "keys": e.keys, "missing": e.missing} for e in entries
        ],
    }
    files[MANIFEST] = (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    _write(destination, files)
    return manifest


def _machine_blocks(registry: RegistryView, keys: KeyList, record: Collected) -> Iterator[tuple[str, Values]]:
    yield from _tree_blocks(registry, list(keys.machine), record)
    for path in keys.machine_values_only:
        values = registry.values(path)
        if values:
            record.keys.append(registry.spell(path))
            yield path, values
        else:
            record.missing.append(path)


def _tree_blocks(registry: RegistryView, paths: list[str], record: Collected) -> Iterator[tuple[str, Values]]:
    for path in paths:
        parent, _, name = path.rpartition("\\")
        present = any(n.casefold() == name.casefold() for n in registry.subkeys(parent))
        if not present:
            record.missing.append(path)
            continue
        record.keys.append(registry.spell(path))
        yield from _walk(registry, path, 0)


def _walk(registry: RegistryView, path: str, depth: int) -> Iterator[tuple[str, Values]]:
    yield registry.spell(path), registry.values(path)
    if depth < MAX_DEPTH:
        for child in registry.subkeys(path):
            yield from _walk(registry, f"{path}\\{child}", depth + 1)


def _export(registry: RegistryView, blocks: Iterator[tuple[str, Values]]) -> bytes:
    out = io.BytesIO()
    write_export(out, blocks)
    return out.getvalue()


def _write(destination: str, files: dict[str, bytes]) -> None:
    """All files, or none: the bundle is written beside its name first, then moved into place."""
    target = Path(destination)
    partial = target.with_name(target.name + ".partial")
    target.parent.mkdir(parents=True, exist_ok=True)
    if destination.lower().endswith(".zip"):
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for name, data in files.items():
                archive.writestr(name, data)
        os.replace(partial, target)
        return
    if target.exists() and any(target.iterdir()):
        raise FileExistsError(f"{destination} is not empty")
    for name, data in files.items():
        path = partial / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    if target.exists():
        target.rmdir()
    os.replace(partial, target)
