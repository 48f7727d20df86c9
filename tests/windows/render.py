"""Write registry exports the way regedit does, for property tests and the offline-scan benchmark."""

from __future__ import annotations

from collections.abc import Iterable

from core.detection.adapters.registry_export import HEADER_V4, HEADER_V5, REG_DWORD, REG_SZ, RegValue

Key = tuple[str, Iterable[tuple[str, RegValue]]]


def render_export(keys: Iterable[Key], *, unicode: bool = True) -> bytes:
    """Version 5 (UTF-16LE with BOM) when `unicode`, else REGEDIT4 encoded as UTF-8."""
    lines = [HEADER_V5 if unicode else HEADER_V4, ""]
    for path, values in keys:
        lines.append(f"[{path}]")
        lines += [f"{_name(name)}={_data(value, unicode)}" for name, value in values]
        lines.append("")
    text = "\r\n".join(lines) + "\r\n"
    return b"\xff\xfe" + text.encode("utf-16-le") if unicode else text.encode("utf-8")


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _name(name: str) -> str:
    return "@" if name == "" else _quote(name)


def _data(value: RegValue, unicode: bool) -> str:
    data = value.data
    if value.type == REG_SZ and isinstance(data, str):
        return _quote(data)
    if value.type == REG_DWORD and isinstance(data, int):
        return f"dword:{data:08x}"
    codec = "utf-16-le" if unicode else "cp1252"
    if isinstance(data, str):
        raw = (data + "\0").encode(codec)
    elif isinstance(data, tuple):
        raw = "".join(item + "\0" for item in data).encode(codec) + "\0".encode(codec)
    elif isinstance(data, int):
        raw = data.to_bytes(8 if value.type == 11 else 4, "little")
    else:
        raw = data
    prefix = "hex:" if value.type == 3 else f"hex({value.type:x}):"
    pairs = [f"{byte:02x}" for byte in raw]
    # regedit wraps hex data at about 80 columns, continuing with a backslash and two spaces.
    chunks = [",".join(pairs[i : i + 25]) for i in range(0, len(pairs), 25)]
    return prefix + ",\\\r\n  ".join(chunks)
