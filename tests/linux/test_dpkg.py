"""dpkg: real test-double packages installed with `dpkg --root`, then scanned offline."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.detection.adapters import dpkg as dpkg_adapter
from core.detection.adapters.rootfs import RootFS
from core.model import Kind, Notes, Observation
from tests.linux.packages import TEST_MAINTAINER, build_deb, dpkg, dpkg_root, evidence, have, scan_root

pytestmark = pytest.mark.skipif(not have("dpkg", "dpkg-deb"), reason="needs Debian's dpkg and dpkg-deb")


@pytest.fixture(scope="module")
def debs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    workdir = tmp_path_factory.mktemp("debs")
    return {
        "kesl": build_deb(
            workdir,
            "kesl",
            "12.1.0-1508",
            {
                "/opt/kaspersky/kesl/bin/kesl-control": "test double\n",
                "/etc/opt/kaspersky/kesl.ini": "[test]\n",
            },
            conffiles=("/etc/opt/kaspersky/kesl.ini",),
        ),
        "klnagent64": build_deb(
            workdir, "klnagent64", "15.1.0-20748", {"/opt/kaspersky/klnagent64/bin/klnagchk": "test double\n"}
        ),
    }


def test_installed_packages_are_found_with_their_dpkg_location(tmp_path: Path, debs: dict[str, Path]) -> None:
    root = dpkg_root(tmp_path / "machine")
    dpkg(root, "-i", str(debs["kesl"]), str(debs["klnagent64"]))

    code, document = scan_root(root, "linux")

    assert code == 1
    kesl = [p for p in document["products"] if p["family"] == "kes"]
    assert len(kesl) == 1
    assert kesl[0]["version"] == "12.1.0-1508"
    package = next(e for e in kesl[0]["evidence"] if e["kind"] == "package")
    assert package["location"] == "dpkg:kesl"
    assert package["details"] == {
        "manager": "dpkg",
        "Version": "12.1.0-1508",
        "Status": "install ok installed",
        "Maintainer": TEST_MAINTAINER,
        "Architecture": "amd64",
    }
    assert document["notes"] == []


def test_every_installed_package_is_observed(tmp_path: Path, debs: dict[str, Path]) -> None:
    root = dpkg_root(tmp_path / "machine")
    dpkg(root, "-i", str(debs["kesl"]), str(debs["klnagent64"]))

    observations = list(dpkg_adapter.observe(RootFS(str(root), Notes())))

    assert {(o.kind, o.location, o.name, o.attributes["Version"]) for o in observations} == {
        (Kind.PACKAGE, "dpkg:kesl", "kesl", "12.1.0-1508"),
        (Kind.PACKAGE, "dpkg:klnagent64", "klnagent64", "15.1.0-20748"),
    }


def test_a_removed_package_is_not_installed_but_its_config_is_a_leftover(
    tmp_path: Path, debs: dict[str, Path]
) -> None:
    root = dpkg_root(tmp_path / "machine")
    dpkg(root, "-i", str(debs["kesl"]))
    dpkg(root, "-r", "kesl")  # leaves the conffile: state "deinstall ok config-files"
    assert "config-files" in (root / "var/lib/dpkg/status").read_text(encoding="utf-8")

    code, document = scan_root(root, "linux")

    assert not any(e["kind"] == "package" for _, e in evidence(document))
    assert document["products"] == []
    paths = [e["location"] for _, e in evidence(document) if e["kind"] == "path"]
    assert code == (1 if paths else 0)
    assert all(p.startswith("/etc/opt/kaspersky") for p in paths)


def test_truncated_and_junk_stanzas_become_a_note(tmp_path: Path, debs: dict[str, Path]) -> None:
    root = dpkg_root(tmp_path / "machine")
    dpkg(root, "-i", str(debs["kesl"]))
    status = root / "var/lib/dpkg/status"
    status.write_bytes(
        b"\x00\xff: junk\n\n" + status.read_bytes() + b"\nPackage: klnagent64\nStatus: install ok inst"
    )

    code, document = scan_root(root, "linux")

    assert code == 1
    assert [p["family"] for p in document["products"]] == ["kes"]
    assert [n["location"] for n in document["notes"]] == ["/var/lib/dpkg/status"]
    assert "2 entries" in document["notes"][0]["message"]


def test_a_fifo_in_place_of_the_status_file_is_noted_not_waited_on(tmp_path: Path) -> None:
    root = dpkg_root(tmp_path / "machine")
    status = root / "var/lib/dpkg/status"
    status.unlink()
    os.mkfifo(status)

    code, document = scan_root(root, "linux")

    assert code == 3  # nothing found, and no package database could be read (issue 9 #11)
    assert document["notes"] == [
        {"location": "/var/lib/dpkg/status", "message": "skipped: not a regular file"}
    ]
    assert [m["location"] for m in document["coverage"]["missing"]] == ["/var/lib/dpkg/status"]


def test_status_fields_and_states() -> None:
    data = (
        b"Package: kesl\nStatus: install ok half-configured\nVersion: 11.2.0-4528\n"
        b"Description: first line\n continued: not a field\nMaintainer: m\n\n"
        b"Package: kesl-gui\nStatus: deinstall ok config-files\nVersion: 11.2.0-4528\n\n"
        b"Package: kav4fs\nStatus: purge ok not-installed\n"
    )

    status = dpkg_adapter.parse_status(data)

    assert status.unreadable == 0
    assert [(p.name, p.version, p.status, p.maintainer) for p in status.packages] == [
        ("kesl", "11.2.0-4528", "install ok half-configured", "m")
    ]


@given(st.binary(max_size=2000))
def test_any_bytes_parse_without_raising(data: bytes) -> None:
    status = dpkg_adapter.parse_status(data)
    assert all(p.name and p.status.split()[2] in dpkg_adapter.PRESENT_STATES for p in status.packages)


@given(
    st.lists(
        st.sampled_from(
            ["Package: kesl", "Status: install ok installed", "Version: 1", " cont", "", "x", ":"]
        )
    )
)
def test_any_line_mix_parses_without_raising(lines: list[str]) -> None:
    status = dpkg_adapter.parse_status("\n".join(lines).encode())
    assert all(p.name == "kesl" for p in status.packages)


# Records as dpkg writes them and as it never would: the screened reading must find the same.
RECORD_LINES = st.sampled_from(
    [
        "Package: kesl",
        "Package: klnagent64",
        "Package: libfoo1",
        "Package: clamav",
        "Package : kesl",
        "Package: kesl extra",
        "Status: install ok installed",
        "Status: deinstall ok config-files",
        "Status: install ok inst",
        "Status : install ok installed",
        "Maintainer: AO Kaspersky Lab <support@kaspersky.invalid>",
        "Maintainer: Лаборатория Касперского",
        "Maintainer: Debian Developers <debian@lists.invalid>",
        "Maintainer : AO Kaspersky Lab",
        "Maintainer:\tKaspersky Lab",
        " continued",
        "Version: 12.1.0-1508",
        "Description: a package",
        " \t",
        "",
        "junk",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(RECORD_LINES, max_size=14))
def test_the_screened_reading_finds_every_package_a_rule_matches(lines: list[str]) -> None:
    """What the scan skips (packages no rule could match: SignatureSet.could_match) changes nothing found."""
    from core.detection.adapters.linux import _wanted_package
    from core.detection.signatures import bundled_signatures

    signatures = bundled_signatures()
    data = "\n".join(lines).encode()
    whole = dpkg_adapter.parse_status(data)
    screened = dpkg_adapter.parse_status(data, _wanted_package(signatures.could_match))

    def found(status: dpkg_adapter.DpkgStatus) -> list[str]:
        attributes = [
            {"manager": "dpkg", "Version": p.version, "Status": p.status, "Maintainer": p.maintainer}
            for p in status.packages
        ]
        observations = [
            Observation(Kind.PACKAGE, "dpkg:", p.name, a)
            for p, a in zip(status.packages, attributes, strict=True)
        ]
        return [o.name for o in observations if signatures.match(o)]

    assert found(screened) == found(whole)
    assert set(screened.packages) <= set(whole.packages) and screened.unreadable == whole.unreadable


def test_a_plain_status_file_is_screened_whole_and_still_yields_what_a_rule_could_match() -> None:
    from core.detection.adapters.linux import _wanted_package
    from core.detection.signatures import bundled_signatures

    wanted = _wanted_package(bundled_signatures().could_match)
    record = "Package: {}\nEssential: yes\nStatus: install ok installed\nMaintainer: {}\nVersion: 1\n"
    ordinary = [record.format(f"libfoo{i}", "Debian <d@lists.invalid>") for i in range(50)]
    by_maintainer = record.format("endpoint-tool", "AO Kaspersky Lab <s@kaspersky.invalid>")
    by_name = record.format("klnagent64", "Switchover test double <t@switchover.invalid>")

    def kept(records: list[str]) -> list[str]:
        return [p.name for p in dpkg_adapter.parse_status("\n".join(records).encode(), wanted).packages]

    assert kept(ordinary) == []
    assert kept([*ordinary, by_maintainer]) == ["endpoint-tool"]
    assert kept([by_name, *ordinary]) == ["klnagent64"]
    assert kept([*ordinary[:3], "Package: libbar\nStatus: install ok half"]) == []  # junk: read whole
    assert (
        dpkg_adapter.parse_status(
            "\n".join([*ordinary[:3], "Package: x\nStatus: x"]).encode(), wanted
        ).unreadable
        == 1
    )
