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

from core.advice.briefing import is_business
from core.advice.catalog import Catalog, Entry
from core.messages import DEFAULT_LANGUAGE, phrase
from core.model import ScanResult

NEEDS = ("vpn", "passwords", "parental", "free", "central_management")
NEED_FEATURE = {
    "vpn": "vpn",
    "passwords": "password_manager",
    "parental": "parental_controls",
    "central_management": "central_management",
}
# Each need in words, by text id ("a VPN"); the bare form ("VPN") for "no VPN": a word of its own so
# that a translation can differ.
NEED_WORDS = {
    "vpn": "recommend.need.vpn",
    "passwords": "recommend.need.passwords",
    "parental": "recommend.need.parental",
    "free": "recommend.need.free",
    "central_management": "recommend.need.central_management",
}
NEED_WORDS_BARE = {
    "vpn": "recommend.need_bare.vpn",
    "passwords": "recommend.need_bare.passwords",
    "parental": "recommend.need_bare.parental",
    "free": "recommend.need_bare.free",
    "central_management": "recommend.need_bare.central_management",
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
    language: str = DEFAULT_LANGUAGE,
) -> list[Recommendation]:
    """Suggestions for `platform`, best match first; the Windows baseline always leads on Windows.

    Reasons are in `language` (core/messages.py); catalog data they quote (test names, results) is not.
    """
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
        *(Recommendation(e, _baseline_reason(e, wanted, language), *_match(e, wanted)) for e in baseline),
        *(
            Recommendation(e, _reason(e, covers, missing, had, language), covers, missing)
            for e, covers, missing in chosen
        ),
    ]


def covered(catalog: Catalog, platform: str) -> dict[str, tuple[Entry, ...]]:
    """What the catalog offers for `platform`, by segment ("home", "business"): so that a face can say
    why a list came out empty instead of showing nothing."""
    offered = [e for e in catalog.entries if e.role != "described" and platform in e.platforms]
    segments = dict.fromkeys(s for e in offered for s in e.segments)
    return {segment: tuple(e for e in offered if segment in e.segments) for segment in segments}


def meets(entry: Entry, need: str) -> bool:
    if need == "free":
        return entry.free_tier is True
    return entry.has(NEED_FEATURE[need])


def _match(entry: Entry, wanted: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return tuple(n for n in wanted if meets(entry, n)), tuple(n for n in wanted if not meets(entry, n))


def _has_business(scan: ScanResult | None) -> bool:
    return scan is not None and any(is_business(p) for p in scan.kaspersky)


def _reason(
    entry: Entry, covers: tuple[str, ...], missing: tuple[str, ...], had: dict[str, str], language: str
) -> str:
    parts = [_covers_phrase(need, had, language) for need in covers]
    if not parts:
        parts.append(_evidence_phrase(entry, language))
    parts += [_missing_phrase(entry, need, language) for need in missing]
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + "."


def _baseline_reason(entry: Entry, wanted: tuple[str, ...], language: str) -> str:
    gaps = [_missing_phrase(entry, need, language) for need in wanted if not meets(entry, need)]
    return phrase("recommend.defender_baseline", language) + "".join(f"; {gap}" for gap in gaps) + "."


def _covers_phrase(need: str, had: dict[str, str], language: str) -> str:
    words = phrase(NEED_WORDS[need], language)
    if need in had:
        return phrase("recommend.has_replacing", language, need=words, product=had[need])
    return phrase("recommend.has", language, need=words)


def _missing_phrase(entry: Entry, need: str, language: str) -> str:
    value = entry.free_tier if need == "free" else entry.features.get(NEED_FEATURE[need])
    if value is None:
        return phrase("recommend.not_verified", language, need=phrase(NEED_WORDS[need], language))
    return phrase("recommend.lacks", language, need=phrase(NEED_WORDS_BARE[need], language))


def _evidence_phrase(entry: Entry, language: str) -> str:
    if entry.tests:
        test = entry.tests[0]
        name = test.test if test.test.startswith(test.lab) else f"{test.lab} {test.test}"
        return f"{name}: {test.result}"  # the catalog's own words: data, like the facts' statements
    return phrase("recommend.no_test_result", language)
