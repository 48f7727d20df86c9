"""Reading a bundle from `switchover collect` or Collect-Switchover.ps1 (a folder or a zip) as one input.

The manifest (`switchover.bundle/1`) names the machine and lists the export files in the order
they apply; each file's SHA-256 is checked, so a cut-off copy or an edited file is refused with a
clear message instead of scanning half a machine. Names in the manifest must stay inside the
bundle; a zip is unpacked (bounded) into a private temporary folder removed at exit.
"""

from __future__ import annotations

import atexit
import hashlib
import json
import os
import re
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from typing import Any

from core.helpdesk.collect import BUNDLE_SCHEMA, MANIFEST
from core.model import InputError

MAX_MANIFEST_BYTES = 1 << 20
MAX_BUNDLE_BYTES = 2 << 30  # a whole-machine export is a few hundred MB
_MEMBER = re.compile(r"registry/[A-Za-z0-9._-]{1,120}\.reg")


@dataclass(frozen=True)
class Bundle:
    source: str  # the folder or zip as given
    exports: tuple[str, ...]  # export files on this machine, in the order they apply
    hostname: str | None
    os_version: str | None
    collected_at: str | None
    manifest: dict[str, Any]


def is_bundle(path: str) -> bool:
    """A folder holding a manifest.json, or a zip file holding one."""
    if os.path.isdir(path):
        return os.path.isfile(os.path.join(path, MANIFEST))
    if os.path.isfile(path) and zipfile.is_zipfile(path):
        try:
            with zipfile.ZipFile(path) as archive:
                return MANIFEST in archive.namelist()
        except (OSError, zipfile.BadZipFile):
            return False
    return False


def open_bundle(path: str) -> Bundle:
    """The bundle at `path`, checked; InputError when it is not one or is damaged."""
    folder = _unpacked(path) if os.path.isfile(path) else path
    manifest = _manifest(folder, path)
    exports = []
    for entry in manifest["files"]:
        name = entry.get("path") if isinstance(entry, dict) else None
        if not isinstance(name, str) or not _MEMBER.fullmatch(name):
            raise InputError(f"{path}: the manifest names a file outside the bundle ({name!r})")
        file = os.path.join(folder, *name.split("/"))
        try:
            with open(file, "rb") as handle:
                digest = hashlib.file_digest(handle, "sha256").hexdigest()
        except OSError:
            raise InputError(f"{path}: {name} is missing from the bundle") from None
        if digest != str(entry.get("sha256", "")).lower():
            raise InputError(f"{path}: {name} was changed or cut off after it was collected")
        exports.append(file)
    found = manifest.get("machine")
    machine: dict[str, Any] = found if isinstance(found, dict) else {}
    return Bundle(
        source=path,
        exports=tuple(exports),
        hostname=_text(machine.get("hostname")),
        os_version=_text(machine.get("os_version")),
        collected_at=_text(manifest.get("collected_at")),
        manifest=manifest,
    )


def _manifest(folder: str, source: str) -> dict[str, Any]:
    try:
        with open(os.path.join(folder, MANIFEST), "rb") as handle:
            data = handle.read(MAX_MANIFEST_BYTES + 1)
    except OSError:
        raise InputError(f"{source}: not a collected bundle (no {MANIFEST})") from None
    try:
        manifest = json.loads(data.decode("utf-8-sig"))
    except ValueError:
        raise InputError(f"{source}: {MANIFEST} is damaged") from None
    if not isinstance(manifest, dict) or manifest.get("schema") != BUNDLE_SCHEMA:
        raise InputError(f"{source}: {MANIFEST} is not a {BUNDLE_SCHEMA} manifest")
    if not isinstance(manifest.get("files"), list):
        raise InputError(f"{source}: {MANIFEST} lists no files")
    return manifest


def _unpacked(path: str) -> str:
    """The zip's manifest and exports, unpacked into a private folder (removed when the process ends)."""
    folder = tempfile.mkdtemp(prefix="switchover-bundle-")
    atexit.register(shutil.rmtree, folder, True)
    try:
        with zipfile.ZipFile(path) as archive:
            total = 0
            for info in archive.infolist():
                name = info.filename.replace("\\", "/")  # .NET Framework before 4.6.1 zips with "\"
                if name != MANIFEST and not _MEMBER.fullmatch(name):
                    continue  # anything else is not ours to unpack (and never a path outside)
                total += info.file_size
                if total > MAX_BUNDLE_BYTES:
                    raise InputError(f"{path}: too large for a collected bundle")
                target = os.path.join(folder, *name.split("/"))
                os.makedirs(os.path.dirname(target), exist_ok=True)
                with archive.open(info) as source, open(target, "wb") as out:
                    shutil.copyfileobj(source, out)
    except (OSError, zipfile.BadZipFile, EOFError) as error:
        raise InputError(f"{path}: the zip cannot be read ({error})") from None
    return folder


def _text(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
