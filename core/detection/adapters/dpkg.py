"""The dpkg database (`var/lib/dpkg/status`): which Debian packages a machine has installed."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from core.detection.adapters.rootfs import RootFS
from core.model import Kind, Observation
from core.record import Record

STATUS_FILE = "/var/lib/dpkg/status"
# Package states whose files are on disk; "config-files" and "not-installed" are removed packages.
PRESENT_STATES = frozenset(
    {"installed", "half-installed", "unpacked", "half-configured", "triggers-awaited", "triggers-pending"}
)
ALL_STATES = PRESENT_STATES | {"not-installed", "config-files"}
_STATE_BYTES = frozenset(state.encode() for state in ALL_STATES)
_SPACES_LINE = re.compile(rb"\n[ \t\r]+\n")  # a blank line of spaces, which dpkg never writes
# A record as dpkg writes it, up to its Maintainer: its one-word name, the fields dpkg writes before
# Status, a valid Status, then lines that are not blank up to "Maintainer: ". Searched in the file after two
# line breaks (the engine then looks for that literal start alone, not a match at every character).
_PLAIN_RECORD = re.compile(
    rb"\n\nPackage: ([^\s]+)\n(?:(?:Essential|Protected): [^\n]*\n)*Status: [^\s]+ [^\s]+ (?:"
    + b"|".join(sorted(state.encode() for state in ALL_STATES)).replace(b"-", b"\\-")
    + rb")\n(?:[^\n]+\n)*?Maintainer: ([^\n]*)"
)
# A Maintainer spelt another way, or continued on the next line: each record is then read for itself.
_ODD_MAINTAINER = re.compile(rb"\nMaintainer(?!: )|\nMaintainer: [^\n]*\n[ \t]")


# A stanza ends at a blank line; the fields read are these five, each with its continuation lines.
_BLANK_LINES = re.compile(r"\n(?:[ \t\r]*\n)+")
# After a line break: the engine then looks for line breaks alone, not a match at every character.
_FIELD = re.compile(r"\n(Package|Status|Version|Maintainer|Architecture)[ \t]*:([^\n]*(?:\n[ \t][^\n]*)*)")
_ANY_FIELD = re.compile(r"^(?![ \t])[^\n]*:", re.MULTILINE)


class DpkgPackage(Record):
    """One installed package as dpkg's status file records it."""

    __slots__ = ("architecture", "maintainer", "name", "status", "version")
    name: str
    version: str
    status: str  # the Status field as written ("install ok installed")
    maintainer: str
    architecture: str

    def __init__(self, name: str, version: str, status: str, maintainer: str, architecture: str) -> None:
        put = object.__setattr__
        put(self, "name", name)
        put(self, "version", version)
        put(self, "status", status)
        put(self, "maintainer", maintainer)
        put(self, "architecture", architecture)


class DpkgStatus(Record):
    """What the status file holds: its installed packages, and how many records were unusable."""

    __slots__ = ("packages", "unreadable")
    packages: tuple[DpkgPackage, ...]  # installed (present on disk) only
    unreadable: int  # stanzas that were not a valid package record

    def __init__(self, packages: tuple[DpkgPackage, ...], unreadable: int) -> None:
        object.__setattr__(self, "packages", packages)
        object.__setattr__(self, "unreadable", unreadable)


# Is a package with this name and maintainer of interest? (The scan asks its signatures.) It must look at
# the two apart: a package is wanted when its name is, wanted(name, ""), or its maintainer is, wanted("", m).
Wanted = Callable[[str, str], bool]


def parse_status(data: bytes, wanted: Wanted | None = None) -> DpkgStatus:
    """Parse a dpkg status file. Any bytes give a result: junk stanzas are counted, not raised.

    With `wanted`, a record as dpkg writes it whose package is not wanted is only checked for
    being a valid record, not read: a machine has hundreds of packages, and reading each cost a
    live scan more than the rest of its work. Anything unusual is read whole, as without it.
    """
    packages: list[DpkgPackage] = []
    unreadable = 0
    stanzas = _stanzas(data.decode("utf-8", errors="replace")) if wanted is None else _wanted(data, wanted)
    for stanza in stanzas:
        name = stanza.get("Package", "").strip()
        status = " ".join(stanza.get("Status", "").split())
        words = status.split(" ")
        if not name or len(name.split()) != 1 or len(words) != 3 or words[2] not in ALL_STATES:
            unreadable += 1
            continue
        if words[2] in PRESENT_STATES:
            packages.append(
                DpkgPackage(
                    name=name,
                    version=_first_line(stanza.get("Version", "")),
                    status=status,
                    maintainer=_first_line(stanza.get("Maintainer", "")),
                    architecture=_first_line(stanza.get("Architecture", "")),
                )
            )
    return DpkgStatus(tuple(packages), unreadable)


def _first_line(value: str) -> str:
    return value.strip().split("\n", 1)[0].strip()


def _stanzas(text: str) -> Iterator[dict[str, str]]:
    """The five fields of each stanza that has any field at all, the first of each name winning.

    A real status file holds hundreds of packages with long descriptions and file lists: only
    the lines of the five fields are looked at, by one regular expression per stanza (reading
    every line in Python cost a live scan more than all its matching). A continuation line
    (starting with a space or a tab) belongs to the field above; after a line of junk it does not.
    """
    for stanza in _BLANK_LINES.split(text):
        fields: dict[str, str] = {}
        for key, value in _FIELD.findall("\n" + stanza):
            fields.setdefault(key, value)
        if fields or _ANY_FIELD.search(stanza):  # junk fields: the stanza counts, and is unreadable
            yield fields


def _wanted(data: bytes, wanted: Wanted) -> Iterator[dict[str, str]]:
    """The stanzas of the records `wanted` does not rule out. Bytes are split where dpkg ends a record
    (a line break can be no part of a UTF-8 character); what is read whole is split as `_stanzas` does."""
    plain = _SPACES_LINE.search(data) is None  # else a record may hold two stanzas: check each
    if plain and _nothing_wanted(data, wanted):
        return
    for record in data.split(b"\n\n"):
        if (not plain and _SPACES_LINE.search(record)) or not _unwanted_record(record, wanted):
            yield from _stanzas(record.decode("utf-8", errors="replace"))


def _nothing_wanted(data: bytes, wanted: Wanted) -> bool:
    """True when every record is as dpkg writes it, valid, and not wanted: found by two regular
    expressions over the whole file, with Python asking only about each name and maintainer."""
    text = b"\n\n" + data.rstrip(b"\n")
    records = _PLAIN_RECORD.findall(text)
    if len(records) != text.count(b"\n\n") or _ODD_MAINTAINER.search(data):
        return False  # a record that is not plain: each is then read for itself
    return not any(
        wanted(name.decode("utf-8", errors="replace"), maintainer.decode("utf-8", errors="replace").strip())
        for name, maintainer in records
    )


def _unwanted_record(record: bytes, wanted: Wanted) -> bool:
    """A valid record as dpkg writes it ("Package: NAME" first, one-line fields) that is not wanted.
    False for anything else, which is then read whole."""
    if not record.startswith(b"Package: "):
        return False
    end = record.find(b"\n")
    name = (record[9:end] if end >= 0 else record[9:]).decode("utf-8", errors="replace")
    status, maintainer = _plain_field(record, b"\nStatus"), _plain_field(record, b"\nMaintainer")
    if status is None or maintainer is None or record[end + 1 : end + 2] in (b" ", b"\t"):
        return False  # spelt another way, or continued on the next line: the whole reading decides
    words = status.split()
    if name != name.strip() or len(name.split()) != 1 or len(words) != 3 or words[2] not in _STATE_BYTES:
        return False  # not a valid record: read whole, and counted
    return not wanted(name, maintainer.decode("utf-8", errors="replace").strip())


def _plain_field(record: bytes, key: bytes) -> bytes | None:
    """The value of the first line starting with `key` as dpkg writes it ("\nKey: value"), b"" when no
    line starts with `key`, None when the first one is spelt another way or continues on the next."""
    at = record.find(key)
    if at < 0:
        return b""
    start = at + len(key)
    if not record.startswith(b": ", start):
        return None
    start += 2
    end = record.find(b"\n", start)
    if end < 0:
        return record[start:]
    return None if record[end + 1 : end + 2] in (b" ", b"\t") else record[start:end]


def observe(fs: RootFS, wanted: Wanted | None = None) -> Iterator[Observation]:
    data = fs.read_bytes(STATUS_FILE)
    if data is None:
        return
    status = parse_status(data, wanted)
    if status.unreadable:
        message = f"{status.unreadable} entries are not valid package records and were skipped"
        fs.notes.skip(STATUS_FILE, message)
    for package in status.packages:
        yield Observation(
            Kind.PACKAGE,
            f"dpkg:{package.name}",
            package.name,
            {
                "manager": "dpkg",
                "Version": package.version,
                "Status": package.status,
                "Maintainer": package.maintainer,
                "Architecture": package.architecture,
            },
        )
