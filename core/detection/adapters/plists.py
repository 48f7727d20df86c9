"""Property lists (binary or XML) read from a scanned machine, with damage noted instead of raised."""

from __future__ import annotations

import plistlib
from typing import Any

from core.detection.adapters.rootfs import RootFS

MAX_PLIST_BYTES = 8 * 1024 * 1024


def read_plist(fs: RootFS, path: str) -> dict[str, Any] | None:
    """The top-level dictionary of a property list, or None (absent, or damaged: noted)."""
    data = fs.read_bytes(path, MAX_PLIST_BYTES)
    if data is None:
        return None
    try:
        value = plistlib.loads(data)
    # plistlib raises many kinds of error on hostile input (ExpatError, ValueError, OverflowError,
    # RecursionError…); any of them means the same thing here: this file cannot be used.
    except Exception as error:
        fs.notes.skip(path, f"skipped: not a readable property list ({type(error).__name__})")
        return None
    if not isinstance(value, dict):
        fs.notes.skip(path, "skipped: the property list is not a dictionary")
        return None
    return value


def text(plist: dict[str, Any], key: str) -> str | None:
    """A string value, or None when the key is missing or holds something else."""
    value = plist.get(key)
    return value.strip() if isinstance(value, str) and value.strip() else None
