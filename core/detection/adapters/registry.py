"""A read-only view of a Windows registry: parsed exports merged, or the live one through `winreg`.

Paths are full key paths with the root spelled out (`HKEY_LOCAL_MACHINE\\SOFTWARE\\...`).
Lookups ignore case, as Windows does; `spell` gives a key's path the way its source
spells it, which is what scan reports show. The 32-bit view is addressed through
its `Wow6432Node` path in both implementations, so callers never branch on the source.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from core.detection.adapters.registry_export import KeyBlock, RegValue


class Values(Mapping[str, RegValue]):
    """A key's values by name, looked up case-insensitively; iteration keeps the source's spelling."""

    def __init__(self, items: Iterable[tuple[str, RegValue]] = ()) -> None:
        self._items: dict[str, tuple[str, RegValue]] = {}
        for name, value in items:
            self.set(name, value)

    def __getitem__(self, name: str) -> RegValue:
        return self._items[name.casefold()][1]

    def __iter__(self) -> Iterator[str]:
        return (name for name, _ in self._items.values())

    def __len__(self) -> int:
        return len(self._items)

    def text(self, name: str) -> str | None:
        """The value as text (numbers in decimal, multi-strings one per line), or None when absent."""
        found = self._items.get(name.casefold())
        return found[1].text if found else None

    def set(self, name: str, value: RegValue) -> None:
        self._items[name.casefold()] = (name, value)

    def delete(self, name: str) -> None:
        self._items.pop(name.casefold(), None)


class RegistryView(Protocol):
    def subkeys(self, path: str) -> list[str]:
        """Names of the key's direct subkeys (empty when the key does not exist)."""
        ...

    def values(self, path: str) -> Values:
        """The key's values (empty when the key does not exist)."""
        ...

    def spell(self, path: str) -> str:
        """The key's path as the source spells it."""
        ...


@dataclass
class _Key:
    path: str
    values: Values = field(default_factory=Values)
    children: dict[str, str] = field(default_factory=dict)  # casefolded name -> name as spelled


class ExportView:
    """Registry exports applied in order, as `reg import` would: later files win, deletions remove."""

    def __init__(self, exports: Iterable[Iterable[KeyBlock]] = ()) -> None:
        self._keys: dict[str, _Key] = {}
        for blocks in exports:
            for block in blocks:
                self.apply(block)

    def apply(self, block: KeyBlock) -> None:
        if block.deleted:
            self._delete(block.path)
            return
        key = self._ensure(block.path)
        for name, value in block.values:
            if value is None:
                key.values.delete(name)
            else:
                key.values.set(name, value)

    def subkeys(self, path: str) -> list[str]:
        key = self._keys.get(path.casefold())
        return list(key.children.values()) if key else []

    def has(self, path: str) -> bool:
        """Did the exports hold this key (or anything under it)?"""
        return path.casefold() in self._keys

    def values(self, path: str) -> Values:
        key = self._keys.get(path.casefold())
        return key.values if key else Values()

    def spell(self, path: str) -> str:
        key = self._keys.get(path.casefold())
        return key.path if key else path

    def _ensure(self, path: str) -> _Key:
        folded = path.casefold()
        key = self._keys.get(folded)
        if key is not None:
            return key
        key = self._keys[folded] = _Key(path)
        parent, _, name = path.rpartition("\\")
        if parent:
            self._ensure(parent).children.setdefault(name.casefold(), name)
        return key

    def _delete(self, path: str) -> None:
        key = self._keys.pop(path.casefold(), None)
        if key is None:
            return
        for child in list(key.children.values()):
            self._delete(f"{key.path}\\{child}")
        parent, _, name = path.rpartition("\\")
        owner = self._keys.get(parent.casefold())
        if owner is not None:
            owner.children.pop(name.casefold(), None)


class LiveView:
    """The registry of the machine this runs on (Windows only; `winreg` is imported on first use).

    Keys open with KEY_WOW64_64KEY so that a 32-bit Python still sees the 64-bit view,
    and the 32-bit view through its `Wow6432Node` path, as exports show it.
    """

    _ROOTS = ("HKEY_LOCAL_MACHINE", "HKEY_CURRENT_USER", "HKEY_USERS")

    def subkeys(self, path: str) -> list[str]:
        if sys.platform != "win32":
            return []
        import winreg

        names: list[str] = []
        try:
            with self._open(path) as key:
                count = winreg.QueryInfoKey(key)[0]
                names = [winreg.EnumKey(key, i) for i in range(count)]
        except OSError:
            pass  # missing or unreadable keys read as empty, as in an export that lacks them
        return names

    def values(self, path: str) -> Values:
        found = Values()
        if sys.platform != "win32":
            return found
        import winreg

        try:
            with self._open(path) as key:
                for i in range(winreg.QueryInfoKey(key)[1]):
                    name, data, kind = winreg.EnumValue(key, i)
                    found.set(name, RegValue.from_live(kind, data))
        except OSError:
            pass
        return found

    def spell(self, path: str) -> str:
        return path

    def _open(self, path: str) -> Any:  # winreg.HKEYType exists only in Windows' typeshed
        if sys.platform != "win32":
            raise OSError("the live registry exists only on Windows")
        import winreg

        root, _, rest = path.partition("\\")
        if root.upper() not in self._ROOTS:
            raise OSError(f"unsupported root {root}")
        return winreg.OpenKey(
            getattr(winreg, root.upper()), rest, 0, winreg.KEY_READ | winreg.KEY_WOW64_64KEY
        )
