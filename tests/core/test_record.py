"""Records (core/record.py) behave as the frozen dataclasses they replace on the scan's path."""

from __future__ import annotations

import copy
import pickle

import pytest

from core.model import Evidence, Kind, Observation, Product, Target


def _product(**changes: object) -> Product:
    evidence = Evidence(Kind.PACKAGE, "dpkg:kesl", "kesl", {"Version": "12"}, "kaspersky/kes#1")
    fields: dict = {
        "id": "kaspersky:kes:kesl",
        "name": "Kaspersky Endpoint Security for Linux",
        "family": "kes",
        "family_name": "Kaspersky Endpoint Security",
        "category": "endpoint",
        "vendor": "Kaspersky",
        "origin": "kaspersky",
        "version": "12",
        "scope": "machine",
        "managed": False,
        "evidence": (evidence,),
    }
    return Product(**{**fields, **changes})


def test_equal_by_value_and_hashable_when_the_values_are() -> None:
    assert _product() == _product() and _product() != _product(version="11")
    assert Target("linux") == Target("linux") and hash(Target("linux")) == hash(Target("linux"))
    assert len({Target("linux"), Target("linux"), Target("windows")}) == 2
    assert Target("linux") != ("linux", True, None, (), None, None)  # not a tuple


def test_defaults_are_fresh_and_fields_cannot_be_assigned() -> None:
    one, two = Observation(Kind.PATH, "/opt", "/opt"), Observation(Kind.PATH, "/opt", "/opt")
    assert one.attributes == {} and one.attributes is not two.attributes and one.scope == "machine"
    with pytest.raises(AttributeError):
        one.name = "/etc"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del one.name
    with pytest.raises(AttributeError):
        one.extra = 1  # type: ignore[attr-defined]


def test_replace_changes_only_what_it_is_given() -> None:
    product = _product()
    renamed = product.replace(id="kaspersky:kes:kesl#1")
    assert renamed.id == "kaspersky:kes:kesl#1" and renamed.replace(id=product.id) == product
    assert product.id == "kaspersky:kes:kesl"
    with pytest.raises(TypeError, match="no field colour"):
        product.replace(colour="red")


def test_copies_and_pickles_are_equal_values() -> None:
    product = _product(state={"active": "true"})
    assert copy.deepcopy(product) == product and copy.copy(product) == product
    assert pickle.loads(pickle.dumps(product)) == product  # noqa: S301 - its own bytes
    assert repr(Target("linux")).startswith("Target(") and "os='linux'" in repr(Target("linux"))
