"""The release's identity, in one place for every artifact: version, names, ids.

The version has one source, `core.__version__` (pyproject.toml reads it too); the Windows
version resources, the NSIS installer, the MSI, the .deb and the AppStream metainfo all take it
from here, and the release dates from CHANGELOG.md.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from core import REVERSE_DOMAIN, __version__  # noqa: E402 - the repository root goes on the path first

NAME = "Switchover"
PACKAGE = "switchover"
SUMMARY = "Leave Kaspersky security software safely and get protected again"
# The reverse-DNS id (desktop file, AppStream, icon names, the macOS bundle), from core's
# REVERSE_DOMAIN (a placeholder until the project has a domain).
APP_ID = f"{REVERSE_DOMAIN}.Switchover"
POLKIT_ACTION_ID = f"{REVERSE_DOMAIN}.elevated-helper"
PUBLISHER = "Switchover"
# Placeholders the project must fill in before a release (docs/packaging.md, "Before a release"):
# the .deb's Maintainer field wants "Name <address>" (Debian Policy 5.6.2): no address yet.
MAINTAINER = "Switchover contributors"
# The macOS code-signing identity in the release machine's keychain, "Developer ID Application:
# NAME (TEAM ID)"; None signs ad hoc (the .app runs where it was built; Gatekeeper refuses it elsewhere).
MACOS_SIGNING_IDENTITY: str | None = None
PLACEHOLDERS = {
    "core.REVERSE_DOMAIN": REVERSE_DOMAIN == "org.switchover",
    "release.MAINTAINER": "<" not in MAINTAINER,
    "release.MACOS_SIGNING_IDENTITY": MACOS_SIGNING_IDENTITY is None,
}
LICENSE = "MIT"
# The MSI's UpgradeCode: the same for every version, so that a new MSI replaces the old one.
# Generated once for this project (uuid4); never change it.
MSI_UPGRADE_CODE = "{6F1B2C84-3E0A-4D4B-9C55-2B7E0E8A91D3}"


@dataclass(frozen=True)
class Release:
    version: str
    date: str  # ISO date, from CHANGELOG.md
    notes: tuple[str, ...]


def numeric_version(version: str = __version__) -> tuple[int, int, int]:
    """major.minor.patch as numbers, for Windows version resources and MSI ProductVersion
    (which take numbers only: "0.2.0rc1" gives (0, 2, 0))."""
    match = re.match(r"(\d+)\.(\d+)(?:\.(\d+))?", version)
    if not match:
        raise ValueError(f"core.__version__ {version!r} does not start with major.minor")
    return int(match[1]), int(match[2]), int(match[3] or 0)


def releases(changelog: Path = REPO / "CHANGELOG.md") -> list[Release]:
    """The released versions in CHANGELOG.md, newest first: `## [0.1.0] - 2026-12-01` headings
    and their `- ` items."""
    found: list[Release] = []
    heading = re.compile(r"^## \[(?P<version>[^\]]+)\] - (?P<date>\d{4}-\d{2}-\d{2})\s*$")
    for line in changelog.read_text(encoding="utf-8").splitlines():
        match = heading.match(line)
        if match:
            found.append(Release(match["version"], match["date"], ()))
        elif line.startswith("- ") and found:
            last = found[-1]
            found[-1] = Release(last.version, last.date, (*last.notes, line[2:].strip()))
    return found


def current_release() -> Release:
    """This version's CHANGELOG entry; a build of a version the CHANGELOG does not name fails."""
    for release in releases():
        if release.version == __version__:
            return release
    raise SystemExit(f"CHANGELOG.md has no entry for version {__version__} (core/__init__.py)")


VERSION = __version__
