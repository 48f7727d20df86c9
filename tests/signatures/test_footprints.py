"""Every real Kaspersky footprint the research found is matched to the family its product belongs to.

The records come from ../shared/research/footprints.json (copied beside this test, each with its
public source). The expected family is worked out from the record's own words (its value, then
its product text), independently of the signature patterns.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import pytest

from core.model import Kind, Observation

from .helpers import FIXTURES, signatures

RECORDS = json.loads((FIXTURES / "footprints.json").read_text(encoding="utf-8"))

# Research record kinds that are observations, and the kind the adapters report them as.
KINDS = {
    "uninstall_entry": Kind.UNINSTALL_ENTRY,
    "service": Kind.SERVICE,
    "driver": Kind.DRIVER,
    "process": Kind.PROCESS,
    "package": Kind.PACKAGE,
    "bundle_id": Kind.APP_BUNDLE,
    "launchd": Kind.LAUNCHD_JOB,
    "kext": Kind.KEXT,
    "system_extension": Kind.SYSTEM_EXTENSION,
    "pkg_receipt": Kind.PKG_RECEIPT,
}

# Deliberately not matched, with the reason. Keyed by the record's value.
EXCEPTIONS = {
    "{9A017278-F7F4-4DF9-A482-0B97B70DD7ED}": "an illustrative GUID in a help page, not a real product code",
    "8B21A2FF7BEA0C84598C2E3E6DD7CF2B": "a packed code under Installer\\UserData, not an Uninstall key",
    "Kaspersky Anti-Virus Service 21.2": "a service display name; its key name is not public",
    "Kaspersky Volume Shadow Copy Service Bridge 21.2": "a service display name; its key name is not public",
    "Kaspersky VPN Secure Connection Service 5.2": "a service display name; its key name is not public",
    "Kaspersky Endpoint Security Service": "a service display name; its key name is not public",
    "kuma-*": "a glob; other software names its units kuma-* too",
    "KSC* / kl*": "globs, far too wide to match on their own",
    "vssbridge64.exe": "a generic helper name (VSS bridge) that other software could use",
    "agent.exe": "a generic name: matched only with its Kaspersky folder (see test_grouping)",
    "cleanapi.exe": "the removal tool's helper, not a product",
    "kavremover.exe": "the removal tool itself, not a product",
    "AVP / kav": "two names in one; AVP as a macOS process is unverified",
    "cm_km.sys": "a generic driver name with no Kaspersky marker",
    "cm_km_sha1.sys": "a generic driver name with no Kaspersky marker",
    "com.kaspersky.kav_agent": "the menu-bar helper in the app: matching it would count the product twice",
    "com.kaspersky.kav.downloader": "the installer app, not an installed product",
    "Kaspersky Anti-Virus For Mac 26.0.0.150": "a product label, not a bundle id",
    **{
        f"/Library/Receipts/{name}.pkg": "a generic receipt name (Core, oas…) any vendor could use"
        for name in (
            "oas",
            "WebAV",
            "ParCtl",
            "Core",
            "FinderCMPlugin",
            "wks",
            "WKSConnector",
            "WebToolBar",
            "Vkbd",
        )
    },
}
WINGET = "winget ids are not observed: the scanner reads no winget data, and the manifests carry no ARP entry"

# The family a record belongs to, from its words; first match wins (the same priority as the data).
BY_WORDS = [
    (r"network agent|klnagent|klnagchk|klmover|klpsm|klrbtagt|\bagent\b.*security center", "network-agent"),
    (r"console|administration tools", "ksc-console"),
    (
        r"security center|administration (server|kit)|kladminserver|klwebsrv|klactprx|ksnproxy|klfoc"
        r"|csadminserver|ksc64|klserver|klcsweb|klwtblfs",
        "ksc-server",
    ),
    (r"endpoint agent|epagent|lena", "endpoint-agent"),
    (
        r"windows server|file server|kavfs|kav4fs|kavshell|kavtray|klfsblogic|private security network",
        "server",
    ),
    (r"industrial|embedded|\bkics\b|\bkess\b", "kics-kess"),
    (r"endpoint security|kesl|\bkes\b|workstation|kescli", "kes"),
    (r"vpn|secure connection|ksde|kltap", "vpn"),
    (r"password manager|\bkpm\b", "password-manager"),
    (r"safe kids", "safe-kids"),
    (r"encryption", "encryption"),
    (
        r"anti-?virus|internet security|total security|security cloud|\bfree\b|standard|\bplus\b|premium"
        r"|small office|\bpure\b|\bsos\b|com\.kaspersky\.kav(2012)?(\s|$)",
        "consumer",
    ),
]
# Components every product carries, whatever product the source saw them with.
SHARED_COMPONENT = re.compile(r"^(avp[\d.]*|avp(ui|sus)?\.(exe|com)|kav|kav_app|kav_agent)$", re.IGNORECASE)
_GUID = re.compile(r"^\{[0-9A-F-]{36}\}$", re.IGNORECASE)


@dataclass(frozen=True)
class Case:
    record: int
    observation: Observation
    expected: str

    def __str__(self) -> str:
        return f"#{self.record} {self.observation.kind}:{self.observation.name}"


def expected_family(kind: Kind, name: str, product: str) -> str:
    if kind is Kind.DRIVER:
        return "vpn" if name.lower().startswith("kltap") else "shared"
    if kind in {Kind.LAUNCHD_JOB, Kind.KEXT, Kind.SYSTEM_EXTENSION} or SHARED_COMPONENT.match(name):
        return "shared"
    if kind is Kind.PKG_RECEIPT and "klnagent" not in name.lower() and "Network Agent" not in name:
        return "shared"  # com.kaspersky.kav.* receipts are common to KAV and KES for Mac
    words = product if kind is Kind.UNINSTALL_ENTRY and _GUID.match(name) else f"{name} {product}"
    if kind is Kind.UNINSTALL_ENTRY and not _GUID.match(name):
        words = name  # a display name says it all; the product text may describe the whole machine
    return next(
        (family for pattern, family in BY_WORDS if re.search(pattern, words, re.IGNORECASE)), "shared"
    )


def names(record: dict, kind: Kind) -> list[str]:
    """The names an adapter would report for a record's value."""
    value = record["value"].rstrip("%*")
    parts = [p.strip() for p in value.split(" / ")] if kind is Kind.UNINSTALL_ENTRY else [value]
    if kind is Kind.PACKAGE and record["product"].startswith("package file name"):
        files = re.findall(r"[\w.+-]+\.(?:deb|rpm)", value)
        return [re.match(r"^([a-z0-9]+(?:-[a-z]+)*)[_-]\d", f).group(1) for f in files]
    if kind is Kind.DRIVER:  # the service key name, and the file name some sources give
        return [value, value.removesuffix(".sys")]
    if kind is Kind.SERVICE and record["platform"] == "linux":
        return [value, f"{value}.service"]
    return parts


def cases() -> tuple[list[Case], list[tuple[int, str, str]]]:
    found: list[Case] = []
    skipped: list[tuple[int, str, str]] = []
    for number, record in enumerate(RECORDS):
        kind = KINDS.get(record["kind"])
        if kind is None:
            continue
        if record["platform"] == "windows" and kind is Kind.PACKAGE:
            skipped.append((number, record["value"], WINGET))
            continue
        if record["value"] in EXCEPTIONS:
            skipped.append((number, record["value"], EXCEPTIONS[record["value"]]))
            continue
        attributes = {k: v for k, v in record["extra"].items() if k in {"Publisher", "DisplayVersion"}}
        for name in names(record, kind):
            observation = Observation(kind, f"footprints.json#{number}", name, attributes)
            found.append(Case(number, observation, expected_family(kind, name, record["product"])))
    return found, skipped


CASES, SKIPPED = cases()


def test_the_fixture_holds_the_research_records() -> None:
    assert len(RECORDS) == 426
    assert len(CASES) > 200


@pytest.mark.parametrize("case", CASES, ids=str)
def test_real_footprint_matches_its_kaspersky_family(case: Case) -> None:
    rule = signatures().match(case.observation)
    assert rule is not None, f"not matched (product: {RECORDS[case.record]['product']})"
    assert rule.family.vendor.id == "kaspersky"
    assert rule.family.id == case.expected, rule.id


def test_exceptions_are_few_and_all_still_present_in_the_research() -> None:
    values = {r["value"] for r in RECORDS}
    assert set(EXCEPTIONS) <= values, "an exception no longer refers to a record"
    assert len([s for s in SKIPPED if s[2] != WINGET]) == len(EXCEPTIONS)


@pytest.mark.parametrize(
    ("name", "reason"),
    [(v, r) for v, r in EXCEPTIONS.items() if r.startswith(("a generic", "a glob", "globs"))],
)
def test_generic_exceptions_do_not_match_as_kaspersky(name: str, reason: str) -> None:
    for kind in (Kind.PROCESS, Kind.SERVICE, Kind.DRIVER, Kind.PKG_RECEIPT):
        rule = signatures().match(Observation(kind, "test", name.removesuffix(".sys")))
        assert rule is None or rule.family.vendor.id != "kaspersky", (kind, reason)
