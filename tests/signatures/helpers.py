"""Shared helpers for the signature tests: the bundled set, and observations made briefly."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path

from core.detection.signatures import Rule, SignatureSet, bundled_signatures
from core.model import Kind, Observation, Scope

FIXTURES = Path(__file__).parent / "fixtures"
SIGNATURES = resources.files("resources.signatures")


def signatures() -> SignatureSet:
    return bundled_signatures()


@cache
def index_files() -> tuple[str, ...]:
    return tuple(json.loads(SIGNATURES.joinpath("index.json").read_text(encoding="utf-8"))["files"])


def document(name: str) -> dict:
    return json.loads(SIGNATURES.joinpath(name).read_text(encoding="utf-8"))


def obs(
    kind: Kind, name: str, location: str | None = None, scope: Scope = "machine", **attributes: str
) -> Observation:
    return Observation(kind, location or f"test:{kind}:{name}", name, attributes, scope)


def match(kind: Kind, name: str, **attributes: str) -> Rule | None:
    return signatures().match(obs(kind, name, **attributes))


def family_of(kind: Kind, name: str, **attributes: str) -> str | None:
    """`vendor/family` of the rule that matches, or None."""
    rule = match(kind, name, **attributes)
    return f"{rule.family.vendor.id}/{rule.family.id}" if rule else None
