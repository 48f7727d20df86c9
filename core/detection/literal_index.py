"""A literal index over regular expressions: which patterns could match a name, found by lookups.

Every pattern is read once, as text, for a literal it cannot match without: the first
characters of a pattern anchored with `^` (`^klif(...)` needs a name starting "kli"), or a
whole word inside it (`\\\\Kaspersky Lab\\\\` needs the word "kaspersky"). A name is then
looked up by its first characters and by its words, and only the patterns found that way
are compiled and tried. So the cost of a scan follows the names that look like a rule, not
the number of rules: a vendor added is a few more dictionary entries. A pattern the reader
cannot vouch for goes to `always` and is tried on every name; the tests keep that list
short and check the index against the patterns themselves.

Case-insensitive matching is mirrored by `fold`: `str.lower`, then the characters that Python's
regular expressions also take as equal (ſ and s, ϐ and β, ᲀ and в…) mapped to one of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from core.record import Record

PREFIX_CHARS = 3
_FEW_WORDS = 8  # up to this many indexed words, testing each is cheaper than splitting the name
_WORD = re.compile(r"[^\W_]+")
# Lower-case letters that re.IGNORECASE also takes as equal (Python's re._casefix), first one kept.
EXTRA_CASES = (
    "i\u0131",
    "s\u017f",
    "\u00b5\u03bc",
    "\u0345\u03b9\u1fbe",
    "\u0390\u1fd3",
    "\u03b0\u1fe3",
    "\u03b2\u03d0",
    "\u03b5\u03f5",
    "\u03b8\u03d1",
    "\u03ba\u03f0",
    "\u03c0\u03d6",
    "\u03c1\u03f1",
    "\u03c2\u03c3",
    "\u03c6\u03d5",
    "\u0432\u1c80",
    "\u0434\u1c81",
    "\u043e\u1c82",
    "\u0441\u1c83",
    "\u0442\u1c84\u1c85",
    "\u044a\u1c86",
    "\u0463\u1c87",
    "\u1c88\ua64b",
    "\u1e61\u1e9b",
    "\ufb05\ufb06",
)
_FOLDS = str.maketrans({other: same[0] for same in EXTRA_CASES for other in same[1:]})
_QUANTIFIER = re.compile(r"\?|\*|\+|\{(\d*)(,\d*)?\}")
_CLASS_ESCAPES = frozenset("dDwWsSAZzB")


def fold(text: str) -> str:
    if text.isascii():
        return text.lower()
    # İ is the one letter whose full lower case (str.lower) is two characters; re folds it to i.
    return text.replace("İ", "i").lower().translate(_FOLDS)


def has_keys(text: str, keys: Keys) -> bool:
    """Whether `text` could match a pattern with these keys (a cheap test; the pattern decides)."""
    return has_folded_keys(fold(text), keys)


def has_folded_keys(folded: str, keys: Keys) -> bool:
    """`has_keys` for a text already folded."""
    if keys.needs and keys.needs not in folded:
        return False
    if not keys.prefixes and not keys.words:
        return True
    return any(map(folded.startswith, keys.prefixes)) or any(w in folded for w in keys.words)


class Keys(Record):
    """What a name must have for a pattern to match it: one of `prefixes` or one of `words` (when there
    are any), and `needs`, a run of literal characters every match contains (when there is one)."""

    __slots__ = ("needs", "prefixes", "words")
    prefixes: frozenset[str]
    words: frozenset[str]
    # "kaspersky" in ^(AO )?Kaspersky( Lab)?\b, which has no prefix or whole word to look up: a
    # package's Maintainer is tested for it before the pattern is; "/kaspersky/klnagent" in a path.
    needs: str

    def __init__(
        self, prefixes: frozenset[str] = frozenset(), words: frozenset[str] = frozenset(), needs: str = ""
    ) -> None:
        object.__setattr__(self, "prefixes", prefixes)
        object.__setattr__(self, "words", words)
        object.__setattr__(self, "needs", needs)


def keys_to_json(keys: Keys | None) -> dict[str, list[str]] | None:
    if keys is None:
        return None
    written: dict[str, list[str]] = {"prefixes": sorted(keys.prefixes), "words": sorted(keys.words)}
    if keys.needs:
        written["needs"] = [keys.needs]
    return written


def keys_from_json(value: object) -> Keys | None:
    """Keys as `keys_to_json` wrote them; anything else reads as None (the pattern is tried always)."""
    if not isinstance(value, dict):
        return None
    prefixes, found = value.get("prefixes"), value.get("words")
    if not isinstance(prefixes, list) or not isinstance(found, list):
        return None
    needs = value.get("needs", [])
    if not isinstance(needs, list) or len(needs) > 1:
        return None
    if not all(isinstance(k, str) and k for k in [*prefixes, *found, *needs]):
        return None
    return Keys(frozenset(prefixes), frozenset(found), needs[0] if needs else "")


def keys_of(pattern: str) -> Keys | None:
    """The literals `pattern` cannot match without, or None when it has none that can be vouched for."""
    try:
        items = _Reader(pattern).sequence_alternatives()
    except _Unreadable:
        return None
    needs = _required_text(items[0]) if len(items) == 1 else ""
    prefixes: set[str] = set()
    found_words: set[str] = set()
    for alternative in items:
        start = _prefixes(alternative)
        if start:
            prefixes |= start
            continue
        word = _required_word(alternative)
        if word is None:
            return Keys(needs=needs) if needs else None
        found_words.add(word)
    if any(needs.startswith(p) for p in prefixes) or needs in found_words:
        needs = ""  # it would rule out little more than the prefix or the word does
    return Keys(frozenset(prefixes), frozenset(found_words), needs)


class LiteralIndex:
    """Positions of patterns by the literals they need; `candidates` gives them in order."""

    def __init__(self) -> None:
        self.by_prefix: dict[str, list[int]] = {}
        self.by_word: dict[str, list[int]] = {}
        self.always: list[int] = []
        self.lengths: set[int] = set()
        self.needs: dict[int, str] = {}

    def add(self, position: int, keys: Keys | None) -> None:
        if keys is not None and keys.needs:
            self.needs[position] = keys.needs
        if keys is None or not (keys.prefixes or keys.words):
            self.always.append(position)
            return
        for prefix in keys.prefixes:
            self.by_prefix.setdefault(prefix, []).append(position)
            self.lengths.add(len(prefix))
        for word in keys.words:
            self.by_word.setdefault(word, []).append(position)

    def candidates(self, name: str) -> list[int]:
        folded = fold(name)
        hits = self._hits(folded)
        found = sorted({*self.always, *hits}) if hits else self.always
        if not self.needs:
            return found
        return [p for p in found if (needs := self.needs.get(p)) is None or needs in folded]

    def looked_up(self, name: str) -> bool:
        """Whether the name's own literals (not `always`) make any pattern a candidate."""
        folded = fold(name)
        hits = self._hits(folded)
        return any((needs := self.needs.get(p)) is None or needs in folded for p in hits)

    def _hits(self, folded: str) -> list[int]:
        hits: list[int] = []
        for length in self.lengths:
            hits += self.by_prefix.get(folded[:length], ())
        if len(self.by_word) <= _FEW_WORDS:
            # Few words to look for: a substring test each (a superset of the whole-word test).
            for word, positions in self.by_word.items():
                if word in folded:
                    hits += positions
        else:
            for word in _WORD.findall(folded):
                hits += self.by_word.get(word, ())
        return hits


def build_index(patterns: Iterable[str]) -> LiteralIndex:
    index = LiteralIndex()
    for position, pattern in enumerate(patterns):
        index.add(position, keys_of(pattern))
    return index


# --- reading a pattern as text ------------------------------------------------------------


class _Unreadable(Exception):
    """A construct the reader does not vouch for."""


class _Item(Record):
    """One piece of a pattern as the reader sees it: a literal character, a group, an anchor…"""

    __slots__ = ("alternatives", "char", "kind", "minimum", "repeated")
    kind: str  # "lit", "group", "bol", "eol", "boundary", "other"
    char: str
    alternatives: tuple[tuple[_Item, ...], ...]
    minimum: int  # from a quantifier: 0 makes the item optional
    repeated: bool  # a quantifier allows more than one

    def __init__(
        self,
        kind: str,
        char: str = "",
        alternatives: tuple[tuple[_Item, ...], ...] = (),
        minimum: int = 1,
        repeated: bool = False,
    ) -> None:
        put = object.__setattr__
        put(self, "kind", kind)
        put(self, "char", char)
        put(self, "alternatives", alternatives)
        put(self, "minimum", minimum)
        put(self, "repeated", repeated)


class _Reader:
    def __init__(self, pattern: str) -> None:
        self.text = pattern
        self.at = 0

    def sequence_alternatives(self) -> list[tuple[_Item, ...]]:
        alternatives = self._alternatives()
        if self.at != len(self.text):
            raise _Unreadable
        return alternatives

    def _alternatives(self) -> list[tuple[_Item, ...]]:
        alternatives = [self._sequence()]
        while self.at < len(self.text) and self.text[self.at] == "|":
            self.at += 1
            alternatives.append(self._sequence())
        return alternatives

    def _sequence(self) -> tuple[_Item, ...]:
        items: list[_Item] = []
        while self.at < len(self.text) and self.text[self.at] not in "|)":
            item = self._atom()
            items.append(self._quantified(item))
        return tuple(items)

    def _atom(self) -> _Item:
        char = self.text[self.at]
        self.at += 1
        if char == "\\":
            if self.at >= len(self.text):
                raise _Unreadable
            escaped = self.text[self.at]
            self.at += 1
            if escaped == "b":
                return _Item("boundary")
            if escaped.isalnum():  # \d, \w, \s, \A, \Z, \1, \x41, \u0041…: not a plain literal
                if escaped not in _CLASS_ESCAPES:
                    raise _Unreadable
                return _Item("other")
            return _Item("lit", escaped)
        if char == "(":
            return self._group()
        if char == "[":
            self._skip_class()
            return _Item("other")
        if char == ".":
            return _Item("other")
        if char == "^":
            return _Item("bol")
        if char == "$":
            return _Item("eol")
        if char in "*+?{":
            raise _Unreadable  # a quantifier with nothing before it
        return _Item("lit", char)

    def _group(self) -> _Item:
        if self.text.startswith("?:", self.at):
            self.at += 2
        elif self.text.startswith("?P<", self.at):
            close = self.text.find(">", self.at)
            if close < 0:
                raise _Unreadable
            self.at = close + 1
        elif self.text.startswith("?", self.at):
            raise _Unreadable  # lookarounds, inline flags, conditionals
        alternatives = self._alternatives()
        if self.at >= len(self.text) or self.text[self.at] != ")":
            raise _Unreadable
        self.at += 1
        return _Item("group", alternatives=tuple(alternatives))

    def _skip_class(self) -> None:
        at = self.at
        if at < len(self.text) and self.text[at] == "^":
            at += 1
        if at < len(self.text) and self.text[at] == "]":
            at += 1
        while at < len(self.text) and self.text[at] != "]":
            at += 2 if self.text[at] == "\\" else 1
        if at >= len(self.text):
            raise _Unreadable
        self.at = at + 1

    def _quantified(self, item: _Item) -> _Item:
        found = _QUANTIFIER.match(self.text, self.at)
        if found is None or (found.group(0).startswith("{") and found.group(0) == "{}"):
            return item
        written = found.group(0)
        self.at = found.end()
        if self.at < len(self.text) and self.text[self.at] in "?+":
            self.at += 1  # lazy or possessive: the same characters can match
        if written == "?":
            minimum, repeated = 0, False
        elif written == "*":
            minimum, repeated = 0, True
        elif written == "+":
            minimum, repeated = 1, True
        else:
            low = found.group(1)
            minimum = int(low) if low else 0
            repeated = found.group(2) is not None or minimum > 1
        return _Item(item.kind, item.char, item.alternatives, minimum, repeated)


def _literal(item: _Item) -> str | None:
    """The item's character folded, when it is a plain literal that folds to one character."""
    if item.kind != "lit":
        return None
    folded = fold(item.char)
    return folded if len(folded) == 1 else None


def _prefixes(alternative: tuple[_Item, ...]) -> set[str]:
    """First characters (up to PREFIX_CHARS) every match of `^...` starts with; empty when unknown."""
    if not alternative or alternative[0].kind != "bol" or alternative[0].minimum == 0:
        return set()
    starts, _ = _starts(alternative[1:])
    return starts if starts and all(starts) else set()


def _starts(items: tuple[_Item, ...]) -> tuple[set[str], bool]:
    """Literal beginnings of a sequence, capped at PREFIX_CHARS, and whether they are all of it."""
    results = {""}
    for item in items:
        if all(len(r) >= PREFIX_CHARS for r in results):
            return results, False
        if item.minimum == 0:
            return results, False
        if item.kind == "group":
            inner: set[str] = set()
            complete = True
            for alternative in item.alternatives:
                starts, whole = _starts(alternative)
                inner |= starts
                complete = complete and whole
            results = {(r + s)[:PREFIX_CHARS] for r in results for s in inner}
            if not complete or item.repeated:
                return results, False
            continue
        char = _literal(item)
        if char is None:
            return results, False
        results = {(r + char)[:PREFIX_CHARS] for r in results}
        if item.repeated:
            return results, False
    return results, True


_MIN_NEEDS = 3  # a shorter run ("/") rules out little and still costs a test


def _required_text(alternative: tuple[_Item, ...]) -> str:
    """The longest run of literal characters that every match of the sequence contains, folded."""
    best, run = "", ""
    for item in alternative:
        char = _literal(item) if item.minimum == 1 and not item.repeated else None
        if char is not None:
            run += char
        elif item.kind in ("bol", "eol", "boundary") and item.minimum == 1:
            continue  # they match no character: the run around them stays whole
        else:
            run = ""
        if len(run) > len(best):
            best = run
    return best if len(best) >= _MIN_NEEDS else ""


def _required_word(alternative: tuple[_Item, ...]) -> str | None:
    """The longest whole word (as `words` splits a name) that every match of the sequence contains."""
    best: str | None = None
    for word in _bounded_runs(alternative):
        if _WORD.fullmatch(word) and (best is None or len(word) > len(best)):
            best = word
    return best


def _bounded_runs(alternative: tuple[_Item, ...]) -> Iterator[str]:
    """Runs of word characters in the top-level sequence with a certain boundary on both sides."""
    run = ""
    left = False  # whether the run starts after a certain boundary
    for item in alternative:
        char = _literal(item) if item.minimum == 1 and not item.repeated else None
        if item.kind in ("bol", "boundary") and item.minimum == 1:
            if run and item.kind == "boundary":
                yield run
            run, left = "", True
        elif char is not None and _WORD.fullmatch(char):
            if run or left:
                run += char
        elif char is not None:  # a literal that is not a word character ends a word
            if run:
                yield run
            run, left = "", True
        elif item.kind == "eol" and item.minimum == 1:
            if run:
                yield run
            run, left = "", False
        else:  # optional, repeated or not a literal: where the word around it ends is unknown
            run, left = "", False
    # A run at the end of the pattern may continue in the name: its right side is unknown.
