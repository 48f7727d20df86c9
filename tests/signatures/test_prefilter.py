"""The prefilter lets through exactly the names some rule could match (core/signatures.py)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.signatures import _anchored_body, _prefilter

PATTERNS = [
    r"^klif(\.sys)?$",
    r"^a|b",  # the ^ anchors the first branch only
    r"^(x|y)z",
    r"^[|(]q",  # a bar and a bracket inside a class are not structure
    r"^\(|w",  # an escaped bracket neither
    r"\\Kaspersky Lab\\NetworkAgent\b",
    r"(^|/)Kaspersky Network Agent\.pkg$",
    r"^Kaspersky( (?P<version>\d+(\.\d+)*))?$",
]


@pytest.mark.parametrize(
    ("pattern", "body"),
    [
        (r"^klif$", "klif$"),
        (r"^a|b", None),
        (r"^(x|y)z", "(x|y)z"),
        (r"^[|(]q", "[|(]q"),
        (r"^\(|w", None),
        (r"x^", None),
        (r"(^|/)a", None),
    ],
)
def test_only_a_leading_caret_over_the_whole_pattern_anchors(pattern: str, body: str | None) -> None:
    assert _anchored_body(pattern) == body


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="abqwxyz|(/.\\ KasperskyNetworkAgentpkglif0123", max_size=40))
def test_prefilter_agrees_with_the_patterns_themselves(name: str) -> None:
    gate = _prefilter(PATTERNS)
    expected = any(re.search(p, name, re.IGNORECASE) for p in PATTERNS)
    assert gate.passes(name) == expected


@pytest.mark.parametrize("name", ["b", "xb", "yz", "|q", "(q", "w", "(", "Kaspersky 21.3", "klif.SYS"])
def test_names_that_only_a_later_branch_matches_still_pass(name: str) -> None:
    assert _prefilter(PATTERNS).passes(name)
