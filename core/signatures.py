"""Signatures: what a vendor's products look like on a machine, loaded from `resources/signatures`.

A vendor is one JSON file (`switchover.signatures/1`, schema in
`resources/signatures/schema.json`); a product family is an entry in it and a
rule is a pattern on one kind of observation. Adding a vendor or a family is a
data change. Patterns are case-insensitive regular expressions searched in the
observation's name (and optionally its attributes); inline flags are not
allowed so that all patterns of one kind can be joined into one prefilter.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from core.model import Kind, Observation, Origin

SCHEMA = "switchover.signatures/1"
_FLAGS = re.IGNORECASE
_NAMED_GROUP = re.compile(r"\(\?P<\w+>")


@dataclass(frozen=True)
class Rule:
    id: str  # "vendor/family#index", reported with each piece of evidence
    kind: Kind
    name: re.Pattern[str]
    attributes: tuple[tuple[str, re.Pattern[str]], ...]
    publisher: str  # "required", "if_present" or "ignored"
    family: Family

    def matches(self, obs: Observation) -> bool:
        if self.name.search(obs.name) is None:
            return False
        for attr, pattern in self.attributes:
            value = obs.attributes.get(attr)
            if value is None or pattern.search(value) is None:
                return False
        return self._publisher_ok(obs.attributes.get("Publisher"))

    def version_in_name(self, obs: Observation) -> str | None:
        found = self.name.search(obs.name)
        if found and "version" in found.groupdict() and found.group("version"):
            return found.group("version")
        return None

    def _publisher_ok(self, publisher: str | None) -> bool:
        if self.publisher == "ignored":
            return True
        if publisher is None or not publisher.strip():
            return self.publisher == "if_present"
        return self.family.vendor.is_publisher(publisher)


@dataclass(frozen=True)
class Vendor:
    id: str
    name: str
    origin: Origin
    publishers: tuple[re.Pattern[str], ...]

    def is_publisher(self, publisher: str) -> bool:
        # Publishers are seen with stray quotes and padding ('"Лаборатория Касперского"').
        cleaned = publisher.strip().strip("\"'«»“” ").strip()
        return any(p.search(cleaned) for p in self.publishers)


@dataclass(frozen=True, eq=False)
class Family:
    id: str
    name: str
    category: str
    vendor: Vendor
    shared: bool  # components of the vendor's products in general (drivers, common folders)
    hosts_shared: bool  # a product that shared components belong to first (an engine, not an agent)
    marks_managed: bool  # its presence means the machine is managed centrally
    removal_order: int
    sources: tuple[dict[str, str], ...]


@dataclass(frozen=True)
class Prefilter:
    """All patterns of one kind joined, so most names are turned away by one or two regex calls.

    Patterns anchored with `^` are joined apart and tried at the start only: in one alternation
    with floating patterns, the engine would try every anchored branch at every position.
    """

    anchored: re.Pattern[str] | None
    floating: re.Pattern[str] | None

    def passes(self, name: str) -> bool:
        return bool(
            (self.anchored is not None and self.anchored.match(name))
            or (self.floating is not None and self.floating.search(name))
        )


@dataclass(frozen=True)
class SignatureSet:
    vendors: tuple[Vendor, ...]
    families: tuple[Family, ...]
    rules_by_kind: dict[Kind, tuple[Rule, ...]]
    prefilter: dict[Kind, Prefilter]

    def match(self, obs: Observation) -> Rule | None:
        """The first rule (in file order, specific families first) that matches the observation."""
        gate = self.prefilter.get(obs.kind)
        if gate is None or not gate.passes(obs.name):
            return None
        return next((r for r in self.rules_by_kind[obs.kind] if r.matches(obs)), None)

    def family(self, family_id: str) -> Family:
        return next(f for f in self.families if f.id == family_id)


def parse_signature_document(
    document: dict[str, Any], *, origin_file: str = "<data>"
) -> tuple[Vendor, list[Family], list[Rule]]:
    """Build one vendor's families and rules from its JSON document."""
    if document.get("schema") != SCHEMA:
        raise ValueError(f"{origin_file}: not a {SCHEMA} document")
    vendor = Vendor(
        id=document["vendor"],
        name=document["vendor_name"],
        origin=document["origin"],
        publishers=tuple(re.compile(p, _FLAGS) for p in document.get("publishers", [])),
    )
    families: list[Family] = []
    rules: list[Rule] = []
    for entry in document["families"]:
        family = Family(
            id=entry["id"],
            name=entry["name"],
            category=entry["category"],
            vendor=vendor,
            shared=entry.get("shared", False),
            hosts_shared=entry.get("hosts_shared", False),
            marks_managed=entry.get("marks_managed", False),
            removal_order=entry.get("removal_order", 50),
            sources=tuple(entry.get("sources", [])),
        )
        families.append(family)
        for index, rule in enumerate(entry["rules"]):
            rules.append(
                Rule(
                    id=f"{vendor.id}/{family.id}#{index}",
                    kind=Kind(rule["kind"]),
                    name=re.compile(rule["name"], _FLAGS),
                    attributes=tuple(
                        (attr, re.compile(pattern, _FLAGS))
                        for attr, pattern in rule.get("attributes", {}).items()
                    ),
                    publisher=rule.get("publisher", "if_present"),
                    family=family,
                )
            )
    return vendor, families, rules


def build_signature_set(documents: list[tuple[str, dict[str, Any]]]) -> SignatureSet:
    """Join vendor documents into one set; vendors listed first win ties (Kaspersky before others)."""
    vendors: list[Vendor] = []
    families: list[Family] = []
    rules: list[Rule] = []
    for origin_file, document in documents:
        vendor, vendor_families, vendor_rules = parse_signature_document(document, origin_file=origin_file)
        vendors.append(vendor)
        families.extend(vendor_families)
        rules.extend(vendor_rules)
    by_kind: dict[Kind, list[Rule]] = {}
    for rule in rules:
        by_kind.setdefault(rule.kind, []).append(rule)
    prefilter = {kind: _prefilter([r.name.pattern for r in kinds]) for kind, kinds in by_kind.items()}
    return SignatureSet(
        vendors=tuple(vendors),
        families=tuple(families),
        rules_by_kind={k: tuple(v) for k, v in by_kind.items()},
        prefilter=prefilter,
    )


def _prefilter(patterns: list[str]) -> Prefilter:
    anchored: list[str] = []
    floating: list[str] = []
    for pattern in patterns:
        pattern = _NAMED_GROUP.sub("(?:", pattern)  # a group name may appear once per regex
        body = _anchored_body(pattern)
        if body is None:
            floating.append(pattern)
        else:
            anchored.append(body)

    def joined(parts: list[str]) -> re.Pattern[str] | None:
        return re.compile("|".join(f"(?:{p})" for p in parts), _FLAGS) if parts else None

    return Prefilter(joined(anchored), joined(floating))


def _anchored_body(pattern: str) -> str | None:
    """The pattern without its leading `^` when that `^` anchors all of it (no `|` outside groups)."""
    if not pattern.startswith("^"):
        return None
    depth, escaped, in_class = 0, False, False
    for char in pattern[1:]:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return None
    return pattern[1:]


def bundled_documents() -> list[tuple[str, dict[str, Any]]]:
    """The signature files shipped in `resources/signatures`, in the order their `index.json` gives."""
    folder = resources.files("resources.signatures")
    order = json.loads(folder.joinpath("index.json").read_text(encoding="utf-8"))["files"]
    return [(name, json.loads(folder.joinpath(name).read_text(encoding="utf-8"))) for name in order]


@cache
def bundled_signatures() -> SignatureSet:
    return build_signature_set(bundled_documents())
