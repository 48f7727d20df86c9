"""Every text core produces exists in every shipped language, says the same, and keeps its placeholders.

The briefing's language files are checked against English (same sections and
paragraphs, the same fact and scan placeholders, so no date or number of their
own); core's texts, all kept by id (resources/plan: plan steps, run messages,
exit-code meanings, suggestion reasons, verification summaries), must have every
id in every language with the same placeholders, and are checked by walking plans,
suggestions and verification summaries in Spanish and failing on any sentence
that has no translation.
"""

from __future__ import annotations

import ast
import json
import string
from collections import Counter
from collections.abc import Iterator
from datetime import date
from importlib import resources
from itertools import product as combinations
from pathlib import Path

import pytest

from core import messages
from core.advice.briefing import build_briefing
from core.advice.catalog import load_catalog
from core.advice.facts import PLACEHOLDER, load_texts
from core.advice.recommend import recommend
from core.assistant.demo import demo_machines
from core.detection.scan import scan
from core.messages import PSEUDO, Text, phrase, texts
from core.model import Evidence, Kind
from core.removal.plan import plan_removal
from core.removal.verify import Protection, Survivor, Verification
from tests.briefing.scenarios import ALL_SCANS, OFFICE
from tests.plan.products import KES_CODE, USER_UNINSTALL, agent, entry, kes, product, scan_of

TODAY = date(2025, 11, 26)
CORE = Path(__file__).resolve().parents[2] / "core"
TRANSLATED = [lang for lang in messages.available_languages() if lang != "en"]


@pytest.fixture
def strict(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, str]]]:
    """Collects every sentence core asked for in a language that has no translation for it."""
    missing: list[tuple[str, str]] = []

    def untranslated(text: str, language: str) -> str:
        missing.append((language, text))
        return text

    monkeypatch.setattr(messages, "_untranslated", untranslated)
    yield missing


def raw_texts(language: str) -> dict:
    return json.loads(
        resources.files("resources.briefing").joinpath("texts", f"{language}.json").read_bytes()
    )


def placeholders(template: str) -> Counter[str]:
    return Counter(name for _, name, _, _ in string.Formatter().parse(template) if name is not None)


# --- the briefing -------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_briefing_text_is_translated_with_the_same_placeholders(language: str) -> None:
    english, translated = raw_texts("en"), raw_texts(language)
    assert translated["language"] == language and len(translated["months"]) == 12
    assert set(translated["date_formats"]) == set(english["date_formats"])
    assert set(translated["plurals"]) == set(english["plurals"])
    theirs = {s["id"]: s for s in translated["sections"]}
    assert set(theirs) == {s["id"] for s in english["sections"]}
    for section in english["sections"]:
        assert theirs[section["id"]]["title"] and theirs[section["id"]]["title"] != section["title"]
        paragraphs = {p["id"]: p["text"] for p in theirs[section["id"]]["paragraphs"]}
        assert set(paragraphs) == {p["id"] for p in section["paragraphs"]}, section["id"]
        for paragraph in section["paragraphs"]:
            mine = paragraphs[paragraph["id"]]
            # The same facts, values and scan words, each as often: a translation adds no date or number.
            assert Counter(m.group(0) for m in PLACEHOLDER.finditer(mine)) == Counter(
                m.group(0) for m in PLACEHOLDER.finditer(paragraph["text"])
            ), paragraph["id"]


@pytest.mark.parametrize("language", TRANSLATED)
def test_a_translated_briefing_has_the_english_structure_and_facts(language: str) -> None:
    for us_person, scan_result in combinations((True, False, None), ALL_SCANS.values()):
        english = build_briefing(scan_result, us_person=us_person, today=TODAY)
        translated = build_briefing(scan_result, us_person=us_person, today=TODAY, language=language)
        assert translated.language == language
        assert [s.id for s in translated.sections] == [s.id for s in english.sections]
        for mine, theirs in zip(translated.sections, english.sections, strict=True):
            assert mine.facts == theirs.facts  # the sources stay as they are (statements in English)
            assert len(mine.paragraphs) == len(theirs.paragraphs)
            assert not set(mine.paragraphs) & set(theirs.paragraphs), mine.id


def test_spanish_dates_and_counts_come_from_the_facts() -> None:
    text = " ".join(
        p
        for s in build_briefing(OFFICE, us_person=True, today=TODAY, language="es").sections
        for p in s.paragraphs
    )
    assert "El 20 de junio de 2024" in text and "24 de junio de 2024 (89 FR 52434)" in text
    assert "Orden Ejecutiva 13873" in text and "a 12 directivos" in text
    assert "desde el 29 de septiembre de 2024" in text and "no va contra la ley" in text
    home = build_briefing(ALL_SCANS["home"], us_person=True, today=TODAY, language="es")
    found = next(s for s in home.sections if s.id == "this-computer")
    assert "hace 424 días (Kaspersky Plus, el 28 de septiembre de 2024)" in " ".join(found.paragraphs)


def test_a_missing_translation_falls_back_to_english_string_by_string(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from core.advice import facts

    partial = raw_texts("es")
    partial["sections"] = [s for s in partial["sections"] if s["id"] != "exit"]
    partial["sections"][0]["paragraphs"] = partial["sections"][0]["paragraphs"][:1]
    english = raw_texts("en")
    monkeypatch.setattr(facts, "_read_texts", lambda lang: partial if lang == "es" else english)
    texts = load_texts("es")
    titles = {s["id"]: s["title"] for s in texts.sections}
    assert (
        titles["exit"] == "Kaspersky's exit from the US"
        and titles["decision"] == "Qué decidió Estados Unidos"
    )
    decision = texts.sections[0]["paragraphs"]
    assert decision[0]["text"].startswith("El {fact:bis-announced}")
    assert decision[1]["text"].startswith("The rule binds Kaspersky")
    assert decision[1]["rests_on"] == ["ksn-and-resale-stop"]  # structure always from English


def test_unknown_languages_and_locales() -> None:
    assert load_texts("fr").language == "en"
    assert load_texts("es_MX.UTF-8").language == "es"
    assert phrase("finish.restart.title", "es-ES") == "Reiniciar el equipo"
    assert phrase("finish.restart.title", "de") == "Restart the computer"
    verified = texts("en")["verify.removed"]
    assert phrase("verify.removed", "es-ES") == texts("es")["verify.removed"] != verified
    assert phrase("verify.removed", "de") == verified


def test_the_pseudo_language_stretches_core_texts_and_still_fills_them() -> None:
    briefing = build_briefing(OFFICE, us_person=True, today=TODAY, language=PSEUDO)
    first = briefing.sections[0].paragraphs[0]
    assert first.startswith("[") and "20 June 2024" in first and "{" not in first
    plan = plan_removal(scan_of("windows", kes()), language=PSEUDO)
    assert all(s.title.startswith("[") and "{" not in s.title for s in plan.steps)


# --- every sentence core builds, in every language ----------------------------------------------------


def synthetic_scans():
    klfle = Evidence(Kind.DRIVER, "HKLM\\SYSTEM\\CurrentControlSet\\Services\\klfle", "klfle", {}, "test")
    kpm = product(
        "password-manager",
        "Kaspersky Password Manager",
        entry("Kaspersky Password Manager", "KPM", UninstallString='"C:\\Program Files\\KPM\\uninstall.exe"'),
        category="password_manager",
    )
    hostile = product(
        "consumer",
        "Kaspersky Plus",
        entry("Kaspersky Plus", "KP", UninstallString='"C:\\x.exe" & calc'),
        category="consumer_suite",
    )
    no_uninstaller = product(
        "consumer", "Kaspersky Free", entry("Kaspersky Free", "KF"), category="consumer_suite"
    )
    per_user = product(
        "kes",
        "Kaspersky Endpoint Security",
        entry("Kaspersky Endpoint Security", KES_CODE, hive=USER_UNINSTALL, WindowsInstaller="1"),
        scope="user",
    )
    ultra = product(
        "ultraav",
        "UltraAV",
        entry("UltraAV", "UltraAV", UninstallString='"C:\\Program Files\\UltraAV\\uninstall.exe"'),
        origin="successor",
        category="consumer_suite",
    )
    package = Evidence(Kind.PACKAGE, "dpkg:kesl", "kesl", {"manager": "dpkg"}, "test")
    app = Evidence(Kind.APP_BUNDLE, "/Applications/Kaspersky.app", "com.kaspersky.kav", {}, "t")
    leftover = product("consumer", "Kaspersky Lab folder", Evidence(Kind.PATH, "C:\\KL", "KL", {}, "t"))
    yield scan_of("windows", kes(managed=True, password=True, extra=(klfle,)), agent(), kpm, ultra)
    yield scan_of("windows", hostile, no_uninstaller, per_user, leftovers=(leftover,))
    yield scan_of("linux", product("kes", "kesl", package), ultra)
    yield scan_of("macos", product("consumer", "Kaspersky Anti-Virus", app, category="consumer_suite"), ultra)
    yield scan_of("macos", product("consumer", "Kaspersky Lite", category="consumer_suite"))
    yield scan_of("windows")
    for machine in demo_machines().values():
        yield scan(machine.target, observe=machine.observe)


def verifications():
    kes_driver = Survivor(
        "Kaspersky Endpoint Security", Kind.DRIVER, "klif", "HKLM\\...\\klif", until_restart=True
    )
    folder = Survivor(
        "Kaspersky Endpoint Security", Kind.PATH, "KES", "C:\\Program Files\\KES", until_restart=False
    )
    defender = Protection(("Microsoft Defender Antivirus",))
    unknown = Protection(
        (),
        (
            Text("defender.not_asked"),
            Text("defender.unreadable"),
            Text("defender.off"),
            Text("defender.mode", {"mode": "Passive"}),
        ),
    )
    empty = scan_of("windows")
    for status in ("removed", "reboot_needed", "failed"):
        for protection in (defender, unknown):
            yield Verification(empty, status, (kes_driver,), (folder,), status == "reboot_needed", protection)


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_sentence_core_builds_has_a_translation(language: str, strict) -> None:
    shown: list[str] = []
    for scan_result in synthetic_scans():
        for silent in (False, True):
            plan = plan_removal(scan_result, silent=silent, package_managers={"apt-get"}, language=language)
            shown += [*plan.warnings, *(t for s in plan.steps for t in (s.title, s.why, *s.needs))]
    catalog_ = load_catalog()
    scans = [None, *ALL_SCANS.values(), *synthetic_scans()]
    for scan_result, platform, segment, needs in combinations(
        scans, ("windows", "macos", "linux", "android"), ("home", "business", None), ({"vpn", "free"}, set())
    ):
        shown += [
            r.reason
            for r in recommend(
                catalog_, scan_result, platform=platform, segment=segment, needs=needs, language=language
            )
        ]
    for verification in verifications():
        shown += verification.summary(language)
    assert strict == [], f"{len(strict)} sentences have no {language} translation, first: {strict[0][1]!r}"
    assert shown and all("{" not in text for text in shown)


# --- the texts kept by id (resources/plan) --------------------------------------------------------------


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_text_id_has_a_translation_with_the_same_placeholders(language: str) -> None:
    english, translated = texts("en"), texts(language)
    assert english and set(translated) == set(english)
    for key, text in english.items():
        assert text.strip() and translated[key].strip(), key
        assert placeholders(translated[key]) == placeholders(text), key


def phrase_ids_in_core() -> set[str]:
    """The text ids written as literals in core's calls to phrase(), the executor's run.say() and Text()."""
    found: set[str] = set()
    for path in CORE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            first = node.args[0]
            if (
                name in ("phrase", "say", "Text")
                and isinstance(first, ast.Constant)
                and isinstance(first.value, str)
            ):
                found.add(first.value)
    return found


def phrase_ids_in_step_data() -> set[str]:
    """The text ids the rescue and finish steps name in resources/plan/steps/
    (core/removal/plan_rescue.py)."""
    from core.removal.plan_rescue import templates

    found: set[str] = set()
    for phase in ("rescue", "finish"):
        for template in templates(phase):
            found |= {template.title, template.why, *template.needs}
            found |= {template.warning} if template.warning else set()
            found |= {template.detect.warning} if template.detect else set()
            found |= {c["text"] for c in (template.tool or {}).values() if "text" in c}
    return found


def test_core_asks_only_for_text_ids_that_exist_and_every_id_is_used() -> None:
    english = texts("en")
    asked = phrase_ids_in_core() | phrase_ids_in_step_data()
    assert asked - english.keys() == set()
    assert english.keys() - strings_in_core() - phrase_ids_in_step_data() == set(), "ids nothing asks for"


def test_text_ids_fill_their_placeholders_and_fall_back_to_english(strict) -> None:
    assert phrase("remove.manual.title", "es_ES.UTF-8", product="KES") == "Quitar KES a mano"
    assert phrase("remove.manual.title", "de", product="KES") == "Remove KES by hand"
    assert phrase("remove.manual.title", PSEUDO, product="KES").startswith("[Ŕémóvé KES ƀý ĥàñđ ~")
    assert strict == [("de", "Remove {product} by hand")]  # a language without a file falls back, logged
    with pytest.raises(KeyError):
        phrase("no.such.text")


def strings_in_core() -> set[str]:
    return {
        node.value
        for path in CORE.rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }
