"""Suggestions from the catalog that match what the user had, their platform and their budget.

What the scan found turns into needs: a Kaspersky (or Ultra) VPN asks for a
VPN, Password Manager for a password manager, Safe Kids for parental controls,
and a Network Agent (a managed fleet) for business products with central
management. Microsoft Defender is always offered first on Windows, as the free
baseline; products the catalog only describes (UltraAV) are never suggested.
Switchover installs nothing: a suggestion carries the vendor's official page.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from core.catalog import Catalog, Entry
from core.model import ScanResult

NEEDS = ("vpn", "passwords", "parental", "free", "central_management")
NEED_FEATURE = {
    "vpn": "vpn",
    "passwords": "password_manager",
    "parental": "parental_controls",
    "central_management": "central_management",
}
NEED_WORDS = {
    "vpn": "a VPN",
    "passwords": "a password manager",
    "parental": "parental controls",
    "free": "a free version",
    "central_management": "central management",
}


@dataclass(frozen=True)
class Recommendation:
    entry: Entry
    reason: str  # one line: why this product is suggested
    covers: tuple[str, ...]
    missing: tuple[str, ...]

    def to_json(self) -> dict[str, object]:
        return {
            "entry": self.entry.to_json(),
            "reason": self.reason,
            "covers": list(self.covers),
            "missing": list(self.missing),
        }


def needs_from_scan(scan: ScanResult) -> dict[str, str]:
    """What the user had, as needs: {need: the product that creates it}."""
    had: dict[str, str] = {}
    for product in (*scan.kaspersky, *scan.successors):
        words = f"{product.family} {product.family_name} {product.name}".lower()
        if "vpn" in words:
            had.setdefault("vpn", product.name)
        if "password" in words:
            had.setdefault("passwords", product.name)
        if "safe kids" in words or "safe-kids" in words or "safekids" in words:
            had.setdefault("parental", product.name)
        if product.managed or product.category == "management_agent":
            had.setdefault("central_management", product.name)
    return had


def recommend(
    catalog: Catalog,
    scan: ScanResult | None,
    *,
    platform: str,
    segment: str | None,
    needs: Iterable[str],
) -> list[Recommendation]:
    """Suggestions for `platform`, best match first; the Windows baseline always leads on Windows."""
    had = needs_from_scan(scan) if scan else {}
    wanted = tuple(n for n in NEEDS if n in set(needs) | set(had))
    segment = segment or ("business" if "central_management" in had or _has_business(scan) else "home")
    baseline = [e for e in catalog.entries if e.role == "baseline" and platform in e.platforms]
    candidates = [
        e
        for e in catalog.entries
        if e.role == "candidate" and platform in e.platforms and segment in e.segments
    ]
    scored = sorted(
        ((e, *_match(e, wanted)) for e in candidates),
        key=lambda item: (len(item[2]), not item[0].tests, item[0].name.lower()),
    )
    fewest_missing = min((len(missing) for _, _, missing in scored), default=0)
    chosen = [item for item in scored if len(item[2]) == fewest_missing]
    return [
        *(Recommendation(e, _baseline_reason(e, wanted), *_match(e, wanted)) for e in baseline),
        *(
            Recommendation(e, _reason(e, covers, missing, had), covers, missing)
            for e, covers, missing in chosen
        ),
    ]


def meets(entry: Entry, need: str) -> bool:
    if need == "free":
        return entry.free_tier is True
    return entry.has(NEED_FEATURE[need])


def _match(entry: Entry, wanted: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return tuple(n for n in wanted if meets(entry, n)), tuple(n for n in wanted if not meets(entry, n))


def _has_business(scan: ScanResult | None) -> bool:
    from core.briefing import is_business

    return scan is not None and any(is_business(p) for p in scan.kaspersky)


def _reason(entry: Entry, covers: tuple[str, ...], missing: tuple[str, ...], had: dict[str, str]) -> str:
    parts = [_covers_phrase(need, had) for need in covers]
    if not parts:
        parts.append(_evidence_phrase(entry))
    parts += [_missing_phrase(entry, need) for need in missing]
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + "."


def _baseline_reason(entry: Entry, wanted: tuple[str, ...]) -> str:
    gaps = [_missing_phrase(entry, need) for need in wanted if not meets(entry, need)]
    return (
        "Free and built into Windows: it protects you again once Kaspersky is gone"
        + "".join(f"; {gap}" for gap in gaps)
        + "."
    )


def _covers_phrase(need: str, had: dict[str, str]) -> str:
    if need in had:
        return f"has {NEED_WORDS[need]}, to replace {had[need]}"
    return f"has {NEED_WORDS[need]}"


def _missing_phrase(entry: Entry, need: str) -> str:
    value = entry.free_tier if need == "free" else entry.features.get(NEED_FEATURE[need])
    if value is None:
        return f"{NEED_WORDS[need]}: not verified"
    return f"no {NEED_WORDS[need].removeprefix('a ')}"


def _evidence_phrase(entry: Entry) -> str:
    if entry.tests:
        test = entry.tests[0]
        name = test.test if test.test.startswith(test.lab) else f"{test.lab} {test.test}"
        return f"{name}: {test.result}"
    return "real-time protection; no independent test result on file"
