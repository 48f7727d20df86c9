"""What the folder bundle keeps of what PyInstaller collects: build.spec applies these rules.

Each rule names what it drops and why; benchmarks/bench_bundle.py measures the result against a
bare PySide6 QWizard bundle. The rules work on PyInstaller's TOC entries, (destination, source,
typecode) tuples, in both wheel layouts: Linux and macOS `PySide6/Qt/plugins`,
`PySide6/Qt/translations`; Windows `PySide6/plugins`, `PySide6/translations`.
"""

from __future__ import annotations

import posixpath
import re
import shutil
import subprocess
from collections.abc import Callable, Iterable
from pathlib import Path

Entry = tuple[str, str, str]

# The languages Switchover ships (resources/translations); Qt's own qtbase catalogue gives
# QWizard's Back/Next/Finish in them.
SHIPPED_LANGUAGES = ("es",)

# Qt plugins by folder: None drops the whole folder, a tuple keeps only the plugins whose file
# name contains one of its words. Folders not named here are kept whole.
QT_PLUGINS: dict[str, tuple[str, ...] | None] = {
    # The desktop's display servers, and offscreen for headless runs and tests. Not eglfs,
    # linuxfb, vnc, minimal, vkkhrdisplay (kiosk and embedded) nor direct2d (Windows).
    "platforms": ("xcb", "wayland", "offscreen", "qwindows", "cocoa"),
    # The GTK theme drags in GTK, GDK, Pango, cairo and ATK (12.6 MB) for native file dialogs
    # Switchover never opens; the portal theme keeps the desktop's dark/light preference.
    "platformthemes": ("xdgdesktopportal",),
    # Icons and images are PNG (built into QtGui); no SVG, JPEG, GIF, TIFF, WebP to decode.
    "imageformats": None,
    "iconengines": None,
    # evdev and TUIO input are for eglfs/linuxfb kiosks (TUIO also pulls in QtNetwork).
    "generic": None,
    "egldeviceintegrations": None,
    # Server-side buffer sharing is for compositors; a client needs wayland-egl at most.
    "wayland-graphics-integration-client": ("wayland-egl",),
    "wayland-graphics-integration-server": None,
    # xdg-shell is what desktop compositors speak; ivi, qt-shell, wl-shell and fullscreen-shell are
    # for embedded ones.
    "wayland-shell-integration": ("xdg-shell",),
    # The on-screen keyboard needs Qt Quick and QML.
    "platforminputcontexts": ("compose", "ibus"),
}

# Python modules PyInstaller's import scan finds but Switchover never runs, each with why; build.spec
# excludes them (and their runtime hooks). Measured on the Windows bundle: about 2 MB of the Python
# archive, which each Windows executable carries.
PYTHON_EXCLUDES: dict[str, str] = {
    # Build and packaging tools: cffi's distutils shim pulls in setuptools (1 MB), distutils and
    # packaging; nothing compiles or installs a package at run time.
    "setuptools": "build tool",
    "distutils": "build tool",
    "pkg_resources": "build tool",
    "packaging": "only setuptools uses it",
    # cffi (the Python package) and its C parser compile bindings; the compiled ones Switchover uses
    # (PyNaCl's, cryptography's) need only the _cffi_backend extension. Without cffi, oscrypto
    # (signify's Authenticode chain checks) uses its ctypes bindings, as it does where cffi is absent.
    "cffi": "binding compiler",
    "pycparser": "binding compiler",
    # Catalog signatures are checked with PyNaCl; cryptography (10 MB of Rust and OpenSSL) is only a
    # test tool now, reached through urllib3's pyOpenSSL fallback for Pythons without SNI.
    "cryptography": "test tool",
    "OpenSSL": "pyOpenSSL: for Pythons without SNI",
    # Nothing runs an event loop, a process pool or an XML-RPC call (threads are Qt's or threading's);
    # typing_extensions imports asyncio only to mark a deprecated coroutine function.
    "asyncio": "no event loop",
    "multiprocessing": "no process pool",
    "xmlrpc": "no XML-RPC",
    # decimal's pure-Python twin: the _decimal extension is always there.
    "_pydecimal": "the C _decimal is used",
    "tkinter": "Qt is the toolkit",
    "unittest": "tests are not shipped",
    "pydoc": "no interactive help",
    "pytest": "test tool",
    "hypothesis": "test tool",
    "PyInstaller": "build tool",
    # Nothing reads lines interactively (it brings libreadline and libtinfo on Linux).
    "readline": "no interactive prompt",
}

# Data files of third-party packages that only their own developers use.
UNUSED_DATA = ("jsonschema/benchmarks/",)

# Windows-only libraries Qt loads at run time for what widgets never use: software OpenGL
# (20 MB, for Qt Quick without a GPU) and the Direct3D shader compiler.
WINDOWS_UNUSED = ("opengl32sw.dll", "d3dcompiler_47.dll")


def parts(destination: str) -> list[str]:
    return destination.replace("\\", "/").split("/")


def is_shipped_file(entry: Entry) -> bool:
    """Qt's translations: only qtbase, only the shipped languages (Switchover's own are elsewhere);
    no translation sources (.ts: the .qm files are what loads); none of UNUSED_DATA."""
    path = parts(entry[0])
    if path[-1].endswith(".ts") or any(folder in "/".join(path) for folder in UNUSED_DATA):
        return False
    if "PySide6" not in path or "translations" not in path[:-1]:
        return True
    return any(path[-1] == f"qtbase_{language}.qm" for language in SHIPPED_LANGUAGES)


def is_wanted_binary(entry: Entry) -> bool:
    path = parts(entry[0])
    name = path[-1].lower()
    if name in WINDOWS_UNUSED:
        return False
    if "plugins" not in path[:-2]:
        return True
    folder = path[-2]
    if folder not in QT_PLUGINS:
        return True
    keep = QT_PLUGINS[folder]
    return keep is not None and any(word in name for word in keep)


def is_python_extension_or_plugin(entry: Entry) -> bool:
    """The roots of the library graph: what Python or Qt load by path, not by a library's NEEDED list."""
    path = parts(entry[0])
    name = path[-1]
    return (
        "plugins" in path
        or entry[2] == "EXTENSION"
        or name.startswith("libpython")
        or bool(re.search(r"\.(cpython-[^.]+|abi3)\.so", name))
    )


def is_qt_library(entry: Entry) -> bool:
    return bool(re.fullmatch(r"(lib)?Qt6\w+\.(dll|so\.6)", parts(entry[0])[-1]))


def drop_orphan_libraries(
    binaries: list[Entry], needed: Callable[[str], Iterable[str]], *, prunable: Callable[[Entry], bool]
) -> list[Entry]:
    """Drop the `prunable` shared libraries nothing kept needs any more (those only dropped plugins
    needed). `needed(path)` lists the libraries a binary links, by file name.

    On Linux every library is prunable; on Windows only Qt's own DLLs, because Qt and Python load
    some other DLLs by name at run time, so a DLL that nothing links is not necessarily unused.
    """
    by_name: dict[str, list[Entry]] = {}
    for entry in binaries:
        by_name.setdefault(parts(entry[0])[-1].lower(), []).append(entry)  # Windows names ignore case
    reachable: set[str] = set()  # destinations
    pending = [entry for entry in binaries if is_python_extension_or_plugin(entry) or not prunable(entry)]
    while pending:
        entry = pending.pop()
        if entry[0] in reachable:
            continue
        reachable.add(entry[0])
        if entry[2] == "SYMLINK":  # a link's source is its target, relative to the link
            pending.extend(by_name.get(parts(entry[1])[-1].lower(), []))
        else:
            for soname in needed(entry[1]):
                pending.extend(by_name.get(soname.lower(), []))
    return drop_dangling_links([entry for entry in binaries if entry[0] in reachable])


def drop_dangling_links(entries: list[Entry], *others: list[Entry]) -> list[Entry]:
    """Drop the SYMLINK entries (PyInstaller links Qt's libraries into the top folder, some in
    `datas`) whose target is no longer collected in `entries` or `others`."""
    targets = {
        entry[0].replace("\\", "/") for toc in (entries, *others) for entry in toc if entry[2] != "SYMLINK"
    }
    return [entry for entry in entries if entry[2] != "SYMLINK" or link_target(entry) in targets]


def link_target(entry: Entry) -> str:
    """A SYMLINK entry's target as a destination (its source is relative to the link's folder)."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(entry[0].replace("\\", "/")), entry[1]))


def icu_data_stub(libicudata: str, workpath: str) -> str | None:
    """A 14 KB stand-in for Qt's 32 MB ICU data library (packaging/linux/icudata_stub.c), or None
    when no C compiler is at hand (the real library is kept then, and the build says so)."""
    version = re.search(r"libicudata\.so\.(\d+)", libicudata)
    compiler = shutil.which("cc") or shutil.which("gcc")
    if not version or not compiler:
        print("build.spec: no C compiler, so the bundle keeps ICU's 32 MB data library")
        return None
    stub = Path(workpath) / "icudata-stub" / Path(libicudata).name
    stub.parent.mkdir(parents=True, exist_ok=True)
    source = Path(__file__).parent / "linux" / "icudata_stub.c"
    subprocess.run(
        [compiler, "-shared", "-O2", "-s", f"-DICU_DATA_SYMBOL=icudt{version[1]}_dat",
         f"-Wl,-soname,libicudata.so.{version[1]}", "-o", str(stub), str(source)],
        check=True,
    )  # fmt: skip
    return str(stub)
