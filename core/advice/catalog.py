"""The catalog of alternatives: security products with the source behind every value.

The document is resources/catalog/catalog.json (`switchover.catalog/1`), or a
newer signed download (core/advice/updates.py). A value is shown only with its
source; a value nobody verified is None and the UI says "not verified". The
date shown with a value is its source's publication date, or the entry's review
date when the source shows none.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from core.advice.updates import DocumentError, DocumentKind, load_document

FEATURES = (
    "real_time_protection",
    "firewall",
    "vpn",
    "password_manager",
    "parental_controls",
    "edr",
    "central_management",
)
SOURCED_FIELDS = ("parent_company", "hq_country", "platforms", "free_tier")
PLATFORMS = ("windows", "macos", "linux", "android", "ios")

Role = Literal["baseline", "candidate", "described"]


@dataclass(frozen=True)
class Source:
    url: str
    title: str
    kind: str  # "primary" (lab, vendor, government) or "secondary" (press, relay)
    date: str | None

    def to_json(self, reviewed: str) -> dict[str, object]:
        return {"url": self.url, "title": self.title, "kind": self.kind, "date": self.date or reviewed}


@dataclass(frozen=True)
class TestResult:
    lab: str
    test: str
    date: str
    result: str
    source: Source


@dataclass(frozen=True)
class Disclosure:
    id: str
    text: str
    date: str | None
    source: Source


@dataclass(frozen=True)
class Entry:
    id: str
    name: str
    vendor: str
    role: Role
    segments: tuple[str, ...]
    parent_company: str | None
    hq_country: str | None
    platforms: tuple[str, ...]  # empty: not verified
    free_tier: bool | str | None  # True, False, "partial" (on-demand scanner only) or None
    features: Mapping[str, bool | None]
    evidence: Mapping[str, Source]
    tests: tuple[TestResult, ...]
    disclosures: tuple[Disclosure, ...]
    official_url: str | None
    reviewed: str
    # Where a subscription to it is cancelled (the successors): None until a source shows the page.
    subscription_url: str | None = None

    def source_for(self, field: str) -> Source | None:
        """The source of one shown value: a field name, or "features.NAME"."""
        if field in self.evidence:
            return self.evidence[field]
        if field.startswith("features."):
            return self.evidence.get("features")
        return None

    def has(self, feature: str) -> bool:
        return self.features.get(feature) is True

    def to_json(self) -> dict[str, object]:
        def sourced(field: str, value: object) -> dict[str, object] | None:
            source = self.source_for(field)
            if value is None or value == () or source is None:
                return None
            return {
                "value": list(value) if isinstance(value, tuple) else value,
                "source": source.to_json(self.reviewed),
            }

        return {
            "id": self.id,
            "name": self.name,
            "vendor": self.vendor,
            "role": self.role,
            "segments": list(self.segments),
            **{field: sourced(field, getattr(self, field)) for field in SOURCED_FIELDS},
            "features": {name: sourced(f"features.{name}", self.features.get(name)) for name in FEATURES},
            "tests": [
                {
                    "lab": t.lab,
                    "test": t.test,
                    "date": t.date,
                    "result": t.result,
                    "source": t.source.to_json(self.reviewed),
                }
                for t in self.tests
            ],
            "disclosures": [
                {"id": d.id, "text": d.text, "date": d.date, "source": d.source.to_json(self.reviewed)}
                for d in self.disclosures
            ],
            "official_url": self.official_url,
            "reviewed": self.reviewed,
        }


@dataclass(frozen=True)
class Catalog:
    version: int
    origin: str  # "bundled" or "downloaded"
    entries: tuple[Entry, ...]

    def entry(self, entry_id: str) -> Entry:
        return next(e for e in self.entries if e.id == entry_id)


def load_catalog() -> Catalog:
    """The catalog in use: a newer signed download when there is a valid one, else the bundled file."""
    document = load_document(CATALOG_DOCUMENT)
    return catalog_from_json(document.data, version=document.version, origin=document.origin)


def catalog_from_json(data: Mapping[str, Any], *, version: int, origin: str) -> Catalog:
    sources = {key: Source(s["url"], s["title"], s["kind"], s["date"]) for key, s in data["sources"].items()}
    disclosures = {
        key: Disclosure(key, d["text"], d["date"], sources[d["source"]])
        for key, d in data["disclosures"].items()
    }
    entries = tuple(
        Entry(
            id=e["id"],
            name=e["name"],
            vendor=e["vendor"],
            role=e["role"],
            segments=tuple(e["segments"]),
            parent_company=e["parent_company"],
            hq_country=e["hq_country"],
            platforms=tuple(e["platforms"]),
            free_tier=e["free_tier"],
            features=dict(e["features"]),
            evidence={field: sources[key] for field, key in e["evidence"].items()},
            tests=tuple(
                TestResult(t["lab"], t["test"], t["date"], t["result"], sources[t["source"]])
                for t in e["tests"]
            ),
            disclosures=tuple(disclosures[d] for d in e["disclosures"]),
            official_url=e["official_url"],
            reviewed=e["reviewed"],
            subscription_url=e.get("subscription_url"),
        )
        for e in data["entries"]
    )
    return Catalog(version, origin, entries)


def check_catalog_references(document: Mapping[str, Any]) -> None:
    """Raise DocumentError when an id points nowhere or a shown value has no source."""

    sources, disclosures = document["sources"], document["disclosures"]
    for key, disclosure in disclosures.items():
        if disclosure["source"] not in sources:
            raise DocumentError(f"disclosure {key}: no source '{disclosure['source']}'")
    seen: set[str] = set()
    for entry in document["entries"]:
        where = f"entry {entry['id']}"
        if entry["id"] in seen:
            raise DocumentError(f"{where}: listed twice")
        seen.add(entry["id"])
        for field, key in entry["evidence"].items():
            if key not in sources:
                raise DocumentError(f"{where}: {field} cites no source '{key}'")
        unknown = [d for d in entry["disclosures"] if d not in disclosures] + [
            t["source"] for t in entry["tests"] if t["source"] not in sources
        ]
        if unknown:
            raise DocumentError(f"{where}: unknown id '{unknown[0]}'")
        shown = [f for f in SOURCED_FIELDS if entry[f] not in (None, [])]
        shown += [f"features.{name}" for name, value in entry["features"].items() if value is not None]
        shown += ["subscription_url"] if entry.get("subscription_url") else []
        for field in shown:
            if field not in entry["evidence"] and not (
                field.startswith("features.") and "features" in entry["evidence"]
            ):
                raise DocumentError(f"{where}: {field} has a value but no source")


# The catalog as a signed document (core/advice/updates.py): the bundled file, its schema, its check.
CATALOG_DOCUMENT = DocumentKind(
    "catalog", "switchover.catalog/1", "resources.catalog", "catalog.json", check_catalog_references
)
