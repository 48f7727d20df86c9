"""Every signature file is valid, sourced and safe for the literal index."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from re import _parser  # type: ignore[attr-defined]  # the only way to see a pattern's parts

import jsonschema
import pytest

from core.detection.signatures import SCHEMA

from .helpers import SIGNATURES, document, index_files, signatures

DATA_FILES = sorted(
    p.name
    for p in SIGNATURES.iterdir()
    if p.name.endswith(".json") and p.name not in {"schema.json", "index.json", "literal-keys.json"}
)
SCHEMA_DOC = json.loads(SIGNATURES.joinpath("schema.json").read_text(encoding="utf-8"))


def all_patterns(doc: dict) -> list[tuple[str, str]]:
    found = [("publishers", p) for p in doc["publishers"]]
    for family in doc["families"]:
        for index, rule in enumerate(family["rules"]):
            where = f"{family['id']}#{index}"
            found.append((where, rule["name"]))
            found += [(f"{where}.{attr}", p) for attr, p in rule.get("attributes", {}).items()]
    return found


def test_the_index_lists_every_file_once_kaspersky_first() -> None:
    assert sorted(index_files()) == DATA_FILES
    assert len(set(index_files())) == len(index_files())
    origins = [document(name)["origin"] for name in index_files()]
    assert origins[:2] == ["kaspersky", "successor"]
    assert set(origins[2:]) == {"other"}


def test_the_schema_is_a_valid_schema_of_its_version() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA_DOC)
    assert SCHEMA_DOC["$id"] == SCHEMA


@pytest.mark.parametrize("name", DATA_FILES)
def test_file_validates_against_the_schema(name: str) -> None:
    jsonschema.validate(document(name), SCHEMA_DOC, cls=jsonschema.Draft202012Validator)


@pytest.mark.parametrize("name", DATA_FILES)
def test_every_family_names_a_source_with_an_address(name: str) -> None:
    for family in document(name)["families"]:
        urls = [s["url"] for s in family["sources"] if s.get("url")]
        assert urls, f"{name}: {family['id']} has no source with a URL"
        assert all(s.get("title") and s.get("evidence") for s in family["sources"]), family["id"]


# Kinds that only one OS has (processes, services, paths and extensions exist on several).
ONLY_ON = {
    "uninstall_entry": "windows",
    "driver": "windows",
    "vendor_key": "windows",
    "security_center": "windows",
    "app_bundle": "macos",
    "launchd_job": "macos",
    "pkg_receipt": "macos",
    "kext": "macos",
    "system_extension": "macos",
    "package": "linux",
}


@pytest.mark.parametrize("name", DATA_FILES)
def test_every_rule_says_where_it_applies_and_fits_its_kind(name: str) -> None:
    for family in document(name)["families"]:
        for rule in family["rules"]:
            where = f"{name}: {family['id']} {rule['name']}"
            assert rule.get("os"), where
            if rule["kind"] in ONLY_ON:
                assert rule["os"] == [ONLY_ON[rule["kind"]]], where


@pytest.mark.parametrize("name", DATA_FILES)
def test_patterns_compile_without_inline_flags_or_backreferences(name: str) -> None:
    for where, pattern in all_patterns(document(name)):
        compiled = re.compile(pattern)
        assert not re.search(r"\(\?[aiLmsux]", pattern), f"{name} {where}: inline flag"
        codes = {str(op) for op, _ in _walk(_parser.parse(pattern))}
        assert not codes & {"GROUPREF", "GROUPREF_EXISTS"}, f"{name} {where}: backreference"
        assert set(compiled.groupindex) <= {"version"}, f"{name} {where}: only a 'version' group is read"


def _walk(parsed: _parser.SubPattern) -> Iterator[tuple[object, object]]:
    for op, av in parsed:
        yield op, av
        for item in av if isinstance(av, (list, tuple)) else ():
            if isinstance(item, _parser.SubPattern):
                yield from _walk(item)
            elif isinstance(item, (list, tuple)):
                for sub in item:
                    if isinstance(sub, _parser.SubPattern):
                        yield from _walk(sub)


def test_family_ids_are_unique_per_vendor_and_vendors_are_unique() -> None:
    docs = [document(name) for name in DATA_FILES]
    assert len({d["vendor"] for d in docs}) == len(docs)
    for doc in docs:
        ids = [f["id"] for f in doc["families"]]
        assert len(ids) == len(set(ids)), doc["vendor"]


def test_kaspersky_family_order_puts_specific_before_generic() -> None:
    order = [f["id"] for f in document("kaspersky.json")["families"]]
    before = [
        ("network-agent", "ksc-server"),
        ("ksc-console", "ksc-server"),
        ("server", "consumer"),
        ("kes", "consumer"),
        ("vpn", "consumer"),
        ("password-manager", "consumer"),
        ("consumer", "other"),
        ("shared", "other"),
    ]
    for first, then in before:
        assert order.index(first) < order.index(then), (first, then)


def test_network_agent_marks_managed_and_is_removed_last_of_the_endpoint_software() -> None:
    families = {f.id: f for f in signatures().families if f.vendor.id == "kaspersky"}
    agent = families["network-agent"]
    assert agent.marks_managed
    assert [f.id for f in families.values() if f.marks_managed] == ["network-agent"]
    on_endpoints = [
        f for f in families.values() if f.category not in {"management_server", "management_console"}
    ]
    assert agent.removal_order == max(f.removal_order for f in on_endpoints)


def test_engine_families_host_the_shared_components() -> None:
    families = {f.id: f for f in signatures().families if f.vendor.id == "kaspersky"}
    assert families["shared"].shared
    assert {f.id for f in families.values() if f.hosts_shared} == {"kes", "consumer", "server", "kics-kess"}


@pytest.mark.parametrize(
    "publisher",
    [
        "Kaspersky",
        "Kaspersky Lab",
        "AO Kaspersky Lab",
        '"Лаборатория Касперского"',
        "АО Лаборатория Касперского",
        "Kaspersky Lab ZAO",
        " 'AO Kaspersky Lab' ",
    ],
)
def test_kaspersky_publishers_are_recognised_with_stray_quotes(publisher: str) -> None:
    kaspersky = next(v for v in signatures().vendors if v.id == "kaspersky")
    assert kaspersky.is_publisher(publisher)


@pytest.mark.parametrize(
    "publisher", ["Kaseya", "Kasumi Project", "Bitdefender", "Microsoft Corporation", ""]
)
def test_other_publishers_are_not_kaspersky(publisher: str) -> None:
    kaspersky = next(v for v in signatures().vendors if v.id == "kaspersky")
    assert not kaspersky.is_publisher(publisher)
