"""The macOS adapter on a tree shaped like a Mac, with real property lists (binary and XML).

Bundle ids, labels, receipts and paths are those research found (footprints.md §2).
"""

from __future__ import annotations

import plistlib
from pathlib import Path

from core.detection.adapters import macos
from core.model import Kind, Notes, Observation, Target
from tests.linux.packages import scan_root
from tests.wine_support import wine_gap

XML, BINARY = plistlib.FMT_XML, plistlib.FMT_BINARY


def _plist(root: Path, path: str, value: object, fmt: plistlib.PlistFormat = XML) -> None:
    target = root / path.lstrip("/")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(plistlib.dumps(value, fmt=fmt))


def _mac(root: Path) -> Path:
    (root / "System/Library").mkdir(parents=True)
    _plist(
        root,
        "/Applications/Kaspersky Anti-Virus For Mac.app/Contents/Info.plist",
        {
            "CFBundleIdentifier": "com.kaspersky.kav",
            "CFBundleName": "Kaspersky Anti-Virus",
            "CFBundleShortVersionString": "21.0.0.464",
        },
        BINARY,
    )
    _plist(
        root,
        "/Applications/Utilities/Other.app/Contents/Info.plist",
        {"CFBundleIdentifier": "org.example.other"},
    )
    _plist(
        root,
        "/Users/alice/Applications/Kaspersky Downloader.app/Contents/Info.plist",
        {"CFBundleIdentifier": "com.kaspersky.kav.downloader"},
    )
    _plist(
        root,
        "/Library/LaunchDaemons/com.kaspersky.kav.plist",
        {
            "Label": "com.kaspersky.kav",
            "ProgramArguments": ["/Library/Application Support/Kaspersky Lab/KAV/Binaries/kav"],
        },
        BINARY,
    )
    _plist(
        root,
        "/Library/LaunchAgents/com.kaspersky.kav.gui.plist",
        {
            "Label": "com.kaspersky.kav.gui",
            "Program": "/Applications/Kaspersky Anti-Virus For Mac.app/Contents/MacOS/kav_app",
        },
    )
    _plist(root, "/Users/alice/Library/LaunchAgents/org.example.agent.plist", {"Label": "org.example.agent"})
    _plist(
        root,
        "/private/var/db/receipts/com.kaspersky.kav.core.plist",
        {"PackageIdentifier": "com.kaspersky.kav.core", "PackageVersion": "21.0.0.464"},
        BINARY,
    )
    _plist(
        root,
        "/private/var/db/receipts/com.kaspersky.klnagent.core.plist",
        {"PackageIdentifier": "com.kaspersky.klnagent.core"},
    )
    (root / "var").symlink_to("private/var")  # as on a Mac: the receipts must be read once
    _plist(
        root,
        "/System/Library/Extensions/klif.kext/Contents/Info.plist",
        {"CFBundleIdentifier": "com.kaspersky.kext.klif", "CFBundleVersion": "3.0"},
    )
    _plist(
        root,
        "/Library/Application Support/Kaspersky Lab/klif/klif.kext/Contents/Info.plist",
        {"CFBundleIdentifier": "com.kaspersky.kext.klif"},
    )
    _plist(
        root,
        "/Library/SystemExtensions/db.plist",
        {
            "version": 1,
            "extensions": [
                {
                    "identifier": "com.kaspersky.kav.sysext",
                    "teamID": "2Y8XE5CQ94",
                    "state": "activated_enabled",
                    "bundleVersion": {"CFBundleShortVersionString": "26.0.0.150", "CFBundleVersion": "150"},
                    "stagedBundleURL": {
                        "relative": "file:///Library/SystemExtensions/ABC/com.kaspersky.kav.sysext.systemextension/"
                    },
                    "originPath": "/Applications/Kaspersky Anti-Virus For Mac.app/Contents/Library/"
                    "SystemExtensions/com.kaspersky.kav.sysext.systemextension",
                },
                "junk",
            ],
        },
        BINARY,
    )
    (root / "Library/Application Support/Kaspersky Lab/klnagent/Binaries").mkdir(parents=True)
    (root / "Library/Logs/Kaspersky Lab").mkdir(parents=True)
    _plist(root, "/Users/alice/Library/Preferences/com.kaspersky.kav.plist", {})
    return root


def _observe(root: Path) -> tuple[list[Observation], Notes]:
    notes = Notes()
    return list(macos.observe(Target("macos", False, str(root)), notes)), notes


def _by_kind(observations: list[Observation], kind: Kind) -> dict[str, Observation]:
    return {o.location: o for o in observations if o.kind is kind}


def test_apps_jobs_receipts_and_extensions_from_binary_and_xml_plists(tmp_path: Path) -> None:
    observations, notes = _observe(_mac(tmp_path))

    apps = _by_kind(observations, Kind.APP_BUNDLE)
    assert {(o.location, o.name, o.scope) for o in apps.values()} == {
        ("/Applications/Kaspersky Anti-Virus For Mac.app", "com.kaspersky.kav", "machine"),
        ("/Applications/Utilities/Other.app", "org.example.other", "machine"),
        ("/Users/alice/Applications/Kaspersky Downloader.app", "com.kaspersky.kav.downloader", "user"),
    }
    assert apps["/Applications/Kaspersky Anti-Virus For Mac.app"].attributes["Version"] == "21.0.0.464"

    jobs = _by_kind(observations, Kind.LAUNCHD_JOB)
    assert {(o.name, o.scope, o.attributes.get("Program")) for o in jobs.values()} == {
        ("com.kaspersky.kav", "machine", "/Library/Application Support/Kaspersky Lab/KAV/Binaries/kav"),
        (
            "com.kaspersky.kav.gui",
            "machine",
            "/Applications/Kaspersky Anti-Virus For Mac.app/Contents/MacOS/kav_app",
        ),
        ("org.example.agent", "user", None),
    }

    receipts = _by_kind(observations, Kind.PKG_RECEIPT)
    assert sorted((o.name, o.attributes.get("PackageVersion")) for o in receipts.values()) == [
        ("com.kaspersky.kav.core", "21.0.0.464"),
        ("com.kaspersky.klnagent.core", None),
    ]

    kexts = _by_kind(observations, Kind.KEXT)
    assert {(path, o.name) for path, o in kexts.items()} == {
        ("/System/Library/Extensions/klif.kext", "com.kaspersky.kext.klif"),
        ("/Library/Application Support/Kaspersky Lab/klif/klif.kext", "com.kaspersky.kext.klif"),
    }

    [sysext] = _by_kind(observations, Kind.SYSTEM_EXTENSION).values()
    assert sysext.name == "com.kaspersky.kav.sysext"
    assert sysext.location == "/Library/SystemExtensions/ABC/com.kaspersky.kav.sysext.systemextension"
    assert dict(sysext.attributes) == {
        "path": sysext.location,
        "teamID": "2Y8XE5CQ94",
        "state": "activated_enabled",
        "Version": "26.0.0.150",
    }
    assert [n.message for n in notes] == ["skipped an entry without an identifier"]


def test_support_folders_are_paths_with_their_scope(tmp_path: Path) -> None:
    observations, _ = _observe(_mac(tmp_path))

    paths = {(o.location, o.scope) for o in observations if o.kind is Kind.PATH}

    assert {
        ("/Library/Application Support/Kaspersky Lab", "machine"),
        ("/Library/Application Support/Kaspersky Lab/klnagent", "machine"),
        ("/Library/Logs/Kaspersky Lab", "machine"),
        ("/Users/alice/Library/Preferences/com.kaspersky.kav.plist", "user"),
    } <= paths
    assert ("/Library/Application Support/Kaspersky Lab/klnagent/Binaries", "machine") not in paths


def test_broken_plists_are_noted_and_the_scan_goes_on(tmp_path: Path) -> None:
    root = _mac(tmp_path)
    info = root / "Applications/Kaspersky Anti-Virus For Mac.app/Contents/Info.plist"
    info.write_bytes(info.read_bytes()[:40])  # a truncated binary plist
    (root / "Library/LaunchDaemons/com.kaspersky.kav.plist").write_bytes(
        b"<?xml version='1.0'?><plist><dict><key>"
    )
    (root / "Library/SystemExtensions/db.plist").write_bytes(
        b'<!DOCTYPE x [<!ENTITY a "aaaa">]><plist>&a;</plist>'
    )
    (root / "Library/LaunchAgents/list.plist").write_bytes(plistlib.dumps(["not", "a", "dict"]))

    observations, notes = _observe(root)

    # The app is still known by its folder, the job by its file name.
    assert ("/Applications/Kaspersky Anti-Virus For Mac.app", Kind.PATH) in {
        (o.location, o.kind) for o in observations
    }
    assert "com.kaspersky.kav" in {o.name for o in observations if o.kind is Kind.LAUNCHD_JOB}
    noted = {n.location for n in notes}
    assert {
        "/Applications/Kaspersky Anti-Virus For Mac.app/Contents/Info.plist",
        "/Library/LaunchDaemons/com.kaspersky.kav.plist",
        "/Library/SystemExtensions/db.plist",
        "/Library/LaunchAgents/list.plist",
    } <= noted


@wine_gap("CreateSymbolicLinkW is not implemented in Wine 8 (a link to an absolute path fails)")
def test_a_mac_tree_scans_from_the_command_line(tmp_path: Path) -> None:
    root = _mac(tmp_path)
    (root / "Library/Application Support/loop").symlink_to("/Library/Application Support/loop")

    code, document = scan_root(root, "macos")

    assert code in (0, 1)  # whether these are Kaspersky is the signatures' business
    assert document["machine"] == {
        "os": "macos",
        "source": "offline",
        "hostname": None,
        "root": str(root),
        "registry_exports": [],
        "bundle": None,
        "os_version": None,
    }
    assert {
        "location": "/Library/Application Support/loop",
        "message": "skipped: symbolic link loop",
    } in document["notes"]
