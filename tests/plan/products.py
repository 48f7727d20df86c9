"""Synthetic scans for the plan tests: products built directly, shaped like the matcher's output."""

from __future__ import annotations

from collections.abc import Mapping

from core.model import Evidence, Kind, OsName, Product, ScanResult, Target

KES_CODE = "{C9EF800D-54AA-4F60-AB96-5A3966550F53}"  # KES, from remove_ks.ps1 (footprints §1.3)
AGENT_CODE = "{0F05E4E5-5A89-482C-9A62-47CC58643788}"  # Network Agent, same source
UNINSTALL = "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall"
USER_UNINSTALL = "HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall"


def entry(name: str, key: str, *, hive: str = UNINSTALL, **attributes: str) -> Evidence:
    return Evidence(Kind.UNINSTALL_ENTRY, f"{hive}\\{key}", name, attributes, rule="test")


def product(
    family: str,
    name: str,
    *evidence: Evidence,
    category: str = "endpoint_security",
    origin: str = "kaspersky",
    managed: bool = False,
    scope: str = "machine",
    state: Mapping[str, str] | None = None,
) -> Product:
    vendor = "kaspersky" if origin == "kaspersky" else "ultra"
    return Product(
        id=f"{vendor}:{family}:{name.casefold().replace(' ', '-')}",
        name=name,
        family=family,
        family_name=name,
        category=category,
        vendor="Kaspersky" if origin == "kaspersky" else "UltraAV",
        origin=origin,  # type: ignore[arg-type]
        version=None,
        scope=scope,  # type: ignore[arg-type]
        managed=managed,
        evidence=evidence,
        state=dict(state or {}),
    )


def kes(*, managed: bool = False, password: bool = False, extra: tuple[Evidence, ...] = ()) -> Product:
    anchor = entry(
        "Kaspersky Endpoint Security for Windows",
        KES_CODE,
        WindowsInstaller="1",
        UninstallString=f"MsiExec.exe /I{KES_CODE}",
        Publisher="AO Kaspersky Lab",
    )
    state = {"password_protection": "true"} if password else {}
    return product(
        "kes", "Kaspersky Endpoint Security for Windows", anchor, *extra, managed=managed, state=state
    )


def agent() -> Product:
    anchor = entry(
        "Kaspersky Security Center Network Agent",
        AGENT_CODE,
        WindowsInstaller="1",
        UninstallString=f'MsiExec.exe /I{AGENT_CODE} /l*v "C:\\WINDOWS\\Temp\\$klnagent-uninstall.log"',
    )
    return product(
        "network-agent",
        "Kaspersky Security Center Network Agent",
        anchor,
        managed=True,
        category="management_agent",
    )


def scan_of(
    os: OsName, *products: Product, leftovers: tuple[Product, ...] = (), root: str | None = None
) -> ScanResult:
    return ScanResult(
        target=Target(os=os, live=root is None, root=root),
        scanned_at="2025-01-01T00:00:00Z",
        products=products,
        leftovers=leftovers,
        other_security_software=(),
    )
