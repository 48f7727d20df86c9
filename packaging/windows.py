"""Windows artifacts: the folder bundle (built by a Windows CPython, under Wine on Linux), the
per-user NSIS installer for home users, the per-machine MSI for IT, and their Authenticode
signatures.

Where the Windows interpreter comes from (on Linux): SWITCHOVER_WINDOWS_PYTHON, the Unix path of a
python.exe inside a Wine prefix (the prefix is the folder above its drive_c) with PyInstaller and
the project's dependencies installed; by default the project's Windows lane interpreter,
$SWITCHOVER_WINLANE_STATE/prefix/drive_c/Python311/python.exe
(SWITCHOVER_WINLANE_STATE defaults to ~/.cache/switchover-winlane).

Signing: with SWITCHOVER_SIGN_PKCS12 (the code-signing certificate and its key, a .pfx/.p12 file)
and SWITCHOVER_SIGN_PASSWORD (its password; or SWITCHOVER_SIGN_PASSWORD_FILE), the executables in
the bundle, the installer and the MSI are signed with osslsigncode (SHA-256), time-stamped when
SWITCHOVER_SIGN_TIMESTAMP_URL names an RFC 3161 server. Without a certificate the build says that
its artifacts are unsigned.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath
from xml.sax.saxutils import quoteattr

import release
from windows_icon import write_ico

HERE = Path(__file__).resolve().parent / "windows"
BUNDLE_EXECUTABLES = ("switchover.exe", "switchover-cli.exe")


@dataclass(frozen=True)
class WindowsPython:
    """A Windows python.exe, run through Wine unless this is Windows."""

    executable: Path

    @property
    def prefix(self) -> Path | None:
        for parent in self.executable.parents:
            if parent.name == "drive_c":
                return parent.parent
        return None

    def env(self) -> dict[str, str]:
        # The host's pip settings mean nothing to the Windows pip; Wine's stdio must be pipes.
        env = {key: value for key, value in os.environ.items() if not key.startswith("PIP_")}
        if self.prefix:
            env.update(WINEPREFIX=str(self.prefix), WINEDEBUG="-all", DISPLAY="")
        return env

    def command(self, *args: str) -> list[str]:
        if sys.platform == "win32":
            return [str(self.executable), *args]
        return [wine(), str(self.executable), *args]


def wine() -> str:
    found = shutil.which("wine")
    if not found:
        raise SystemExit("wine is not installed (apt-get install wine wine64)")
    return found


def find_windows_python() -> WindowsPython | None:
    """The configured Windows interpreter, or None when there is none (see the module's docstring)."""
    if sys.platform == "win32":
        return WindowsPython(Path(sys.executable))
    configured = os.environ.get("SWITCHOVER_WINDOWS_PYTHON")
    if configured:
        return WindowsPython(Path(configured))
    state = Path(os.environ.get("SWITCHOVER_WINLANE_STATE") or Path.home() / ".cache" / "switchover-winlane")
    default = state / "prefix" / "drive_c" / "Python311" / "python.exe"
    return WindowsPython(default) if default.exists() and shutil.which("wine") else None


def has_pyinstaller(python: WindowsPython) -> bool:
    probe = subprocess.run(
        python.command("-c", "import PyInstaller"), env=python.env(), stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, check=False,
    )  # fmt: skip
    return probe.returncode == 0


def windows_path(path: Path) -> str:
    """A Unix path as the Windows interpreter under Wine sees it (drive Z: is the Unix root)."""
    if sys.platform == "win32":
        return str(path)
    return str(PureWindowsPath("Z:\\", *path.resolve().parts[1:]))


def build_bundle(python: WindowsPython, dist: Path, work: Path) -> Path:
    """The Windows folder bundle from build.spec, by the Windows interpreter; signed when a
    certificate is configured."""
    if not has_pyinstaller(python):
        raise SystemExit(f"{python.executable} has no PyInstaller: install the build extra into it "
                         "(pip install pyinstaller, as Windows wheels)")  # fmt: skip
    command = python.command(
        "-m", "PyInstaller", "--noconfirm", "--log-level", "ERROR",
        "--distpath", windows_path(dist), "--workpath", windows_path(work / "pyinstaller-windows"),
        "build.spec",
    )  # fmt: skip
    # Output goes through a pipe: Python under Wine cannot start with a regular file as stdout.
    done = subprocess.run(
        command, cwd=release.REPO, env=python.env(), stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, errors="replace", check=False,
    )  # fmt: skip
    bundle = dist / "switchover"
    if done.returncode != 0 or not (bundle / "switchover-cli.exe").exists():
        raise SystemExit(f"PyInstaller under the Windows interpreter failed:\n{done.stdout[-4000:]}")
    for name in BUNDLE_EXECUTABLES:
        sign(bundle / name, description=release.NAME)
    return bundle


@dataclass(frozen=True)
class SigningCertificate:
    pkcs12: Path
    password: str
    timestamp_url: str | None


def signing_certificate() -> SigningCertificate | None:
    pkcs12 = os.environ.get("SWITCHOVER_SIGN_PKCS12")
    if not pkcs12:
        return None
    password = os.environ.get("SWITCHOVER_SIGN_PASSWORD")
    password_file = os.environ.get("SWITCHOVER_SIGN_PASSWORD_FILE")
    if password is None and password_file:
        password = Path(password_file).read_text(encoding="utf-8").strip()
    return SigningCertificate(
        Path(pkcs12), password or "", os.environ.get("SWITCHOVER_SIGN_TIMESTAMP_URL") or None
    )


def sign(path: Path, *, description: str) -> bool:
    """Authenticode-sign an .exe or .msi in place with osslsigncode; False when no certificate is set."""
    certificate = signing_certificate()
    if certificate is None:
        print(f"unsigned: {path.name} (set SWITCHOVER_SIGN_PKCS12 to sign)", file=sys.stderr)
        return False
    signed = path.with_name(path.name + ".signed")
    signed.unlink(missing_ok=True)
    command = [
        osslsigncode(), "sign", "-pkcs12", str(certificate.pkcs12), "-h", "sha256",
        "-n", description, "-in", str(path), "-out", str(signed),
    ]  # fmt: skip
    if certificate.timestamp_url:
        command += ["-ts", certificate.timestamp_url]
    # The password goes in a private file, never on the command line (which other users can read).
    password_file = signed.with_name(signed.name + ".pass")
    password_file.write_text(certificate.password, encoding="utf-8")
    password_file.chmod(0o600)
    try:
        done = subprocess.run(
            [*command, "-readpass", str(password_file)], capture_output=True, text=True, check=False
        )
    finally:
        password_file.unlink(missing_ok=True)
    if done.returncode != 0:
        raise SystemExit(f"osslsigncode could not sign {path.name}: {done.stdout}{done.stderr}")
    signed.replace(path)
    return True


def osslsigncode() -> str:
    found = shutil.which("osslsigncode")
    if not found:
        raise SystemExit("osslsigncode is not installed (apt-get install osslsigncode)")
    return found


def build_installer(bundle: Path, dist: Path, work: Path) -> Path:
    """Switchover-VERSION-setup.exe, the per-user NSIS installer; signed when a certificate is set."""
    makensis = shutil.which("makensis")
    if not makensis:
        raise SystemExit("makensis is not installed (apt-get install nsis)")
    icon = write_ico(release.REPO / "resources" / "icons", work / "switchover.ico")
    installer = dist / f"Switchover-{release.VERSION}-setup.exe"
    major, minor, patch = release.numeric_version()
    compressor = os.environ.get("SWITCHOVER_NSIS_COMPRESSOR", "lzma")  # zlib: 5x faster, 50% larger
    defines = {
        "VERSION": release.VERSION, "VERSION4": f"{major}.{minor}.{patch}.0", "SOURCE": str(bundle),
        "OUTFILE": str(installer), "ICON": str(icon), "COMPRESSOR": compressor,
    }  # fmt: skip
    if signing_certificate():
        defines["SIGN_COMMAND"] = f'"{sys.executable}" "{Path(__file__).with_name("sign_file.py")}"'
    done = subprocess.run(
        [makensis, "-V2", "-INPUTCHARSET", "UTF8", *(f"-D{key}={value}" for key, value in defines.items()),
         str(HERE / "switchover.nsi")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if done.returncode != 0 or not installer.exists():
        raise SystemExit(f"makensis failed:\n{done.stdout[-4000:]}{done.stderr[-2000:]}")
    sign(installer, description=f"{release.NAME} installer")
    return installer


def build_msi(bundle: Path, dist: Path, work: Path) -> Path:
    """Switchover-VERSION-x64.msi, per machine, for Intune, GPO and RMM tools (msiexec /i ... /qn).

    Each build gets a new ProductCode and the project's fixed UpgradeCode, so installing a newer
    MSI removes the older version first (MajorUpgrade). The file list comes from wixl-heat.
    """
    wixl, heat = shutil.which("wixl"), shutil.which("wixl-heat")
    if not wixl or not heat:
        raise SystemExit("wixl is not installed (apt-get install wixl)")
    work.mkdir(parents=True, exist_ok=True)
    icon = write_ico(release.REPO / "resources" / "icons", work / "switchover.ico")
    files = sorted(str(path) for path in bundle.rglob("*") if path.is_file())
    listing = subprocess.run(
        [heat, "--prefix", f"{bundle}/", "--directory-ref", "INSTALLDIR", "--component-group", "BundleFiles",
         "--var", "var.SourceDir", "--win64"],
        input="\n".join(files) + "\n", capture_output=True, text=True, check=True,
    )  # fmt: skip
    (work / "files.wxs").write_text(listing.stdout, encoding="utf-8")
    major, minor, patch = release.numeric_version()
    source = (
        (HERE / "switchover.wxs.in")
        .read_text(encoding="utf-8")
        .format(
            product_code="{" + str(uuid.uuid4()).upper() + "}",
            upgrade_code=release.MSI_UPGRADE_CODE,
            version=f"{major}.{minor}.{patch}",
            name=quoteattr(release.NAME),
            manufacturer=quoteattr(release.PUBLISHER),
            icon=quoteattr(icon.name),
            shortcut_guid="{"
            + str(uuid.uuid5(uuid.UUID(release.MSI_UPGRADE_CODE), "shortcut")).upper()
            + "}",
        )
    )
    (work / "switchover.wxs").write_text(source, encoding="utf-8")
    msi = dist / f"Switchover-{release.VERSION}-x64.msi"
    # wixl takes source files relative to the folder it runs in, not absolute.
    done = subprocess.run(
        [wixl, "--arch", "x64", "-D", f"SourceDir={os.path.relpath(bundle, work)}", "-D", "Win64=yes",
         "-o", str(msi), "switchover.wxs", "files.wxs"],
        cwd=work, capture_output=True, text=True, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        raise SystemExit(f"wixl failed:\n{done.stdout}{done.stderr}")
    sign(msi, description=f"{release.NAME} {release.VERSION}")
    return msi
