"""The sourced facts behind the briefing, and the language files whose texts are built from them.

A text never types a date, a number or a citation itself: it writes
`{fact:ID}` (the fact's date, in the reader's language), `{fact:ID.NAME}` (one
of the fact's `values`) or `{ctx:NAME}` (something the scan found). Every fact
a paragraph names, in a placeholder or in `rests_on`, is shown with it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

from core.messages import PSEUDO, normalise, pseudo
from core.updates import DocumentError, DocumentKind, load_document

PLACEHOLDER = re.compile(r"\{(fact|ctx):([a-z0-9_-]+)(?:\.([a-z_]+))?\}")
DEFAULT_LANGUAGE = "en"


@dataclass(frozen=True)
class Fact:
    """One sourced statement. `date` is as precise as the source: YYYY, YYYY-MM or YYYY-MM-DD."""

    id: str
    statement: str
    date: str
    source_url: str
    source_title: str
    source_kind: str  # "primary" (government or vendor text) or "secondary" (press, law firm)
    reviewed: str
    values: Mapping[str, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "statement": self.statement,
            "date": self.date,
            "source_url": self.source_url,
            "source_title": self.source_title,
            "source_kind": self.source_kind,
            "reviewed": self.reviewed,
        }


@dataclass(frozen=True)
class Facts:
    version: int
    origin: str  # "bundled" or "downloaded"
    by_id: Mapping[str, Fact]


@dataclass(frozen=True)
class Texts:
    """One language's templates, date formats and plural forms (resources/briefing/texts/<lang>.json)."""

    language: str
    data: Mapping[str, Any]

    @property
    def sections(self) -> list[dict[str, Any]]:
        return list(self.data["sections"])

    def format_date(self, value: str) -> str:
        parts = [int(p) for p in value.split("-")]
        precision = ("year", "month", "day")[len(parts) - 1]
        month = self.data["months"][parts[1] - 1] if len(parts) > 1 else ""
        return str(self.data["date_formats"][precision]).format(
            year=parts[0], month=month, day=parts[2] if len(parts) > 2 else ""
        )

    def count(self, unit: str, n: int) -> str:
        forms = self.data["plurals"][unit]
        return str(forms["one"] if n == 1 else forms["other"]).format(n=n)

    def join(self, items: list[str]) -> str:
        return str(self.data["list_separator"]).join(items)


def load_facts() -> Facts:
    """The facts in use: a newer signed download when there is a valid one, else the bundled file."""
    document = load_document(BRIEFING_DOCUMENT)
    return Facts(document.version, document.origin, _facts_by_id(document.data))


def load_texts(language: str = DEFAULT_LANGUAGE) -> Texts:
    """The texts for `language`, string by string, with English wherever it has no translation.

    The structure (sections, their order, each paragraph's `when`, `each` and
    `rests_on`) always comes from English; a language file only supplies strings,
    matched by section and paragraph id. A language without a file is English.
    """
    english = json.loads(_texts_path(DEFAULT_LANGUAGE).read_bytes())
    language = normalise(language)
    if language == PSEUDO:
        return Texts(PSEUDO, _with_strings(english, english, pseudo))
    translated = _read_texts(language) if language != DEFAULT_LANGUAGE else None
    if translated is None:
        return Texts(DEFAULT_LANGUAGE, english)
    return Texts(language, _with_strings(english, translated, lambda text: text))


def _texts_path(language: str) -> Traversable:
    # One part per joinpath: the frozen build's resource reader takes a single part on Python 3.11.
    return resources.files("resources.briefing").joinpath("texts").joinpath(f"{language}.json")


def _read_texts(language: str) -> dict[str, Any] | None:
    path = _texts_path(language)
    return json.loads(path.read_bytes()) if path.is_file() else None


def _with_strings(
    english: Mapping[str, Any], translated: Mapping[str, Any], change: Callable[[str], str]
) -> dict[str, Any]:
    """English's structure with `translated`'s strings (each passed through `change`) where it has them."""
    data = {
        **english,
        **{k: translated[k] for k in ("months", "date_formats", "list_separator") if k in translated},
    }
    data["values"] = dict(translated.get("values", {}))  # "fact-id.name": a fact's value in this language
    data["plurals"] = {**english["plurals"], **translated.get("plurals", {})}
    titles = {s["id"]: s.get("title") for s in translated.get("sections", ())}
    texts = {
        (s["id"], p["id"]): p.get("text")
        for s in translated.get("sections", ())
        for p in s.get("paragraphs", ())
    }
    data["sections"] = [
        {
            **section,
            "title": change(titles.get(section["id"]) or section["title"]),
            "paragraphs": [
                {**p, "text": change(texts.get((section["id"], p["id"])) or p["text"])}
                for p in section["paragraphs"]
            ],
        }
        for section in english["sections"]
    ]
    return data


def available_languages() -> list[str]:
    folder = resources.files("resources.briefing").joinpath("texts")
    return sorted(e.name.removesuffix(".json") for e in folder.iterdir() if e.name.endswith(".json"))


def referenced_facts(paragraph: Mapping[str, Any]) -> list[str]:
    """The ids of the facts a paragraph rests on, in the order it names them."""
    ids = [m.group(2) for m in PLACEHOLDER.finditer(paragraph["text"]) if m.group(1) == "fact"]
    return list(dict.fromkeys([*ids, *paragraph.get("rests_on", [])]))


def render(text: str, facts: Mapping[str, Fact], texts: Texts, context: Mapping[str, str]) -> str:
    """Fill the placeholders of one template."""

    def fill(match: re.Match[str]) -> str:
        source, name, value = match.groups()
        if source == "ctx":
            return context[name]
        fact = facts[name]
        if not value:
            return texts.format_date(fact.date)
        # A value in the reader's language when the texts give one (a time of day, a law's name).
        return str(texts.data.get("values", {}).get(f"{name}.{value}", fact.values[value]))

    return PLACEHOLDER.sub(fill, text)


def check_text_references(document: Mapping[str, Any]) -> None:
    """Raise DocumentError when a text in any language names a fact or value the document lacks.

    A downloaded briefing must keep every fact the shipped texts rely on;
    otherwise the app keeps using the copy it can render.
    """
    facts = _facts_by_id(document)
    for language in available_languages():
        for section in load_texts(language).sections:
            for paragraph in section["paragraphs"]:
                for fact_id in referenced_facts(paragraph):
                    if fact_id not in facts:
                        raise DocumentError(f"{language}/{paragraph['id']}: no fact '{fact_id}'")
                for match in PLACEHOLDER.finditer(paragraph["text"]):
                    kind, name, value = match.groups()
                    if kind == "fact" and value and value not in facts[name].values:
                        raise DocumentError(f"{language}/{paragraph['id']}: fact '{name}' has no '{value}'")


def _facts_by_id(document: Mapping[str, Any]) -> dict[str, Fact]:
    return {
        f["id"]: Fact(
            id=f["id"],
            statement=f["statement"],
            date=f["date"],
            source_url=f["source"]["url"],
            source_title=f["source"]["title"],
            source_kind=f["source"]["kind"],
            reviewed=f["reviewed"],
            values=dict(f.get("values", {})),
        )
        for f in document["facts"]
    }


# The briefing as a signed document (core/updates.py): the bundled facts, their schema, their check.
BRIEFING_DOCUMENT = DocumentKind(
    "briefing", "switchover.briefing/1", "resources.briefing", "facts.json", check_text_references
)
