"""rpm: a real test-double package installed with `rpm --root`, read back by the pure-Python reader."""

from __future__ import annotations

import sqlite3
import struct
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.detection.adapters import rpmdb
from core.detection.adapters.rootfs import RootFS
from core.detection.scan import scan
from core.detection.signatures import build_signature_set
from core.model import Kind, Notes, Target
from tests.linux.packages import TEST_VENDOR, build_rpm, evidence, have, rpm, scan_root

needs_rpm = pytest.mark.skipif(not have("rpm", "rpmbuild"), reason="needs rpm and rpmbuild")


@pytest.fixture(scope="module")
def rpm_machine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    workdir = tmp_path_factory.mktemp("rpms")
    root = workdir / "machine"
    root.mkdir()
    rpm(root, "--initdb")
    packages = [
        build_rpm(workdir, "kesl", "11.2.0", "4528"),
        build_rpm(workdir, "klnagent64", "15.1.0", "20748"),
    ]
    rpm(root, "-i", "--nodeps", "--justdb", *map(str, packages))
    return root


@needs_rpm
def test_reader_agrees_with_rpm_itself(rpm_machine: Path) -> None:
    listed = rpm(rpm_machine, "-qa", "--qf", "%{NAME}|%{VERSION}-%{RELEASE}|%{VENDOR}|%{ARCH}\n").splitlines()
    notes = Notes()

    observations = list(rpmdb.observe(RootFS(str(rpm_machine), notes)))

    read = [
        f"{o.name}|{o.attributes['Version']}|{o.attributes['Vendor']}|{o.attributes['Architecture']}"
        for o in observations
    ]
    assert sorted(read) == sorted(listed)
    assert sorted(listed) == [
        f"kesl|11.2.0-4528|{TEST_VENDOR}|noarch",
        f"klnagent64|15.1.0-20748|{TEST_VENDOR}|noarch",
    ]
    assert {(o.kind, o.location) for o in observations} == {
        (Kind.PACKAGE, "rpm:kesl"),
        (Kind.PACKAGE, "rpm:klnagent64"),
    }
    assert notes == []


@needs_rpm
def test_rpm_packages_are_scanned_offline(rpm_machine: Path) -> None:
    code, document = scan_root(rpm_machine, "linux")

    assert code == 1
    assert ("kes", "rpm:kesl") in [(family, e["location"]) for family, e in evidence(document)]


@needs_rpm
def test_the_sysimage_location_behind_a_link_is_read_once(rpm_machine: Path, tmp_path: Path) -> None:
    # Fedora 36+: /var/lib/rpm is an absolute link to /usr/lib/sysimage/rpm; it must resolve inside the root.
    root = tmp_path / "fedora"
    sysimage = root / "usr/lib/sysimage/rpm"
    sysimage.mkdir(parents=True)
    (sysimage / "rpmdb.sqlite").write_bytes((rpm_machine / "var/lib/rpm/rpmdb.sqlite").read_bytes())
    (root / "var/lib").mkdir(parents=True)
    (root / "var/lib/rpm").symlink_to("/usr/lib/sysimage/rpm")

    names = [o.name for o in rpmdb.observe(RootFS(str(root), Notes()))]

    assert sorted(names) == ["kesl", "klnagent64"]


def test_a_corrupt_database_is_a_note(tmp_path: Path) -> None:
    folder = tmp_path / "var/lib/rpm"
    folder.mkdir(parents=True)
    (folder / "rpmdb.sqlite").write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    notes = Notes()

    assert list(rpmdb.observe(RootFS(str(tmp_path), notes))) == []
    assert [n.location for n in notes] == ["/var/lib/rpm/rpmdb.sqlite"]
    assert "cannot be read as an rpm database" in notes[0].message


def test_bad_rows_are_skipped_and_good_ones_kept(tmp_path: Path) -> None:
    folder = tmp_path / "var/lib/rpm"
    folder.mkdir(parents=True)
    with sqlite3.connect(folder / "rpmdb.sqlite") as db:
        db.execute("CREATE TABLE Packages (hnum INTEGER PRIMARY KEY AUTOINCREMENT, blob BLOB NOT NULL)")
        db.executemany(
            "INSERT INTO Packages (blob) VALUES (?)",
            [
                (_header({1000: "kesl", 1001: "12.1.0", 1002: "1508"}),),
                (b"\x00\x00\x00\xff junk",),
                ("text",),
            ],
        )
    db.close()
    notes = Notes()

    observations = list(rpmdb.observe(RootFS(str(tmp_path), notes)))

    assert [(o.name, o.attributes["Version"]) for o in observations] == [("kesl", "12.1.0-1508")]
    assert [n.location for n in notes] == ["/var/lib/rpm/rpmdb.sqlite#2", "/var/lib/rpm/rpmdb.sqlite#3"]


@pytest.mark.parametrize(("file", "word"), [("Packages", "Berkeley DB"), ("Packages.db", "ndb")])
def test_older_database_formats_are_noted_not_guessed(tmp_path: Path, file: str, word: str) -> None:
    folder = tmp_path / "var/lib/rpm"
    folder.mkdir(parents=True)
    (folder / file).write_bytes(b"\x00" * 4096)
    notes = Notes()

    assert list(rpmdb.observe(RootFS(str(tmp_path), notes))) == []
    assert [n.location for n in notes] == [f"/var/lib/rpm/{file}"]
    assert word in notes[0].message


def test_a_package_found_by_rpm_rules_joins_its_family(tmp_path: Path) -> None:
    folder = tmp_path / "var/lib/rpm"
    folder.mkdir(parents=True)
    with sqlite3.connect(folder / "rpmdb.sqlite") as db:
        db.execute("CREATE TABLE Packages (hnum INTEGER PRIMARY KEY AUTOINCREMENT, blob BLOB NOT NULL)")
        db.execute("INSERT INTO Packages (blob) VALUES (?)", (_header({1000: "klnagent64", 1001: "15.1.0"}),))
    db.close()
    signatures = build_signature_set([("test", _document("network-agent", "^klnagent(64)?$"))])

    result = scan(Target(os="linux", live=False, root=str(tmp_path)), signatures=signatures)

    assert [(p.family, p.version, p.evidence[0].location) for p in result.products] == [
        ("network-agent", "15.1.0", "rpm:klnagent64")
    ]


def _header(fields: dict[int, str]) -> bytes:
    """An rpm header as rpm stores it in the database: index count, data length, index, data."""
    index, data = b"", b""
    for tag, value in fields.items():
        index += struct.pack(">iIiI", tag, 6, len(data), 1)
        data += value.encode() + b"\0"
    return struct.pack(">II", len(fields), len(data)) + index + data


def _document(family: str, package: str) -> dict:
    return {
        "schema": "switchover.signatures/1",
        "vendor": "kaspersky",
        "vendor_name": "Kaspersky",
        "origin": "kaspersky",
        "families": [
            {
                "id": family,
                "name": family,
                "category": "test",
                "rules": [{"kind": "package", "name": package}],
            }
        ],
    }


@given(st.binary(max_size=512))
def test_any_bytes_parse_without_raising(blob: bytes) -> None:
    package = rpmdb.parse_header(blob)
    assert package is None or package.name


@given(
    st.lists(
        st.tuples(
            st.one_of(
                st.sampled_from([1000, 1001, 1002, 1003, 1011, 1022]), st.integers(-(2**31), 2**31 - 1)
            ),
            st.integers(0, 9),
            st.one_of(st.integers(-4, 80), st.integers(-(2**31), 2**31 - 1)),
        ),
        max_size=8,
    ),
    st.binary(max_size=64),
)
def test_any_index_over_any_data_parses_without_raising(
    entries: list[tuple[int, int, int]], data: bytes
) -> None:
    # Plausible headers with hostile entries: tags, types and offsets of every kind.
    blob = struct.pack(">II", len(entries), len(data))
    blob += b"".join(struct.pack(">iIiI", tag, kind, offset, 1) for tag, kind, offset in entries) + data
    package = rpmdb.parse_header(blob)
    assert package is None or package.name
