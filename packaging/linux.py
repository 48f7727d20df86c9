"""Linux artifacts around the folder bundle: a .deb and a tarball, with the same .desktop file,
icons and AppStream metainfo.

The .deb puts the bundle under /opt/switchover and the commands on the PATH through /usr/bin
symlinks; it depends on the X libraries Qt's xcb platform plugin links (the ones a fresh Debian
lacks, libxcb-icccm4 and libxcb-keysyms1 among them).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tarfile
from html import escape
from pathlib import Path

import release

HERE = Path(__file__).resolve().parent / "linux"
ICONS = release.REPO / "resources" / "icons"
ICON_SIZES = (16, 32, 48, 64, 128, 256)
COMMANDS = ("switchover", "switchover-cli")
INSTALL_DIR = "/opt/switchover"
# polkit's action for the elevated helper: pkexec shows its message only for the program its
# exec.path names, which must be what the frozen window starts (core.removal.elevated_helper's
# helper_command: the console program beside the executable).
POLKIT_POLICY = HERE / "elevated-helper.policy"
HELPER_PROGRAM = f"{INSTALL_DIR}/switchover-cli"

# What the bundle takes from the system rather than carrying itself: the C library, OpenGL/EGL
# (they must match the system's drivers), and the X and font libraries of Qt's xcb platform plugin
# (Qt's "X11 requirements" list; PyInstaller may also copy some of them into the bundle, but only
# those the build machine happened to have).
DEPENDS = (
    "libc6",
    "libstdc++6",
    "libgcc-s1",
    "libglib2.0-0",
    "libegl1",
    "libgl1",
    "libfontconfig1",
    "libfreetype6",
    "libdbus-1-3",
    "libx11-6",
    "libx11-xcb1",
    "libxcb1",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-randr0",
    "libxcb-render-util0",
    "libxcb-render0",
    "libxcb-shape0",
    "libxcb-shm0",
    "libxcb-sync1",
    "libxcb-util1",
    "libxcb-xfixes0",
    "libxcb-xkb1",
    "libxkbcommon0",
    "libxkbcommon-x11-0",
)


def metainfo() -> str:
    """The AppStream metainfo, its releases from CHANGELOG.md (this version first)."""
    release.current_release()  # a version without a CHANGELOG entry does not ship
    entries = []
    for item in release.releases():
        notes = "".join(f"<li>{escape(note)}</li>" for note in item.notes)
        description = f"<description><ul>{notes}</ul></description>" if notes else ""
        entries.append(f'    <release version="{item.version}" date="{item.date}">{description}</release>')
    return (HERE / "metainfo.xml.in").read_text(encoding="utf-8").format(
        app_id=release.APP_ID, license=release.LICENSE, name=release.NAME, summary=escape(release.SUMMARY),
        publisher=escape(release.PUBLISHER), releases="\n".join(entries),
    )  # fmt: skip


def install_desktop_files(share: Path) -> None:
    """The .desktop file, icons and metainfo under a `share` folder (/usr/share in the .deb)."""
    app_id = release.APP_ID
    (share / "applications").mkdir(parents=True, exist_ok=True)
    desktop = (HERE / "switchover.desktop").read_text(encoding="utf-8").replace("@APP_ID@", app_id)
    (share / "applications" / f"{app_id}.desktop").write_text(desktop, encoding="utf-8")
    for size in ICON_SIZES:
        folder = share / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ICONS / f"switchover-{size}.png", folder / f"{app_id}.png")
    scalable = share / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ICONS / "switchover.svg", scalable / f"{app_id}.svg")
    (share / "metainfo").mkdir(parents=True, exist_ok=True)
    (share / "metainfo" / f"{app_id}.metainfo.xml").write_text(metainfo(), encoding="utf-8")


def architecture() -> str:
    done = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True, check=True)
    return done.stdout.strip()


def folder_size_kib(folder: Path) -> int:
    files = (path for path in folder.rglob("*") if path.is_file() and not path.is_symlink())
    return sum(path.stat().st_size for path in files) // 1024 + 1


def polkit_policy() -> str:
    """The polkit action file with the project's action id, once it is checked to name the helper the
    .deb installs."""
    text = POLKIT_POLICY.read_text(encoding="utf-8").replace("@ACTION_ID@", release.POLKIT_ACTION_ID)
    named = re.findall(r'<annotate key="org.freedesktop.policykit.exec.path">([^<]*)</annotate>', text)
    if named != [HELPER_PROGRAM]:
        raise SystemExit(f"{POLKIT_POLICY.name} names {named}, not the installed helper {HELPER_PROGRAM}")
    return text


def build_deb(bundle: Path, dist: Path, work: Path) -> Path:
    """switchover_VERSION_ARCH.deb from the folder bundle, built with dpkg-deb (root-owned files)."""
    root = work / "deb-root"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(bundle, root / INSTALL_DIR.lstrip("/"), symlinks=True)
    (root / "usr" / "bin").mkdir(parents=True)
    for command in COMMANDS:
        (root / "usr" / "bin" / command).symlink_to(f"{INSTALL_DIR}/{command}")
    install_desktop_files(root / "usr" / "share")
    actions = root / "usr" / "share" / "polkit-1" / "actions"
    actions.mkdir(parents=True)
    (actions / f"{release.POLKIT_ACTION_ID}.policy").write_text(polkit_policy(), encoding="utf-8")
    doc = root / "usr" / "share" / "doc" / release.PACKAGE
    doc.mkdir(parents=True)
    shutil.copyfile(release.REPO / "CHANGELOG.md", doc / "CHANGELOG.md")
    (doc / "copyright").write_text(
        f"Switchover, {release.LICENSE} licence (see /opt/switchover for the bundled libraries' own).\n",
        encoding="utf-8",
    )
    arch = architecture()
    control = {
        "Package": release.PACKAGE,
        "Version": release.VERSION,
        "Architecture": arch,
        "Maintainer": release.MAINTAINER,
        "Installed-Size": str(folder_size_kib(root)),
        "Depends": ", ".join(DEPENDS),
        "Section": "utils",
        "Priority": "optional",
        "Description": f"{release.SUMMARY}\n"
        " Finds Kaspersky products, explains the US ban with dated sources, suggests\n"
        " alternatives and removes Kaspersky safely, then verifies the machine is protected.",
    }
    (root / "DEBIAN").mkdir()
    (root / "DEBIAN" / "control").write_text(
        "".join(f"{key}: {value}\n" for key, value in control.items()), encoding="utf-8"
    )
    deb = dist / f"{release.PACKAGE}_{release.VERSION}_{arch}.deb"
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root), str(deb)],
        check=True, capture_output=True,
    )  # fmt: skip
    return deb


def build_tarball(bundle: Path, dist: Path, work: Path) -> Path:
    """switchover-VERSION-linux-ARCH.tar.gz: the bundle, and share/ with the same .desktop file,
    icons and metainfo (copy share/ into ~/.local/share and link switchover into ~/.local/bin)."""
    top = f"{release.PACKAGE}-{release.VERSION}"
    tarball = dist / f"{top}-linux-{architecture()}.tar.gz"
    share = work / "tarball" / "share"
    shutil.rmtree(share, ignore_errors=True)
    install_desktop_files(share)
    with tarfile.open(tarball, "w:gz", compresslevel=6) as archive:
        archive.add(bundle, arcname=top, filter=_root_owned)
        archive.add(share, arcname=f"{top}/share", filter=_root_owned)
    return tarball


def _root_owned(info: tarfile.TarInfo) -> tarfile.TarInfo:
    info.uid = info.gid = 0
    info.uname = info.gname = "root"
    return info
