"""Registry export files (`reg export`, regedit "Export"), read exactly as Windows writes them.

Two formats exist: "Windows Registry Editor Version 5.00" (UTF-16LE with a BOM;
string-like hex values hold UTF-16LE) and the older "REGEDIT4" (ANSI or UTF-8;
string-like hex values hold ANSI text). A file is a sequence of key blocks
(`[KEY]`, or `[-KEY]` to delete it) each followed by values (`"name"=data`, `@=data`
for the default value, `"name"=-` to delete); long hex data continues on the next
line after a trailing backslash.

A file that is not an export at all raises `InputError`; damage inside an export
(a cut-off line, a bad number, a hostile key path) becomes a `Note` and the item is
skipped, so one bad entry never hides the rest of the machine.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from core.model import InputError, Notes

HEADER_V5 = "Windows Registry Editor Version 5.00"
HEADER_V4 = "REGEDIT4"

REG_SZ, REG_EXPAND_SZ, REG_BINARY, REG_DWORD, REG_DWORD_BIG_ENDIAN, REG_LINK, REG_MULTI_SZ = range(1, 8)
REG_QWORD = 11

MAX_FILE_BYTES = 1 << 30  # a full HKLM export is a few hundred MB; beyond this is not an export
MAX_VALUE_BYTES = 1 << 20  # the uninstall and service values we read are short; larger data is junk
MAX_PATH_CHARS = 4096  # Windows caps a key name at 255 characters and depth at 512 levels
MAX_NOTES = 50  # per file: enough to show what is wrong, never a flood

ROOTS = frozenset(
    {
        "HKEY_LOCAL_MACHINE",
        "HKEY_CURRENT_USER",
        "HKEY_USERS",
        "HKEY_CLASSES_ROOT",
        "HKEY_CURRENT_CONFIG",
    }
)
_TEXT_TYPES = frozenset({REG_SZ, REG_EXPAND_SZ, REG_LINK})
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_KEY_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_DWORD = re.compile(r"[0-9A-Fa-f]{1,8}")
_ESCAPES = {"\\": "\\", '"': '"', "n": "\n", "r": "\r", "0": "\0"}


@dataclass(frozen=True)
class RegValue:
    """One registry value: its type number and its data, decoded as far as the type allows."""

    type: int
    data: str | int | tuple[str, ...] | bytes

    @property
    def text(self) -> str:
        data = self.data
        if isinstance(data, str):
            return data
        if isinstance(data, int):
            return str(data)
        if isinstance(data, tuple):
            return "\n".join(data)
        return data.hex()

    @classmethod
    def from_live(cls, kind: int, data: object) -> RegValue:
        """A value as `winreg.EnumValue` returns it."""
        if isinstance(data, (str, int)):
            return cls(kind, data)
        if isinstance(data, list):
            return cls(kind, tuple(str(item) for item in data))
        return cls(kind, bytes(data) if isinstance(data, (bytes, bytearray)) else b"")


@dataclass(frozen=True)
class KeyBlock:
    """A `[KEY]` section: its path as spelt, and its values in file order (None deletes a value)."""

    path: str
    deleted: bool
    values: tuple[tuple[str, RegValue | None], ...]


def read_export(path: str, notes: Notes) -> list[KeyBlock]:
    """Read one export file; InputError when it is missing, unreadable or not an export."""
    try:
        size = os.stat(path).st_size
        if size > MAX_FILE_BYTES:
            raise InputError(f"{path}: {size} bytes is too large for a registry export")
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        raise InputError(f"{path}: cannot read the registry export ({error.strerror or error})") from None
    return parse_export(data, source=path, notes=notes)


def parse_export(data: bytes, *, source: str, notes: Notes) -> list[KeyBlock]:
    """Parse the bytes of an export into key blocks, noting (and skipping) what is damaged."""
    text = _decode(data)
    lines = text.split("\n")
    header = lines[0].strip().lstrip("\ufeff") if lines else ""
    if header == HEADER_V5:
        unicode = True
    elif header == HEADER_V4:
        unicode = False
    else:
        raise InputError(f"{source}: not a registry export (no '{HEADER_V5}' or '{HEADER_V4}' header)")
    return _Parser(lines, source=source, unicode=unicode, notes=notes).blocks()


def _decode(data: bytes) -> str:
    # Undecodable bytes become U+FFFD instead of failing: the header check decides
    # whether this is an export at all, and damaged values are noted later.
    if data.startswith(b"\xff\xfe"):
        return data[2 : len(data) - (len(data) % 2)].decode("utf-16-le", errors="replace")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


class _Skip(ValueError):
    """An item that cannot be used; the message says why."""


class _Parser:
    def __init__(self, lines: list[str], *, source: str, unicode: bool, notes: Notes) -> None:
        self.lines = lines
        self.source = source
        self.unicode = unicode
        self.notes = notes
        self.noted = 0

    def blocks(self) -> list[KeyBlock]:
        blocks: list[KeyBlock] = []
        path: str | None = None  # the open key; None before the first key or under a skipped one
        deleted = False
        values: list[tuple[str, RegValue | None]] = []
        lines, index = self.lines, 1
        while index < len(lines):
            line = lines[index].rstrip("\r")
            index += 1
            stripped = line.strip()
            if not stripped or stripped.startswith(";"):
                continue
            if stripped.startswith("["):
                if path is not None:
                    blocks.append(KeyBlock(path, deleted, tuple(values)))
                values = []
                try:
                    path, deleted = _key_line(stripped)
                except _Skip as why:
                    path = None
                    self.note(f"line {index}", f"key skipped: {why}")
                continue
            start = index
            if _needs_continuation(stripped):
                parts = [stripped[:-1].rstrip()]
                size = len(parts[0])
                while index < len(lines) and size <= 3 * MAX_VALUE_BYTES:
                    more = lines[index].strip()
                    index += 1
                    size += len(more)
                    if more.endswith("\\"):
                        parts.append(more[:-1].rstrip())
                    else:
                        parts.append(more)
                        break
                else:
                    # Too long to be a value we need: skip to the end of its continuation lines.
                    while index < len(lines) and lines[index].rstrip().endswith("\\"):
                        index += 1
                    index += 1 if index < len(lines) else 0
                stripped = "".join(parts)
            if path is None:
                continue  # values of a skipped key, or before any key: the key's note covers them
            try:
                values.append(self._value_line(stripped))
            except _Skip as why:
                self.note(f"{path} (line {start})", f"value skipped: {why}")
        if path is not None:
            blocks.append(KeyBlock(path, deleted, tuple(values)))
        return blocks

    def note(self, where: str, message: str) -> None:
        self.noted += 1
        if self.noted <= MAX_NOTES:
            self.notes.skip(f"{self.source}: {where}", message)
        elif self.noted == MAX_NOTES + 1:
            self.notes.skip(self.source, "more damaged items were skipped without a note each")

    def _value_line(self, line: str) -> tuple[str, RegValue | None]:
        name, rest = _value_name(line)
        if not rest.startswith("="):
            raise _Skip("no '=' after the value name")
        raw = rest[1:].strip()
        if raw == "-":
            return name, None
        return name, self._value_data(raw)

    def _value_data(self, raw: str) -> RegValue:
        if raw.startswith('"'):
            text, after = _quoted(raw)
            if after.strip():
                raise _Skip("text after the closing quote")
            return RegValue(REG_SZ, _checked_text(text))
        lowered = raw[:12].lower()
        if lowered.startswith("dword:"):
            digits = raw[6:].strip()
            if _DWORD.fullmatch(digits) is None:
                raise _Skip("a dword needs 1 to 8 hex digits")
            return RegValue(REG_DWORD, int(digits, 16))
        if lowered.startswith("hex:"):
            return self._typed(REG_BINARY, _hex_bytes(raw[4:]))
        if lowered.startswith("hex("):
            close = raw.find("):")
            if close < 0:
                raise _Skip("hex( without '):'")
            try:
                kind = int(raw[4:close], 16)
            except ValueError:
                raise _Skip("a hex type that is not a number") from None
            if not 0 <= kind <= 0xFFFFFFFF:
                raise _Skip("a hex type out of range")
            return self._typed(kind, _hex_bytes(raw[close + 2 :]))
        raise _Skip("unknown value data")

    def _typed(self, kind: int, data: bytes) -> RegValue:
        if kind in _TEXT_TYPES:
            return RegValue(kind, _checked_text(self._text(data).split("\0", 1)[0]))
        if kind == REG_MULTI_SZ:
            items = self._text(data).split("\0")
            while items and not items[-1]:
                items.pop()
            return RegValue(kind, tuple(_checked_text(item) for item in items))
        if kind in (REG_DWORD, REG_DWORD_BIG_ENDIAN) and len(data) == 4:
            return RegValue(kind, int.from_bytes(data, "little" if kind == REG_DWORD else "big"))
        if kind == REG_QWORD and len(data) == 8:
            return RegValue(kind, int.from_bytes(data, "little"))
        return RegValue(kind, data)

    def _text(self, data: bytes) -> str:
        if self.unicode:
            return data[: len(data) - (len(data) % 2)].decode("utf-16-le", errors="replace")
        return data.decode("cp1252", errors="replace")


def _needs_continuation(line: str) -> bool:
    # Only hex data continues; a quoted string ends with its closing quote, never a backslash.
    if not line.endswith("\\"):
        return False
    equals = line.find("=hex")
    if equals < 0:
        equals = line.lower().find("=hex")
    return equals >= 0


def _key_line(line: str) -> tuple[str, bool]:
    close = line.rfind("]")
    if close < 0:
        raise _Skip("no closing ']' (the file may be cut off)")
    path = line[1:close]
    deleted = path.startswith("-")
    if deleted:
        path = path[1:]
    path = path.rstrip("\\")
    if len(path) > MAX_PATH_CHARS:
        raise _Skip(f"path longer than {MAX_PATH_CHARS} characters")
    if _KEY_CONTROL.search(path):
        raise _Skip("control characters in the key path")
    parts = path.split("\\")
    if parts[0].upper() not in ROOTS:
        raise _Skip(f"unknown root {parts[0][:40]!r}")
    if any(part in ("", ".", "..") for part in parts):
        raise _Skip("empty, '.' or '..' component in the key path")
    return path, deleted


def _value_name(line: str) -> tuple[str, str]:
    if line.startswith("@"):
        return "", line[1:].lstrip()
    if not line.startswith('"'):
        raise _Skip("a line that is neither a key, a value nor a comment")
    name, rest = _quoted(line)
    if _KEY_CONTROL.search(name):
        raise _Skip("control characters in the value name")
    return name, rest.lstrip()


def _quoted(text: str) -> tuple[str, str]:
    """Unescape a quoted string at the start of `text`; returns it and what follows the quote."""
    if "\\" not in text[1:]:
        close = text.find('"', 1)
        if close < 0:
            raise _Skip("no closing quote (the file may be cut off)")
        return text[1:close], text[close + 1 :]
    out: list[str] = []
    index, end = 1, len(text)
    while index < end:
        char = text[index]
        if char == '"':
            return "".join(out), text[index + 1 :]
        if char == "\\" and index + 1 < end:
            following = text[index + 1]
            out.append(_ESCAPES.get(following, "\\" + following))
            index += 2
            continue
        out.append(char)
        index += 1
    raise _Skip("no closing quote (the file may be cut off)")


def _hex_bytes(text: str) -> bytes:
    if len(text) > 3 * MAX_VALUE_BYTES:
        raise _Skip(f"more than {MAX_VALUE_BYTES} bytes of data")
    try:
        return bytes.fromhex(text.replace(",", " "))
    except ValueError:
        raise _Skip("hex data that is not pairs of hex digits") from None


def _checked_text(text: str) -> str:
    if len(text) > MAX_VALUE_BYTES:
        raise _Skip(f"text longer than {MAX_VALUE_BYTES} characters")
    if _CONTROL.search(text):
        # Control characters in names shown to people can rewrite a terminal line.
        raise _Skip("control characters in the text")
    return text
