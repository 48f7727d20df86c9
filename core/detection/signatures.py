"""Signatures: what a vendor's products look like on a machine, loaded from `resources/signatures`.

A vendor is one JSON file (`switchover.signatures/1`, schema in
`resources/signatures/schema.json`); a product family is an entry in it and a
rule is a pattern on one kind of observation. Adding a vendor or a family is a
data change. Patterns are case-insensitive regular expressions searched in the
observation's name (and optionally its attributes); inline flags are not allowed.

A vendor may also say what makes anything its own whatever the product
(`vendor_rules`: publishers, install roots, bundle-id prefixes, registry roots,
package maintainers, extension ids). Those become the rules of one more family,
tried after the vendor's product families, so an item no product rule names is
still reported as the vendor's software whose product is not recognised.

Nothing is compiled when the files are read: a literal index (core/detection/literal_index.py)
picks the few rules a name could match, and only those are compiled, once.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator, Mapping
from functools import cache, cached_property

from core.detection.literal_index import Keys, LiteralIndex, fold, has_folded_keys, keys_from_json, keys_of
from core.model import Kind, Observation, Origin
from core.record import Record

TYPE_CHECKING = False  # typing's, without importing typing on a live scan's path (core/record.py)
if TYPE_CHECKING:
    from typing import Any

SCHEMA = "switchover.signatures/1"
_FLAGS = re.IGNORECASE
# Kinds whose names are the vendor's own namespace (a bundle id, a key under its registry root, an
# extension id) or a path: a match there says whose it is. A service, driver, process, package or
# uninstall entry matched by its name alone is reported with confidence "name_only".
_SELF_NAMED = frozenset(
    {
        Kind.APP_BUNDLE,
        Kind.PKG_RECEIPT,
        Kind.LAUNCHD_JOB,
        Kind.KEXT,
        Kind.SYSTEM_EXTENSION,
        Kind.VENDOR_KEY,
        Kind.BROWSER_EXTENSION,
        Kind.PATH,
        Kind.SECURITY_CENTER,
    }
)
# Attributes that can place an observation inside the vendor's folders or name the vendor.
_CORROBORATING = ("ImagePath", "exe", "InstallLocation", "UninstallString", "path", "DisplayName")
UNRECOGNISED = "unrecognised"  # the id of the family that vendor-level rules make


class Rule:
    """One pattern on one kind of observation, and whose it says the observation is.

    Signature types are plain classes, not dataclasses: they are made on every scan's start-up
    (core/record.py says why)."""

    def __init__(
        self,
        id: str,
        kind: Kind,
        pattern: str,
        attribute_patterns: tuple[tuple[str, str], ...],
        publisher: str,  # "required", "if_present" or "ignored"
        family: Family,
        # The installed product's name when the rule finds an anchor that names none (a package, a bundle id).
        product: str | None = None,
    ) -> None:
        self.id = id
        self.kind = kind
        self.pattern = pattern
        self.attribute_patterns = attribute_patterns
        self.publisher = publisher
        self.family = family
        self.product = product

    @cached_property
    def name(self) -> re.Pattern[str]:
        return re.compile(self.pattern, _FLAGS)

    @cached_property
    def attributes(self) -> tuple[tuple[str, re.Pattern[str]], ...]:
        return tuple((attr, re.compile(p, _FLAGS)) for attr, p in self.attribute_patterns)

    def matches(self, obs: Observation) -> bool:
        for attr, _ in self.attribute_patterns:
            if attr not in obs.attributes:
                return False
        if self.name.search(obs.name) is None:
            return False
        for attr, pattern in self.attributes:
            value = obs.attributes.get(attr)
            if value is None or pattern.search(value) is None:
                return False
        return self._publisher_ok(obs.attributes.get("Publisher"))

    def confidence(self, obs: Observation) -> str:
        """ "high" when more than a name says the item is the vendor's, else "name_only"."""
        if obs.kind in _SELF_NAMED or self.attribute_patterns or self.family.vendor.corroborates(obs):
            return "high"
        return "name_only"

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


class Vendor:
    """A company whose software the signatures know, with what makes anything its own."""

    def __init__(
        self,
        id: str,
        name: str,
        origin: Origin,
        publisher_patterns: tuple[str, ...],
        names: tuple[str, ...] = (),  # the company's name in every script it writes it in (vendor_rules)
        install_roots: tuple[InstallRoot, ...] = (),
        registry_roots: tuple[str, ...] = (),
    ) -> None:
        self.id = id
        self.name = name
        self.origin = origin
        self.publisher_patterns = publisher_patterns
        self.names = names
        self.install_roots = install_roots
        self.registry_roots = registry_roots
        # A machine has a few hundred publishers, each on many entries: each is checked once.
        self._publisher_answers: dict[str, bool] = {}

    @cached_property
    def publishers(self) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p, _FLAGS) for p in self.publisher_patterns)

    def is_publisher(self, publisher: str) -> bool:
        known = self._publisher_answers.get(publisher)
        if known is None:
            # Publishers are seen with stray quotes and padding ('"Лаборатория Касперского"').
            cleaned = publisher.strip().strip("\"'«»“” ").strip()
            known = self._publisher_answers[publisher] = any(p.search(cleaned) for p in self.publishers)
        return known

    def corroborates(self, obs: Observation) -> bool:
        """Whether the observation's publisher, folder or display name says it is this vendor's."""
        attrs = obs.attributes
        if attrs.get("Publisher") and self.is_publisher(attrs["Publisher"]):
            return True
        folded = [obs.name.casefold(), *(attrs[a].casefold() for a in _CORROBORATING if attrs.get(a))]
        names = [n.casefold() for n in self.names]
        roots = [r.folder.casefold() for r in self.install_roots]
        return any(n in text for text in folded for n in names) or any(
            r in text for text in folded for r in roots
        )


class InstallRoot(Record):
    """A folder the vendor installs into on one OS."""

    __slots__ = ("folder", "os")
    os: str
    folder: str  # Windows: a folder name between backslashes; macOS and Linux: an absolute prefix

    def __init__(self, os: str, folder: str) -> None:
        object.__setattr__(self, "os", os)
        object.__setattr__(self, "folder", folder)


class Family:
    """A product family of a vendor: the products one entry in its signature file describes."""

    def __init__(
        self,
        id: str,
        name: str,
        category: str,
        vendor: Vendor,
        shared: bool,  # components of the vendor's products in general (drivers, common folders)
        hosts_shared: bool,  # a product that shared components belong to first (an engine, not an agent)
        marks_managed: bool,  # its presence means the machine is managed centrally
        removal_order: int,
        sources: tuple[dict[str, str], ...],
        recognised: bool = True,  # False for the family vendor-level rules make
    ) -> None:
        self.id = id
        self.name = name
        self.category = category
        self.vendor = vendor
        self.shared = shared
        self.hosts_shared = hosts_shared
        self.marks_managed = marks_managed
        self.removal_order = removal_order
        self.sources = sources
        self.recognised = recognised

    def __repr__(self) -> str:
        return f"Family({self.vendor.id}/{self.id})"


class _KindRules:
    """One kind's rules in match order, and the index that picks the ones a name could match."""

    def __init__(self, rules: list[Rule], literal_keys: Mapping[str, Keys | None]) -> None:
        self.rules = rules
        self.literal_keys = literal_keys  # keys read once and shipped with the data
        self.index: LiteralIndex | None = None
        # Rules that match any name but need an attribute with a literal ("." with InstallLocation under
        # "\\Kaspersky Lab\\"): tried only when that attribute holds the literal.
        self.gated: dict[int, tuple[str, Keys]] = {}
        self._answers: dict[tuple[str, int, str], bool] = {}
        self._only_gates = False  # every rule tried on any name is gated by an attribute (set by _build)
        self._gate_attributes: frozenset[str] = frozenset()

    def match(self, obs: Observation) -> Rule | None:
        for position in self._candidates(obs.name, obs.attributes, frozenset()):
            if self.rules[position].matches(obs):
                return self.rules[position]
        return None

    def could_match(self, name: str, attributes: Mapping[str, str], unknown: frozenset[str]) -> bool:
        if self.index is None:
            self.index = self._build()
        if (
            self._only_gates
            and self._gate_attributes.isdisjoint(attributes)
            and self._gate_attributes.isdisjoint(unknown)
        ):
            # Every rule tried on any name needs an attribute this item lacks: only its name can tell.
            return self.index.looked_up(name)
        for position in self.index.candidates(name):
            gate = self.gated.get(position)
            if gate is None or gate[0] in unknown:
                return True
            value = attributes.get(gate[0])
            if value and self._passes(gate, value):
                return True
        return False

    def _passes(self, gate: tuple[str, Keys], value: str) -> bool:
        """A gate's answer for a value; a machine has hundreds of packages and a few maintainers."""
        key = (gate[0], id(gate[1]), value)
        known = self._answers.get(key)
        if known is None:
            known = self._answers[key] = has_folded_keys(fold(value), gate[1])
        return known

    def _candidates(self, name: str, attributes: Mapping[str, str], unknown: frozenset[str]) -> Iterator[int]:
        """The positions of the rules the literal index lets through, with their attribute gates passed
        (a gate on an attribute whose value is `unknown` is passed)."""
        if self.index is None:
            self.index = self._build()
        folded: dict[str, str] = {}  # several gates read one attribute (a Maintainer, in two scripts)
        for position in self.index.candidates(name):
            gate = self.gated.get(position)
            if gate is not None and gate[0] not in unknown:
                value = folded.get(gate[0])
                if value is None:
                    value = folded[gate[0]] = fold(attributes.get(gate[0]) or "")
                if not value or not has_folded_keys(value, gate[1]):
                    continue
            yield position

    def _build(self) -> LiteralIndex:
        index = LiteralIndex()
        for position, rule in enumerate(self.rules):
            keys = self._keys(rule.pattern)
            if keys is None:
                self.gated.update(self._attribute_gate(position, rule))
            index.add(position, keys)
        self._only_gates = all(position in self.gated for position in index.always)
        self._gate_attributes = frozenset(attribute for attribute, _ in self.gated.values())
        return index

    def _keys(self, pattern: str) -> Keys | None:
        if pattern in self.literal_keys:
            return self.literal_keys[pattern]
        return keys_of(pattern)  # a pattern the shipped keys do not know yet: read it now

    def _attribute_gate(self, position: int, rule: Rule) -> dict[int, tuple[str, Keys]]:
        for attr, pattern in rule.attribute_patterns:
            keys = self._keys(pattern)
            if keys is not None:
                return {position: (attr, keys)}
        return {}


class SignatureSet:
    """Every vendor's families and rules, by kind, matched through the literal index."""

    def __init__(
        self,
        vendors: tuple[Vendor, ...],
        families: tuple[Family, ...],
        rules_by_kind: dict[Kind, tuple[Rule, ...]],
        literal_keys: Mapping[str, Keys | None] | None = None,
    ) -> None:
        self.vendors = vendors
        self.families = families
        self.rules_by_kind = rules_by_kind
        self.literal_keys: Mapping[str, Keys | None] = literal_keys or {}
        # By the kind's plain value: hashing an Enum member runs Python code, and this runs per observation.
        self._by_kind: dict[str, _KindRules] = {}

    def match(self, obs: Observation) -> Rule | None:
        """The first rule (in file order, specific families first) that matches the observation."""
        kind = self._kind_rules(obs.kind)
        return None if kind is None else kind.match(obs)

    def could_match(
        self, kind: Kind, name: str, attributes: Mapping[str, str], unknown: frozenset[str] = frozenset()
    ) -> bool:
        """Whether a rule might match an item of this kind with this name and these attributes (those in
        `unknown` it will have, with values not read yet), by the literal index alone: never False when
        `match` would find a rule for the item. The dpkg reader asks it so that the hundreds of
        ordinary packages are not made into observations (core/detection/scan.py)."""
        rules = self._kind_rules(kind)
        return rules is not None and rules.could_match(name, attributes, unknown)

    def _kind_rules(self, kind: Kind) -> _KindRules | None:
        found = self._by_kind.get(kind._value_)
        if found is None:
            rules = self.rules_by_kind.get(kind)
            if not rules:
                return None
            found = self._by_kind[kind._value_] = _KindRules(list(rules), self.literal_keys)
        return found

    def family(self, family_id: str) -> Family:
        return next(f for f in self.families if f.id == family_id)

    @property
    def registry_roots(self) -> tuple[str, ...]:
        """Vendors' own keys under SOFTWARE (KasperskyLab), which the Windows adapter reads."""
        return tuple(root for vendor in self.vendors for root in vendor.registry_roots)


def parse_signature_document(
    document: dict[str, Any], *, origin_file: str = "<data>"
) -> tuple[Vendor, list[Family], list[Rule]]:
    """Build one vendor's families and rules from its JSON document."""
    if document.get("schema") != SCHEMA:
        raise ValueError(f"{origin_file}: not a {SCHEMA} document")
    extra = document.get("vendor_rules", {})
    vendor = Vendor(
        id=document["vendor"],
        name=document["vendor_name"],
        origin=document["origin"],
        publisher_patterns=tuple(document.get("publishers", [])),
        names=tuple(n["value"] for n in extra.get("names", [])),
        install_roots=tuple(InstallRoot(r["os"], r["value"]) for r in extra.get("install_roots", [])),
        registry_roots=tuple(r["value"] for r in extra.get("registry_roots", [])),
    )
    entries = list(document["families"])
    if extra:
        entries.append(vendor_family(vendor, extra))
    families: list[Family] = []
    rules: list[Rule] = []
    for entry in entries:
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
            recognised=entry["id"] != UNRECOGNISED,
        )
        families.append(family)
        for index, rule in enumerate(entry["rules"]):
            rules.append(
                Rule(
                    id=f"{vendor.id}/{family.id}#{index}",
                    kind=Kind(rule["kind"]),
                    pattern=rule["name"],
                    attribute_patterns=tuple(rule.get("attributes", {}).items()),
                    publisher=rule.get("publisher", "if_present"),
                    family=family,
                    product=rule.get("product"),
                )
            )
    return vendor, families, rules


def vendor_family(vendor: Vendor, extra: dict[str, Any]) -> dict[str, Any]:
    """The family that a vendor's `vendor_rules` make, in the same shape as a family in the file.

    Each kind of vendor-level fact becomes rules that need nothing of a product: a publisher of
    the vendor's on an uninstall entry (with or without a DisplayName; a name alone is not enough
    there, tests/signatures/test_negatives.py), a folder under an install root, a bundle id with
    the vendor's prefix, a key under its registry root, a package its maintainer signs, an
    extension by id. The family is `shared`: its pieces join an installed
    product of the vendor when there is one, and are leftovers otherwise.
    """
    rules: list[dict[str, Any]] = [{"kind": "uninstall_entry", "name": ".", "publisher": "required"}]
    for name in vendor.names:
        # Security Center names carry no publisher: the vendor's name is the evidence. A Latin name
        # as a whole word ("Kaspersky", not "Kasperskyfan"); scripts written without spaces between
        # words (Japanese) have no word boundary to ask for. Elsewhere a name alone is not enough
        # ("Kaspersky Lab invoice.pdf", tests/signatures/test_negatives.py).
        named = rf"\b{re.escape(name)}\b" if name.isascii() else re.escape(name)
        rules.append({"kind": "security_center", "name": named, "publisher": "ignored"})
    if vendor.install_roots:
        inside = "|".join(_root_pattern(root) for root in vendor.install_roots)
        rules.append({"kind": "path", "name": inside})
        windows = "|".join(_root_pattern(r) for r in vendor.install_roots if r.os == "windows")
        for kind, attr, where in (
            ("uninstall_entry", "InstallLocation", windows),
            ("uninstall_entry", "UninstallString", windows),
            ("service", "ImagePath", inside),
            ("driver", "ImagePath", windows),
            ("process", "exe", inside),
        ):
            if where:
                rules.append({"kind": kind, "name": ".", "attributes": {attr: where}})
    for prefix in extra.get("bundle_id_prefixes", []):
        start = "^" + re.escape(prefix["value"])
        for kind in ("app_bundle", "pkg_receipt", "launchd_job", "kext", "system_extension"):
            rules.append({"kind": kind, "name": start})
        rules.append(
            {
                "kind": "path",
                "name": r"/Library/(Preferences|Caches|Application Support|LaunchAgents|LaunchDaemons)/"
                + re.escape(prefix["value"]),
            }
        )
    for root in vendor.registry_roots:
        rules.append(
            {"kind": "vendor_key", "name": ".", "attributes": {"vendor_root": f"^{re.escape(root)}$"}}
        )
    for maintainer in extra.get("package_maintainers", []):
        for attr in ("Maintainer", "Vendor", "Packager"):
            rules.append({"kind": "package", "name": ".", "attributes": {attr: maintainer["value"]}})
    ids = [re.escape(e["value"]) for e in extra.get("extension_ids", [])]
    if ids:
        rules.append({"kind": "browser_extension", "name": f"^({'|'.join(ids)})$"})
    return {
        "id": UNRECOGNISED,
        "name": extra.get("family_name", f"{vendor.name} software whose product is not recognised"),
        "category": "other_product",
        "shared": True,
        "removal_order": extra.get("removal_order", 40),
        "sources": extra.get("sources", []),
        "rules": rules,
    }


def _root_pattern(root: InstallRoot) -> str:
    """Windows folders are found anywhere in a path; POSIX roots at its start (after a quote)."""
    folder = re.escape(root.folder)
    return folder if root.os == "windows" else f'^"?{folder}'


def build_signature_set(
    documents: list[tuple[str, dict[str, Any]]], literal_keys: Mapping[str, Keys | None] | None = None
) -> SignatureSet:
    """Join vendor documents into one set; vendors listed first win ties (Kaspersky before others).

    `literal_keys` are the literal index's keys of the patterns, read ahead of time
    (`literal-keys.json` beside the data, made by tools/literal_keys.py); patterns it lacks are
    read when their kind is first matched.
    """
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
    return SignatureSet(
        vendors=tuple(vendors),
        families=tuple(families),
        rules_by_kind={k: tuple(v) for k, v in by_kind.items()},
        literal_keys=literal_keys or {},
    )


def bundled_documents() -> list[tuple[str, dict[str, Any]]]:
    """The signature files shipped in `resources/signatures`, in the order their `index.json` gives."""
    order = _read_json("index.json")["files"]
    return [(name, _read_json(name)) for name in order]


def _read_json(name: str) -> Any:
    """A file of resources/signatures, by its path beside the package's own `__init__` (a source tree,
    a wheel and the bundle's folder all keep it there): importlib.resources alone would cost a live
    scan more than reading every file."""
    import resources.signatures as package

    with open(os.path.join(os.path.dirname(str(package.__file__)), name), "rb") as file:
        return json.loads(file.read().decode("utf-8"))


LITERAL_KEYS_FILE = "literal-keys.json"
LITERAL_KEYS_SCHEMA = "switchover.literal-keys/1"


def bundled_literal_keys() -> Mapping[str, Keys | None]:
    """The shipped keys of the bundled patterns; none when the file is missing or not this format."""
    try:
        document = _read_json(LITERAL_KEYS_FILE)
    except (OSError, ValueError):
        return {}
    if not isinstance(document, dict) or document.get("schema") != LITERAL_KEYS_SCHEMA:
        return {}
    keys = document.get("keys")
    return _ShippedKeys(keys) if isinstance(keys, dict) else {}


class _ShippedKeys(Mapping[str, "Keys | None"]):
    """The keys file's entries, each read when its pattern is first indexed: a scan indexes the
    kinds it sees (a Linux machine has no uninstall entries), not every pattern of every vendor."""

    def __init__(self, written: dict[str, object]) -> None:
        self._written = written
        self._read: dict[str, Keys | None] = {}

    def __getitem__(self, pattern: str) -> Keys | None:
        if pattern not in self._read:
            self._read[pattern] = keys_from_json(self._written[pattern])
        return self._read[pattern]

    def __contains__(self, pattern: object) -> bool:
        return pattern in self._written

    def __iter__(self) -> Iterator[str]:
        return iter(self._written)

    def __len__(self) -> int:
        return len(self._written)


def all_patterns(signatures: SignatureSet) -> list[str]:
    """Every name and attribute pattern, in match order (what the literal keys file covers)."""
    found: dict[str, None] = {}
    for rules in signatures.rules_by_kind.values():
        for rule in rules:
            found[rule.pattern] = None
            found.update((p, None) for _, p in rule.attribute_patterns)
    return list(found)


@cache
def bundled_signatures() -> SignatureSet:
    return build_signature_set(bundled_documents(), bundled_literal_keys())
