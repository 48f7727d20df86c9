"""A temporary Linux root with a real dpkg database, and test-double packages built with dpkg-deb."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

from tests.wine_support import require

if TYPE_CHECKING:
    from core.assistant.session import Machine


def machine_on(root: Path, journal_folder: Path) -> Machine:
    """The Linux computer in `root`, as the assistant's session drives it: scanned by the real adapters,
    removed by the plan's own dpkg, and never restarted."""
    from core.assistant.session import Machine
    from core.detection.scan import observe_machine
    from core.model import Target
    from core.removal.subprocess_runner import SubprocessRunner
    from core.removal.verify import probe_protection

    return Machine(
        target=Target(os="linux", live=False, root=str(root)),
        observe=observe_machine,
        runner=SubprocessRunner(),
        protection=probe_protection,
        journal_path=journal_folder / "journal.jsonl",
        restarted_since=lambda _since: False,
    )


def make_root(folder: Path) -> Path:
    for sub in ("var/lib/dpkg/info", "var/lib/dpkg/updates"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    (folder / "var/lib/dpkg/status").touch()
    return folder


def build_deb(
    folder: Path, name: str, *, version: str = "12.1.0", maintainer: str = "AO Kaspersky Lab"
) -> Path:
    tree = folder / f"{name}-tree"
    (tree / "DEBIAN").mkdir(parents=True, exist_ok=True)
    (tree / "DEBIAN/control").write_text(
        f"Package: {name}\nVersion: {version}\nArchitecture: all\n"
        f"Maintainer: {maintainer} <support@example.invalid>\nDescription: Switchover test double\n",
        encoding="utf-8",
    )
    payload = tree / "opt/kaspersky" / name
    payload.mkdir(parents=True, exist_ok=True)
    (payload / "readme.txt").write_text("test double\n", encoding="utf-8")
    deb = folder / f"{name}.deb"
    subprocess.run([require("dpkg-deb"), "-b", str(tree), str(deb)], check=True, capture_output=True)
    return deb


def install(root: Path, deb: Path) -> None:
    subprocess.run([require("dpkg"), "--root", str(root), "-i", str(deb)], check=True, capture_output=True)


def installed(root: Path, name: str) -> bool:
    done = subprocess.run(
        [require("dpkg-query"), "--admindir", str(root / "var/lib/dpkg"), "-W", "-f=${Status}", name],
        capture_output=True,
        text=True,
        check=False,
    )
    return done.returncode == 0 and done.stdout.endswith(" installed")


def remove_command(root: Path, name: str) -> list[str]:
    return ["/usr/bin/dpkg", "--root", str(root), "-r", name]
