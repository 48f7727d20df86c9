"""The shared vocabulary: what adapters observe and what the matcher makes of it.

Adapters turn an OS (live or offline) into `Observation`s and know nothing of
Kaspersky. The matcher turns observations into `Product`s using the signatures
in `resources/signatures`. Everything downstream (briefing, plan, GUI, reports)
reads products and never reaches back into adapters.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from core import __version__
from core.record import Record

# typing.TYPE_CHECKING without importing typing, which a live scan never needs otherwise; mypy reads it
# the same. The types here are Records, not dataclasses, for the same reason (core/record.py).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Literal

    from core.messages import Text  # the texts and their loading are not needed to scan

    OsName = Literal["windows", "macos", "linux"]
    Scope = Literal["machine", "user"]
    Origin = Literal["kaspersky", "successor", "other"]
else:
    OsName = Scope = Origin = str


class Kind(StrEnum):
    """What an observation is. The values appear in the JSON contract."""

    UNINSTALL_ENTRY = "uninstall_entry"  # Windows Add/Remove Programs entry
    SERVICE = "service"  # Windows service, or a systemd unit on Linux
    DRIVER = "driver"  # Windows kernel or file-system filter driver
    PROCESS = "process"  # a running process (live scans only)
    VENDOR_KEY = "vendor_key"  # a vendor's own registry key (SOFTWARE\KasperskyLab\...)
    SECURITY_CENTER = "security_center"  # a Windows Security Center registration
    BROWSER_EXTENSION = "browser_extension"
    PATH = "path"  # an install or data folder, or a file
    PACKAGE = "package"  # a dpkg or rpm package
    APP_BUNDLE = "app_bundle"  # a macOS .app, identified by its bundle id
    LAUNCHD_JOB = "launchd_job"
    PKG_RECEIPT = "pkg_receipt"  # a macOS installer receipt
    KEXT = "kext"
    SYSTEM_EXTENSION = "system_extension"


# Kinds that prove a product is installed (it can be uninstalled as a unit).
ANCHOR_KINDS = frozenset({Kind.UNINSTALL_ENTRY, Kind.PACKAGE, Kind.APP_BUNDLE})


class Observation(Record):
    """One plain fact read from a machine: an entry, a service, a file, a process.

    `location` follows the JSON contract: a registry key path as the source spells
    it, an absolute path inside the scanned root, `dpkg:NAME`/`rpm:NAME`, or
    `process:NAME:PID`. `name` is what signatures match first (a DisplayName, a
    service or package name, a bundle id, a file name). `attributes` holds the raw
    values that come with it (Publisher, DisplayVersion, UninstallString, ImagePath…)
    as strings.
    """

    __slots__ = ("attributes", "kind", "location", "name", "scope")
    kind: Kind
    location: str
    name: str
    attributes: Mapping[str, str]
    scope: Scope

    def __init__(
        self,
        kind: Kind,
        location: str,
        name: str,
        attributes: Mapping[str, str] | None = None,
        scope: Scope = "machine",
    ) -> None:
        put = object.__setattr__
        put(self, "kind", kind)
        put(self, "location", location)
        put(self, "name", name)
        put(self, "attributes", {} if attributes is None else attributes)
        put(self, "scope", scope)


class Note(Record):
    """Something the scan skipped or could not read, said plainly."""

    __slots__ = ("location", "message")
    location: str
    message: str

    def __init__(self, location: str, message: str) -> None:
        object.__setattr__(self, "location", location)
        object.__setattr__(self, "message", message)


class Gap(Record):
    """A part of the machine the input could not show, so "nothing found" there proves nothing."""

    __slots__ = ("location", "what", "why")
    what: str  # what is missing, in plain words ("the 32-bit Uninstall key")
    location: str  # where it was looked for (a key path, a file, the input)
    why: str  # why it is missing ("not in the exports", "cut off", "not a regular file")

    def __init__(self, what: str, location: str, why: str) -> None:
        object.__setattr__(self, "what", what)
        object.__setattr__(self, "location", location)
        object.__setattr__(self, "why", why)


class Evidence(Record):
    """An observation that a signature rule matched, as it is reported."""

    __slots__ = ("confidence", "details", "kind", "location", "name", "rule")
    kind: Kind
    location: str
    name: str
    details: Mapping[str, str]
    rule: str  # the signature rule that matched, e.g. "kaspersky/kes#3"
    # "high" when more than a name says whose it is (publisher, folder, bundle id, vendor key…);
    # "name_only" for a driver, service or process known to be the vendor's by its name alone.
    confidence: str

    def __init__(
        self,
        kind: Kind,
        location: str,
        name: str,
        details: Mapping[str, str],
        rule: str,
        confidence: str = "high",
    ) -> None:
        put = object.__setattr__
        put(self, "kind", kind)
        put(self, "location", location)
        put(self, "name", name)
        put(self, "details", details)
        put(self, "rule", rule)
        put(self, "confidence", confidence)

    def to_json(self) -> dict[str, object]:
        return {
            "kind": str(self.kind),
            "location": self.location,
            "name": self.name,
            "details": dict(self.details),
            "rule": self.rule,
            "confidence": self.confidence,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> Evidence:
        details = data.get("details")
        return cls(
            kind=Kind(str(data["kind"])),
            location=str(data["location"]),
            name=str(data["name"]),
            details={str(k): str(v) for k, v in details.items()} if isinstance(details, dict) else {},
            rule=str(data.get("rule", "")),
        )


class Product(Record):
    """An installed product (or a leftover of one) with all its evidence.

    `state` carries what the product's own keys say about it when the scan
    knows: `last_signature_update` (ISO date), `self_defence` and
    `password_protection` ("true"/"false").
    """

    __slots__ = (
        "category",
        "evidence",
        "family",
        "family_name",
        "id",
        "leftover",
        "managed",
        "name",
        "origin",
        "recognised",
        "scope",
        "state",
        "vendor",
        "version",
    )
    id: str
    name: str
    family: str
    family_name: str
    category: str
    vendor: str
    origin: Origin
    version: str | None
    scope: Scope
    managed: bool
    evidence: tuple[Evidence, ...]
    state: Mapping[str, str]
    leftover: bool
    recognised: bool  # False: the vendor's software, known by vendor-level rules only

    def __init__(
        self,
        id: str,
        name: str,
        family: str,
        family_name: str,
        category: str,
        vendor: str,
        origin: Origin,
        version: str | None,
        scope: Scope,
        managed: bool,
        evidence: tuple[Evidence, ...],
        state: Mapping[str, str] | None = None,
        leftover: bool = False,
        recognised: bool = True,
    ) -> None:
        put = object.__setattr__
        put(self, "id", id)
        put(self, "name", name)
        put(self, "family", family)
        put(self, "family_name", family_name)
        put(self, "category", category)
        put(self, "vendor", vendor)
        put(self, "origin", origin)
        put(self, "version", version)
        put(self, "scope", scope)
        put(self, "managed", managed)
        put(self, "evidence", evidence)
        put(self, "state", {} if state is None else state)
        put(self, "leftover", leftover)
        put(self, "recognised", recognised)

    @property
    def confidence(self) -> str:
        """ "high" when any of its evidence is, else "name_only" (an orphaned driver known by name)."""
        return "high" if any(e.confidence == "high" for e in self.evidence) else "name_only"

    @property
    def anchor(self) -> Evidence | None:
        """The evidence that proves the product is installed (its uninstall entry, package or app)."""
        return next((e for e in self.evidence if e.kind in ANCHOR_KINDS), None)

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "name": self.name,
            "family": self.family,
            "family_name": self.family_name,
            "category": self.category,
            "vendor": self.vendor,
            "origin": self.origin,
            "version": self.version,
            "scope": self.scope,
            "managed": self.managed,
            "leftover": self.leftover,
            "recognised": self.recognised,
            "confidence": self.confidence,
            "state": dict(self.state),
            "evidence": [e.to_json() for e in self.evidence],
        }

    @classmethod
    def from_json(cls, data: Mapping[str, object], *, with_evidence: bool = True) -> Product:
        """A product from a `switchover.scan/1` document (KeyError or ValueError when it is not one)."""
        state, evidence, version = data.get("state"), data.get("evidence"), data.get("version")
        origin, scope = str(data["origin"]), str(data.get("scope", "machine"))
        if origin not in ("kaspersky", "successor", "other") or scope not in ("machine", "user"):
            raise ValueError(f"unknown origin or scope: {origin}, {scope}")
        return cls(
            id=str(data["id"]),
            name=str(data["name"]),
            family=str(data["family"]),
            family_name=str(data.get("family_name", data["family"])),
            category=str(data.get("category", "")),
            vendor=str(data.get("vendor", "")),
            origin=origin,  # type: ignore[arg-type]
            version=str(version) if version is not None else None,
            scope=scope,  # type: ignore[arg-type]
            managed=data.get("managed") is True,
            evidence=tuple(Evidence.from_json(e) for e in evidence if isinstance(e, dict))
            if isinstance(evidence, list) and with_evidence
            else (),
            state={str(k): str(v) for k, v in state.items()} if isinstance(state, dict) else {},
            leftover=data.get("leftover") is True,
        )


class Target(Record):
    """What to scan: the live machine, or offline data from another one."""

    __slots__ = ("bundle", "hostname", "live", "os", "registry_exports", "root")
    os: OsName
    live: bool
    root: str | None  # a mounted disk or copied tree (macOS, Linux, or a Windows drive)
    registry_exports: tuple[str, ...]  # `reg export` / regedit files
    bundle: str | None  # a folder or zip from `switchover collect` (core/helpdesk/bundle.py)
    hostname: str | None  # the offline machine's name, when the bundle's manifest gives it

    def __init__(
        self,
        os: OsName,
        live: bool = True,
        root: str | None = None,
        registry_exports: tuple[str, ...] = (),
        bundle: str | None = None,
        hostname: str | None = None,
    ) -> None:
        put = object.__setattr__
        put(self, "os", os)
        put(self, "live", live)
        put(self, "root", root)
        put(self, "registry_exports", registry_exports)
        put(self, "bundle", bundle)
        put(self, "hostname", hostname)

    def describe(self) -> str:
        if self.live:
            return f"this {self.os} machine"
        if self.bundle:
            return f"offline {self.os} data ({self.bundle}, {self.hostname or 'unnamed'})"
        parts = [*self.registry_exports, *([self.root] if self.root else [])]
        return f"offline {self.os} data ({', '.join(parts)})"


class ScanResult(Record):
    """Everything one scan found. `to_json` is the `switchover.scan/1` document."""

    __slots__ = (
        "gaps",
        "hostname",
        "leftovers",
        "notes",
        "os_version",
        "other_security_software",
        "products",
        "scanned_at",
        "target",
    )
    target: Target
    scanned_at: str  # ISO 8601, UTC
    products: tuple[Product, ...]
    leftovers: tuple[Product, ...]
    other_security_software: tuple[Product, ...]
    notes: tuple[Note, ...]
    hostname: str | None
    gaps: tuple[Gap, ...]  # what the input could not show (empty: it shows the whole machine)
    os_version: str | None

    def __init__(
        self,
        target: Target,
        scanned_at: str,
        products: tuple[Product, ...],
        leftovers: tuple[Product, ...],
        other_security_software: tuple[Product, ...],
        notes: tuple[Note, ...] = (),
        hostname: str | None = None,
        gaps: tuple[Gap, ...] = (),
        os_version: str | None = None,
    ) -> None:
        put = object.__setattr__
        put(self, "target", target)
        put(self, "scanned_at", scanned_at)
        put(self, "products", products)
        put(self, "leftovers", leftovers)
        put(self, "other_security_software", other_security_software)
        put(self, "notes", notes)
        put(self, "hostname", hostname)
        put(self, "gaps", gaps)
        put(self, "os_version", os_version)

    SCHEMA = "switchover.scan/1"

    @property
    def complete(self) -> bool:
        """Could the input show the whole machine? A live scan can; some offline inputs cannot."""
        return not self.gaps

    @property
    def kaspersky(self) -> tuple[Product, ...]:
        return tuple(p for p in self.products if p.origin == "kaspersky")

    @property
    def successors(self) -> tuple[Product, ...]:
        return tuple(p for p in self.products if p.origin == "successor")

    @property
    def found_anything(self) -> bool:
        """True when Kaspersky, a successor or a leftover of either is present."""
        return bool(self.products or self.leftovers)

    def to_json(self) -> dict[str, object]:
        return {
            "schema": self.SCHEMA,
            "switchover_version": __version__,
            "scanned_at": self.scanned_at,
            "machine": {
                "os": self.target.os,
                "source": "live" if self.target.live else "offline",
                "hostname": self.hostname,
                "root": self.target.root,
                "registry_exports": list(self.target.registry_exports),
                "bundle": self.target.bundle,
                "os_version": self.os_version,
            },
            "summary": {
                "kaspersky_products": len(self.kaspersky),
                "successor_products": len(self.successors),
                "leftovers": len(self.leftovers),
                "other_security_software": len(self.other_security_software),
            },
            "products": [p.to_json() for p in self.products],
            "leftovers": [p.to_json() for p in self.leftovers],
            "other_security_software": [p.to_json() for p in self.other_security_software],
            "notes": [{"location": n.location, "message": n.message} for n in self.notes],
            "coverage": {
                "complete": self.complete,
                "missing": [{"what": g.what, "location": g.location, "why": g.why} for g in self.gaps],
            },
        }


def scan_from_json(data: Mapping[str, object], *, with_evidence: bool = True) -> ScanResult:
    """A `switchover.scan/1` document read back (ValueError when it is not one).

    Without evidence it reads several times faster: enough for counts over a fleet.
    """
    if data.get("schema") != ScanResult.SCHEMA:
        raise ValueError(f"not a {ScanResult.SCHEMA} document (schema: {data.get('schema')!r})")
    machine = data.get("machine")
    machine = machine if isinstance(machine, dict) else {}
    os_name = str(machine.get("os", "windows"))
    if os_name not in ("windows", "macos", "linux"):
        raise ValueError(f"unknown os: {os_name}")
    exports = machine.get("registry_exports")

    def products(field: str) -> tuple[Product, ...]:
        items = data.get(field)
        try:
            return (
                tuple(Product.from_json(p, with_evidence=with_evidence) for p in items if isinstance(p, dict))
                if isinstance(items, list)
                else ()
            )
        except KeyError as missing:
            raise ValueError(f"a product in {field} has no {missing}") from None

    notes = data.get("notes")
    return ScanResult(
        target=Target(
            os=os_name,  # type: ignore[arg-type]
            live=machine.get("source") == "live",
            root=_text_or_none(machine.get("root")),
            registry_exports=tuple(str(e) for e in exports) if isinstance(exports, list) else (),
            bundle=_text_or_none(machine.get("bundle")),
            hostname=_text_or_none(machine.get("hostname")),
        ),
        scanned_at=str(data.get("scanned_at", "")),
        products=products("products"),
        leftovers=products("leftovers"),
        other_security_software=products("other_security_software"),
        notes=tuple(
            Note(str(n.get("location", "")), str(n.get("message", "")))
            for n in (notes if isinstance(notes, list) else [])
            if isinstance(n, dict)
        ),
        hostname=_text_or_none(machine.get("hostname")),
        os_version=_text_or_none(machine.get("os_version")),
    )


def _text_or_none(value: object) -> str | None:
    return str(value) if value is not None else None


class Protection(Record):
    """Antivirus products actively protecting the machine (display names), and what could not be checked."""

    __slots__ = ("active", "notes")
    active: tuple[str, ...]
    notes: tuple[Text, ...]  # what could not be checked, said in the reader's language

    def __init__(self, active: tuple[str, ...], notes: tuple[Text, ...] = ()) -> None:
        object.__setattr__(self, "active", active)
        object.__setattr__(self, "notes", notes)

    @property
    def protected(self) -> bool:
        return bool(self.active)


class Notes(list[Note]):
    """Where adapters record what they skipped, so a bad input never stops a scan silently, and (`gaps`)
    the parts of the machine the input could not show at all.

    `machine` holds what the data says about the machine itself (`hostname`, `os_version`), so an
    offline scan names the machine it came from.
    """

    def __init__(self) -> None:
        super().__init__()
        self.machine: dict[str, str] = {}
        self.gaps: list[Gap] = []

    def skip(self, location: str, message: str) -> None:
        self.append(Note(location, message))

    def gap(self, what: str, location: str, why: str) -> None:
        self.gaps.append(Gap(what, location, why))


class InputError(Exception):
    """Offline input that cannot be used at all (missing, unreadable, not what it claims to be).

    The message names the input and the problem in one line; the command line
    prints it and exits with 2. Damage inside an otherwise readable input is a
    `Note`, not an error.
    """
