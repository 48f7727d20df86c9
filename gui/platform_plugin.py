"""Why Qt's platform plugin could not load, in words a person can act on.

On Linux, Qt's xcb plugin needs a dozen X libraries (libxcb-icccm4, libxcb-keysyms1, ...). When one
is missing, Qt says only that it needs libxcb-cursor0, whatever is really missing. The system's
dynamic loader knows exactly which libraries it cannot find: this module asks it (the loader itself,
by its absolute path, with LD_TRACE_LOADED_OBJECTS, as ldd does without ldd's shell script) and
names those libraries and the one command that installs them.
"""

from __future__ import annotations

import os
import re
import struct
import subprocess
import sys
from pathlib import Path

PT_INTERP = 3
# Debian names a library package after its soname: libfoo.so.4 -> libfoo4, libfoo2.so.1 ->
# libfoo2-1 (Debian Policy 8.1). These are the exceptions among what Qt's plugins link.
DEBIAN_EXCEPTIONS = {
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
    "libstdc++.so.6": "libstdc++6",
}


def program_interpreter(executable: str | Path = "/proc/self/exe") -> Path | None:
    """The dynamic loader named in a 64-bit little-endian ELF program's PT_INTERP header."""
    try:
        with open(executable, "rb") as program:
            header = program.read(64)
            if header[:4] != b"\x7fELF" or header[4] != 2 or header[5] != 1:
                return None
            (phoff,) = struct.unpack_from("<Q", header, 32)
            phentsize, phnum = struct.unpack_from("<HH", header, 54)
            for index in range(phnum):
                program.seek(phoff + index * phentsize)
                kind, _flags, offset, _vaddr, _paddr, size = struct.unpack("<IIQQQQ", program.read(40))
                if kind == PT_INTERP:
                    program.seek(offset)
                    return Path(program.read(size).rstrip(b"\0").decode())
    except OSError:
        return None
    return None


def missing_libraries(library: Path, loader: Path | None = None) -> list[str]:
    """The sonames the dynamic loader cannot find for `library` and everything it links, in order."""
    loader = loader or program_interpreter()
    if loader is None or not loader.is_absolute() or not loader.exists():
        return []
    listing = subprocess.run(
        [str(loader), str(library)],
        env={**os.environ, "LD_TRACE_LOADED_OBJECTS": "1"},
        capture_output=True, text=True, timeout=10, check=False,
    )  # fmt: skip
    missing: list[str] = []
    for line in listing.stdout.splitlines():
        match = re.match(r"\s*(\S+) => not found", line)
        if match and match[1] not in missing:
            missing.append(match[1])
    return missing


def debian_package(soname: str) -> str:
    """The Debian/Ubuntu package that ships a library, by Debian's naming rule."""
    if soname in DEBIAN_EXCEPTIONS:
        return DEBIAN_EXCEPTIONS[soname]
    match = re.fullmatch(r"(lib.+?)\.so\.(\d+)(?:\..*)?", soname)
    if not match:
        return soname
    name, major = match[1].lower(), match[2]
    return f"{name}-{major}" if name[-1].isdigit() else f"{name}{major}"


def platform_plugin_file(platform: str, plugins: Path) -> Path:
    folder = Path(os.environ.get("QT_QPA_PLATFORM_PLUGIN_PATH") or plugins / "platforms")
    return folder / f"libq{platform}.so"


def explain_failure(qt_message: str, plugins: Path) -> str:
    """What to tell the person whose window could not open (Qt's fatal message is `qt_message`)."""
    platform = re.search(r'platform plugin "([^"]+)"', qt_message)
    name = platform[1] if platform else (os.environ.get("QT_QPA_PLATFORM") or "xcb").split(":")[0]
    advice = "The command line works without a window: switchover scan, switchover --help.\n"
    plugin = platform_plugin_file(name, plugins)
    missing = missing_libraries(plugin) if sys.platform.startswith("linux") and plugin.exists() else []
    if missing:
        lines = [
            f"Switchover could not open its window: Qt's {name} platform plugin needs libraries "
            "this system does not have:",
            *(f"  {soname}" for soname in missing),
        ]
        if Path("/usr/bin/apt-get").exists():
            packages = " ".join(dict.fromkeys(debian_package(soname) for soname in missing))
            lines += ["Install them with:", f"  sudo apt-get install {packages}"]
        return "\n".join(lines) + "\n" + advice
    if name == "xcb" and not os.environ.get("DISPLAY"):
        return f"Switchover could not open its window: no display (DISPLAY is not set).\n{advice}"
    return f"Switchover could not open its window: {qt_message}\n{advice}"
