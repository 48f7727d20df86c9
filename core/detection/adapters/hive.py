"""Registry hive files on a mounted Windows disk, read with regipy, behind the `RegistryView` interface.

An offline Windows volume keeps the machine's registry in `Windows\\System32\\config\\SOFTWARE` and
`SYSTEM` and each user's in `Users\\<name>\\NTUSER.DAT`. They are mounted where a running Windows
shows them: `HKEY_LOCAL_MACHINE\\SOFTWARE`, `HKEY_LOCAL_MACHINE\\SYSTEM` and `HKEY_USERS\\<SID>`, the
SID taken from the machine's ProfileList (the folder name when the list does not name it). The
SYSTEM hive has `ControlSet00N` keys and `Select`, no `CurrentControlSet`: `services_key` already
reads that layout from whole-hive exports.

regipy is used because it is pure Python (it runs frozen, on every OS, with no C library), is
maintained (releases through 2026) and reads hives Windows left dirty. A damaged hive becomes a note
and reads as empty, as a damaged export does.
"""

from __future__ import annotations

import logging
import os
import stat
from dataclasses import dataclass
from typing import Any

from core.detection.adapters.registry import Values
from core.detection.adapters.registry_export import RegValue
from core.model import Notes

log = logging.getLogger(__name__)

HKLM = "HKEY_LOCAL_MACHINE"
HKU = "HKEY_USERS"
MAX_HIVE_BYTES = 1 << 30  # a SOFTWARE hive is a few hundred MB at most
_TYPES = {
    "REG_NONE": 0,
    "REG_SZ": 1,
    "REG_EXPAND_SZ": 2,
    "REG_BINARY": 3,
    "REG_DWORD": 4,
    "REG_DWORD_LITTLE_ENDIAN": 4,
    "REG_DWORD_BIG_ENDIAN": 5,
    "REG_LINK": 6,
    "REG_MULTI_SZ": 7,
    "REG_QWORD": 11,
    "REG_QWORD_LITTLE_ENDIAN": 11,
}
_PROFILE_LIST = r"Microsoft\Windows NT\CurrentVersion\ProfileList"


@dataclass(frozen=True)
class Mount:
    prefix: str  # e.g. HKEY_LOCAL_MACHINE\SOFTWARE
    file: str  # the hive file on the host
    hive: Any  # regipy.registry.RegistryHive


class HiveView:
    """Hive files mounted at their live paths; read-only, lookups ignore case as Windows does."""

    def __init__(self, notes: Notes) -> None:
        self._notes = notes
        self._mounts: dict[str, Mount] = {}  # casefolded prefix -> mount

    def mount(self, prefix: str, file: str, where: str) -> bool:
        """Mount the hive file at `prefix`; False (and a note naming `where`) when it cannot be read."""
        from regipy.registry import RegistryHive

        try:
            hive = RegistryHive(
                _open_hive(file)
            )  # regipy reads it whole through open(), which takes a descriptor
        except FileNotFoundError:
            return False
        except Exception as error:  # regipy raises construct's errors on damage, of many kinds
            self._notes.skip(where, f"registry hive could not be read ({error})")
            return False
        self._mounts[prefix.casefold()] = Mount(prefix, file, hive)
        return True

    @property
    def mounted(self) -> bool:
        return bool(self._mounts)

    def subkeys(self, path: str) -> list[str]:
        folded = path.casefold()
        above = [m.prefix.rsplit("\\", 1)[1] for key, m in self._mounts.items() if _parent(key) == folded]
        if above:
            return above
        key = self._key(path)
        if key is None:
            return []
        try:
            return [sub.name for sub in key.iter_subkeys()]
        except Exception as error:
            self._damaged(path, error)
            return []

    def values(self, path: str) -> Values:
        found = Values()
        key = self._key(path)
        if key is None:
            return found
        try:
            for value in key.get_values(trim_values=False):
                name = "" if value.name == "(default)" else value.name
                found.set(name, _value(value.value_type, value.value))
        except Exception as error:
            self._damaged(path, error)
        return found

    def spell(self, path: str) -> str:
        return path

    def _key(self, path: str) -> Any:
        from regipy.exceptions import RegistryKeyNotFoundException

        folded = path.casefold()
        for prefix, mount in self._mounts.items():
            if folded == prefix or folded.startswith(prefix + "\\"):
                inside = path[len(prefix) :] or "\\"
                try:
                    return mount.hive.get_key(inside)
                except RegistryKeyNotFoundException:
                    return None
                except Exception as error:
                    self._damaged(path, error)
                    return None
        return None

    def _damaged(self, path: str, error: Exception) -> None:
        log.debug("hive damage at %s: %s", path, error)
        self._notes.skip(path, f"registry key could not be read from the hive ({type(error).__name__})")


def _open_hive(file: str) -> int:
    """A descriptor on the hive file: never a link, a FIFO or a device (read whole, it would never end)."""
    fd = os.open(
        file,
        os.O_RDONLY
        | getattr(os, "O_NOFOLLOW", 0)
        | getattr(os, "O_NONBLOCK", 0)
        | getattr(os, "O_BINARY", 0),
    )
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_HIVE_BYTES:
        os.close(fd)
        raise ValueError(
            "not a regular file" if not stat.S_ISREG(info.st_mode) else f"{info.st_size} bytes is too large"
        )
    return fd


def _parent(folded_path: str) -> str:
    return folded_path.rsplit("\\", 1)[0]


def _value(type_name: str, data: object) -> RegValue:
    kind = _TYPES.get(str(type_name), 3)
    if isinstance(data, bool):
        data = int(data)
    if isinstance(data, (str, int)):
        return RegValue(kind, data)
    if isinstance(data, list):
        return RegValue(kind, tuple(str(item) for item in data if item is not None))
    return RegValue(kind, bytes(data) if isinstance(data, (bytes, bytearray)) else b"")


def profile_sids(view: HiveView) -> dict[str, str]:
    """Profile folder name (casefolded) -> SID, from ProfileList's ProfileImagePath values."""
    base = f"{HKLM}\\SOFTWARE\\{_PROFILE_LIST}"
    sids: dict[str, str] = {}
    for sid in view.subkeys(base):
        image = view.values(f"{base}\\{sid}").text("ProfileImagePath") or ""
        folder = image.replace("/", "\\").rstrip("\\").rsplit("\\", 1)[-1]
        if folder:
            sids.setdefault(folder.casefold(), sid)
    return sids


def child_file(folder: str, name: str) -> str | None:
    """The entry `name` in `folder`, matched without regard to case (a disk mounted from Linux)."""
    exact = os.path.join(folder, name)
    if os.path.lexists(exact):
        return exact
    try:
        with os.scandir(folder) as entries:
            return next((e.path for e in entries if e.name.casefold() == name.casefold()), None)
    except OSError:
        return None
