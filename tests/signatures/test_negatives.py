"""Names that other vendors and the OS share with Kaspersky's are never taken for Kaspersky."""

from __future__ import annotations

import pytest

from core.model import Kind

from .helpers import family_of

# (display name, publisher, what it is instead: "vendor/family" or None)
UNINSTALL_ENTRIES = [
    ("Bitdefender Total Security", "Bitdefender", "bitdefender/bitdefender"),
    ("G DATA TOTAL SECURITY", "G DATA Software AG", "g-data/g-data"),
    ("ESET Internet Security", "ESET, spol. s r.o.", "eset/eset"),
    ("Norton Internet Security", "Symantec Corporation", "norton/norton"),
    ("Avast Internet Security", "AVAST Software", "avast/avast"),
    ("AVG Internet Security", "AVG Technologies", "avg/avg"),
    ("McAfee Total Protection", "McAfee, LLC", "mcafee/mcafee"),
    ("Trend Micro Internet Security", "Trend Micro Inc.", "trend-micro/trend-micro"),
    ("Sophos Anti-Virus", "Sophos Limited", "sophos/sophos"),
    ("Avira Antivirus", "Avira Operations GmbH", "avira/avira"),
    ("360 Total Security", "Qihoo 360", None),
    ("Quick Heal Total Security", "Quick Heal Technologies", None),  # winPEAS lists it
    ("Ad-Aware Total Security by Lavasoft", "Lavasoft", None),  # winPEAS lists it
    ("Total Defense Anti-Virus", "Total Defense", None),  # winPEAS lists it
    ("Total Security", None, None),
    ("Internet Security", None, None),
    ("Anti-Virus", None, None),
    ("Kasseta", None, None),
    ("Kaseya Agent", "Kaseya", None),
    ("Kasumi", None, None),
    ("KLayout", None, None),
    ("Klavaro", None, None),
    ("Kaspersky Total Security", "Bitdefender", None),  # named after Kaspersky, published by someone else
    ("Kaspersky", None, None),  # a bare name needs Kaspersky's publisher
    ("Kaspersky Rescue Tool", "Somebody Else", None),
    ("Sentinel Agent", "Sentinel Software", None),  # SentinelOne's generic name needs its publisher
]


@pytest.mark.parametrize(("name", "publisher", "instead"), UNINSTALL_ENTRIES)
def test_other_vendors_suites_are_not_kaspersky(
    name: str, publisher: str | None, instead: str | None
) -> None:
    attributes = {"Publisher": publisher} if publisher else {}
    assert family_of(Kind.UNINSTALL_ENTRY, name, **attributes) == instead


@pytest.mark.parametrize(
    ("kind", "name"),
    [
        # Windows components and drivers whose names start like Kaspersky's
        (Kind.DRIVER, "KSecDD"),
        (Kind.DRIVER, "KSecPkg"),
        (Kind.DRIVER, "ksthunk"),
        (Kind.DRIVER, "kbdclass"),
        (Kind.DRIVER, "kdnic"),
        (Kind.DRIVER, "KslD"),
        (Kind.SERVICE, "KeyIso"),
        (Kind.SERVICE, "KtmRm"),
        (Kind.DRIVER, "klifx"),
        (Kind.DRIVER, "klibc"),
        (Kind.SERVICE, "avpx"),
        (Kind.SERVICE, "AVPRO"),
        # Debian packages starting with kl/kas (apt-cache search '^(kl|kas)')
        (Kind.PACKAGE, "kas"),
        (Kind.PACKAGE, "kasumi"),
        (Kind.PACKAGE, "klibc-utils"),
        (Kind.PACKAGE, "kleopatra"),
        (Kind.PACKAGE, "klog"),
        (Kind.PACKAGE, "klines"),
        (Kind.PACKAGE, "klick"),
        (Kind.PACKAGE, "klaus"),
        (Kind.PACKAGE, "keslx"),
        (Kind.PACKAGE, "kess-tools"),
        # systemd units and processes of other software
        (Kind.SERVICE, "kuma-cp.service"),
        (Kind.SERVICE, "kuma-dp.service"),
        (Kind.SERVICE, "klogd.service"),
        (Kind.PROCESS, "klauncher"),
        (Kind.PROCESS, "klipper"),
        (Kind.PROCESS, "kleopatra"),
        (Kind.PROCESS, "agent.exe"),
        (Kind.PROCESS, "kavx.exe"),
        (Kind.PROCESS, "avpx.exe"),
        # macOS identifiers of other vendors
        (Kind.APP_BUNDLE, "com.kaseya.agent"),
        (Kind.APP_BUNDLE, "com.kasperskyfan.app"),
        (Kind.LAUNCHD_JOB, "com.apple.kav"),
        (Kind.PKG_RECEIPT, "com.example.Core"),
        # paths that only look similar
        (Kind.PATH, r"C:\Users\bob\Documents\Kaspersky Lab invoice.pdf"),
        (Kind.PATH, "/opt/kasperskyfan"),
        (Kind.PATH, "/home/bob/kaspersky/notes.txt"),
    ],
)
def test_look_alike_names_are_not_kaspersky(kind: Kind, name: str) -> None:
    found = family_of(kind, name)
    assert found is None or not found.startswith("kaspersky/"), found


def test_ultra_products_are_successors_never_kaspersky() -> None:
    assert family_of(Kind.UNINSTALL_ENTRY, "UltraAV") == "ultra/ultraav"
    assert family_of(Kind.UNINSTALL_ENTRY, "UltraAV Antivirus", Publisher="Pango") == "ultra/ultraav"
    assert family_of(Kind.UNINSTALL_ENTRY, "UltraVPN") == "ultra/ultravpn"
    assert family_of(Kind.SECURITY_CENTER, "UltraAV") == "ultra/ultraav"


@pytest.mark.parametrize(
    ("kind", "name", "attributes", "expected"),
    [
        (Kind.SERVICE, "WinDefend", {}, "microsoft/defender"),
        (Kind.PROCESS, "MsMpEng.exe", {}, "microsoft/defender"),
        (Kind.SECURITY_CENTER, "Windows Defender", {}, "microsoft/defender"),
        (
            Kind.SERVICE,
            "Sense",
            {"DisplayName": "Windows Defender Advanced Threat Protection Service"},
            "microsoft/defender-endpoint",
        ),
        (Kind.SERVICE, "Sense", {}, None),
        (
            Kind.SERVICE,
            "EPSecurityService",
            {"DisplayName": "Bitdefender Endpoint Security Service"},
            "bitdefender/bitdefender",
        ),
        (Kind.SERVICE, "EPSecurityService", {}, None),
        (Kind.SERVICE, "CSFalconService", {}, "crowdstrike/crowdstrike"),
        (Kind.SERVICE, "SentinelAgent", {}, "sentinelone/sentinelone"),
        (Kind.SERVICE, "ekrn", {}, None),
        (Kind.PROCESS, "ekrn.exe", {}, "eset/eset"),
        (Kind.SERVICE, "EraAgentSvc", {}, "eset/eset-management-agent"),
        (Kind.SERVICE, "Sophos MCS Client", {}, "sophos/sophos"),
        (Kind.SERVICE, "WRSVC", {}, "webroot/webroot"),
        (Kind.PACKAGE, "clamav-daemon", {}, "clamav/clamav"),
        (Kind.SERVICE, "clamav-freshclam.service", {}, "clamav/clamav"),
    ],
)
def test_other_security_software_is_recognised(
    kind: Kind, name: str, attributes: dict, expected: str | None
) -> None:
    assert family_of(kind, name, **attributes) == expected
