"""Real test-double packages (.deb from dpkg-deb, .rpm from rpmbuild), installed into a temporary root.

Names and versions come from research (footprints.md §3: `kesl_12.1.0-1508_amd64.deb`,
`klnagent64_15.1.0-20748_amd64.deb`); the maintainer and vendor are marked as test values.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TEST_MAINTAINER = "Switchover test double <test-double@switchover.invalid>"
TEST_VENDOR = "Switchover test double"


def build_deb(
    workdir: Path, name: str, version: str, files: dict[str, str], conffiles: tuple[str, ...] = ()
) -> Path:
    tree = workdir / f"{name}-deb"
    (tree / "DEBIAN").mkdir(parents=True)
    (tree / "DEBIAN" / "control").write_text(
        f"Package: {name}\nVersion: {version}\nArchitecture: amd64\nMaintainer: {TEST_MAINTAINER}\n"
        "Description: Switchover test double\n",
        encoding="utf-8",
    )
    if conffiles:
        (tree / "DEBIAN" / "conffiles").write_text("".join(f"{c}\n" for c in conffiles), encoding="utf-8")
    for path, content in files.items():
        target = tree / path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
    output = workdir / f"{name}_{version}_amd64.deb"
    subprocess.run(
        ["dpkg-deb", "--build", "--root-owner-group", str(tree), str(output)], check=True, capture_output=True
    )
    return output


def dpkg_root(root: Path) -> Path:
    """An empty dpkg database under `root`, as `dpkg --root` expects it."""
    admin = root / "var/lib/dpkg"
    for folder in ("info", "updates"):
        (admin / folder).mkdir(parents=True, exist_ok=True)
    for file in ("status", "available"):
        (admin / file).touch()
    return root


def dpkg(root: Path, *args: str) -> None:
    subprocess.run(
        ["dpkg", f"--root={root}", "--force-not-root", "--force-script-chrootless", "--log=/dev/null", *args],
        check=True,
        capture_output=True,
    )


def build_rpm(workdir: Path, name: str, version: str, release: str) -> Path:
    spec = workdir / f"{name}.spec"
    spec.write_text(
        f"Name: {name}\nVersion: {version}\nRelease: {release}\n"
        "Summary: Switchover test double\nLicense: MIT\n"
        f"Vendor: {TEST_VENDOR}\nBuildArch: noarch\n%description\nSwitchover test double\n%files\n",
        encoding="utf-8",
    )
    top = workdir / "rpmbuild"
    subprocess.run(
        ["rpmbuild", "-bb", "--define", f"_topdir {top}", str(spec)], check=True, capture_output=True
    )
    return next((top / "RPMS").rglob(f"{name}-{version}-{release}.*.rpm"))


def rpm(root: Path, *args: str) -> str:
    # Debian's rpm keeps its database in ~/.rpmdb by default; RPM distributions use /var/lib/rpm.
    result = subprocess.run(
        ["rpm", "--root", str(root), "--dbpath", "/var/lib/rpm", *args],
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout


def have(*programs: str) -> bool:
    return all(shutil.which(p) for p in programs)


def scan_root(root: Path, os_name: str) -> tuple[int, dict]:
    """`python -m core scan --json --root ROOT --os OS` as a subprocess: exit code and the document."""
    result = subprocess.run(
        [sys.executable, "-m", "core", "scan", "--json", "--root", str(root), "--os", os_name],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode in (0, 1, 3), result.stderr  # 3: the tree cannot show it all
    assert result.stderr == "", result.stderr
    return result.returncode, json.loads(result.stdout)


def evidence(document: dict) -> list[tuple[str, dict]]:
    """(family, evidence item) for everything in products and leftovers."""
    return [
        (p["family"], e)
        for group in ("products", "leftovers")
        for p in document[group]
        for e in p["evidence"]
    ]
