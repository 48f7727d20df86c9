"""Every plan scenario the tests know, by name: the registry-export fixtures, the demo machines and the
synthetic scans of test_plan.py. tests/plan/test_golden_plans.py holds each one's plan document."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from core.detection.scan import scan
from core.model import Evidence, Kind, ScanResult, Target
from tests.plan.products import KES_CODE, USER_UNINSTALL, agent, entry, kes, product, scan_of

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "windows"


def _exports(*names: str) -> Callable[[], ScanResult]:
    def scanned() -> ScanResult:
        exports = tuple(str(FIXTURES / name) for name in names)
        return scan(Target(os="windows", live=False, registry_exports=exports))

    return scanned


def _demo(key: str) -> Callable[[], ScanResult]:
    def scanned() -> ScanResult:
        from core.assistant.demo import demo_machines

        machine = demo_machines()[key]
        return scan(machine.target, observe=machine.observe)

    return scanned


def _package(name: str, manager: str = "dpkg") -> Evidence:
    return Evidence(Kind.PACKAGE, f"{manager}:{name}", name, {"manager": manager}, "test")


def _kpm() -> ScanResult:
    kpm = product(
        "password-manager",
        "Kaspersky Password Manager",
        entry(
            "Kaspersky Password Manager",
            "KPM",
            UninstallString='"C:\\Program Files (x86)\\Kaspersky Lab'
            '\\Kaspersky Password Manager\\uninstall.exe"',
        ),
        category="password_manager",
    )
    return scan_of("windows", kpm)


def _encrypted() -> ScanResult:
    klfle = Evidence(Kind.DRIVER, "HKLM\\SYSTEM\\CurrentControlSet\\Services\\klfle", "klfle", {}, "test")
    return scan_of("windows", kes(extra=(klfle,)))


def _hostile_and_per_user() -> ScanResult:
    hostile = product(
        "consumer",
        "Kaspersky Plus",
        entry("Kaspersky Plus", "Kaspersky Plus", UninstallString='"C:\\x.exe" & calc'),
        category="consumer_suite",
    )
    appdata = product(
        "consumer",
        "Kaspersky Free",
        entry(
            "Kaspersky Free",
            "KF",
            hive=USER_UNINSTALL,
            UninstallString="C:\\Users\\ann\\AppData\\Local\\k\\u.exe",
        ),
        category="consumer_suite",
        scope="user",
    )
    per_user_msi = product(
        "kes",
        "Kaspersky Endpoint Security",
        entry("Kaspersky Endpoint Security", KES_CODE, hive=USER_UNINSTALL, WindowsInstaller="1"),
        scope="user",
    )
    return scan_of("windows", hostile, appdata, per_user_msi)


def _premium_and_ultra() -> ScanResult:
    avpui = '"C:\\Program Files (x86)\\Kaspersky Lab\\Kaspersky Total Security\\avpui.exe"'
    plus = product(
        "consumer",
        "Kaspersky Premium",
        entry(
            "Kaspersky Premium",
            "AVP21",
            UninstallString=f"{avpui} /uninstall",
            QuietUninstallString=f"{avpui} /s",
        ),
        category="consumer_suite",
    )
    ultra = product(
        "ultraav",
        "UltraAV",
        entry("UltraAV", "UltraAV", UninstallString='"C:\\Program Files\\UltraAV\\uninstall.exe"'),
        origin="successor",
        category="consumer_suite",
    )
    leftover = product(
        "kes", "klif", Evidence(Kind.DRIVER, "HKLM\\S\\klif", "klif", {}, "t"), category="driver"
    )
    return ScanResult(
        target=Target(os="windows", live=True),
        scanned_at="2025-01-01T00:00:00Z",
        products=(plus, ultra),
        leftovers=(leftover,),
        other_security_software=(),
    )


def _linux_dpkg() -> ScanResult:
    kesl = product("kes", "kesl", _package("kesl"))
    gui = product("kes", "kesl-gui", _package("kesl-gui"))
    nagent = product(
        "network-agent", "klnagent64", _package("klnagent64"), managed=True, category="management_agent"
    )
    return scan_of("linux", nagent, kesl, gui)


def _linux_offline() -> ScanResult:
    return scan_of("linux", product("kes", "kesl", _package("kesl")), root="/mnt/disk")


def _linux_rpm() -> ScanResult:
    return scan_of("linux", product("kes", "kesl", _package("kesl", "rpm")))


def _macos() -> ScanResult:
    app = Evidence(
        Kind.APP_BUNDLE, "/Applications/Kaspersky Anti-Virus For Mac.app", "com.kaspersky.kav", {}, "t"
    )
    agent_app = Evidence(
        Kind.APP_BUNDLE, "/Library/Application Support/Kaspersky Lab/klnagent", "klnagent", {}, "t"
    )
    return scan_of(
        "macos",
        product("consumer", "Kaspersky Anti-Virus For Mac", app, category="consumer_suite"),
        product("network-agent", "Network Agent", agent_app, managed=True, category="management_agent"),
    )


# name -> (the scan, the package managers present)
SCENARIOS: dict[str, tuple[Callable[[], ScanResult], frozenset[str]]] = {
    **{f"export-{p.stem}": (_exports(p.name), frozenset()) for p in sorted(FIXTURES.glob("*.reg"))},
    "exports-all": (_exports(*sorted(p.name for p in FIXTURES.glob("*.reg"))), frozenset()),
    "demo-home": (_demo("home"), frozenset()),
    "demo-office": (_demo("office"), frozenset()),
    "kes": (lambda: scan_of("windows", kes()), frozenset()),
    "kes-password-agent": (lambda: scan_of("windows", kes(password=True), agent()), frozenset()),
    "kes-managed-agent": (lambda: scan_of("windows", agent(), kes(managed=True)), frozenset()),
    "password-manager": (_kpm, frozenset()),
    "encryption": (_encrypted, frozenset()),
    "hostile-and-per-user": (_hostile_and_per_user, frozenset()),
    "premium-ultra-leftover": (_premium_and_ultra, frozenset()),
    "linux-dpkg-apt": (_linux_dpkg, frozenset({"apt-get"})),
    "linux-dpkg-bare": (_linux_dpkg, frozenset()),
    "linux-offline": (_linux_offline, frozenset({"apt-get"})),
    "linux-rpm-dnf": (_linux_rpm, frozenset({"dnf"})),
    "linux-rpm-zypper": (_linux_rpm, frozenset({"zypper"})),
    "linux-rpm-bare": (_linux_rpm, frozenset()),
    "macos": (_macos, frozenset()),
    "nothing": (lambda: scan_of("windows"), frozenset()),
}
