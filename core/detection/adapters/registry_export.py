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

The file is read in chunks and decoded as it goes, never whole: memory stays
near one chunk plus the longest line kept. A line longer than any value we read
could be (`MAX_LINE_CHARS`) is dropped as it is read, before it is parsed, and
noted; so is a value whose continuation lines add up to more.
"""

from __future__ import annotations

import codecs
import io
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from core.model import InputError, Notes

HEADER_V5 = "Windows Registry Editor Version 5.00"
HEADER_V4 = "REGEDIT4"

REG_SZ, REG_EXPAND_SZ, REG_BINARY, REG_DWORD, REG_DWORD_BIG_ENDIAN, REG_LINK, REG_MULTI_SZ = range(1, 8)
REG_QWORD = 11

MAX_FILE_BYTES = 1 << 30  # a full HKLM export is a few hundred MB; beyond this is not an export
MAX_VALUE_BYTES = 1 << 20  # the uninstall and service values we read are short; larger data is junk
MAX_PATH_CHARS = 4096  # Windows caps a key name at 255 characters and depth at 512 levels
MAX_NOTES = 50  # per file: enough to show what is wrong, never a flood
# The longest logical line (continuations joined) that can hold something we read: hex data at three
# characters a byte, or a value name and a key path with every character escaped, and the syntax
# around them. Anything longer is skipped before it is parsed, and never held in memory whole.
MAX_LINE_CHARS = 3 * MAX_VALUE_BYTES + 2 * MAX_PATH_CHARS + 64
CHUNK_BYTES = 1 << 20
_HEAD_CHARS = 2 * MAX_PATH_CHARS + 64  # what is kept of a line too long to parse: its name and "=hex"

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
# The body of a quoted string: runs of plain characters and backslash pairs, possessive so that a
# string with no closing quote is measured once, never backtracked over.
_QUOTED_BODY = re.compile(r'(?:[^"\\]++|\\[\s\S])*+')
_ESCAPE = re.compile(r"\\([\s\S])")
# Hex data under a plain name, continuation lines joined: "name"=hex(2):41,00,... (or hex: for binary).
_SIMPLE_HEX = re.compile(
    r'"([^"\\\x00-\x1f\x7f]*)"[ \t]*=[ \t]*hex(?:\(([0-9A-Fa-f]{1,8})\))?:([0-9A-Fa-f, \t]*)'
)
# A value line with a plain name and a string (backslashes and quotes escaped, as regedit and Wine
# write paths) or a dword, and no control character: read in one step.
_SIMPLE_VALUE = re.compile(
    r'[ \t]*"([^"\\\x00-\x1f\x7f]*)"[ \t]*=[ \t]*'
    r'(?:"((?:[^"\\\x00-\x08\x0b-\x1f\x7f]|\\[\\"])*)"|dword:([0-9A-Fa-f]{1,8}))[ \t]*\r?'
)


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
        with open(path, "rb") as handle:
            info = os.fstat(handle.fileno())
            if info.st_size > MAX_FILE_BYTES:
                raise InputError(f"{path}: {info.st_size} bytes is too large for a registry export")
            stream: BinaryIO = handle
            if not stat.S_ISREG(info.st_mode):  # a pipe (--reg /dev/stdin): read it once, bounded
                data = handle.read(MAX_FILE_BYTES + 1)
                if len(data) > MAX_FILE_BYTES:
                    raise InputError(
                        f"{path}: more than {MAX_FILE_BYTES} bytes is too large for a registry export"
                    )
                stream = io.BytesIO(data)
            blocks = _parse_stream(stream, source=path, notes=notes)
            if _cut_off(stream):
                # reg export and regedit end every line, the last one too: this file stops mid-line, so
                # whatever came after it (a product's entry, perhaps) is missing
                notes.gap(f"the rest of {os.path.basename(path)}", path, "the export is cut off mid-line")
            return blocks
    except OSError as error:
        raise InputError(f"{path}: cannot read the registry export ({error.strerror or error})") from None


def _cut_off(stream: BinaryIO) -> bool:
    """Does the export end without a line end (UTF-16LE `\\n\\0`, or `\\n` in REGEDIT4)?"""
    stream.seek(0)
    unicode = stream.read(2) == b"\xff\xfe"
    stream.seek(0, io.SEEK_END)
    size = stream.tell()
    stream.seek(max(0, size - 2))
    tail = stream.read(2)
    return not (tail == b"\n\x00" if unicode else tail.endswith(b"\n"))


def parse_export(data: bytes, *, source: str, notes: Notes) -> list[KeyBlock]:
    """Parse the bytes of an export into key blocks, noting (and skipping) what is damaged."""
    return _parse_stream(io.BytesIO(data), source=source, notes=notes)


def _parse_stream(stream: BinaryIO, *, source: str, notes: Notes) -> list[KeyBlock]:
    not_an_export = InputError(f"{source}: not a registry export (no '{HEADER_V5}' or '{HEADER_V4}' header)")
    lines = _lines(_decoded(stream))
    first = next(lines, "")
    if isinstance(first, _TooLong):
        raise not_an_export
    header = first.strip().lstrip("\ufeff")
    if header == HEADER_V5:
        unicode = True
    elif header == HEADER_V4:
        unicode = False
    else:
        raise not_an_export
    return _Parser(lines, source=source, unicode=unicode, notes=notes).blocks()


def _decoded(stream: BinaryIO) -> Iterator[str]:
    """The text of an export, chunk by chunk, decoded as Windows wrote it.

    Undecodable bytes become U+FFFD instead of failing: the header check decides whether this is
    an export at all, and damaged values are noted later.
    """
    start = stream.read(3)
    if start.startswith(b"\xff\xfe"):
        stream.seek(2)
        utf16 = codecs.getincrementaldecoder("utf-16-le")(errors="replace")
        total = 0
        while chunk := stream.read(CHUNK_BYTES):
            total += len(chunk)
            yield utf16.decode(chunk)
        if total % 2 == 0:  # an odd last byte is half a character of a cut-off file: dropped
            yield utf16.decode(b"", final=True)
        return
    if start == b"\xef\xbb\xbf":
        encoding, errors = "utf-8", "replace"
    else:
        # No byte-order mark: UTF-8 when every byte is valid UTF-8, else the ANSI code page. A first
        # pass checks, chunk by chunk; nothing that fails the header check is read that far.
        stream.seek(0)
        first = stream.readline(MAX_LINE_CHARS)
        if HEADER_V5.encode() not in first and HEADER_V4.encode() not in first:
            yield first.decode("cp1252", errors="replace")  # not an export: the header check says so
            return
        stream.seek(0)
        encoding, errors = ("utf-8", "strict") if _is_utf8(stream) else ("cp1252", "replace")
        stream.seek(0)
    decoder = codecs.getincrementaldecoder(encoding)(errors=errors)
    while chunk := stream.read(CHUNK_BYTES):
        yield decoder.decode(chunk)
    yield decoder.decode(b"", final=True)


def _is_utf8(stream: BinaryIO) -> bool:
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        while chunk := stream.read(CHUNK_BYTES):
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


@dataclass(frozen=True)
class _TooLong:
    """A physical line longer than MAX_LINE_CHARS, dropped as it was read: its start, and whether it
    ended with a backslash (hex data continues on the next line)."""

    head: str
    backslash: bool


def _lines(pieces: Iterable[str]) -> Iterator[str | _TooLong]:
    """Physical lines (split at "\n") from decoded pieces; a line over MAX_LINE_CHARS comes as _TooLong
    and is never held whole: what is kept of it stays under MAX_LINE_CHARS + one piece."""
    carry: list[str] = []  # the start of a line whose end is in a later piece
    carried = 0
    too_long: _TooLong | None = None  # the line being carried is too long: only its head and end are kept
    for text in pieces:
        if not text:
            continue
        parts = text.split("\n")
        last = parts.pop()  # no "\n" after it: it continues in the next piece
        if parts:
            first = parts[0]
            if too_long is not None:
                yield _longer(too_long, first)
            elif carry:
                carry.append(first)
                line = "".join(carry)
                yield line if len(line) <= MAX_LINE_CHARS else _TooLong(line[:_HEAD_CHARS], _ends(line))
            else:
                yield first if len(first) <= MAX_LINE_CHARS else _TooLong(first[:_HEAD_CHARS], _ends(first))
            for line in parts[1:]:
                yield line if len(line) <= MAX_LINE_CHARS else _TooLong(line[:_HEAD_CHARS], _ends(line))
            carry, carried, too_long = [], 0, None
        if too_long is not None:
            too_long = _longer(too_long, last)
        elif carried + len(last) > MAX_LINE_CHARS:
            carry.append(last)
            line = "".join(carry)
            too_long = _TooLong(line[:_HEAD_CHARS], _ends(line))
            carry, carried = [], 0
        elif last:
            carry.append(last)
            carried += len(last)
    if too_long is not None:
        yield too_long
    elif carry:
        yield "".join(carry)


def _ends(text: str) -> bool:
    return text.rstrip().endswith("\\")


def _longer(too_long: _TooLong, more: str) -> _TooLong:
    """A too-long line with `more` read: only whether it now ends in a backslash changes."""
    if not more.strip():
        return too_long
    return _TooLong(too_long.head, _ends(more))


class _Skip(ValueError):
    """An item that cannot be used; the message says why."""


class _Parser:
    def __init__(self, lines: Iterator[str | _TooLong], *, source: str, unicode: bool, notes: Notes) -> None:
        self.lines = lines
        self.source = source
        self.unicode = unicode
        self.notes = notes
        self.noted = 0
        self.number = 1  # the physical line last read; the header was line 1

    def _next(self) -> str | _TooLong | None:
        line = next(self.lines, None)
        if line is not None:
            self.number += 1
        return line

    def blocks(self) -> list[KeyBlock]:
        blocks: list[KeyBlock] = []
        path: str | None = None  # the open key; None before the first key or under a skipped one
        deleted = False
        values: list[tuple[str, RegValue | None]] = []
        simple = _SIMPLE_VALUE.fullmatch
        for line in self.lines:
            self.number += 1
            start = self.number
            if type(line) is str and path is not None and (found := simple(line)) is not None:
                # Most lines of a real export: a plain name with a string or a dword, nothing to
                # unescape; read in one step. The text is bounded as _checked_text bounds it.
                name, text, dword = found.groups()
                if dword is not None:
                    values.append((name, RegValue(REG_DWORD, int(dword, 16))))
                    continue
                if "\\" in text:
                    text = _ESCAPE.sub(lambda m: m[1], text)  # only \\ and \" here
                if len(text) <= MAX_VALUE_BYTES:
                    values.append((name, RegValue(REG_SZ, text)))
                    continue
            if isinstance(line, _TooLong):
                head = line.head.strip()
                if line.backslash and _needs_continuation(head + "\\"):
                    self._skip_continuation()
                if head.startswith("["):  # a key too long to be one: its values are not the last key's
                    if path is not None:
                        blocks.append(KeyBlock(path, deleted, tuple(values)))
                    path, values = None, []
                    self.note(f"line {start}", f"key skipped: longer than {MAX_LINE_CHARS} characters")
                elif path is not None:
                    self.note(
                        f"{path} (line {start})", f"value skipped: longer than {MAX_LINE_CHARS} characters"
                    )
                continue
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
                    self.note(f"line {start}", f"key skipped: {why}")
                continue
            if _needs_continuation(stripped):
                joined = self._join_continuation(stripped)
                if joined is None:
                    if path is not None:
                        self.note(
                            f"{path} (line {start})",
                            f"value skipped: longer than {MAX_LINE_CHARS} characters",
                        )
                    continue
                stripped = joined
            if path is None:
                continue  # values of a skipped key, or before any key: the key's note covers them
            try:
                if (found := _SIMPLE_HEX.fullmatch(stripped)) is not None:
                    name, kind, digits = found.groups()
                    values.append(
                        (name, self._typed(int(kind, 16) if kind else REG_BINARY, _hex_bytes(digits)))
                    )
                else:
                    values.append(self._value_line(stripped))
            except _Skip as why:
                self.note(f"{path} (line {start})", f"value skipped: {why}")
        if path is not None:
            blocks.append(KeyBlock(path, deleted, tuple(values)))
        return blocks

    def _join_continuation(self, first: str) -> str | None:
        """The logical line that starts with `first` (ending in a backslash), or None when it grows
        past MAX_LINE_CHARS: each line's length is counted as it is joined, and the rest skipped."""
        parts = [first[:-1].rstrip()]
        size = len(parts[0])
        for line in self.lines:  # the lines after `first`, read from the same iterator as blocks()
            self.number += 1
            if isinstance(line, _TooLong):
                if line.backslash:
                    self._skip_continuation()
                return None
            more = line.strip()
            continued = more.endswith("\\")
            if continued:
                more = more[:-1].rstrip()
            size += len(more)
            if size > MAX_LINE_CHARS:
                if continued:
                    self._skip_continuation()
                return None
            parts.append(more)
            if not continued:
                break
        return "".join(parts)

    def _skip_continuation(self) -> None:
        """Skip the continuation lines of a line that ended with a backslash, up to the last one."""
        while (line := self._next()) is not None:
            if not (line.backslash if isinstance(line, _TooLong) else line.strip().endswith("\\")):
                return

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
    """Unescape a quoted string at the start of `text`; returns it and what follows the quote.

    Measured first, then unescaped in one pass: a string too long for any value we read (every
    character escaped takes two) is refused before any copy of it is made.
    """
    close = text.find('"', 1)
    if close < 0:
        raise _Skip("no closing quote (the file may be cut off)")
    if "\\" not in text[1:close]:
        return text[1:close], text[close + 1 :]
    end = _QUOTED_BODY.match(text, 1).end()  # type: ignore[union-attr]  # matches the empty string
    if end >= len(text) or text[end] != '"':
        raise _Skip("no closing quote (the file may be cut off)")
    if end - 1 > 2 * MAX_VALUE_BYTES:
        raise _Skip(f"text longer than {MAX_VALUE_BYTES} characters")
    body = _ESCAPE.sub(lambda m: _ESCAPES.get(m[1], m[0]), text[1:end])
    return body, text[end + 1 :]


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
