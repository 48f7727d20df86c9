"""The matcher: observations in, products with their evidence out. No OS calls here.

Grouping, in the order a person would reason about it:
1. every observation that a signature rule matches becomes a piece of evidence;
2. uninstall entries, packages and app bundles (anchors) make products, one per
   installed product even when it shows up in several places (64- and 32-bit
   views, the Installer's own records);
3. the other evidence joins a product of its family, and a vendor's shared
   components (drivers, common folders) join the product that hosts them;
4. what joins nothing is a leftover, grouped by family;
5. other vendors' security software is grouped by family with no anchor needed
   (Microsoft Defender has no uninstall entry).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from core.detection.signatures import Family, Rule, SignatureSet
from core.model import ANCHOR_KINDS, Evidence, Kind, Observation, Product
from core.product_code import PRODUCT_CODE
from core.record import Record

# Attribute names that collectors normalise from a product's own records into its state.
STATE_ATTRIBUTES = ("last_signature_update", "self_defence", "password_protection", "active", "up_to_date")


class MatchedProducts(Record):
    """What the observations make: installed products, leftovers and other security software."""

    __slots__ = ("leftovers", "other_security_software", "products")
    products: tuple[Product, ...]  # Kaspersky and successors, installed
    leftovers: tuple[Product, ...]  # Kaspersky and successors, with no uninstall entry or package
    other_security_software: tuple[Product, ...]

    def __init__(
        self,
        products: tuple[Product, ...],
        leftovers: tuple[Product, ...],
        other_security_software: tuple[Product, ...],
    ) -> None:
        object.__setattr__(self, "products", products)
        object.__setattr__(self, "leftovers", leftovers)
        object.__setattr__(self, "other_security_software", other_security_software)


class _Hit(Record):
    """An observation and the rule it matched."""

    __slots__ = ("obs", "rule")
    obs: Observation
    rule: Rule

    def __init__(self, obs: Observation, rule: Rule) -> None:
        object.__setattr__(self, "obs", obs)
        object.__setattr__(self, "rule", rule)

    @property
    def family(self) -> Family:
        return self.rule.family

    def evidence(self) -> Evidence:
        return Evidence(
            kind=self.obs.kind,
            location=self.obs.location,
            name=self.obs.name,
            details=dict(self.obs.attributes),
            rule=self.rule.id,
            confidence=self.rule.confidence(self.obs),
        )


class _Group:
    """The hits that make one product (or one leftover) of a family."""

    def __init__(self, family: Family, hits: list[_Hit], leftover: bool = False) -> None:
        self.family = family
        self.hits = hits
        self.leftover = leftover


def match_observations(observations: Iterable[Observation], signatures: SignatureSet) -> MatchedProducts:
    hits = [_Hit(obs, rule) for obs in observations if (rule := signatures.match(obs)) is not None]
    ours = [h for h in hits if h.family.vendor.origin != "other"]
    others = [h for h in hits if h.family.vendor.origin == "other"]

    installed = _group_anchors([h for h in ours if h.obs.kind in ANCHOR_KINDS])
    installed += _receipt_only_products(ours, installed)
    leftovers = _attach_components([h for h in ours if not _is_anchor(h, installed)], installed)
    managed_vendors = {g.family.vendor.id for g in [*installed, *leftovers] if g.family.marks_managed}
    return MatchedProducts(
        products=_unique_ids([_product(g, managed_vendors) for g in installed]),
        leftovers=tuple(_product(g, managed_vendors) for g in leftovers),
        other_security_software=tuple(_product(g, set()) for g in _group_by_family(others)),
    )


def product_id(family: Family, key: str) -> str:
    """`vendor:family:key`, the id plans and journals refer to (docs/cli.md)."""
    return f"{family.vendor.id}:{family.id}:{key}"


def _unique_ids(products: list[Product]) -> tuple[Product, ...]:
    """Ids stay unique when two products share a key (one key name in two hives, one bundle id in two
    folders): each of those gets a suffix made from its own location, so it never depends on the others."""
    counts = Counter(p.id for p in products)
    return tuple(
        p if counts[p.id] == 1 else p.replace(id=f"{p.id}#{_short_hash(p.evidence[0].location)}")
        for p in products
    )


def _short_hash(text: str) -> str:
    import zlib  # here: two products sharing an id are rare, and a live scan's start-up pays for imports

    return f"{zlib.crc32(text.casefold().encode('utf-8')):08x}"


def _group_anchors(anchors: list[_Hit]) -> list[_Group]:
    """One group per installed product; the same product seen in several places is merged."""
    groups: dict[tuple[str, ...], _Group] = {}
    for hit in anchors:
        which, key, *where = _identity(hit)
        groups.setdefault((which, key.casefold(), *where), _Group(hit.family, [])).hits.append(hit)
    return list(groups.values())


def _receipt_only_products(hits: list[_Hit], installed: list[_Group]) -> list[_Group]:
    """macOS products installed from a package with no app (the Mac Network Agent): one per family.

    Receipts come several to a product (core, oas, webav…), so they only stand in for a
    product when its family has no app bundle.
    """
    have = {g.family.id for g in installed}
    groups: dict[str, _Group] = {}
    for hit in hits:
        if hit.obs.kind is Kind.PKG_RECEIPT and hit.family.id not in have and not hit.family.shared:
            groups.setdefault(hit.family.id, _Group(hit.family, [])).hits.append(hit)
    return list(groups.values())


def _is_anchor(hit: _Hit, installed: list[_Group]) -> bool:
    return hit.obs.kind in ANCHOR_KINDS or any(hit in g.hits for g in installed)


def _identity(hit: _Hit) -> tuple[str, ...]:
    """What makes an installed product itself: its ProductCode, else its uninstall key name, package
    name or bundle id. The first part says which, the second is the key the product id ends with."""
    obs = hit.obs
    code = obs.attributes.get("ProductCode") or _guid_in(obs.location)
    if code:
        return ("code", code.upper())
    if obs.kind is Kind.UNINSTALL_ENTRY:
        return ("key", _key_name(obs.location), obs.scope)
    if obs.kind is Kind.PACKAGE:
        return ("package", obs.name.strip(), obs.attributes.get("manager", ""))
    if obs.kind is Kind.APP_BUNDLE:
        return ("bundle", obs.name.strip(), obs.location)
    return ("family", hit.family.id)  # receipts stand in for their family's one product


def _key_name(location: str) -> str:
    return location.rstrip("\\").rsplit("\\", 1)[-1]


def _guid_in(location: str) -> str | None:
    tail = _key_name(location)
    return tail if PRODUCT_CODE.fullmatch(tail) else None


def _attach_components(components: list[_Hit], installed: list[_Group]) -> list[_Group]:
    """Attach services, drivers, files… to their product; return what joins none as leftovers."""
    leftovers: dict[str, _Group] = {}
    for hit in components:
        home = _home_for(hit, installed)
        if home is not None:
            home.hits.append(hit)
        else:
            leftovers.setdefault(hit.family.id, _Group(hit.family, [], leftover=True)).hits.append(hit)
    return list(leftovers.values())


def _home_for(hit: _Hit, installed: list[_Group]) -> _Group | None:
    same_vendor = [g for g in installed if g.family.vendor is hit.family.vendor]
    if not hit.family.shared:
        return next((g for g in same_vendor if g.family is hit.family), None)
    hosts = [g for g in same_vendor if g.family.hosts_shared]
    candidates = hosts or same_vendor
    return candidates[0] if candidates else None


def _group_by_family(hits: list[_Hit]) -> list[_Group]:
    groups: dict[str, _Group] = {}
    for hit in hits:
        groups.setdefault(hit.family.id, _Group(hit.family, [])).hits.append(hit)
    return list(groups.values())


def _product(group: _Group, managed_vendors: set[str]) -> Product:
    family = group.family
    anchor = next((h for h in group.hits if h.obs.kind in ANCHOR_KINDS), None)
    if anchor is None and not group.leftover and group.family.vendor.origin != "other":
        anchor = group.hits[0]  # a receipt-only product
    lead = anchor or group.hits[0]
    state: dict[str, str] = {}
    for hit in group.hits:
        for attr in STATE_ATTRIBUTES:
            if attr in hit.obs.attributes:
                state.setdefault(attr, hit.obs.attributes[attr])
    key = _identity(lead)[1] if anchor else "leftover"
    return Product(
        id=product_id(family, key),
        name=_name(anchor, family),
        family=family.id,
        family_name=family.name,
        category=family.category,
        vendor=family.vendor.name,
        origin=family.vendor.origin,
        version=_version(group.hits),
        scope=lead.obs.scope,
        managed=family.vendor.id in managed_vendors,
        evidence=tuple(h.evidence() for h in group.hits),
        state=state,
        leftover=group.leftover,
        recognised=family.recognised,
    )


def _name(anchor: _Hit | None, family: Family) -> str:
    """The name a person knows the product by. An uninstall entry's DisplayName is one, an app's
    CFBundleName may be; a package name ("kesl"), a bundle id, a receipt or a key name with no
    DisplayName is not: the rule's product name or the family's stands in (the evidence keeps the
    anchor's own name). Software whose product is not recognised keeps that name beside its family's."""
    if anchor is None:
        return family.name
    if anchor.rule.product:
        return anchor.rule.product
    obs = anchor.obs
    if obs.kind is Kind.UNINSTALL_ENTRY and obs.name != _key_name(obs.location):
        return obs.name.strip()
    if obs.kind is Kind.APP_BUNDLE and (obs.attributes.get("CFBundleName") or "").strip():
        return obs.attributes["CFBundleName"].strip()
    if not family.recognised:
        return f"{family.name} ({obs.name.strip()})"
    return family.name


def _version(hits: list[_Hit]) -> str | None:
    for hit in sorted(hits, key=lambda h: h.obs.kind not in ANCHOR_KINDS):
        attrs = hit.obs.attributes
        version = attrs.get("DisplayVersion") or attrs.get("Version") or hit.rule.version_in_name(hit.obs)
        if version and version.strip():
            return version.strip()
    return None
