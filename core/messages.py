"""The sentences core builds (plan steps and warnings, run messages, suggestion reasons, verification
summaries) in the reader's language, as data and without Qt.

One text system: every sentence is looked up by id with `phrase` (or kept as a `Text`
to say later): `resources/plan/<language>.json` holds the removal plan's titles,
reasons, needs and warnings, the executor's run messages, exit-code meanings,
suggestion reasons, verification summaries and protection notes
("rescue.quarantine.title", "run.cancelled_before_start", "exit.msi.busy",
"verify.removed"), English in en.json and each translation by the same ids.
`{name}` placeholders are filled after translating, so a translation may move them
but must keep every one, and a text with no translation falls back to English (and
is logged): the tests walk every plan, run, suggestion and summary and fail on that.
The briefing has its own texts (resources/briefing/texts), built from facts.

`PSEUDO` is the pseudo-language behind SWITCHOVER_PSEUDO=1: English, accented
and stretched by about 40%, to find clipped text in layouts.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

DEFAULT_LANGUAGE = "en"
PSEUDO = "x-pseudo"
TEXTS_SCHEMA = "switchover.texts/1"

log = logging.getLogger(__name__)

_ACCENTED = str.maketrans("abcdeghiklnorstuwyzABCDEGHIKLNORSTUWYZ", "àƀçđéĝĥíķļñóŕšţúŵýžÀƁÇĐÉĜĤÍĶĻÑÓŔŠŢÚŴÝŽ")


@dataclass(frozen=True)
class Text:
    """A sentence to say later, in whichever language is asked for: its text id and its values."""

    key: str
    values: Mapping[str, object] = field(default_factory=dict)

    def say(self, language: str = DEFAULT_LANGUAGE) -> str:
        return phrase(self.key, language, **self.values)

    def __str__(self) -> str:
        return self.say()


def phrase(key: str, language: str = DEFAULT_LANGUAGE, /, **values: object) -> str:
    """The text `key` from resources/plan/ in `language`, with its `{placeholders}` filled from `values`.

    An unknown `key` raises KeyError: every id has an English text.
    """
    language = normalise(language)
    english = texts(DEFAULT_LANGUAGE)[key]
    if language == PSEUDO:
        template = pseudo(english)
    elif language == DEFAULT_LANGUAGE:
        template = english
    else:
        template = texts(language).get(key) or _untranslated(english, language)
    return template.format(**values) if values else template


def normalise(language: str) -> str:
    """`es_ES.UTF-8`, `es-MX` and `es` are all "es"; the pseudo-language keeps its name."""
    if language == PSEUDO:
        return language
    return language.split(".")[0].replace("-", "_").partition("_")[0].lower() or DEFAULT_LANGUAGE


@cache
def texts(language: str) -> Mapping[str, str]:
    """Text id -> text in `language` (resources/plan/<language>.json); empty when there is no file for it."""
    path = resources.files("resources.plan").joinpath(f"{language}.json")
    if not path.is_file():
        return {}
    document = json.loads(path.read_bytes())
    if document.get("schema") != TEXTS_SCHEMA or document.get("language") != language:
        raise ValueError(f"resources/plan/{language}.json is not a {TEXTS_SCHEMA} document for {language!r}")
    return dict(document["texts"])


def available_languages() -> list[str]:
    """English and every language with a file in resources/plan."""
    found = {DEFAULT_LANGUAGE}
    found |= {
        e.name.removesuffix(".json")
        for e in resources.files("resources.plan").iterdir()
        if e.name.endswith(".json")
    }
    return sorted(found)


def pseudo(text: str) -> str:
    """Accent letters and pad by ~40%, leaving {placeholders}, <tags>, &mnemonics and %-codes intact."""
    out: list[str] = []
    protected = ""  # the closing character while inside a placeholder or a tag
    for index, char in enumerate(text):
        if protected:
            out.append(char)
            if char == protected:
                protected = ""
        elif char in "{<":
            protected = "}" if char == "{" else ">"
            out.append(char)
        elif char in "&%" or (index and text[index - 1] in "&%"):
            out.append(char)
        else:
            out.append(char.translate(_ACCENTED))
    padding = "~" * max(2, len(text) * 2 // 5)
    return f"[{''.join(out)} {padding}]"


def _untranslated(text: str, language: str) -> str:
    # The tests replace this function to fail on any sentence without a translation.
    log.debug("no %s translation for %r", language, text)
    return text
