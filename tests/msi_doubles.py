"""Windows Installer test doubles of Kaspersky products, for the live end-to-end tests of the Windows lane.

Built on the Linux host with Debian's wixl (`python -m tests.msi_doubles FOLDER`, which the lane runs before
the suite: the Windows interpreter cannot start a Linux program), installed and removed in the lane by
Wine's own msiexec. Each behaves at uninstall the way a real product can:

- Endpoint Security refuses unless KLPASSWD is the uninstall password (a launch condition: 1603);
- the Network Agent refuses unless KLUNINSTPASSWD is the password's UTF-16LE hex;
- Anti-Virus removes itself but needs a restart (ScheduleReboot: 3010);
- Internet Security always fails to uninstall (1603), but for the tests' own clean-up;
- Password Manager is per-user: its files in the user's AppData, its Uninstall entry in HKCU.

Product codes are fixed (uuid5 of the double's key), so a run that died half-way leaves nothing the next
run cannot remove.
"""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path
from xml.sax.saxutils import quoteattr

# A test double's password, with a space so that msiexec's quoting matters (wixl 0.101 crashes on
# non-ASCII text in a condition, so no Cyrillic here: the unit tests cover that).
PASSWORD = "Kl-Pass word 1"
PASSWORD_HEX = PASSWORD.encode("utf-16-le").hex().upper()
MANIFEST = "doubles.json"
_NAMESPACE = uuid.UUID("5d0a4f0e-6b1b-4c55-9d7e-2b8f3f6a1c10")  # this module's own namespace
CLEAN_UP = "SWITCHOVER_TEST_CLEANUP"  # the property that lets the tests remove every double afterwards
UNINSTALL = r"Software\Microsoft\Windows\CurrentVersion\Uninstall"


@dataclass(frozen=True)
class Double:
    key: str
    name: str
    version: str
    refuses_unless: str = ""  # a Windows Installer condition that must hold for the uninstall to go on
    reboot: bool = False
    per_user: bool = False
    manufacturer: str = "AO Kaspersky Lab"

    @property
    def product_code(self) -> str:
        return "{" + str(uuid.uuid5(_NAMESPACE, self.key)).upper() + "}"

    def guid(self, part: str) -> str:
        return "{" + str(uuid.uuid5(_NAMESPACE, f"{self.key}/{part}")).upper() + "}"


DOUBLES = (
    Double("kes", "Kaspersky Endpoint Security for Windows", "12.1.0.506", f'KLPASSWD = "{PASSWORD}"'),
    Double(
        "agent",
        "Kaspersky Security Center Network Agent",
        "14.0.0.10902",
        f'KLUNINSTPASSWD = "{PASSWORD_HEX}"',
    ),
    Double("reboot", "Kaspersky Anti-Virus", "21.3.10.391", reboot=True),
    Double("fails", "Kaspersky Internet Security", "21.3.10.391", refuses_unless=f"{CLEAN_UP} = 1"),
    Double("user", "Kaspersky Password Manager", "9.0.2.1186", per_user=True),
)


def source(double: Double) -> str:
    """The package's WiX source."""
    condition = ""
    if double.refuses_unless:
        message = f"{double.name} refuses to be removed (test double)"
        condition = (
            f"<Condition Message={quoteattr(message)}>NOT Installed OR ({double.refuses_unless})</Condition>"
        )
    sequence = ""
    if double.reboot:
        sequence = (
            '<InstallExecuteSequence><ScheduleReboot After="InstallFinalize">REMOVE="ALL"</ScheduleReboot>'
        )
        sequence += "</InstallExecuteSequence>"
    folder, scope, registration = "ProgramFilesFolder", "", ""
    if double.per_user:
        # Wine's msiexec files every product's own Uninstall entry under HKLM; a per-user installer on
        # Windows registers in HKCU, as this package does itself (and hides the Installer's own entry).
        folder, scope = "LocalAppDataFolder", ' InstallScope="perUser"'
        uninstall = f"MsiExec.exe /X{double.product_code}"
        registration = f"""
            <RegistryKey Root="HKCU" Key="{UNINSTALL}\\{double.product_code}">
              <RegistryValue Name="DisplayName" Type="string" Value={quoteattr(double.name)} KeyPath="yes"/>
              <RegistryValue Name="DisplayVersion" Type="string" Value="{double.version}"/>
              <RegistryValue Name="Publisher" Type="string" Value={quoteattr(double.manufacturer)}/>
              <RegistryValue Name="UninstallString" Type="string" Value="{uninstall}"/>
            </RegistryKey>"""
    return f"""<?xml version="1.0" encoding="utf-8"?>
<Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
  <Product Id="{double.product_code}" Name={quoteattr(double.name)} Language="1033" Version="{double.version}"
           Manufacturer={quoteattr(double.manufacturer)} UpgradeCode="{double.guid("upgrade")}">
    <Package InstallerVersion="200" Compressed="yes" Comments="Switchover test double"{scope}/>
    <Media Id="1" Cabinet="product.cab" EmbedCab="yes"/>
    {condition}
    {'<Property Id="ARPSYSTEMCOMPONENT" Value="1"/>' if double.per_user else ""}
    <Directory Id="TARGETDIR" Name="SourceDir">
      <Directory Id="{folder}">
        <Directory Id="INSTALLDIR" Name="Kaspersky Lab">
          <Component Id="Main" Guid="{double.guid("component")}">
            <File Id="readme" Name="{double.key}.txt" Source="readme.txt"/>{registration}
          </Component>
        </Directory>
      </Directory>
    </Directory>
    <Feature Id="Main" Level="1"><ComponentRef Id="Main"/></Feature>
    {sequence}
  </Product>
</Wix>
"""


def build_all(folder: Path) -> Path:
    """Every double as FOLDER/KEY.msi, and the manifest the tests read."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "readme.txt").write_text("Switchover test double\n", encoding="utf-8")
    for double in DOUBLES:
        (folder / f"{double.key}.wxs").write_text(source(double), encoding="utf-8")
        subprocess.run(
            ["wixl", "-o", f"{double.key}.msi", f"{double.key}.wxs"],
            cwd=folder, check=True, capture_output=True, timeout=120,
        )  # fmt: skip
    manifest = folder / MANIFEST
    entries = [{**asdict(d), "product_code": d.product_code, "msi": f"{d.key}.msi"} for d in DOUBLES]
    manifest.write_text(json.dumps(entries, indent=2, ensure_ascii=False), encoding="utf-8")
    return manifest


if __name__ == "__main__":
    print(build_all(Path(sys.argv[1])))
