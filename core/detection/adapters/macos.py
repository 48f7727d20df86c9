"""macOS, live or offline: app bundles, launchd jobs, installer receipts, kernel and system
extensions, and vendor support folders.

Only the known places are read, to a bounded depth; the signatures decide what
among them is Kaspersky. Per-user places (under /Users/NAME) are reported with
scope "user".
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from typing import Any

from core.detection.adapters.plists import read_plist, text
from core.detection.adapters.rootfs import RootFS, machine_root
from core.model import Kind, Notes, Observation, Scope, Target

SYSTEM_EXTENSIONS_DB = "/Library/SystemExtensions/db.plist"
# /var is a link to /private/var on a Mac; a copied tree may hold either.
RECEIPT_FOLDERS = ("/private/var/db/receipts", "/var/db/receipts")
KEXT_FOLDERS = ("/Library/Extensions", "/System/Library/Extensions")
APPLICATION_SUPPORT = "/Library/Application Support"
# Vendor folders, and how deep to list them.
MACHINE_SUPPORT_FOLDERS = {
    "/Library/Logs": 1,
    "/Library/Caches": 1,
    "/Library/Preferences": 1,
    "/Library/Receipts": 1,  # bundle receipts of installers older than 10.6
}
USER_SUPPORT_FOLDERS = {"Library/Application Support": 1, "Library/Logs": 1, "Library/Preferences": 1}


def observe(target: Target, notes: Notes) -> Iterator[Observation]:
    fs = RootFS(machine_root(target.root), notes)
    users = [posixpath.join("/Users", name) for name in fs.list_dir("/Users") if not name.startswith(".")]
    yield from bundles(fs, "/Applications", 2, "machine")
    for home in users:
        yield from bundles(fs, f"{home}/Applications", 2, "user")
    for folder in KEXT_FOLDERS:
        yield from bundles(fs, folder, 1, "machine")
    yield from application_support(fs)
    yield from launchd_jobs(fs, "/Library/LaunchDaemons", "machine")
    yield from launchd_jobs(fs, "/Library/LaunchAgents", "machine")
    for home in users:
        yield from launchd_jobs(fs, f"{home}/Library/LaunchAgents", "user")
    yield from receipts(fs)
    yield from system_extensions(fs)
    yield from support_folders(fs, MACHINE_SUPPORT_FOLDERS, "/", "machine")
    for home in users:
        yield from support_folders(fs, USER_SUPPORT_FOLDERS, home, "user")


def bundles(fs: RootFS, folder: str, depth: int, scope: Scope) -> Iterator[Observation]:
    """Apps and kernel extensions in a folder, and to `depth` levels below it."""
    for path, kind in fs.walk(folder, depth):
        if kind == "dir" and path.endswith((".app", ".kext")):
            yield _bundle(fs, path, scope)


def application_support(fs: RootFS) -> Iterator[Observation]:
    """Vendor folders two levels deep, and the apps and kernel extensions vendors keep in them."""
    base_depth = APPLICATION_SUPPORT.count("/")
    for path, kind in fs.walk(APPLICATION_SUPPORT, 3):
        if kind == "dir" and path.endswith((".app", ".kext")):
            yield _bundle(fs, path, "machine")
        elif path.count("/") - base_depth <= 2:
            yield Observation(Kind.PATH, path, path, {"type": kind})


def _bundle(fs: RootFS, path: str, scope: Scope) -> Observation:
    info = read_plist(fs, f"{path}/Contents/Info.plist") or {}
    bundle_id = text(info, "CFBundleIdentifier")
    if bundle_id is None:
        # Without its Info.plist a bundle is still a folder that a signature can know by name.
        return Observation(Kind.PATH, path, path, {"type": "dir"}, scope)
    if path.endswith(".kext"):
        attributes = {"path": path, **_present(Version=_version(info))}
        return Observation(Kind.KEXT, path, bundle_id, attributes, scope)
    attributes = {"path": path, **_present(CFBundleName=text(info, "CFBundleName"), Version=_version(info))}
    return Observation(Kind.APP_BUNDLE, path, bundle_id, attributes, scope)


def launchd_jobs(fs: RootFS, folder: str, scope: Scope) -> Iterator[Observation]:
    for name in fs.list_dir(folder):
        path = posixpath.join(folder, name)
        if not name.endswith(".plist") or fs.kind(path) != "file":
            continue
        job = read_plist(fs, path) or {}
        # launchd requires the Label; a damaged file is still known by its name, which is the label by custom.
        label = text(job, "Label") or name.removesuffix(".plist")
        arguments = job.get("ProgramArguments")
        first_argument = arguments[0] if isinstance(arguments, list) and arguments else None
        program = text(job, "Program") or (first_argument if isinstance(first_argument, str) else None)
        yield Observation(Kind.LAUNCHD_JOB, path, label, {"path": path, **_present(Program=program)}, scope)


def receipts(fs: RootFS) -> Iterator[Observation]:
    seen: set[str] = set()
    for folder in RECEIPT_FOLDERS:
        host = fs.resolve(folder)
        if host is None or host in seen:
            continue
        seen.add(host)
        for name in fs.list_dir(folder):
            if not name.endswith(".plist"):
                continue
            path = posixpath.join(folder, name)
            receipt = read_plist(fs, path) or {}
            identifier = text(receipt, "PackageIdentifier") or name.removesuffix(".plist")
            attributes = {"path": path, **_present(PackageVersion=text(receipt, "PackageVersion"))}
            yield Observation(Kind.PKG_RECEIPT, path, identifier, attributes)


def system_extensions(fs: RootFS) -> Iterator[Observation]:
    """The entries of the system extensions database (the data `systemextensionsctl list` shows)."""
    database = read_plist(fs, SYSTEM_EXTENSIONS_DB)
    if database is None:
        return
    entries = database.get("extensions")
    if not isinstance(entries, list):
        fs.notes.skip(SYSTEM_EXTENSIONS_DB, "skipped: no list of extensions")
        return
    for entry in entries:
        identifier = text(entry, "identifier") if isinstance(entry, dict) else None
        if identifier is None:
            fs.notes.skip(SYSTEM_EXTENSIONS_DB, "skipped an entry without an identifier")
            continue
        path = _staged_path(entry) or text(entry, "originPath") or SYSTEM_EXTENSIONS_DB
        versions = entry.get("bundleVersion")
        attributes = _present(
            path=path,
            teamID=text(entry, "teamID"),
            state=text(entry, "state"),
            Version=_version(versions) if isinstance(versions, dict) else None,
        )
        yield Observation(Kind.SYSTEM_EXTENSION, path, identifier, attributes)


def support_folders(fs: RootFS, folders: dict[str, int], home: str, scope: Scope) -> Iterator[Observation]:
    for folder, depth in folders.items():
        for path, kind in fs.walk(posixpath.join(home, folder), depth):
            yield Observation(Kind.PATH, path, path, {"type": kind}, scope)


def _staged_path(entry: dict[str, Any]) -> str | None:
    staged = entry.get("stagedBundleURL")
    url = text(staged, "relative") if isinstance(staged, dict) else None
    if url is None or not url.startswith("file://"):
        return None
    return url.removeprefix("file://").rstrip("/") or None


def _version(info: dict[str, Any]) -> str | None:
    return text(info, "CFBundleShortVersionString") or text(info, "CFBundleVersion")


def _present(**values: str | None) -> dict[str, str]:
    return {key: value for key, value in values.items() if value is not None}
