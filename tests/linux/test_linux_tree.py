"""The Linux adapter on a copied tree: systemd units, init scripts, /opt-style folders, and hostile links."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from core.detection.adapters import linux, systemd
from core.detection.adapters.rootfs import RootFS
from core.detection.scan import scan
from core.detection.signatures import build_signature_set
from core.model import Kind, Notes, Target
from tests.linux.packages import scan_root
from tests.wine_support import wine_gap

UNIT = "[Unit]\nDescription={}\n\n[Service]\nExecStart=-{} --daemon\n"


def _write(root: Path, path: str, content: str = "") -> Path:
    target = root / path.lstrip("/")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(content, encoding="utf-8")
    return target


def _link(root: Path, path: str, to: str) -> None:
    link = root / path.lstrip("/")
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(to)


def _kaspersky_machine(root: Path) -> Path:
    """A merged-/usr machine with KESL and the Network Agent as research describes them (footprints.md §3)."""
    _write(
        root,
        "/usr/lib/systemd/system/kesl.service",
        UNIT.format("packaged", "/opt/kaspersky/kesl/libexec/kesl"),
    )
    _write(
        root,
        "/etc/systemd/system/kesl.service",
        UNIT.format("Kaspersky Endpoint Security", "/opt/kaspersky/kesl/libexec/kesl"),
    )
    _write(
        root,
        "/usr/lib/systemd/system/klnagent64.service",
        UNIT.format("Network Agent", "/opt/kaspersky/klnagent64/sbin/klnagent"),
    )
    _link(root, "/lib", "usr/lib")
    _link(
        root, "/etc/systemd/system/multi-user.target.wants/kesl.service", "/etc/systemd/system/kesl.service"
    )
    _link(root, "/etc/systemd/system/kesl-supervisor.service", "/dev/null")
    _write(root, "/etc/init.d/kav4fs-supervisor", "#!/bin/sh\n")
    _write(root, "/opt/kaspersky/kesl/bin/kesl-control", "test double\n")
    _write(root, "/opt/kaspersky/klnagent64/bin/klnagchk", "test double\n")
    _write(root, "/var/opt/kaspersky/kesl/common/kesl.ini", "[test]\n")
    _write(root, "/etc/opt/kaspersky/klnagent.conf", "")
    _write(root, "/var/log/kaspersky/kesl/kesl.log", "")
    return root


@wine_gap("CreateSymbolicLinkW is not implemented in Wine 8 (a link to an absolute path fails)")
def test_units_are_read_once_in_precedence_order(tmp_path: Path) -> None:
    root = _kaspersky_machine(tmp_path)
    notes = Notes()

    units = {o.name: o for o in systemd.observe(RootFS(str(root), notes))}

    assert set(units) == {
        "kesl.service",
        "klnagent64.service",
        "kesl-supervisor.service",
        "kav4fs-supervisor",
    }
    assert all(o.kind is Kind.SERVICE for o in units.values())
    assert dict(units["kesl.service"].attributes) == {
        "path": "/etc/systemd/system/kesl.service",
        "Type": "systemd",
        "enabled": "true",
        "DisplayName": "Kaspersky Endpoint Security",
        "ImagePath": "/opt/kaspersky/kesl/libexec/kesl",
    }
    assert units["klnagent64.service"].location == "/usr/lib/systemd/system/klnagent64.service"
    assert units["klnagent64.service"].attributes["enabled"] == "false"
    assert units["kesl-supervisor.service"].attributes["masked"] == "true"
    assert units["kav4fs-supervisor"].attributes == {"path": "/etc/init.d/kav4fs-supervisor", "Type": "sysv"}
    assert notes == []


def test_software_folders_are_listed_to_a_bounded_depth(tmp_path: Path) -> None:
    root = _kaspersky_machine(tmp_path)

    paths = {
        o.location: o.attributes["type"]
        for o in linux.observe(Target("linux", False, str(root)), Notes())
        if o.kind is Kind.PATH
    }

    assert {
        "/opt/kaspersky": "dir",
        "/opt/kaspersky/kesl": "dir",
        "/opt/kaspersky/klnagent64": "dir",
        "/var/opt/kaspersky/kesl": "dir",
        "/etc/opt/kaspersky": "dir",
        "/etc/opt/kaspersky/klnagent.conf": "file",
        "/var/log/kaspersky": "dir",
    }.items() <= paths.items()
    assert not any(p.startswith("/opt/kaspersky/kesl/") for p in paths)  # depth 2 and no further


def test_folders_and_units_join_the_product_their_signatures_name(tmp_path: Path) -> None:
    root = _kaspersky_machine(tmp_path)
    document = {
        "schema": "switchover.signatures/1",
        "vendor": "kaspersky",
        "vendor_name": "Kaspersky",
        "origin": "kaspersky",
        "families": [
            {
                "id": "kes",
                "name": "Kaspersky Endpoint Security",
                "category": "endpoint_security",
                "rules": [
                    {"kind": "service", "name": "^kesl\\.service$"},
                    {"kind": "path", "name": "^/(var/)?opt/kaspersky/kesl$"},
                ],
            }
        ],
    }

    result = scan(Target("linux", False, str(root)), signatures=build_signature_set([("test", document)]))

    assert result.products == ()
    [leftover] = result.leftovers
    assert leftover.family == "kes"
    assert sorted(e.location for e in leftover.evidence) == [
        "/etc/systemd/system/kesl.service",
        "/opt/kaspersky/kesl",
        "/var/opt/kaspersky/kesl",
    ]


@wine_gap("CreateSymbolicLinkW is not implemented in Wine 8 (a link to an absolute path fails)")
def test_link_loops_and_links_out_of_the_root_stay_inside_it(tmp_path: Path) -> None:
    root = _kaspersky_machine(tmp_path / "machine")
    _link(root, "/opt/loop", "/opt/loop")
    _link(root, "/opt/a", "b")
    _link(root, "/opt/b", "/opt/a")
    _link(root, "/opt/hostroot", "/")  # on the disk's own machine this is its root, not ours
    _link(root, "/var/lib/dpkg/status", "/proc/self/status")
    os.mkfifo(root / "etc/systemd/system/fifo.service")

    code, document = scan_root(root, "linux")

    assert code != 2  # loops, links out of the root and a FIFO are notes, not errors
    notes = {n["location"]: n["message"] for n in document["notes"]}
    assert notes["/opt/loop"] == notes["/opt/a"] == "skipped: symbolic link loop"
    assert notes["/etc/systemd/system/fifo.service"] == "skipped: not a regular file"
    observed = list(linux.observe(Target("linux", False, str(root)), Notes()))
    assert "/opt/hostroot/opt" in {o.location for o in observed}  # the disk's /opt, through the link
    # The host's /proc is not on the disk, so nothing is seen under it.
    assert not any(o.location.startswith("/opt/hostroot/proc") for o in observed)
    assert not any(o.kind is Kind.PACKAGE for o in observed)


AS_NOBODY = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0 or not shutil.which("setpriv"),
    reason="needs root and setpriv to scan as another user",
)
def test_an_unreadable_folder_is_a_note() -> None:
    # Root reads everything, so the scan runs as "nobody" over a tree nobody may enter in part.
    root = Path(tempfile.mkdtemp())
    try:
        root.chmod(0o755)
        _write(root, "/opt/kaspersky/kesl/bin/kesl-control", "test double\n")
        (root / "opt/kaspersky").chmod(0)
        result = subprocess.run(
            [
                *AS_NOBODY,
                sys.executable,
                "-m",
                "core",
                "scan",
                "--json",
                "--root",
                str(root),
                "--os",
                "linux",
            ],
            cwd=Path(__file__).resolve().parents[2],
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        (root / "opt/kaspersky").chmod(0o755)
        shutil.rmtree(root)

    assert result.returncode != 2, result.stderr  # an unreadable folder is a note, not an error
    assert json.loads(result.stdout)["notes"] == [
        {"location": "/opt/kaspersky", "message": "cannot be read: Permission denied"}
    ]
