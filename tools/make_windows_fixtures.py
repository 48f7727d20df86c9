"""Generate the Windows registry fixtures in tests/fixtures/windows with real Wine.

Builds test-double MSI packages with wixl, installs them with Wine's msiexec (which
writes the Uninstall entries as Windows Installer does), adds services, drivers and
vendor keys with `wine reg add`, then writes `wine reg export` files. Every name,
version, GUID and value below is one seen in /work/shared/research/footprints.json
(cited beside it) unless it is marked as a test double.

    .venv/bin/python tools/make_windows_fixtures.py [--out tests/fixtures/windows]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.wine_support import WinePrefix, build_msi  # noqa: E402 - needs the repo on sys.path

HKLM_SW32 = r"HKLM\Software\Wow6432Node"
UNINSTALL = r"Microsoft\Windows\CurrentVersion\Uninstall"
SERVICES = r"HKLM\SYSTEM\CurrentControlSet\Services"


@dataclass(frozen=True)
class Package:
    name: str
    version: str
    manufacturer: str
    product_code: str | None  # None: a fresh GUID (no real one is known for this product)
    install_dir: str


PACKAGES = (
    # DisplayName/Publisher: Lansweeper SQL and a Java fixture; version and ProductCode from a
    # removal batch ("Kaspersky Endpoint Security for Windows 11.0.0.6499"), footprints §1.1/§1.3.
    Package(
        "Kaspersky Endpoint Security for Windows",
        "11.0.0.6499",
        "AO Kaspersky Lab",
        "{E7012AFE-DB97-4B8B-9513-E98C0C3AACE3}",
        "Kaspersky Endpoint Security for Windows",
    ),
    # "Kaspersky Security Center 10 Network Agent 10.3.407" with its ProductCode (same batch);
    # Publisher "AO Kaspersky Lab" (fusioninventory-for-glpi#3286).
    Package(
        "Kaspersky Security Center 10 Network Agent",
        "10.3.407",
        "AO Kaspersky Lab",
        "{BCF4CF24-88AB-45E1-A6E6-40C8278A70C5}",
        "NetworkAgent",
    ),
    # winget Kaspersky.SecurityCloud: PackageName "Kaspersky Security Cloud", Publisher "Kaspersky",
    # version 21.3.10.391; folder "Kaspersky Security Cloud 21.3" (footprints §1.9, §1.11).
    Package("Kaspersky Security Cloud", "21.3.10.391", "Kaspersky", None, "Kaspersky Security Cloud 21.3"),
    # Test double of an unrelated vendor whose name shares "Total Security" with Kaspersky's:
    # it must never be reported as Kaspersky.
    Package("360 Total Security", "1.0.0", "Switchover test double (not Kaspersky)", None, "360TS"),
)

# The Russian KES 10 entry exactly as FusionInventory saw it (fusioninventory-for-glpi#2030):
# the Publisher includes the double quotes. Written with reg add rather than an MSI so that every
# value, including its non-MSI UninstallString, is exactly the one reported.
KES10_RU_CODE = "{7A4192A1-84C4-4E90-A31B-B4847CA8E23A}"
KES10_RU = (
    ("DisplayName", "REG_SZ", "Kaspersky Endpoint Security 10 для Windows"),
    ("Publisher", "REG_SZ", '"Лаборатория Касперского"'),
    ("DisplayVersion", "REG_SZ", "10.2.2.10535"),
    ("UninstallString", "REG_SZ", f"msiexec.exe /x {KES10_RU_CODE} /qn"),
    ("NoRemove", "REG_DWORD", "1"),
)

# (service, values): names, display names and folders from footprints §1.6/§1.7/§1.9.
SERVICE_KEYS = (
    (
        "klnagent",
        (
            ("DisplayName", "REG_SZ", "Kaspersky Security Center Network Agent"),
            (
                "ImagePath",
                "REG_EXPAND_SZ",
                r'"C:\Program Files (x86)\Kaspersky Lab\NetworkAgent\klnagent.exe"',
            ),
            ("Type", "REG_DWORD", "16"),
            ("Start", "REG_DWORD", "2"),
        ),
    ),
    (
        "AVP",
        (
            ("DisplayName", "REG_SZ", "Kaspersky Endpoint Security Service"),
            (
                "ImagePath",
                "REG_EXPAND_SZ",
                r'"C:\Program Files (x86)\Kaspersky Lab\Kaspersky Endpoint Security for Windows\avp.exe"',
            ),
            ("Type", "REG_DWORD", "16"),
            ("Start", "REG_DWORD", "2"),
        ),
    ),
    (
        "AVP21.3",
        (
            (
                "ImagePath",
                "REG_EXPAND_SZ",
                r'"C:\Program Files (x86)\Kaspersky Lab\Kaspersky Security Cloud 21.3\avp.exe" -r',
            ),
            ("Type", "REG_DWORD", "16"),
            ("Start", "REG_DWORD", "2"),
        ),
    ),
    # klif is a file-system minifilter (altitude table), klim6 the packet filter driver.
    ("klif", (("ImagePath", "REG_EXPAND_SZ", r"system32\DRIVERS\klif.sys"), ("Type", "REG_DWORD", "2"))),
    ("klim6", (("ImagePath", "REG_EXPAND_SZ", r"system32\DRIVERS\klim6.sys"), ("Type", "REG_DWORD", "1"))),
    # The orphaned klids service a user found after kavremover (footprints §1.4).
    ("klids", (("ImagePath", "REG_EXPAND_SZ", r"system32\DRIVERS\klids.sys"), ("Type", "REG_DWORD", "1"))),
    # Another vendor's antivirus: Microsoft Defender's service.
    (
        "WinDefend",
        (
            ("DisplayName", "REG_SZ", "Microsoft Defender Antivirus Service"),
            ("Type", "REG_DWORD", "16"),
            ("Start", "REG_DWORD", "2"),
        ),
    ),
)

VENDOR = rf"{HKLM_SW32}\KasperskyLab"
# 2021-06-15T00:00:00Z as a FILETIME (100 ns ticks since 1601), a test double date.
LAST_UPDATE_FILETIME = str((1623715200 + 11644473600) * 10_000_000)
VENDOR_VALUES = (
    # KCI Dependencies.cs: AVP*\environment holds ProductName, ProductCode, ProductRoot (32-bit view).
    (rf"{VENDOR}\AVP21.3\environment", "ProductName", "REG_SZ", "Kaspersky Security Cloud"),
    (rf"{VENDOR}\AVP21.3\environment", "ProductVersion", "REG_SZ", "21.3.10.391"),
    (
        rf"{VENDOR}\AVP21.3\environment",
        "ProductRoot",
        "REG_SZ",
        "C:\\Program Files (x86)\\Kaspersky Lab\\Kaspersky Security Cloud 21.3\\",
    ),
    # HKLM\SOFTWARE\WOW6432Node\KasperskyLab\AVP21.3\settings EnableSelfProtection = 0x1 (admin script).
    (rf"{VENDOR}\AVP21.3\settings", "EnableSelfProtection", "REG_DWORD", "1"),
    # AVP*\Settings\PasswordProtectionSettings OPEP, non-empty when a password is set (KCI).
    (rf"{VENDOR}\AVP21.3\settings\PasswordProtectionSettings", "OPEP", "REG_BINARY", "01"),
    # ...\AVP21.3\Data LastSuccessfulUpdate, a REG_QWORD FILETIME (multi-AV backend).
    (rf"{VENDOR}\AVP21.3\Data", "LastSuccessfulUpdate", "REG_QWORD", LAST_UPDATE_FILETIME),
)
# Keys that exist without values of interest.
EMPTY_KEYS = (
    # The Network Agent's component key (product id 1103), footprints §1.5.
    rf"{VENDOR}\Components\27\1103\1.0.0.0\Installer",
    # A per-user leftover seen after kavremover (footprints §1.4).
    r"HKCU\Software\KasperskyLab\AVP21.25",
    # Kaspersky's Chrome extension id from the Mac uninstaller (footprints §2), as an
    # external-extension key.
    rf"{HKLM_SW32}\Google\Chrome\Extensions\ddoleachckhhdmhpbkddgechjfhnphpe",
)

EXPORTS = (
    (rf"HKLM\Software\{UNINSTALL}", "uninstall-64.reg"),
    (rf"{HKLM_SW32}\{UNINSTALL}", "uninstall-32.reg"),
    (SERVICES, "services.reg"),
    (VENDOR, "kasperskylab.reg"),
    (r"HKCU\Software\KasperskyLab", "user-kasperskylab.reg"),
    (rf"{HKLM_SW32}\Google\Chrome\Extensions", "chrome-extensions.reg"),
)


def populate(prefix: WinePrefix, work: Path) -> None:
    """Install the test doubles and write the keys into a booted prefix."""
    for index, package in enumerate(PACKAGES):
        msi, _ = build_msi(
            work / f"msi{index}",
            name=package.name,
            version=package.version,
            manufacturer=package.manufacturer,
            product_code=package.product_code,
            install_dir=package.install_dir,
        )
        code = prefix.msiexec("/i", str(msi), "/qn")
        if code != 0:
            raise SystemExit(f"msiexec /i {package.name} failed with {code}")
    for name, kind, data in KES10_RU:
        prefix.reg_add(rf"{HKLM_SW32}\{UNINSTALL}\{KES10_RU_CODE}", name, kind, data)
    for service, values in SERVICE_KEYS:
        for name, kind, data in values:
            prefix.reg_add(rf"{SERVICES}\{service}", name, kind, data)
    for key, name, kind, data in VENDOR_VALUES:
        prefix.reg_add(key, name, kind, data)
    for key in EMPTY_KEYS:
        done = prefix.run("reg", "add", key, "/f")
        assert done.returncode == 0, done.stderr
    prefix.wait()


def generate(out: Path, work: Path) -> list[Path]:
    """Boot a fresh prefix under `work`, populate it and export the keys into `out`."""
    prefix = WinePrefix(work / "prefix")
    prefix.boot()
    populate(prefix, work)
    out.mkdir(parents=True, exist_ok=True)
    return [prefix.reg_export(key, out / filename) for key, filename in EXPORTS]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--out", type=Path, default=REPO / "tests" / "fixtures" / "windows")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="switchover-wine-") as work:
        for path in generate(args.out, Path(work)):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
