"""The briefing: what the US ban means, tailored to the user and to what the scan found.

Texts come from resources/briefing/texts/<language>.json and every paragraph
is built from sourced facts (core/advice/facts.py). A paragraph shows only when all
its `when` conditions hold; the conditions are the user's answer about being a
US person and what the scan found (see `situation`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from core.advice.facts import (
    DEFAULT_LANGUAGE,
    Fact,
    Facts,
    Texts,
    load_facts,
    load_texts,
    referenced_facts,
    render,
)
from core.model import Product, ScanResult

# Signature categories (resources/signatures) that only Kaspersky's business line uses.
BUSINESS_CATEGORIES = frozenset(
    {"endpoint_security", "management_agent", "management_console", "management_server", "edr",
     "server_security", "encryption"}
)  # fmt: skip
NOT_A_PRODUCT = frozenset({"shared_component"})  # drivers and services shared by the products above

# IANA zones of the United States and its territories, for the US-person guess.
US_ZONE_PREFIXES = ("US/", "America/Indiana/", "America/Kentucky/", "America/North_Dakota/")
US_ZONES = frozenset(
    {
        "America/New_York", "America/Detroit", "America/Chicago", "America/Menominee", "America/Denver",
        "America/Boise", "America/Phoenix", "America/Los_Angeles", "America/Anchorage", "America/Juneau",
        "America/Sitka", "America/Metlakatla", "America/Yakutat", "America/Nome", "America/Adak",
        "Pacific/Honolulu", "America/Puerto_Rico", "America/St_Thomas", "Pacific/Guam", "Pacific/Saipan",
        "Pacific/Pago_Pago",
    }
)  # fmt: skip


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    paragraphs: tuple[str, ...]
    facts: tuple[Fact, ...]  # every fact the paragraphs rest on, each with its source and date

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "title": self.title,
            "paragraphs": list(self.paragraphs),
            "facts": [f.to_json() for f in self.facts],
        }


@dataclass(frozen=True)
class Briefing:
    sections: tuple[Section, ...]
    us_person: bool | None
    language: str
    generated_on: str  # ISO date the day counts were computed for
    facts_version: int
    facts_origin: str  # "bundled" or "downloaded"

    SCHEMA = "switchover.brief/1"

    def to_json(self) -> dict[str, object]:
        return {
            "schema": self.SCHEMA,
            "language": self.language,
            "generated_on": self.generated_on,
            "us_person": self.us_person,
            "facts_version": self.facts_version,
            "facts_origin": self.facts_origin,
            "sections": [s.to_json() for s in self.sections],
        }


@dataclass(frozen=True)
class Situation:
    """What the texts' conditions test, and the scan's words they may quote."""

    conditions: frozenset[str]
    context: Mapping[str, str]
    signature_dates: tuple[tuple[str, date], ...]  # (product name, last signature update)


def build_briefing(
    scan: ScanResult | None,
    *,
    us_person: bool | None,
    today: date,
    language: str = DEFAULT_LANGUAGE,
    facts: Facts | None = None,
) -> Briefing:
    """The briefing for this user; `scan` None means no computer was scanned."""
    facts = facts or load_facts()
    texts = load_texts(language)
    found = situation(scan, us_person=us_person, texts=texts)
    sections = []
    for template in texts.sections:
        paragraphs: list[str] = []
        fact_ids: list[str] = []
        for paragraph in template["paragraphs"]:
            for context in _contexts(paragraph, found, texts, today):
                if set(paragraph.get("when", ())) <= found.conditions:
                    paragraphs.append(render(paragraph["text"], facts.by_id, texts, context))
                    fact_ids += referenced_facts(paragraph)
        if paragraphs:
            shown = tuple(facts.by_id[i] for i in dict.fromkeys(fact_ids))
            sections.append(Section(template["id"], template["title"], tuple(paragraphs), shown))
    return Briefing(
        tuple(sections), us_person, texts.language, today.isoformat(), facts.version, facts.origin
    )


def situation(scan: ScanResult | None, *, us_person: bool | None, texts: Texts) -> Situation:
    """Turn the user's answer and the scan into the conditions the texts use."""
    conditions = {{True: "us_person", False: "not_us_person", None: "us_person_unknown"}[us_person]}
    context: dict[str, str] = {}
    dates: list[tuple[str, date]] = []
    if scan is None:
        conditions.add("no_scan")
        return Situation(frozenset(conditions), context, ())
    kaspersky = [p for p in scan.kaspersky if p.category not in NOT_A_PRODUCT]
    business = [p for p in kaspersky if is_business(p)]
    consumer = [p for p in kaspersky if not is_business(p)]
    if not kaspersky and not scan.successors:
        conditions.add("nothing_found")
    if consumer:
        conditions.add("consumer")
        context["consumer_products"] = texts.join([p.name for p in consumer])
    if business:
        conditions.add("business")
        context["business_products"] = texts.join([p.name for p in business])
    if any(p.managed or p.category == "management_agent" for p in kaspersky):
        conditions.add("managed")
    if any(is_ultraav(p) for p in scan.successors):
        conditions.add("ultraav")
    for product in kaspersky:
        updated = _iso_date(product.state.get("last_signature_update"))
        if updated is not None:
            dates.append((product.name, updated))
    if dates:
        conditions.add("signature_date")
    return Situation(frozenset(conditions), context, tuple(dates))


def is_business(product: Product) -> bool:
    return product.category in BUSINESS_CATEGORIES


def is_ultraav(product: Product) -> bool:
    return product.family == "ultraav" or "ultraav" in product.name.lower().replace(" ", "")


def guess_us_person(locale: str, timezone: str) -> bool | None:
    """A guess from the system's locale (`en_US.UTF-8`, `es-US`) and IANA time zone; None when unclear.

    The time zone weighs most: en_US is the default locale far beyond the US.
    The UI shows the result as a guess for the user to confirm.
    """
    zone = timezone.strip()
    if zone in US_ZONES or zone.startswith(US_ZONE_PREFIXES):
        return True
    if "/" in zone and not zone.startswith("Etc/"):
        return False
    country = locale.split(".")[0].replace("-", "_").partition("_")[2].upper()
    if country and country != "US":
        return False
    return None


def _contexts(
    paragraph: Mapping[str, Any], found: Situation, texts: Texts, today: date
) -> list[Mapping[str, str]]:
    """One context per repetition: a paragraph with `each` repeats for every product it describes."""
    if paragraph.get("each") != "signature_date":
        return [found.context]
    return [
        {
            **found.context,
            "product": name,
            "last_update": texts.format_date(updated.isoformat()),
            "days_ago": texts.count("days", (today - updated).days),
        }
        for name, updated in found.signature_dates
    ]


def _iso_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
