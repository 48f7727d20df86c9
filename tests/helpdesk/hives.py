"""Real registry hive files for the tests, built with Debian's hivex tools.

hivex edits hives but cannot make one from nothing, so `blank_hive` writes the smallest valid
REGF file (a base block and one bin holding the root key and its security cell, laid out as the
REGF format documentation describes); `hivexregedit --merge` then fills it from a .reg file.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
from pathlib import Path

HIVEXREGEDIT = shutil.which("hivexregedit")

_BIN_SIZE = 4096
_NK_OFFSET = 0x20  # offsets are relative to the first bin; cells follow each other with no gap
_NK_CELL = 88  # the root key record (76 bytes), its 4-letter name and the cell's size, 8-aligned
_SK_OFFSET = _NK_OFFSET + _NK_CELL


def blank_hive(path: Path) -> None:
    """A hive holding one empty root key (and the security descriptor every key needs)."""
    root = b"ROOT"
    nk = (
        struct.pack(
            "<2sHQIIIIIIIIIIIIIIIIHH",
            b"nk",
            0x2C,  # KEY_HIVE_ENTRY | KEY_NO_DELETE | KEY_COMP_NAME
            0,  # last written
            0,  # access bits
            0xFFFFFFFF,  # parent
            0,
            0,  # subkeys, volatile subkeys
            0xFFFFFFFF,
            0xFFFFFFFF,  # subkey lists
            0,
            0xFFFFFFFF,  # values
            _SK_OFFSET,
            0xFFFFFFFF,  # class name
            0,
            0,
            0,
            0,
            0,  # largest name/class/value sizes
            0,  # work var
            len(root),
            0,
        )
        + root
    )
    descriptor = struct.pack("<BBHIIII", 1, 0, 0x8004, 0, 0, 0, 0)  # self-relative, no DACL: nothing denied
    sk = struct.pack("<2sHIIII", b"sk", 0, _SK_OFFSET, _SK_OFFSET, 1, len(descriptor)) + descriptor
    data = bytearray(_BIN_SIZE)
    data[0:32] = struct.pack("<4sIIIII", b"hbin", 0, _BIN_SIZE, 0, 0, 0) + bytes(8)
    assert _cell(data, _NK_OFFSET, nk) == _NK_CELL
    free = _SK_OFFSET + _cell(data, _SK_OFFSET, sk)
    struct.pack_into("<i", data, free, _BIN_SIZE - free)  # the rest of the bin is one free cell
    base = bytearray(4096)
    struct.pack_into("<4sIIQIIIIIII", base, 0, b"regf", 1, 1, 0, 1, 3, 0, 1, _NK_OFFSET, _BIN_SIZE, 1)
    checksum = 0
    for (word,) in struct.iter_unpack("<I", bytes(base[:508])):
        checksum ^= word
    struct.pack_into("<I", base, 508, checksum)
    path.write_bytes(bytes(base) + bytes(data))


def _cell(data: bytearray, offset: int, record: bytes) -> int:
    size = (len(record) + 4 + 7) // 8 * 8
    struct.pack_into("<i", data, offset, -size)  # negative: the cell is in use
    data[offset + 4 : offset + 4 + len(record)] = record
    return size


def build_hive(path: Path, reg_text: str, prefix: str) -> None:
    """A hive at `path` holding the keys of a .reg text whose key paths start with `prefix`.

    hivexregedit needs each key's parent to exist first; `reg export` writes them, hand-written
    texts often do not, so missing parents are added.
    """
    assert HIVEXREGEDIT is not None
    blank_hive(path)
    source = path.with_suffix(".reg")
    source.write_text(_with_parents(reg_text, prefix), encoding="utf-8")
    subprocess.run([HIVEXREGEDIT, "--merge", "--prefix", prefix, str(path), str(source)], check=True)


def _with_parents(text: str, prefix: str) -> str:
    seen: set[str] = set()
    lines: list[str] = []
    for line in text.lstrip("\ufeff").splitlines():
        if line.startswith("[") and line.endswith("]"):
            key = line[1:-1]
            parts = key[len(prefix) :].strip("\\").split("\\")
            for depth in range(1, len(parts)):
                parent = prefix + "\\" + "\\".join(parts[:depth])
                if parent.casefold() not in seen:
                    seen.add(parent.casefold())
                    lines += [f"[{parent}]", ""]
            seen.add(key.casefold())
        lines.append(_ascii_only(line))
    return "\n".join(lines) + "\n"


_QUOTED_VALUE = re.compile(r'^("(?:[^"\\]|\\.)*"=)"((?:[^"\\]|\\.)*)"$')


def _ascii_only(line: str) -> str:
    """A text value with non-ASCII letters as hex(1) UTF-16LE: hivexregedit reads quoted text as bytes."""
    found = _QUOTED_VALUE.match(line)
    if found is None or found.group(2).isascii():
        return line
    text = re.sub(r"\\(.)", r"\1", found.group(2))
    data = (text + "\0").encode("utf-16-le")
    return found.group(1) + "hex(1):" + ",".join(f"{b:02x}" for b in data)
