"""Registry exports written as `reg export` writes them: UTF-16LE with a BOM, "Version 5.00", CRLF.

`core/detection/adapters/registry_export.py` reads what this writes (a test round-trips every value type).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import BinaryIO

from core.detection.adapters.registry import Values
from core.detection.adapters.registry_export import (
    HEADER_V5,
    REG_DWORD,
    REG_EXPAND_SZ,
    REG_MULTI_SZ,
    REG_QWORD,
    REG_SZ,
    RegValue,
)

_HEX_PER_LINE = 25  # regedit wraps hex data at about 80 columns


def write_export(out: BinaryIO, blocks: Iterable[tuple[str, Values]]) -> None:
    """Write `[KEY]` blocks with their values, in the order given."""
    out.write(b"\xff\xfe")
    out.write(f"{HEADER_V5}\r\n\r\n".encode("utf-16-le"))
    for path, values in blocks:
        lines = [f"[{path}]"]
        lines += [f"{_name(name)}={_data(values[name])}" for name in values]
        out.write(("\r\n".join(lines) + "\r\n\r\n").encode("utf-16-le"))


def _name(name: str) -> str:
    return "@" if name == "" else _quoted(name)


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _data(value: RegValue) -> str:
    data = value.data
    if value.type == REG_SZ and isinstance(data, str) and data.isprintable():
        return _quoted(data)
    if value.type == REG_DWORD and isinstance(data, int) and 0 <= data <= 0xFFFFFFFF:
        return f"dword:{data:08x}"
    return f"hex({value.type:x}):" + _hex(_bytes(value))


def _bytes(value: RegValue) -> bytes:
    data = value.data
    if isinstance(data, bytes):
        return data
    if isinstance(data, tuple):
        return "".join(f"{item}\0" for item in data).encode("utf-16-le") + b"\0\0"
    if isinstance(data, int):
        size = 8 if value.type == REG_QWORD or data > 0xFFFFFFFF else 4
        return (data & ((1 << (8 * size)) - 1)).to_bytes(size, "little")
    if value.type in (REG_SZ, REG_EXPAND_SZ, REG_MULTI_SZ) or isinstance(data, str):
        return (data + "\0").encode("utf-16-le")
    return b""


def _hex(data: bytes) -> str:
    pairs = [f"{b:02x}" for b in data]
    rows = [",".join(pairs[i : i + _HEX_PER_LINE]) for i in range(0, len(pairs), _HEX_PER_LINE)]
    return ",\\\r\n  ".join(rows)
