"""The rpm database, read in pure Python so an offline disk can be scanned from any OS.

rpm 4.16 and later keep it in sqlite (`rpmdb.sqlite`); each row of the Packages
table is an rpm header: an index of (tag, type, offset, count) entries over a data
store. Older databases (Berkeley DB `Packages`, ndb `Packages.db`) are reported as a
note rather than guessed at.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from urllib.parse import quote

from core.detection.adapters.rootfs import RootFS
from core.model import Kind, Observation
from core.record import Record

# Where distributions keep the database: Fedora 36+ and openSUSE moved it to /usr/lib/sysimage.
DB_FOLDERS = ("/var/lib/rpm", "/usr/lib/sysimage/rpm")
MAX_HEADER_BYTES = 32 * 1024 * 1024  # rpm's own ceiling for one header is 256 MiB; real ones are KBs

_TAGS = {1000: "name", 1001: "version", 1002: "release", 1003: "epoch", 1011: "vendor", 1022: "arch"}
_INT32, _STRING, _STRING_ARRAY, _I18NSTRING = 4, 6, 8, 9
_ENTRY = struct.Struct(">iIiI")


class RpmPackage(Record):
    """One installed package as its rpm header records it."""

    __slots__ = ("arch", "epoch", "name", "release", "vendor", "version")
    name: str
    version: str
    release: str
    epoch: str
    vendor: str
    arch: str

    def __init__(self, name: str, version: str, release: str, epoch: str, vendor: str, arch: str) -> None:
        put = object.__setattr__
        put(self, "name", name)
        put(self, "version", version)
        put(self, "release", release)
        put(self, "epoch", epoch)
        put(self, "vendor", vendor)
        put(self, "arch", arch)


def parse_header(blob: bytes) -> RpmPackage | None:
    """The package fields of an rpm header blob, or None when it is not a valid header. Never raises."""
    if len(blob) < 8:
        return None
    index_count, data_length = struct.unpack_from(">II", blob)
    data_start = 8 + index_count * _ENTRY.size
    if data_start + data_length > len(blob):
        return None
    data = blob[data_start : data_start + data_length]
    values: dict[str, str] = {}
    for i in range(index_count):
        tag, kind, offset, count = _ENTRY.unpack_from(blob, 8 + i * _ENTRY.size)
        field = _TAGS.get(tag)
        if field is None or not 0 <= offset < data_length or count < 1:
            continue
        if kind in (_STRING, _STRING_ARRAY, _I18NSTRING):
            end = data.find(b"\0", offset)
            values[field] = data[offset : end if end >= 0 else data_length].decode("utf-8", errors="replace")
        elif kind == _INT32 and offset + 4 <= data_length:
            values[field] = str(struct.unpack_from(">i", data, offset)[0])
    if not values.get("name"):
        return None
    return RpmPackage(
        name=values["name"],
        version=values.get("version", ""),
        release=values.get("release", ""),
        epoch=values.get("epoch", ""),
        vendor=values.get("vendor", ""),
        arch=values.get("arch", ""),
    )


def observe(fs: RootFS) -> Iterator[Observation]:
    seen: set[str] = set()
    for folder in DB_FOLDERS:
        host_folder = fs.resolve(folder)
        if host_folder is None or host_folder in seen:  # /var/lib/rpm is often a link to the other
            continue
        seen.add(host_folder)
        if fs.kind(f"{folder}/rpmdb.sqlite") is not None:
            yield from _read_sqlite(fs, f"{folder}/rpmdb.sqlite")
        elif fs.kind(f"{folder}/Packages") is not None:
            fs.notes.skip(
                f"{folder}/Packages",
                "a Berkeley DB rpm database (rpm older than 4.16) is not read; run `rpm -qa` on that machine",
            )
        elif fs.kind(f"{folder}/Packages.db") is not None:
            message = "an ndb rpm database is not read; run `rpm -qa` on that machine"
            fs.notes.skip(f"{folder}/Packages.db", message)


def _read_sqlite(fs: RootFS, path: str) -> Iterator[Observation]:
    host = fs.regular_file(path)
    if host is None:
        return
    import sqlite3  # only where there is an rpm database: most Debian-family scans never need it

    rows = _rows(host)
    try:
        for hnum, blob in rows:
            package = None
            if isinstance(blob, bytes) and len(blob) <= MAX_HEADER_BYTES:
                package = parse_header(blob)
            if package is None:
                fs.notes.skip(f"{path}#{hnum}", "skipped: not a valid rpm header")
                continue
            yield _observation(package)
    except sqlite3.Error as error:
        fs.notes.skip(path, f"cannot be read as an rpm database: {error}")


def _rows(host: str) -> Iterator[tuple[object, object]]:
    import sqlite3

    uri = "file:" + quote(host, safe="/")
    # A write-ahead-logged database on read-only media cannot be opened normally; as immutable it
    # can (a transaction still in the log is then missed), so that is the second try.
    for mode in ("mode=ro", "immutable=1"):
        connection = sqlite3.connect(f"{uri}?{mode}", uri=True, timeout=1)
        try:
            cursor = connection.execute("SELECT hnum, blob FROM Packages")
        except sqlite3.OperationalError:
            connection.close()
            if mode == "immutable=1":
                raise
            continue
        try:
            yield from cursor
        finally:
            connection.close()
        return


def _observation(package: RpmPackage) -> Observation:
    version = f"{package.version}-{package.release}" if package.release else package.version
    if package.epoch:
        version = f"{package.epoch}:{version}"
    return Observation(
        Kind.PACKAGE,
        f"rpm:{package.name}",
        package.name,
        {"manager": "rpm", "Version": version, "Vendor": package.vendor, "Architecture": package.arch},
    )
