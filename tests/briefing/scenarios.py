"""Scan results for the briefing and catalog tests, built from the shared data model."""

from __future__ import annotations

from core.model import Product, ScanResult, Target


def product(
    family: str,
    name: str,
    *,
    category: str,
    origin: str = "kaspersky",
    managed: bool = False,
    state: dict[str, str] | None = None,
) -> Product:
    return Product(
        id=f"{family}-1",
        name=name,
        family=family,
        family_name=name,
        category=category,
        vendor="Kaspersky" if origin == "kaspersky" else "Pango Group",
        origin=origin,  # type: ignore[arg-type]
        version="21.3",
        scope="machine",
        managed=managed,
        evidence=(),
        state=state or {},
    )


def scan_of(*products: Product) -> ScanResult:
    return ScanResult(
        target=Target(os="windows", live=False, registry_exports=("fixture.reg",)),
        scanned_at="2025-11-26T10:00:00Z",
        products=products,
        leftovers=(),
        other_security_software=(),
    )


HOME = scan_of(
    product(
        "consumer", "Kaspersky Plus", category="consumer_suite", state={"last_signature_update": "2024-09-28"}
    )
)
OFFICE = scan_of(
    product("kes", "Kaspersky Endpoint Security for Windows", category="endpoint_security", managed=True),
    product(
        "network-agent", "Kaspersky Security Center Network Agent", category="management_agent", managed=True
    ),
)
ULTRA = scan_of(product("ultraav", "UltraAV", category="consumer_suite", origin="successor"))
VPN_AND_PASSWORDS = scan_of(
    product("vpn", "Kaspersky VPN Secure Connection", category="vpn"),
    product("password-manager", "Kaspersky Password Manager", category="password_manager"),
)
SAFE_KIDS = scan_of(product("safe-kids", "Kaspersky Safe Kids", category="parental_control"))
EMPTY = scan_of()
ALL_SCANS = {
    "none": None,
    "home": HOME,
    "office": OFFICE,
    "ultra": ULTRA,
    "empty": EMPTY,
    "vpn": VPN_AND_PASSWORDS,
}
