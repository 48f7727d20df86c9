"""The sentences core builds (plan steps and warnings, suggestion reasons, verification summaries) in the
reader's language, as data and without Qt.

`resources/messages/<language>.json` maps each English template, exactly as the
code writes it, to its translation; `{name}` placeholders are filled after
translating, so a translation may move them but must keep every one. English is
the identity. A template with no translation falls back to English (and is
logged): the tests walk every plan, suggestion and summary and fail on that.
The briefing has its own texts (resources/briefing/texts), built from facts.

`PSEUDO` is the pseudo-language behind SWITCHOVER_PSEUDO=1: English, accented
and stretched by about 40%, to find clipped text in layouts.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from functools import cache
from importlib import resources

DEFAULT_LANGUAGE = "en"
PSEUDO = "x-pseudo"

log = logging.getLogger(__name__)

_ACCENTED = str.maketrans("abcdeghiklnorstuwyzABCDEGHIKLNORSTUWYZ", "àƀçđéĝĥíķļñóŕšţúŵýžÀƁÇĐÉĜĤÍĶĻÑÓŔŠŢÚŴÝŽ")


def translate(text: str, language: str = DEFAULT_LANGUAGE, /, **values: object) -> str:
    """`text` (an English template) in `language`, with its `{placeholders}` filled from `values`."""
    language = normalise(language)
    if language == PSEUDO:
        template = pseudo(text)
    elif language == DEFAULT_LANGUAGE:
        template = text
    else:
        template = catalog(language).get(text) or _untranslated(text, language)
    return template.format(**values) if values else template


def normalise(language: str) -> str:
    """`es_ES.UTF-8`, `es-MX` and `es` are all "es"; the pseudo-language keeps its name."""
    if language == PSEUDO:
        return language
    return language.split(".")[0].replace("-", "_").partition("_")[0].lower() or DEFAULT_LANGUAGE


@cache
def catalog(language: str) -> Mapping[str, str]:
    """English template -> translation for `language`; empty when there is no file for it."""
    path = resources.files("resources.messages").joinpath(f"{language}.json")
    if not path.is_file():
        return {}
    return dict(json.loads(path.read_bytes())["messages"])


def available_languages() -> list[str]:
    folder = resources.files("resources.messages")
    return sorted(
        [
            DEFAULT_LANGUAGE,
            *(e.name.removesuffix(".json") for e in folder.iterdir() if e.name.endswith(".json")),
        ]
    )


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
