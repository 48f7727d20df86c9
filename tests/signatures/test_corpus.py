"""The scored corpus (tests/corpus, made by tools/make_corpus.py in real formats): all found, no decoy.

Wine-made registry exports, a dpkg status written by dpkg, an rpm database written by rpm and
property lists written by plistlib, scanned offline through the real adapters.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from core.detection.scan import scan
from core.model import Target
from tools.score_corpus import score

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "tests" / "corpus"
KINDS_THE_ISSUE_LISTS = {
    "uninstall_entry",
    "vendor_key",
    "browser_extension",
    "driver",
    "service",
    "app_bundle",
    "pkg_receipt",
    "path",
}


def test_every_planted_item_is_found_and_no_decoy_is_flagged() -> None:
    result = score(CORPUS)
    assert sorted(result.missed) == []
    assert sorted(result.false_positives) == []
    assert len(result.planted) >= 100 and len(result.decoys) >= 90
    assert {kind for kind, _, _ in result.planted} >= KINDS_THE_ISSUE_LISTS


def test_the_score_script_prints_the_score_and_exits_0() -> None:
    done = subprocess.run(
        [sys.executable, "tools/score_corpus.py"], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stdout + done.stderr
    planted = len(json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))["planted"])
    assert f"found {planted}/{planted} planted" in done.stdout
    assert "false positives: 0 " in done.stdout


def windows() -> dict:
    manifest = json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))
    spec = manifest["scans"]["windows"]
    target = Target("windows", False, str(CORPUS / spec["root"]), tuple(str(CORPUS / r) for r in spec["reg"]))
    return scan(target).to_json()


def test_a_product_no_rule_names_is_reported_as_unrecognised_kaspersky_with_its_evidence() -> None:
    products = {p["name"]: p for p in windows()["products"]}
    test_double = products["Switchover test double"]  # known only by its Cyrillic publisher
    assert test_double["family"] == "unrecognised" and not test_double["recognised"]
    assert test_double["origin"] == "kaspersky" and test_double["confidence"] == "high"
    # No DisplayName, no publisher: the name says what is known, and which entry it is.
    hidden = products[
        "Kaspersky software whose product is not recognised ({5E2C37C1-0000-4000-8000-00000000A005})"
    ]
    assert hidden["family"] == "unrecognised"
    assert hidden["evidence"][0]["details"]["InstallLocation"].endswith("\\Kaspersky 21.22\\")
    assert products["Антивирус Касперского 7.0"]["family"] == "consumer"
    assert products["Антивирус Касперского 7.0"]["recognised"]


def test_product_ids_are_unique_in_the_corpus() -> None:
    ids = [p["id"] for p in windows()["products"]]
    assert len(ids) == len(set(ids))
    assert "kaspersky:consumer:Kaspersky Lab Test Key" in ids  # a key name that is no ProductCode


def test_a_driver_known_only_by_name_says_so() -> None:
    evidence = [e for p in windows()["products"] for e in p["evidence"] if e["kind"] == "driver"]
    by_name = {e["name"]: e["confidence"] for e in evidence}
    assert by_name["klboot"] == "name_only"
    assert by_name["klif"] == "name_only"
