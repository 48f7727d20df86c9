"""systemd units and SysV init scripts: the services a Linux machine would start."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator

from core.detection.adapters.rootfs import RootFS
from core.model import Kind, Observation

# In precedence order: a unit in /etc overrides the packaged one of the same name.
UNIT_FOLDERS = ("/etc/systemd/system", "/usr/lib/systemd/system", "/lib/systemd/system")
UNIT_SUFFIXES = (".service", ".socket", ".timer", ".path")
INIT_SCRIPTS = "/etc/init.d"
MAX_UNIT_BYTES = 1024 * 1024
# The two settings read, with their values (a line "Key=value", spaces allowed around both).
_SETTING = re.compile(r"^[ \t]*(Description|ExecStart)[ \t]*=[ \t]*(\S[^\n]*)$", re.MULTILINE)


def observe(fs: RootFS) -> Iterator[Observation]:
    seen_units: set[str] = set()
    seen_folders: set[str] = set()
    enabled = _enabled_units(fs)
    for folder in UNIT_FOLDERS:
        host = fs.resolve(folder)
        if host is None or host in seen_folders:  # /lib is a link to /usr/lib on merged-/usr systems
            continue
        seen_folders.add(host)
        for name, listed in fs.entries(folder):
            if not name.endswith(UNIT_SUFFIXES) or name in seen_units:
                continue
            seen_units.add(name)
            yield _unit(fs, posixpath.join(folder, name), name, name in enabled, link=listed is None)
    for name in fs.list_dir(INIT_SCRIPTS):
        path = posixpath.join(INIT_SCRIPTS, name)
        if not name.startswith(".") and fs.kind(path) == "file":
            yield Observation(Kind.SERVICE, path, name, {"path": path, "Type": "sysv"})


def _unit(fs: RootFS, path: str, name: str, enabled: bool, *, link: bool) -> Observation:
    attributes = {"path": path, "Type": "systemd", "enabled": "true" if enabled else "false"}
    if link and fs.link_target(path) == "/dev/null":  # masked (the listing says what is a link)
        attributes["masked"] = "true"
    else:
        attributes.update(_unit_fields(fs, path))
    return Observation(Kind.SERVICE, path, name, attributes)


def _enabled_units(fs: RootFS) -> set[str]:
    """Units that something wants or requires: the links in /etc/systemd/system/*.wants and *.requires."""
    enabled: set[str] = set()
    for folder in fs.list_dir(UNIT_FOLDERS[0]):
        if folder.endswith((".wants", ".requires")):
            enabled.update(fs.list_dir(posixpath.join(UNIT_FOLDERS[0], folder)))
    return enabled


def _unit_fields(fs: RootFS, path: str) -> dict[str, str]:
    """Description and the program ExecStart runs, under the names Windows services use."""
    data = fs.read_bytes(path, MAX_UNIT_BYTES)
    if data is None:
        return {}
    fields: dict[str, str] = {}
    # One regular expression finds the two lines; reading every line in Python cost a live scan more.
    for key, value in _SETTING.findall(data.decode("utf-8", errors="replace")):
        if key == "Description":
            fields.setdefault("DisplayName", value.strip())
        else:
            # Prefixes like "-" or "@" change how systemd runs the program, not which program it is.
            program = value.lstrip("-@:+!").split()
            if program:
                fields.setdefault("ImagePath", program[0])
    return fields
