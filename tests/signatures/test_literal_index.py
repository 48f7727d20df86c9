"""The literal index never hides a match: every rule that matches a name is among its candidates."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.detection.literal_index import Keys, build_index, has_keys, keys_of

from .helpers import signatures

PATTERNS = [
    r"^klif(\.sys)?$",
    r"^a|b",  # the ^ anchors the first branch only
    r"^(x|y)z",
    r"^[|(]q",  # a bar and a bracket inside a class are not structure
    r"^\(|w",  # an escaped bracket neither
    r"\\Kaspersky Lab\\NetworkAgent\b",
    r"(^|/)Kaspersky Network Agent\.pkg$",
    r"^Kaspersky( (?P<version>\d+(\.\d+)*))?$",
    r"^AVP((?P<version>\d+(\.\d+)*))?$",
    r"\bAgent\b.*\bKaspersky Security Center\b",
    r"^(kl1|klif|klim\d?)([._-](KES|K4W)-\d+-\d+)?(_sha1)?(\.sys)?$",
    r"^ab{2,}c",
    r"^a?b",
    r"x_y\bz",
]
ALL = PATTERNS + sorted({r.pattern for rules in signatures().rules_by_kind.values() for r in rules})
# Names built from the patterns' own letters, with the characters that fold in surprising ways.
ALPHABET = (
    "abqwxyzKkSsſıİKϐβвᲀАаКкпер|(/._-\\ 0123456789"
    "KasperskyNetworkAgentpkglifAVPSecurityCenterLabАнтивирусКасперскогоカスペルスキー"
)


@pytest.mark.parametrize(
    ("pattern", "keys"),
    [
        (r"^klif(\.sys)?$", Keys(frozenset({"kli"}))),
        (r"^a|b", None),
        (r"^(x|y)z", Keys(frozenset({"xz", "yz"}))),
        (
            r"\\Kaspersky Lab\\NetworkAgent\b",
            Keys(words=frozenset({"networkagent"}), needs="\\kaspersky lab\\networkagent"),
        ),
        (
            r"(^|/)Kaspersky Network Agent\.pkg$",
            Keys(words=frozenset({"network"}), needs="kaspersky network agent.pkg"),
        ),
        # No prefix and no whole word (what comes before "Kaspersky" is optional), but a run of letters
        # every match holds: a Maintainer is tested for it before the pattern is tried.
        (r"^(AO )?Kaspersky( Lab)?\b", Keys(needs="kaspersky")),
        (r"^/(opt|var/opt)/kaspersky/kesl(/|$)", Keys(frozenset({"/op", "/va"}), needs="/kaspersky/kesl")),
        (r"^a?b", None),
        (r".", None),
        (r"(?i)x", None),
    ],
)
def test_keys_are_literals_no_match_can_lack(pattern: str, keys: Keys | None) -> None:
    assert keys_of(pattern) == keys


@settings(max_examples=800, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40), st.sampled_from(ALL))
def test_a_pattern_that_matches_a_name_is_among_its_candidates(name: str, pattern: str) -> None:
    if re.search(pattern, name, re.IGNORECASE):
        assert 0 in build_index([pattern]).candidates(name), (pattern, name)


@pytest.mark.parametrize(
    "name", ["b", "xb", "yz", "|q", "(q", "w", "(", "Kaspersky 21.3", "klif.SYS", "abbbc"]
)
def test_names_that_only_a_later_branch_matches_still_pass(name: str) -> None:
    index = build_index(PATTERNS)
    matching = [i for i, p in enumerate(PATTERNS) if re.search(p, name, re.IGNORECASE)]
    assert matching and set(matching) <= set(index.candidates(name))


def test_almost_every_bundled_rule_is_indexed() -> None:
    """Rules with no literal are tried on every name of their kind: they stay few."""
    unindexed = [p for p in ALL if keys_of(p) is None]
    assert len(unindexed) <= 0.12 * len(ALL), unindexed


def test_the_folds_are_the_ones_python_regular_expressions_use() -> None:
    from re import _casefix  # type: ignore[attr-defined]

    from core.detection.literal_index import EXTRA_CASES

    expected = {frozenset([chr(k), *map(chr, v)]) for k, v in _casefix._EXTRA_CASES.items()}
    assert {frozenset(same) for same in EXTRA_CASES} == expected


def test_the_shipped_literal_keys_are_those_of_the_bundled_patterns() -> None:
    """Run tools/literal_keys.py after changing a signature file."""
    import json

    from core.detection.signatures import LITERAL_KEYS_FILE
    from tools.literal_keys import literal_keys_document

    from .helpers import SIGNATURES

    shipped = json.loads(SIGNATURES.joinpath(LITERAL_KEYS_FILE).read_text(encoding="utf-8"))
    assert shipped == literal_keys_document()


def test_a_damaged_keys_file_entry_reads_as_no_keys_so_the_rule_is_tried_on_every_name() -> None:
    from core.detection.literal_index import keys_from_json

    assert keys_from_json({"prefixes": ["kli"], "words": []}) == Keys(frozenset({"kli"}))
    for damaged in (
        None,
        [],
        {"prefixes": "kli", "words": []},
        {"prefixes": [""], "words": []},
        {"words": []},
        {"prefixes": [], "words": [], "needs": "kaspersky"},
        {"prefixes": [], "words": [], "needs": [""]},
    ):
        assert keys_from_json(damaged) is None


REGEX_PIECES = st.sampled_from(
    ["a", "b", "k", "K", "l", "1", " ", "_", ".", "\\\\", "\\.", "\\b", "\\d", "^", "$", "|", "(", ")",
     "(?:", "(?P<v>", "?", "*", "+", "{2}", "{1,3}", "[ab]", "[^a]", "ſ", "в", "ᲀ", "İ", "ı"]
)  # fmt: skip


@settings(max_examples=1500, deadline=None)
@given(st.lists(REGEX_PIECES, max_size=12).map("".join), st.text(alphabet="abkKl1 _.\\ſвᲀİıB", max_size=16))
def test_any_pattern_either_has_keys_no_match_lacks_or_none(pattern: str, name: str) -> None:
    """The reader never raises, and never gives keys that a matching name lacks."""
    try:
        compiled = re.compile(pattern, re.IGNORECASE)
    except re.error:
        keys_of(pattern)  # must not raise either
        return
    if compiled.search(name):
        assert 0 in build_index([pattern]).candidates(name), (pattern, name, keys_of(pattern))
        keys = keys_of(pattern)
        assert keys is None or has_keys(name, keys), (pattern, name, keys)  # as an attribute's gate
