"""Build the scored detection corpus in tests/corpus: a Windows, a Linux and a Mac, in real formats.

Windows: the registry is written as a regedit file, imported with Wine's `reg import`, and
exported again with Wine's `reg export` (the files in tests/corpus/windows are Wine's output);
a drive tree holds driver files and program folders. Linux: real dpkg status written by dpkg
installing test-double .deb packages (`dpkg --root`), a real rpm database (rpmbuild and
`rpm --root`), systemd units and folders. macOS: property lists written by plistlib (binary
and XML), as macOS writes apps' Info.plist, receipts, launchd jobs and preferences.

Every planted item is a Kaspersky trace of a kind the issue lists (non-Latin names and
publishers, an uninstall entry without DisplayName, component keys under KasperskyLab, the
browser extension by id in extension keys and force-install policies, drivers known only by
name, Security Center's services on Linux, Mac items with unlisted com.kaspersky ids) or one
research found (footprints.json); names a public source gives are used as given, the rest are
marked test doubles. Decoys are other vendors' and the operating systems' own items, chosen
to look like Kaspersky's. tools/score_corpus.py scans the corpus and scores it.

    .venv/bin/python tools/make_corpus.py [--out tests/corpus]   (needs wine, dpkg-deb, rpmbuild)
"""

from __future__ import annotations

import argparse
import json
import os
import plistlib
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from core.adapters.registry_export import (  # noqa: E402
    REG_DWORD,
    REG_EXPAND_SZ,
    REG_SZ,
    RegValue,
)
from tests.linux.packages import build_deb, build_rpm, dpkg, dpkg_root, rpm  # noqa: E402
from tests.windows.render import render_export  # noqa: E402
from tests.wine_support import WinePrefix  # noqa: E402

HKLM = "HKEY_LOCAL_MACHINE"
SW = f"{HKLM}\\Software"
SW32 = f"{SW}\\Wow6432Node"
UNINSTALL = "Microsoft\\Windows\\CurrentVersion\\Uninstall"
SERVICES = f"{HKLM}\\System\\CurrentControlSet\\Services"
# The subtrees exported, one file each (what docs/registry-exports.md asks a technician for).
EXPORTS = {
    "uninstall-64.reg": f"{SW}\\{UNINSTALL}",
    "uninstall-32.reg": f"{SW32}\\{UNINSTALL}",
    "kasperskylab-32.reg": f"{SW32}\\KasperskyLab",
    "kasperskylab-64.reg": f"{SW}\\KasperskyLab",
    "services.reg": SERVICES,
    "policies.reg": f"{SW}\\Policies",
    "chrome-32.reg": f"{SW32}\\Google",
    "mozilla-64.reg": f"{SW}\\Mozilla",
    "user-kasperskylab.reg": "HKEY_CURRENT_USER\\Software\\KasperskyLab",
}
TEST_DOUBLE = "test double"


@dataclass
class Corpus:
    planted: list[dict[str, str]] = field(default_factory=list)
    decoys: list[dict[str, str]] = field(default_factory=list)

    def plant(self, kind: str, location: str, name: str, why: str) -> None:
        self.planted.append({"kind": kind, "location": location, "name": name, "why": why})

    def decoy(self, kind: str, location: str, name: str, why: str) -> None:
        self.decoys.append({"kind": kind, "location": location, "name": name, "why": why})


# --- Windows ---------------------------------------------------------------------------------


def _sz(text: str) -> RegValue:
    return RegValue(REG_SZ, text)


def windows_registry(corpus: Corpus) -> list[tuple[str, list[tuple[str, RegValue]]]]:
    keys: list[tuple[str, list[tuple[str, RegValue]]]] = []

    def entry(hive: str, key: str, values: dict[str, str], why: str, planted: bool) -> None:
        path = f"{hive}\\{UNINSTALL}\\{key}"
        keys.append((path, [(n, _sz(v)) for n, v in values.items()]))
        name = values.get("DisplayName", key)
        (corpus.plant if planted else corpus.decoy)("uninstall_entry", path, name, why)

    # Non-Latin names and publishers.
    entry(
        SW32,
        "{7A4192A1-84C4-4E90-A31B-B4847CA8E23A}",
        {
            "DisplayName": "Kaspersky Endpoint Security 10 для Windows",
            "Publisher": '"Лаборатория Касперского"',
            "DisplayVersion": "10.2.2.10535",
            "UninstallString": "msiexec.exe /x {7A4192A1-84C4-4E90-A31B-B4847CA8E23A} /qn",
        },
        "Russian KES 10 as FusionInventory 2030 saw it",
        True,
    )
    entry(
        SW32,
        "{5E2C37C1-0000-4000-8000-00000000A001}",
        {
            "DisplayName": "Антивирус Касперского 7.0",
            "Publisher": "ЗАО «Лаборатория Касперского»",
            "DisplayVersion": "7.0.1.325",
        },
        "the Russian product name (KAV 7.0 guide) and publisher (KIS 2010 guide); code, version: test double",
        True,
    )
    entry(
        SW32,
        "{5E2C37C1-0000-4000-8000-00000000A002}",
        {"DisplayName": "カスペルスキー スモール オフィス セキュリティ", "Publisher": "カスペルスキー"},
        "Small Office Security in Japanese (ksos.kaspersky.com/ja); code: test double",
        True,
    )
    entry(
        SW32,
        "{5E2C37C1-0000-4000-8000-00000000A003}",
        {"DisplayName": "Switchover test double", "Publisher": "АО «Лаборатория Касперского»"},
        "a product no rule names, known only by its Cyrillic publisher",
        True,
    )
    # No DisplayName: a half-removed product that Windows hides.
    entry(
        SW32,
        "{5E2C37C1-0000-4000-8000-00000000A004}",
        {
            "Publisher": "AO Kaspersky Lab",
            "InstallLocation": "C:\\Program Files (x86)\\Kaspersky Lab\\KES.12.10.0\\",
        },
        "no DisplayName: publisher and folder only (folder KES.12.10.0: footprints.md 1.9)",
        True,
    )
    entry(
        SW32,
        "{5E2C37C1-0000-4000-8000-00000000A005}",
        {"InstallLocation": "C:\\Program Files (x86)\\Kaspersky Lab\\Kaspersky 21.22\\", "NoRemove": "1"},
        "no DisplayName and no publisher: only the folder says Kaspersky (folder: footprints.md 1.9)",
        True,
    )
    entry(
        SW,
        "{0F05E4E5-5A89-482C-9A62-47CC58643788}",
        {"DisplayName": "Kaspersky Security Center Network Agent", "Publisher": "AO Kaspersky Lab"},
        "Network Agent with its code (remove_ks.ps1)",
        True,
    )
    entry(
        SW32,
        "{305A9EC9-294E-4555-A7C5-E1C767E01C11}",
        {
            "DisplayName": "Kaspersky Endpoint Security for Windows",
            "Publisher": "AO Kaspersky Lab",
            "DisplayVersion": "11.10.0.399",
        },
        "KES 11.10 (KasperskyGuide)",
        True,
    )
    entry(
        SW32,
        "Kaspersky Lab Test Key",
        {"DisplayName": "Kaspersky Total Security", "Publisher": "Kaspersky"},
        "consumer suite under a key that is no GUID (test double key name)",
        True,
    )
    # Decoys: other vendors and Windows itself, several named like Kaspersky's.
    decoy_entries = [
        ("ESET Endpoint Security", "ESET, spol. s r.o."),
        ("Bitdefender Total Security", "Bitdefender"),
        ("Kaspersky Total Security", "Bitdefender"),  # named after Kaspersky, published by someone else
        ("Kaspersky", None),  # a bare name needs Kaspersky's publisher
        ("Kaspersky Rescue Tool", "Somebody Else"),
        ("360 Total Security", "Qihoo 360"),
        ("Kaseya Agent", "Kaseya"),
        ("KLayout", None),
        ("Klavaro", None),
        ("Microsoft Visual C++ 2015-2022 Redistributable (x64)", "Microsoft Corporation"),
        ("Microsoft Edge", "Microsoft Corporation"),
        ("Total Security", None),
        ("Anti-Virus", None),
        ("Internet Security", None),
    ]
    for number, (name, publisher) in enumerate(decoy_entries):
        values = {"DisplayName": name, **({"Publisher": publisher} if publisher else {})}
        values["InstallLocation"] = f"C:\\Program Files\\Decoy {number}\\"
        entry(
            SW if number % 2 else SW32,
            f"{{DEC0Y000-0000-4000-8000-{number:012d}}}",
            values,
            "another vendor's or Windows' entry that looks like Kaspersky's",
            False,
        )
    entry(
        SW32,
        "{DEC0Y000-0000-4000-8000-000000000099}",
        {"Publisher": "Contoso Ltd."},
        "no DisplayName, another publisher",
        False,
    )

    # Component keys under KasperskyLab (footprints.json registry_key records).
    lab32 = f"{SW32}\\KasperskyLab"
    component_keys = [
        (
            f"{lab32}\\Components\\27\\1103",
            "Components\\27\\1103",
            "Network Agent component (product id 1103)",
        ),
        (f"{lab32}\\Components\\34", "Components\\34", "SS_PRODINFO (Tenable)"),
        (f"{lab32}\\WmiHlp", "WmiHlp", "IsReportedExpired (KCI)"),
        (f"{lab32}\\AVP21.3", "AVP21.3", "Security Cloud 21.3 product key"),
    ]
    for path, name, why in component_keys:
        corpus.plant("vendor_key", path, name, why)
    keys += [
        (
            f"{lab32}\\Components\\27\\1103\\1.0.0.0\\Installer",
            [("KLMOVE_EXE", _sz("C:\\Program Files (x86)\\Kaspersky Lab\\NetworkAgent\\klmover.exe"))],
        ),
        (f"{lab32}\\Components\\34", [("SS_PRODINFO", _sz("test double"))]),
        (f"{lab32}\\WmiHlp", [("IsReportedExpired", RegValue(REG_DWORD, 0))]),
        (f"{lab32}\\AVP21.3\\environment", [("ProductName", _sz("Kaspersky Security Cloud"))]),
        (
            f"{SW}\\KasperskyLab\\Components\\10a\\LastSet",
            [("Directory", _sz("C:\\ProgramData\\test double"))],
        ),
        (
            "HKEY_CURRENT_USER\\Software\\KasperskyLab\\AVP21.25\\settings",
            [("UnpNotifyMode", RegValue(REG_DWORD, 1))],
        ),
    ]
    corpus.plant(
        "vendor_key",
        f"{SW}\\KasperskyLab\\Components\\10a\\LastSet",
        "Components\\10a\\LastSet",
        "signature path key (Tenable)",
    )
    corpus.plant(
        "vendor_key",
        "HKEY_CURRENT_USER\\Software\\KasperskyLab\\AVP21.25",
        "AVP21.25",
        "per-user key left after kavremover",
    )

    # The browser extension by id: extension keys and force-install policies (Chrome, Edge), Firefox.
    chrome_id, other_id = "ddoleachckhhdmhpbkddgechjfhnphpe", "mcobjbefejmnadahpjbfibgkgchhmjke"
    update = "https://clients2.google.com/service/update2/crx"
    keys.append((f"{SW32}\\Google\\Chrome\\Extensions\\{chrome_id}", [("update_url", _sz(update))]))
    corpus.plant(
        "browser_extension",
        f"{SW32}\\Google\\Chrome\\Extensions\\{chrome_id}",
        chrome_id,
        "extension key (id from the vendor's Mac uninstall script)",
    )
    keys.append(
        (
            f"{SW32}\\Google\\Chrome\\Extensions\\aaaabbbbccccddddeeeeffffgggghhhh",
            [("update_url", _sz(update))],
        )
    )
    corpus.decoy(
        "browser_extension",
        f"{SW32}\\Google\\Chrome\\Extensions\\aaaabbbbccccddddeeeeffffgggghhhh",
        "aaaabbbbccccddddeeeeffffgggghhhh",
        "another extension (test double id)",
    )
    for policy in ("Google\\Chrome", "Microsoft\\Edge"):
        path = f"{SW}\\Policies\\{policy}\\ExtensionInstallForcelist"
        keys.append(
            (
                path,
                [
                    ("1", _sz(f"{other_id};{update}")),
                    ("2", _sz(f"pppppppppppppppppppppppppppppppp;{update}")),
                ],
            )
        )
        corpus.plant("browser_extension", path, other_id, "force-install policy")
        corpus.decoy(
            "browser_extension", path, "pppppppppppppppppppppppppppppppp", "another forced extension"
        )
    keys.append(
        (
            f"{SW}\\Mozilla\\Firefox\\Extensions",
            [
                ("urladvisor@kaspersky.com", _sz("C:\\Program Files (x86)\\Kaspersky Lab\\ext\\urladvisor")),
                ("uBlock0@raymondhill.net", _sz("C:\\Program Files\\ublock")),
            ],
        )
    )
    corpus.plant(
        "browser_extension",
        f"{SW}\\Mozilla\\Firefox\\Extensions",
        "urladvisor@kaspersky.com",
        "Firefox add-on id (vendor Mac uninstall script)",
    )
    corpus.decoy(
        "browser_extension",
        f"{SW}\\Mozilla\\Firefox\\Extensions",
        "uBlock0@raymondhill.net",
        "another Firefox add-on",
    )

    # Drivers known only by name (Microsoft's altitude table, real installs), services.
    drivers = [
        "klif",
        "klbackupflt",
        "klflt",
        "klhk",
        "klim6",
        "kldisk",
        "klgse",
        "klpd",
        "klwtp",
        "klkbdflt2",
        "klmouflt",
        "klpnpflt",
        "klupd_klif_arkmon",
        "KLIF.KES-21-9",
        "kltap",
        "klsec",
        # minifilters in Microsoft's allocated-altitudes table (2025-11-12)
        "klboot",
        "klfdefsf",
        "klrsps",
        "klsnsr",
        "klifks",
        "klifaa",
        "Klifsm",
        "klam",
        "klbg",
        "kldback",
        "kldlinf",
        "kldtool",
        "Klcdp",
        "Klshadow",
        "Klsysrec",
        "klvfs",
        "Klfle",
        "Klvirt",
    ]
    for name in drivers:
        path = f"{SERVICES}\\{name}"
        keys.append(
            (
                path,
                [
                    ("ImagePath", RegValue(REG_EXPAND_SZ, f"\\SystemRoot\\System32\\drivers\\{name}.sys")),
                    ("Type", RegValue(REG_DWORD, 1)),
                    ("Start", RegValue(REG_DWORD, 0)),
                ],
            )
        )
        corpus.plant("driver", path, name, "driver known by its name (footprints.md 1.7)")
    services = [
        ("klnagent", "Kaspersky Security Center Network Agent"),
        ("AVP21.3", "Kaspersky Endpoint Security Service"),
        ("kavfs", "Kaspersky Security Service"),
        ("KAVFSGT", "Kaspersky Security Management Service"),
        ("kladminserver", "Kaspersky Security Center Administration Server"),
        ("klids", None),
    ]
    for name, display in services:
        path = f"{SERVICES}\\{name}"
        values = [
            ("Type", RegValue(REG_DWORD, 16)),
            ("Start", RegValue(REG_DWORD, 2)),
            (
                "ImagePath",
                RegValue(REG_EXPAND_SZ, f'"C:\\Program Files (x86)\\Kaspersky Lab\\x\\{name}.exe"'),
            ),
        ]
        if display:
            values.append(("DisplayName", _sz(display)))
        keys.append((path, values))
        corpus.plant("service", path, name, "service (KSC 14.2 help, NetExec, a kavremover report)")
    for name, kind in (
        ("KSecDD", 1),
        ("ksthunk", 1),
        ("kbdclass", 1),
        ("kdnic", 1),
        ("klifx", 1),
        ("klibc", 1),
        ("KeyIso", 16),
        ("KtmRm", 16),
        ("avpx", 16),
        ("AVPRO", 16),
        ("WinDefend", 16),
        ("ekrn", 16),
        ("EPSecurityService", 16),
        ("Sense", 16),
    ):
        path = f"{SERVICES}\\{name}"
        keys.append(
            (
                path,
                [
                    ("Type", RegValue(REG_DWORD, kind)),
                    ("Start", RegValue(REG_DWORD, 3)),
                    ("ImagePath", RegValue(REG_EXPAND_SZ, f"\\SystemRoot\\System32\\drivers\\{name}.sys")),
                ],
            )
        )
        corpus.decoy("driver" if kind == 1 else "service", path, name, "a Windows or other vendor's service")
    return keys


def windows_drive(drive: Path, corpus: Corpus) -> None:
    drivers = drive / "Windows" / "System32" / "drivers"
    for name in ("klif.sys", "klflt.sys", "klupd_klif_mark.sys", "K4W-21-25/klhk.sys", "K4W-21-25/klgse.sys"):
        target = drivers / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(b"")
        location = "C:\\Windows\\System32\\drivers\\" + name.replace("/", "\\")
        corpus.plant("path", location, location, "driver file (footprints.md 1.7)")
    for name in ("ntfs.sys", "tcpip.sys", "KSecDD.sys", "kbdclass.sys", "klifx.sys"):
        (drivers / name).write_bytes(b"")
        location = f"C:\\Windows\\System32\\drivers\\{name}"
        corpus.decoy("path", location, location, "a Windows driver file")
    corpus.plant(
        "path",
        "C:\\Windows\\System32\\drivers\\K4W-21-25",
        "C:\\Windows\\System32\\drivers\\K4W-21-25",
        "versioned driver folder (footprints.md 1.7)",
    )
    for folder, planted in (
        ("Program Files (x86)/Kaspersky Lab", True),
        ("Program Files (x86)/Kaspersky Lab/Kaspersky 21.20", True),
        ("ProgramData/Kaspersky Lab", True),
        ("ProgramData/Kaspersky Lab/KES.14.0", True),
        ("Program Files/Kaseya/Agent", False),
        ("Program Files/ESET/ESET Security", False),
        ("Program Files/Kasperskyfan Tools", False),
    ):
        (drive / folder).mkdir(parents=True, exist_ok=True)
        location = "C:\\" + folder.replace("/", "\\")
        (corpus.plant if planted else corpus.decoy)("path", location, location, "program folder")


def make_windows(out: Path, corpus: Corpus, work: Path) -> None:
    prefix = WinePrefix(Path(os.environ.get("WINEPREFIX", work / "wine")))
    if not (prefix.path / "system.reg").exists():
        prefix.boot()
    source = work / "corpus-import.reg"
    source.write_bytes(render_export(windows_registry(corpus)))
    done = prefix.run("reg", "import", str(source))
    prefix.wait()
    if done.returncode != 0:
        raise SystemExit(f"wine reg import failed: {done.stderr}")
    folder = out / "windows"
    folder.mkdir(parents=True, exist_ok=True)
    for name, key in EXPORTS.items():
        prefix.reg_export(key, folder / name)
    windows_drive(folder / "drive", corpus)
    wine_services_are_decoys(folder / "services.reg", corpus)


def wine_services_are_decoys(export: Path, corpus: Corpus) -> None:
    """Every service Wine itself registers is a real operating-system decoy."""
    from core.adapters.registry import ExportView
    from core.adapters.registry_export import read_export
    from core.model import Notes

    view = ExportView([read_export(str(export), Notes())])
    known = {item["location"].casefold() for item in [*corpus.planted, *corpus.decoys]}
    for name in view.subkeys(SERVICES):
        path = view.spell(f"{SERVICES}\\{name}")
        values = view.values(path)
        if path.casefold() in known or not values:
            continue
        kind = "driver" if values.get("Type") is not None and values["Type"].data in (1, 2) else "service"
        corpus.decoy(kind, path, name, "a service of Wine's own registry")


# --- Linux -------------------------------------------------------------------------------------

UNIT = "[Unit]\nDescription={}\n\n[Service]\nExecStart={}\n"


def _write(root: Path, path: str, content: str = "") -> None:
    target = root / path.lstrip("/")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(content, encoding="utf-8")


def make_linux(out: Path, corpus: Corpus, work: Path) -> None:
    root = dpkg_root(out / "linux")
    debs = [
        ("kesl", "12.1.0-1508", True),
        ("klnagent64", "15.1.0-20748", True),
        ("kesl-astra", "11.1.0-3013", True),
        ("kav4fs", "8.0.4-312", True),
        ("kics", "3.0.0-1", True),
        ("ksc64", "15.1.0-8028", True),
        ("ksc-web-console", "15.1.0-1", True),
        ("epagent", "1.0.0-1", True),
        ("kasumi", "2.5-9", False),
        ("klibc-utils", "2.0.13-1", False),
        ("kleopatra", "23.08.1-1", False),
        ("kas", "1.0-1", False),
        ("klog", "1.0-1", False),
        ("keslx", "1.0-1", False),
        ("kess-tools", "1.0-1", False),
        ("clamav-daemon", "1.0.7-1", False),
    ]
    for name, version, planted in debs:
        deb = build_deb(work, name, version, {f"/usr/share/doc/{name}/README": "Switchover test double\n"})
        dpkg(root, "--install", "--force-depends", str(deb))
        why = (
            "package name research found (footprints.md 3); version: the research's where given"
            if planted
            else "another package whose name starts like Kaspersky's (apt-cache search)"
        )
        (corpus.plant if planted else corpus.decoy)("package", f"dpkg:{name}", name, why)
    rpm(root, "--initdb")
    for name, version, release, planted in (
        ("kesl", "11.2.0", "4528", True),
        ("klnagent64", "12.0.0", "60", True),
        ("kuma-cp", "1.0", "1", False),
        ("klines", "1.0", "1", False),
    ):
        rpm_file = build_rpm(work, name, version, release)
        rpm(root, "-i", "--nodeps", "--justdb", str(rpm_file))
        (corpus.plant if planted else corpus.decoy)("package", f"rpm:{name}", name, "rpm package")
    for leftover in (".rpm.lock", "rpmdb.sqlite-shm", "rpmdb.sqlite-wal"):  # rpm's locks, not data
        (root / "var/lib/rpm" / leftover).unlink(missing_ok=True)
    units = [
        (
            "kesl.service",
            "Kaspersky Endpoint Security",
            "/opt/kaspersky/kesl/libexec/kesl",
            True,
            "collect.sh",
        ),
        (
            "klnagent64.service",
            "Kaspersky Network Agent",
            "/opt/kaspersky/klnagent64/sbin/klnagent",
            True,
            "ansible",
        ),
        # Security Center's own server units: collect.sh reads them as 'KSC*' and 'kl*'; names: test doubles.
        (
            "kladminserver_srv.service",
            "Kaspersky Security Center Administration Server",
            "/opt/kaspersky/ksc64/sbin/kladminserver",
            True,
            "KSC Linux unit (test double name, ksc64 program)",
        ),
        (
            "klwebsrv_srv.service",
            "Kaspersky Web Server",
            "/opt/kaspersky/ksc64/sbin/klwebsrvd",
            True,
            "KSC Linux unit (test double name, ksc64 program)",
        ),
        (
            "KSCWebConsole.service",
            "Kaspersky Security Center Web Console",
            "/var/opt/kaspersky/ksc-web-console/node",
            True,
            "Web Console unit (test double name, Kaspersky folder)",
        ),
        ("klogd.service", "Kernel log daemon", "/sbin/klogd", False, "the OS's klogd"),
        (
            "kuma-cp.service",
            "Kuma control plane",
            "/usr/bin/kuma-cp",
            False,
            "Kong's Kuma, not Kaspersky's KUMA",
        ),
        ("ksm.service", "Kernel Samepage Merging", "/usr/sbin/ksmctl", False, "an OS unit"),
        ("kdump.service", "Crash recovery kernel arming", "/usr/bin/kdumpctl", False, "an OS unit"),
        (
            "cron.service",
            "Regular background program processing daemon",
            "/usr/sbin/cron",
            False,
            "an OS unit",
        ),
    ]
    for name, description, program, planted, why in units:
        path = f"/usr/lib/systemd/system/{name}"
        _write(root, path, UNIT.format(description, program))
        (corpus.plant if planted else corpus.decoy)("service", path, name, why)
    _write(root, "/etc/init.d/kesl-supervisor", "#!/bin/sh\n")
    corpus.plant("service", "/etc/init.d/kesl-supervisor", "kesl-supervisor", "KESL 10 init script")
    for folder, planted in (
        ("/opt/kaspersky", True),
        ("/opt/kaspersky/kesl", True),
        ("/var/opt/kaspersky", True),
        ("/var/opt/kaspersky/klnagent", True),
        ("/etc/opt/kaspersky", True),
        ("/var/log/kaspersky", True),
        ("/opt/kasperskyfan", False),
        ("/opt/google/chrome", False),
        ("/var/opt/kaseya", False),
    ):
        (root / folder.lstrip("/")).mkdir(parents=True, exist_ok=True)
        (corpus.plant if planted else corpus.decoy)("path", folder, folder, "software folder")


# --- macOS -------------------------------------------------------------------------------------


def _plist(root: Path, path: str, value: object, binary: bool = True) -> None:
    target = root / path.lstrip("/")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(plistlib.dumps(value, fmt=plistlib.FMT_BINARY if binary else plistlib.FMT_XML))


def make_macos(out: Path, corpus: Corpus) -> None:
    root = out / "macos"
    (root / "System/Library").mkdir(parents=True, exist_ok=True)
    apps = [
        (
            "/Applications/Kaspersky Anti-Virus For Mac.app",
            "com.kaspersky.kav",
            True,
            "vendor Mac uninstall script",
        ),
        (
            "/Applications/Kaspersky Safe Kids.app",
            "com.kaspersky.safekids.testdouble",
            True,
            "an app with a com.kaspersky id no rule lists (test double id)",
        ),
        (
            "/Users/alice/Applications/Kaspersky Password Manager.app",
            "com.kaspersky.kpm.testdouble",
            True,
            "a per-user app with an unlisted com.kaspersky id (test double id)",
        ),
        ("/Applications/Safari.app", "com.apple.Safari", False, "macOS"),
        ("/Applications/Kaseya Agent.app", "com.kaseya.agent", False, "another vendor"),
        ("/Applications/Fan.app", "com.kasperskyfan.app", False, "a look-alike id"),
        ("/Applications/Firefox.app", "org.mozilla.firefox", False, "another vendor"),
    ]
    for path, bundle, planted, why in apps:
        _plist(
            root,
            f"{path}/Contents/Info.plist",
            {"CFBundleIdentifier": bundle, "CFBundleShortVersionString": "1.0"},
            binary=planted,
        )
        (corpus.plant if planted else corpus.decoy)("app_bundle", path, bundle, why)
    receipts = [
        ("com.kaspersky.kav.core", True),
        ("com.kaspersky.klnagent.core", True),
        ("com.kaspersky.testdouble.component", True),
        ("com.apple.pkg.Core", False),
        ("com.example.Core", False),
        ("org.mozilla.firefox", False),
    ]
    for identifier, planted in receipts:
        path = f"/private/var/db/receipts/{identifier}.plist"
        _plist(root, path, {"PackageIdentifier": identifier, "PackageVersion": "1.0"}, binary=False)
        (corpus.plant if planted else corpus.decoy)("pkg_receipt", path, identifier, "installer receipt")
    jobs = [
        ("/Library/LaunchDaemons/com.kaspersky.kav.plist", "com.kaspersky.kav", True),
        ("/Library/LaunchAgents/com.kaspersky.kav.gui.plist", "com.kaspersky.kav.gui", True),
        ("/Library/LaunchDaemons/com.apple.kav.plist", "com.apple.kav", False),
        ("/Library/LaunchAgents/com.google.keystone.agent.plist", "com.google.keystone.agent", False),
    ]
    for path, label, planted in jobs:
        _plist(root, path, {"Label": label, "ProgramArguments": ["/usr/bin/true"]})
        (corpus.plant if planted else corpus.decoy)("launchd_job", path, label, "launchd job")
    prefs = [
        ("/Users/alice/Library/Preferences/com.kaspersky.kav.plist", True),
        ("/Users/alice/Library/Preferences/com.kaspersky.kav_agent.plist", True),
        ("/Library/Preferences/com.kaspersky.testdouble.plist", True),
        ("/Users/alice/Library/Preferences/com.apple.finder.plist", False),
        ("/Library/Preferences/com.kasperskyfan.plist", False),
    ]
    for path, planted in prefs:
        _plist(root, path, {"test double": True})
        (corpus.plant if planted else corpus.decoy)("path", path, path, "preference file")


EMPTY_FOLDERS = "empty-folders.txt"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--out", type=Path, default=REPO / "tests" / "corpus")
    args = parser.parse_args()
    out: Path = args.out
    for part in ("windows", "linux", "macos"):
        shutil.rmtree(out / part, ignore_errors=True)
    corpus = Corpus()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        make_windows(out, corpus, work)
        make_linux(out, corpus, work)
    make_macos(out, corpus)
    manifest = {
        "comment": "Written by tools/make_corpus.py; scored by tools/score_corpus.py.",
        "scans": {
            "windows": {
                "os": "windows",
                "reg": [f"windows/{name}" for name in EXPORTS],
                "root": "windows/drive",
            },
            "linux": {"os": "linux", "root": "linux"},
            "macos": {"os": "macos", "root": "macos"},
        },
        "planted": corpus.planted,
        "decoys": corpus.decoys,
    }
    (out / "manifest.json").write_text(
        json.dumps(manifest, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    # Git keeps no empty folder: list them, and tools/score_corpus.py makes them again to scan.
    empty = sorted(
        p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_dir() and not any(p.iterdir())
    )
    (out / EMPTY_FOLDERS).write_text("".join(f"{name}\n" for name in empty), encoding="utf-8")
    print(f"{len(corpus.planted)} planted, {len(corpus.decoys)} decoys in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
