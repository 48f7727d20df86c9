"""Linux, live or offline: dpkg and rpm packages, systemd units and init scripts, add-on software folders.

Only the known places are read, to a bounded depth; the signatures decide what
among them is Kaspersky.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping

from core.detection.adapters import dpkg, rpmdb, systemd
from core.detection.adapters.rootfs import RootFS, machine_root
from core.model import Kind, Notes, Observation, Target

# Package managers at their system paths (usrmerge makes /bin and /usr/bin one folder).
PACKAGE_MANAGERS = {
    name: (f"/usr/bin/{name}", f"/bin/{name}") for name in ("apt-get", "dpkg", "dnf", "zypper", "rpm")
}

DPKG_ADMIN = "/var/lib/dpkg"  # dpkg's database on a live machine
# Where software installed outside the package manager lives (FHS add-on packages keep
# /opt/<vendor>/<product>, /var/opt/<vendor>/<product> and /etc/opt/<vendor>/<product>),
# and how deep to list each place.
SOFTWARE_FOLDERS = {
    "/opt": 2,
    "/var/opt": 2,
    "/etc/opt": 2,
    "/var/log": 1,
    "/etc": 1,
}


# Whether a rule might match an item (SignatureSet.could_match): lets a reader skip ordinary items.
Screen = Callable[[Kind, str, Mapping[str, str], frozenset[str]], bool]
# What a dpkg package's observation holds besides its name and Maintainer, not read before the screen.
_DPKG_UNREAD = frozenset({"Version", "Status", "Architecture"})
_DPKG = {"manager": "dpkg"}


def observe(target: Target, notes: Notes, screen: Screen | None = None) -> Iterator[Observation]:
    fs = RootFS(machine_root(target.root), notes)
    wanted = None if screen is None else _wanted_package(screen)
    yield from dpkg.observe(fs, wanted)
    yield from rpmdb.observe(fs)
    if not package_database_read(fs):
        notes.gap(
            "a package database (dpkg's status or an rpm database)",
            dpkg.STATUS_FILE if fs.kind(dpkg.STATUS_FILE) else (target.root or "/"),
            "none could be read here, so installed packages could not be listed",
        )
    yield from systemd.observe(fs)
    yield from software_folders(fs)


def _wanted_package(screen: Screen) -> dpkg.Wanted:
    """A package is wanted when a rule might match its name, or its maintainer whatever the name (the
    vendor-wide rules are "." on the name): the two asked apart, as dpkg.Wanted must be, and together
    never stricter than asking about both at once."""

    maintainers: dict[str, bool] = {}  # hundreds of packages, a few dozen maintainers

    def wanted(name: str, maintainer: str) -> bool:
        if screen(Kind.PACKAGE, name, _DPKG, _DPKG_UNREAD):
            return True
        if not maintainer:
            return False
        known = maintainers.get(maintainer)
        if known is None:
            attributes = {"manager": "dpkg", "Maintainer": maintainer}
            known = maintainers[maintainer] = screen(Kind.PACKAGE, "", attributes, _DPKG_UNREAD)
        return known

    return wanted


def package_database_read(fs: RootFS) -> bool:
    """Is there a dpkg status file or an rpm database that is a regular file? (A FIFO or a folder at
    the name is none: RootFS reads only regular files.)"""
    if fs.kind(dpkg.STATUS_FILE) == "file":
        return True
    return any(
        fs.kind(f"{folder}/{name}") == "file" for folder in rpmdb.DB_FOLDERS for name in ("rpmdb.sqlite",)
    )


def software_folders(fs: RootFS) -> Iterator[Observation]:
    for folder, depth in SOFTWARE_FOLDERS.items():
        for path, kind in fs.walk(folder, depth):
            # /etc and /var/log hold many files; only their folders can be a product's.
            if kind == "dir" or depth > 1:
                yield Observation(Kind.PATH, path, path, {"type": kind})


def package_managers(target: Target, *, dpkg_admin: str = DPKG_ADMIN) -> tuple[str, ...]:
    """The package-manager front ends at their system paths on this live Linux machine (else none).

    The plan prefers them to bare dpkg and rpm; offline roots are handled with `--root`. After an
    interrupted dpkg run (a cancelled removal ends dpkg in the middle of a package's prerm) apt-get
    refuses to do anything until `dpkg --configure -a` has run; dpkg itself removes the package
    and finishes the pending work, so the plan falls back to it.
    """
    if not target.live or target.os != "linux":
        return ()
    present = (name for name, paths in PACKAGE_MANAGERS.items() if any(os.path.exists(p) for p in paths))
    interrupted = dpkg_interrupted(dpkg_admin)
    return tuple(name for name in present if not (interrupted and name == "apt-get"))


def dpkg_interrupted(admin: str = DPKG_ADMIN) -> bool:
    """dpkg stopped part-way: its journal folder `updates/` holds entries named by digits only,
    the test apt-get makes before it says "dpkg was interrupted" (dpkg's own `tmp.i` does not count)."""
    try:
        names = os.listdir(os.path.join(admin, "updates"))
    except OSError:
        return False
    return any(name.isdigit() for name in names)
