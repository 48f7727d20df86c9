"""The catalog: every shown value sourced and dated; suggestions that match what the user had."""

from __future__ import annotations

import copy
import json
import re
from itertools import product as combinations

import pytest

from core.advice.catalog import CATALOG_DOCUMENT, FEATURES, load_catalog
from core.advice.recommend import meets, recommend
from core.advice.updates import DocumentError, bundled_document, check_document
from core.cli import main
from tests.briefing.scenarios import OFFICE, SAFE_KIDS, ULTRA, VPN_AND_PASSWORDS

DATE = re.compile(r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")
PLATFORMS = ("windows", "macos", "linux", "android", "ios")
SEGMENTS = ("home", "business", None)
NEEDS = (set(), {"vpn"}, {"passwords"}, {"parental"}, {"free"}, {"vpn", "passwords", "parental", "free"})


def assert_sourced(source: dict, where: str) -> None:
    assert source["url"].startswith(("https://", "http://")), where
    assert DATE.match(source["date"]), where
    assert source["kind"] in {"primary", "secondary"} and len(source["title"]) > 3, where


def test_bundled_catalog_validates_against_its_schema_and_references() -> None:
    check_document(CATALOG_DOCUMENT, bundled_document(CATALOG_DOCUMENT).data)


def test_every_shown_catalog_value_has_a_source_and_a_date() -> None:
    for entry in load_catalog().entries:
        shown = entry.to_json()
        for field in ("parent_company", "hq_country", "platforms", "free_tier"):
            if shown[field] is not None:
                assert_sourced(shown[field]["source"], f"{entry.id}.{field}")
        for name, value in shown["features"].items():
            if value is not None:
                assert_sourced(value["source"], f"{entry.id}.features.{name}")
        for test in shown["tests"]:
            assert DATE.match(test["date"]) and test["lab"] and test["result"], entry.id
            assert_sourced(test["source"], f"{entry.id} test")
        for disclosure in shown["disclosures"]:
            assert_sourced(disclosure["source"], f"{entry.id} disclosure")
        assert DATE.match(shown["reviewed"]), entry.id


def test_a_value_without_a_source_is_rejected() -> None:
    data = copy.deepcopy(bundled_document(CATALOG_DOCUMENT).data)
    norton = next(e for e in data["entries"] if e["id"] == "norton-360")
    del norton["evidence"]["hq_country"]
    with pytest.raises(DocumentError, match="norton-360: hq_country has a value but no source"):
        check_document(CATALOG_DOCUMENT, data)


def test_unverified_values_are_shown_as_not_verified() -> None:
    defender = load_catalog().entry("microsoft-defender-antivirus").to_json()
    assert defender["hq_country"] is None and defender["features"]["password_manager"] is None
    assert defender["features"]["vpn"]["value"] is False
    assert defender["features"]["vpn"]["source"]["url"].startswith("https://www.darkreading.com/")


def test_the_required_disclosures_are_attached() -> None:
    catalog = load_catalog()
    disclosed = {e.id: {d.id for d in e.disclosures} for e in catalog.entries}
    assert "avast-ftc-order" in disclosed["avast-free"]
    assert all(
        "gen-digital-brands" in disclosed[i] for i in ("norton-360", "avast-free", "avg-free", "avira-free")
    )
    assert "crowdstrike-outage-2024" in disclosed["crowdstrike-falcon"]
    ftc = next(d for d in catalog.entry("avast-free").disclosures if d.id == "avast-ftc-order")
    assert ftc.date == "2024-06-27" and "$16.5 million" in ftc.text


def test_defender_leads_on_windows_whatever_is_asked() -> None:
    catalog = load_catalog()
    for segment, needs in combinations(SEGMENTS, NEEDS):
        first = recommend(catalog, None, platform="windows", segment=segment, needs=needs)[0]
        assert first.entry.id == "microsoft-defender-antivirus", (segment, needs)
    for platform in ("macos", "linux", "android", "ios"):
        suggestions = recommend(catalog, None, platform=platform, segment=None, needs=set())
        assert all(s.entry.role != "baseline" for s in suggestions), platform


def test_ultraav_is_described_but_never_suggested() -> None:
    catalog = load_catalog()
    assert catalog.entry("ultraav").role == "described" and catalog.entry("ultraav").official_url is None
    for platform, segment, needs in combinations(PLATFORMS, SEGMENTS, NEEDS):
        for scan in (None, ULTRA):
            ids = [
                r.entry.id for r in recommend(catalog, scan, platform=platform, segment=segment, needs=needs)
            ]
            assert "ultraav" not in ids


def test_every_suggestion_has_one_line_and_an_official_https_page() -> None:
    catalog = load_catalog()
    for platform, segment, needs in combinations(PLATFORMS, SEGMENTS, NEEDS):
        for suggestion in recommend(catalog, None, platform=platform, segment=segment, needs=needs):
            assert suggestion.reason and "\n" not in suggestion.reason and suggestion.reason.endswith(".")
            assert suggestion.entry.official_url and suggestion.entry.official_url.startswith("https://")
            assert platform in suggestion.entry.platforms


def test_a_kaspersky_vpn_and_password_manager_ask_for_both() -> None:
    suggestions = recommend(load_catalog(), VPN_AND_PASSWORDS, platform="windows", segment=None, needs=set())
    others = suggestions[1:]
    assert {s.entry.id for s in others} == {"norton-360", "mcafee-total-protection", "f-secure-total"}
    assert all(s.entry.has("vpn") and s.entry.has("password_manager") for s in others)
    assert others[0].reason == (
        "Has a VPN, to replace Kaspersky VPN Secure Connection; "
        "has a password manager, to replace Kaspersky Password Manager."
    )
    assert suggestions[0].reason.endswith("; no VPN; a password manager: not verified.")


def test_safe_kids_asks_for_parental_controls() -> None:
    suggestions = recommend(load_catalog(), SAFE_KIDS, platform="macos", segment=None, needs=set())
    assert suggestions and all(s.entry.has("parental_controls") for s in suggestions)
    assert all("to replace Kaspersky Safe Kids" in s.reason for s in suggestions)


def test_a_managed_endpoint_fleet_gets_business_products_with_central_management() -> None:
    suggestions = recommend(load_catalog(), OFFICE, platform="linux", segment=None, needs=set())
    assert suggestions
    for suggestion in suggestions:
        assert "business" in suggestion.entry.segments and suggestion.entry.has("central_management")
        assert "to replace Kaspersky Endpoint Security for Windows" in suggestion.reason


def test_a_free_budget_keeps_only_free_products() -> None:
    suggestions = recommend(load_catalog(), None, platform="windows", segment="home", needs={"free"})
    assert len(suggestions) > 2 and all(s.entry.free_tier is True for s in suggestions)


def test_when_nothing_covers_every_need_the_closest_are_offered_with_the_gap_named() -> None:
    needs = {"vpn", "passwords", "parental", "free"}
    suggestions = recommend(load_catalog(), None, platform="android", segment="home", needs=needs)
    assert suggestions and all(s.missing == ("free",) for s in suggestions)
    assert all(s.reason.endswith("; no free version.") for s in suggestions)
    assert not any(meets(s.entry, "free") for s in suggestions)


def test_features_are_the_seven_the_catalog_promises() -> None:
    for entry in load_catalog().entries:
        assert tuple(entry.features) == FEATURES


def test_alternatives_command_json(tmp_path, capsys) -> None:
    args = ["alternatives", "--json", "--platform", "windows", "--need", "vpn,free", "--root", str(tmp_path)]
    assert main([*args, "--os", "linux"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["platform"] == "windows" and document["catalog_origin"] == "bundled"
    first = document["recommendations"][0]
    assert first["entry"]["id"] == "microsoft-defender-antivirus" and first["missing"] == ["vpn"]
    assert [r["entry"]["id"] for r in document["recommendations"][1:]] == ["bitdefender-home"]


def test_alternatives_command_text_names_the_official_page(tmp_path, capsys) -> None:
    assert main(["alternatives", "--platform", "macos", "--need", "parental", "--root", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "Norton 360 (Norton)\n  Has parental controls." in out
    assert "Official page: https://us.norton.com/products/norton-360-deluxe" in out
    assert "installs and downloads nothing" in out


def test_alternatives_command_rejects_an_unknown_need(capsys) -> None:
    assert main(["alternatives", "--need", "antivirus"]) == 2
    assert "unknown need: antivirus" in capsys.readouterr().err
