"""A product is shown by the name people know it by, not by its package name or bundle id.

A package ("kesl"), a bundle id ("com.kaspersky.kav"), an installer receipt or an uninstall key
with no DisplayName names no product: the signature data's product or family name stands in,
and the evidence keeps the package's own name (plans remove packages by it).
Real databases written by dpkg and rpm, real property lists; scanned through the command line.
"""

from __future__ import annotations

import plistlib
import subprocess
import sys
from pathlib import Path

import pytest

from tests.linux.packages import REPO, build_deb, build_rpm, dpkg, dpkg_root, have, rpm, scan_root


def _named(document: dict) -> dict[str, dict]:
    return {p["name"]: p for p in document["products"]}


@pytest.mark.skipif(not have("dpkg", "dpkg-deb"), reason="needs Debian's dpkg and dpkg-deb")
def test_debian_packages_show_the_product_name_and_keep_the_package_name(tmp_path: Path) -> None:
    root = dpkg_root(tmp_path / "machine")
    debs = [
        build_deb(tmp_path, "kesl", "12.1.0-1508", {"/opt/kaspersky/kesl/bin/kesl-control": "test double\n"}),
        build_deb(tmp_path, "kesl-gui", "12.1.0-1508", {"/opt/kaspersky/kesl/share/gui": "test double\n"}),
        build_deb(tmp_path, "klnagent64", "15.1.0-20748", {"/opt/kaspersky/klnagent64/bin/a": "double\n"}),
    ]
    dpkg(root, "-i", *map(str, debs))

    code, document = scan_root(root, "linux")

    assert code == 1
    products = _named(document)
    assert set(products) == {
        "Kaspersky Endpoint Security for Linux",
        "Kaspersky Endpoint Security for Linux graphical interface",
        "Kaspersky Security Center Network Agent",
    }
    kesl = products["Kaspersky Endpoint Security for Linux"]
    assert kesl["id"] == "kaspersky:kes:kesl"  # ids keep the package name: plans and journals use them
    assert kesl["version"] == "12.1.0-1508"
    package = next(e for e in kesl["evidence"] if e["kind"] == "package")
    assert (package["name"], package["location"]) == ("kesl", "dpkg:kesl")

    summary = subprocess.run(
        [sys.executable, "-m", "core", "scan", "--root", str(root), "--os", "linux"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout
    assert "  - Kaspersky Endpoint Security for Linux 12.1.0-1508 (managed by Security Center)\n" in summary
    assert "kesl" not in summary


@pytest.mark.skipif(not have("rpm", "rpmbuild"), reason="needs rpm and rpmbuild")
def test_rpm_packages_show_the_product_name(tmp_path: Path) -> None:
    root = tmp_path / "machine"
    root.mkdir()
    rpm(root, "--initdb")
    rpm(root, "-i", "--nodeps", "--justdb", str(build_rpm(tmp_path, "kesl", "11.2.0", "4528")))

    _, document = scan_root(root, "linux")

    (kesl,) = document["products"]
    assert kesl["name"] == "Kaspersky Endpoint Security for Linux" and kesl["version"] == "11.2.0-4528"
    assert [e["name"] for e in kesl["evidence"] if e["kind"] == "package"] == ["kesl"]


def _plist(root: Path, path: str, value: object) -> None:
    target = root / path.lstrip("/")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(plistlib.dumps(value, fmt=plistlib.FMT_BINARY))


def test_mac_apps_and_receipt_only_products_show_a_product_name(tmp_path: Path) -> None:
    root = tmp_path / "mac"
    (root / "System/Library").mkdir(parents=True)
    _plist(
        root,
        "/Applications/Kaspersky Endpoint Security for Mac.app/Contents/Info.plist",
        {"CFBundleIdentifier": "com.kaspersky.kav", "CFBundleName": "Endpoint Security"},
    )
    _plist(  # the consumer app: its own CFBundleName is the name its user knows
        root,
        "/Users/alice/Applications/Kaspersky Internet Security.app/Contents/Info.plist",
        {"CFBundleIdentifier": "com.kaspersky.kav", "CFBundleName": "Kaspersky Internet Security"},
    )
    _plist(  # the Mac Network Agent has no app, only its receipts
        root,
        "/private/var/db/receipts/com.kaspersky.klnagent.core.plist",
        {"PackageIdentifier": "com.kaspersky.klnagent.core"},
    )

    _, document = scan_root(root, "macos")

    products = _named(document)
    assert set(products) == {
        "Kaspersky Endpoint Security for Mac",
        "Kaspersky Internet Security",
        "Kaspersky Security Center Network Agent",
    }
    assert products["Kaspersky Endpoint Security for Mac"]["evidence"][0]["name"] == "com.kaspersky.kav"
    receipt = products["Kaspersky Security Center Network Agent"]["evidence"][0]
    assert receipt["name"] == "com.kaspersky.klnagent.core"
