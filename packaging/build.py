#!/usr/bin/env python3
"""Build every artifact this machine can build into dist/, and print their paths.

    python packaging/build.py [--dist DIR] [--work DIR] [TARGET ...]

TARGETs: bundle (the folder bundle for this OS; on macOS also Switchover.app), deb, tarball (Linux),
dmg (macOS), windows-bundle, installer (NSIS, per user), msi (per machine). Without TARGETs:
everything this OS can build; on Linux the Windows targets are built when a Windows interpreter
under Wine is found (packaging/windows.py says where it looks). The .app and .dmg are built on
macOS only: the GitHub Actions workflow does so.
`python3 tasks.py package` runs this with the project's virtual environment.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import linux
import release
import windows

LINUX_TARGETS = ("bundle", "deb", "tarball")
MACOS_TARGETS = ("bundle", "dmg")
WINDOWS_TARGETS = ("windows-bundle", "installer", "msi")


def build_bundle(dist: Path, work: Path) -> Path:
    """The folder bundle for this OS, from build.spec, with this interpreter."""
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "ERROR",
         "--distpath", str(dist), "--workpath", str(work / "pyinstaller"), "build.spec"],
        cwd=release.REPO, check=True,
    )  # fmt: skip
    return dist / "switchover"


def default_targets() -> list[str]:
    if sys.platform == "win32":
        return list(WINDOWS_TARGETS)
    if sys.platform == "darwin":
        return list(MACOS_TARGETS)
    targets = list(LINUX_TARGETS) if sys.platform.startswith("linux") else ["bundle"]
    python = windows.find_windows_python()
    if python and windows.has_pyinstaller(python):
        targets += WINDOWS_TARGETS
    else:
        why = f"{python.executable} has no PyInstaller" if python else "no Windows interpreter under Wine"
        print(f"{why}: skipping the Windows artifacts (see packaging/windows.py)", file=sys.stderr)
    return targets


def build(targets: list[str], dist: Path, work: Path) -> list[Path]:
    dist.mkdir(parents=True, exist_ok=True)
    work.mkdir(parents=True, exist_ok=True)
    built: list[Path] = []
    bundle = windows_bundle = None

    def step(name: str, make: Callable[[], Path]) -> Path:
        start = time.monotonic()
        artifact = make()
        print(f"built {name} in {time.monotonic() - start:.0f} s: {artifact}", file=sys.stderr, flush=True)
        built.append(artifact)
        return artifact

    needs_bundle = {"bundle", "deb", "tarball", "dmg"} & set(targets) and sys.platform != "win32"
    if needs_bundle:
        bundle = step(
            "bundle", lambda: build_bundle(dist / ("macos" if sys.platform == "darwin" else "linux"), work)
        )
    if "dmg" in targets:
        import macos

        step("dmg", lambda: macos.build_dmg(bundle.with_name(f"{release.NAME}.app"), dist))
    if "deb" in targets:
        step("deb", lambda: linux.build_deb(bundle, dist, work))
    if "tarball" in targets:
        step("tarball", lambda: linux.build_tarball(bundle, dist, work))
    if set(WINDOWS_TARGETS) & set(targets):
        python = windows.find_windows_python()
        if python is None:
            raise SystemExit("no Windows interpreter: set SWITCHOVER_WINDOWS_PYTHON (packaging/windows.py)")
        windows_bundle = step("windows-bundle", lambda: windows.build_bundle(python, dist / "windows", work))
    if "installer" in targets:
        step("installer", lambda: windows.build_installer(windows_bundle, dist, work))
    if "msi" in targets:
        step("msi", lambda: windows.build_msi(windows_bundle, dist, work / "msi"))
    return built


def check_placeholders() -> None:
    """Name the release settings still at their placeholders; a release build (SWITCHOVER_RELEASE=1)
    refuses them (docs/packaging.md, "Before a release")."""
    left = [name for name, placeholder in release.PLACEHOLDERS.items() if placeholder]
    if sys.platform != "darwin":  # only the .app is signed with it
        left = [name for name in left if name != "release.MACOS_SIGNING_IDENTITY"]
    if not left:
        return
    if os.environ.get("SWITCHOVER_RELEASE") == "1":
        raise SystemExit(f"a release needs these set first (docs/packaging.md): {', '.join(left)}")
    print(f"placeholders, fill in before a release: {', '.join(left)}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=release.REPO / "dist")
    parser.add_argument("--work", type=Path, default=release.REPO / "build")
    targets = ", ".join(dict.fromkeys(LINUX_TARGETS + MACOS_TARGETS + WINDOWS_TARGETS))
    parser.add_argument("targets", nargs="*", metavar="TARGET", help=targets)
    args = parser.parse_args(argv)
    unknown = set(args.targets) - set(LINUX_TARGETS + MACOS_TARGETS + WINDOWS_TARGETS)
    if unknown:
        parser.error(f"unknown targets: {', '.join(sorted(unknown))}")
    if not shutil.which("dpkg-deb") and {"deb", "tarball"} & set(args.targets or default_targets()):
        raise SystemExit("dpkg-deb is not installed (apt-get install dpkg)")
    check_placeholders()
    for artifact in build(args.targets or default_targets(), args.dist.resolve(), args.work.resolve()):
        print(artifact)
    return 0


if __name__ == "__main__":
    sys.exit(main())
