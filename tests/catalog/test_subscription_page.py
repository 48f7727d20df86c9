"""A successor's subscription page is catalog data with its source, and stays empty until one exists;
what the catalog offers per system is told, so an empty list can be explained."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from core.advice.catalog import catalog_from_json, check_catalog_references, load_catalog
from core.advice.recommend import covered
from core.advice.updates import DocumentError


def bundled() -> dict:
    return json.loads(resources.files("resources.catalog").joinpath("catalog.json").read_text("utf-8"))


def test_no_source_gives_ultraavs_subscription_page_yet() -> None:
    entry = load_catalog().entry("ultraav")
    assert entry.subscription_url is None
    note = next(e for e in bundled()["entries"] if e["id"] == "ultraav")["subscription_url_note"]
    assert note.startswith("not verified")


def test_a_subscription_page_without_a_source_is_refused() -> None:
    data = bundled()
    entry = next(e for e in data["entries"] if e["id"] == "ultraav")
    entry["subscription_url"] = "https://unsourced.example.invalid/"
    with pytest.raises(DocumentError, match="subscription_url has a value but no source"):
        check_catalog_references(data)
    url = "https://unsourced.example.invalid/"
    source = {"url": url, "title": "t", "kind": "primary", "date": "2026-12-01"}
    data["sources"]["a-source"] = source
    entry["evidence"]["subscription_url"] = "a-source"
    check_catalog_references(data)
    catalog = catalog_from_json(data, version=0, origin="test")
    assert catalog.entry("ultraav").subscription_url == "https://unsourced.example.invalid/"


def test_what_the_catalog_covers_per_system() -> None:
    catalog = load_catalog()
    linux = covered(catalog, "linux")
    assert "home" not in linux  # no home product in the catalog lists Linux
    assert linux["business"] and all("linux" in e.platforms for e in linux["business"])
    windows = covered(catalog, "windows")
    assert {"home", "business"} <= set(windows)
    assert all(e.role != "described" for entries in windows.values() for e in entries)  # never UltraAV
