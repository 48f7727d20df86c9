"""The dpkg database (`var/lib/dpkg/status`): which Debian packages a machine has installed."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from core.detection.adapters.rootfs import RootFS
from core.model import Kind, Observation

STATUS_FILE = "/var/lib/dpkg/status"
# Package states whose files are on disk; "config-files" and "not-installed" are removed packages.
PRESENT_STATES = frozenset(
    {"installed", "half-installed", "unpacked", "half-configured", "triggers-awaited", "triggers-pending"}
)
ALL_STATES = PRESENT_STATES | {"not-installed", "config-files"}


@dataclass(frozen=True)
class DpkgPackage:
    """One installed package as dpkg's status file records it."""

    name: str
    version: str
    status: str  # the Status field as written ("install ok installed")
    maintainer: str
    architecture: str


@dataclass(frozen=True)
class DpkgStatus:
    """What the status file holds: its installed packages, and how many records were unusable."""

    packages: tuple[DpkgPackage, ...]  # installed (present on disk) only
    unreadable: int  # stanzas that were not a valid package record


def parse_status(data: bytes) -> DpkgStatus:
    """Parse a dpkg status file. Any bytes give a result: junk stanzas are counted, not raised."""
    packages: list[DpkgPackage] = []
    unreadable = 0
    for stanza in _stanzas(data.decode("utf-8", errors="replace")):
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
    fields: dict[str, str] = {}
    last: str | None = None
    for line in text.splitlines():
        if not line.strip():
            if fields:
                yield fields
            fields, last = {}, None
        elif line[0] in " \t":
            if last is not None:  # a continuation line (Description, Conffiles) belongs to the field above
                fields[last] += "\n" + line
        elif ":" in line:
            key, _, value = line.partition(":")
            last = key.strip()
            fields.setdefault(last, value)
        else:
            last = None  # junk; the stanza still counts if its Package and Status are intact
    if fields:
        yield fields


def observe(fs: RootFS) -> Iterator[Observation]:
    data = fs.read_bytes(STATUS_FILE)
    if data is None:
        return
    status = parse_status(data)
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
