"""The briefing: built from sourced facts, tailored to the user and the scan, free of known misstatements."""

from __future__ import annotations

import json
import re
from datetime import date
from itertools import product as combinations

import pytest

from core.briefing import build_briefing, guess_us_person
from core.catalog import load_catalog
from core.cli import main
from core.facts import BRIEFING_DOCUMENT, PLACEHOLDER, available_languages, load_facts, load_texts
from core.recommend import recommend
from core.updates import DocumentError, bundled_document, check_document
from tests.briefing.scenarios import ALL_SCANS, HOME, OFFICE, ULTRA

TODAY = date(2025, 11, 26)
DATE = re.compile(r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")

# Claims the app must never make (seen in press coverage of the ban).
MISSTATEMENTS = [
    re.compile(
        r"\b(?:is|are|was|be|becomes?|became|now)\s+(?!not\b)(?:\w+\s+)?(?:illegal|unlawful|against the law)",
        re.I,
    ),
    re.compile(r"\billegal to (?:use|keep|run|own|have)", re.I),
    re.compile(r"\b30(?:th)?\s+(?:of\s+)?Sep|\bSept?(?:ember)?\.?\s+30\b|2024-09-30|09/30|30/09", re.I),
    re.compile(
        r"work\s?-?around|bypass|circumvent|manually download|still (?:get|receive) (?:signature )?updates",
        re.I,
    ),
    re.compile(r"updates? (?:from|via|through) (?:a )?(?:mirror|vpn|another country|third part)", re.I),
]
# The same claims in Spanish; the English patterns run on Spanish text too (fact values stay English).
MISSTATEMENTS_ES = [
    re.compile(
        r"(?<!\bno )\b(?:es|son|era|fue|sea|será|está|resulta|queda)\s+(?:\w+\s+)?(?:ilegal|delito)"
        r"|(?<!\bno )\bva\s+contra\s+la\s+ley",
        re.I,
    ),
    re.compile(r"\bilegal (?:usar|tener|mantener|conservar|ejecutar)", re.I),
    re.compile(r"\b30 de sep|\bsept?(?:iembre)?\.? 30\b", re.I),
    re.compile(
        r"eludir|esquivar|burlar|saltarse|truco|descarg\w* manualmente|a mano las actualizaciones"
        r"|segui\w* (?:recibiendo|obteniendo) actualizaciones",
        re.I,
    ),
    re.compile(
        r"actualizaci\w+ (?:desde|mediante|a través de|por medio de) (?:una? )?"
        r"(?:espejo|mirror|vpn|otro país|terceros)",
        re.I,
    ),
]
PATTERNS = {"en": MISSTATEMENTS, "es": MISSTATEMENTS + MISSTATEMENTS_ES}


def every_briefing(language: str = "en"):
    for us_person, (name, scan) in combinations((True, False, None), ALL_SCANS.items()):
        yield f"{name}/{us_person}", build_briefing(scan, us_person=us_person, today=TODAY, language=language)


def all_shown_text(language: str = "en") -> list[str]:
    shown = [p for _, b in every_briefing(language) for s in b.sections for p in (s.title, *s.paragraphs)]
    shown += [f.statement for f in load_facts().by_id.values()]
    catalog = load_catalog()
    shown += [d.text for e in catalog.entries for d in e.disclosures]
    for platform, segment, needs in combinations(
        ("windows", "macos", "android"), ("home", "business"), ({"vpn", "passwords"}, {"free"}, set())
    ):
        shown += [
            r.reason
            for r in recommend(
                catalog, None, platform=platform, segment=segment, needs=needs, language=language
            )
        ]
    return shown


def test_bundled_facts_validate_against_their_schema() -> None:
    check_document(BRIEFING_DOCUMENT, bundled_document(BRIEFING_DOCUMENT).data)


@pytest.mark.parametrize("language", available_languages())
def test_texts_take_every_date_number_and_citation_from_facts(language: str) -> None:
    for section in load_texts(language).sections:
        assert not re.search(r"[0-9]", section["title"]), section["id"]
        for paragraph in section["paragraphs"]:
            typed = PLACEHOLDER.sub("", paragraph["text"])
            assert not re.search(r"[0-9]", typed), f"{paragraph['id']} types a number itself: {typed}"


def test_every_shown_fact_has_a_source_and_a_date() -> None:
    for name, briefing in every_briefing():
        for section in briefing.sections:
            for fact in section.facts:
                assert DATE.match(fact.date), (name, fact.id)
                assert DATE.match(fact.reviewed) and len(fact.reviewed) == 10, (name, fact.id)
                assert fact.source_url.startswith(("https://", "http://")), (name, fact.id)
                assert len(fact.source_title) > 3 and fact.source_kind in {"primary", "secondary"}, (
                    name,
                    fact.id,
                )


def test_the_key_facts_are_right() -> None:
    facts = load_facts().by_id
    assert facts["bis-announced"].date == "2024-06-20"
    assert facts["fr-published"].date == "2024-06-24"
    assert facts["fr-published"].values == {"citation": "89 FR 52434", "executive_order": "13873"}
    assert facts["no-new-agreements"].date == "2024-07-20"
    assert facts["updates-stop"].date == "2024-09-29"
    assert facts["updates-stop"].values["time"] == "12:00 a.m. Eastern Daylight Time"
    assert facts["ksn-and-resale-stop"].date == "2024-09-29"
    assert facts["ofac-executives"].date == "2024-06-21" and facts["ofac-executives"].values["count"] == "12"
    assert "not sanctioned" in facts["ofac-executives"].statement
    entities = facts["entity-list"].values["entities"]
    assert all(e in entities for e in ("AO Kaspersky Lab", "OOO Kaspersky Group", "Kaspersky Labs Limited"))
    assert {
        "bod-17-01",
        "ndaa-1634",
        "fcc-covered-list",
        "kaspersky-us-exit",
        "ultraav-switch",
    } <= facts.keys()
    primary = {
        "bis-announced",
        "fr-published",
        "updates-stop",
        "use-not-penalised",
        "entity-list",
        "fcc-covered-list",
    }
    assert all(facts[i].source_kind == "primary" for i in primary)


@pytest.mark.parametrize("language", available_languages())
def test_no_shown_text_repeats_a_known_misstatement(language: str) -> None:
    for text in all_shown_text(language):
        for pattern in PATTERNS[language]:
            assert not pattern.search(text), f"{pattern.pattern!r} in: {text}"


@pytest.mark.parametrize(
    "bad",
    [
        "Using Kaspersky is now illegal in the US.",
        "It is illegal to use Kaspersky.",
        "Updates stopped on 30 September 2024.",
        "Updates stop Sept. 30.",
        "You can still get updates by downloading them manually.",
        "A workaround: get updates through a VPN.",
    ],
)
def test_the_misstatement_check_catches_the_claims_it_is_for(bad: str) -> None:
    assert any(p.search(bad) for p in MISSTATEMENTS)


@pytest.mark.parametrize(
    "bad",
    [
        "Usar Kaspersky ahora es ilegal en EE. UU.",
        "Es ilegal usar Kaspersky.",
        "Mantenerlo instalado va contra la ley.",
        "Las actualizaciones se detuvieron el 30 de septiembre de 2024.",
        "Puede seguir recibiendo actualizaciones si las descarga manualmente.",
        "Un truco: obtener actualizaciones a través de una VPN.",
    ],
)
def test_the_spanish_misstatement_check_catches_the_claims_it_is_for(bad: str) -> None:
    assert any(p.search(bad) for p in MISSTATEMENTS_ES)


def test_the_spanish_check_lets_the_true_negations_through() -> None:
    fine = "Mantenerlo instalado no va contra la ley, y usarlo no es ilegal."
    assert not any(p.search(fine) for p in MISSTATEMENTS_ES)


def test_the_ban_dates_are_rendered_from_facts() -> None:
    briefing = build_briefing(None, us_person=True, today=TODAY)
    text = " ".join(p for s in briefing.sections for p in s.paragraphs)
    assert (
        "On 20 June 2024" in text and "24 June 2024 (89 FR 52434)" in text and "Executive Order 13873" in text
    )
    assert "12:00 a.m. Eastern Daylight Time on 29 September 2024" in text
    assert "sanctioned 12 Kaspersky executives" in text and "not the company itself" in text
    assert "not against the law" in text and "carries all the security risk" in text


def test_signature_age_is_counted_from_the_injected_day() -> None:
    briefing = build_briefing(HOME, us_person=True, today=TODAY)
    found = next(s for s in briefing.sections if s.id == "this-computer")
    assert (
        "Your virus definitions were last updated 424 days ago (Kaspersky Plus, on 28 September 2024)."
        in (found.paragraphs)
    )
    assert any("no signature updates since 29 September 2024" in p for p in found.paragraphs)
    a_day_later = build_briefing(HOME, us_person=True, today=date(2024, 9, 29))
    assert any("last updated 1 day ago" in p for s in a_day_later.sections for p in s.paragraphs)


def test_a_person_outside_the_us_is_told_the_ban_does_not_cover_them() -> None:
    text = " ".join(
        p for s in build_briefing(HOME, us_person=False, today=TODAY).sections for p in s.paragraphs
    )
    assert "by your answer you are not one" in text
    assert "As a US person" not in text and "no signature updates since" not in text
    assert "We found no country other than the United States that forbids people" in text


def test_an_unknown_answer_explains_both_cases() -> None:
    text = " ".join(
        p for s in build_briefing(None, us_person=None, today=TODAY).sections for p in s.paragraphs
    )
    assert "If you are, Kaspersky has sent your copy no updates" in text and "If you are not" in text
    assert "No scan was run" in text


def test_a_managed_business_fleet_gets_the_business_paragraphs() -> None:
    found = next(
        s for s in build_briefing(OFFICE, us_person=True, today=TODAY).sections if s.id == "this-computer"
    )
    assert found.paragraphs[0].startswith(
        "We found Kaspersky business protection: Kaspersky Endpoint Security for Windows, "
        "Kaspersky Security Center Network Agent."
    )
    assert any("managed from Kaspersky Security Center" in p for p in found.paragraphs)
    assert not any("home protection" in p for p in found.paragraphs)
    assert {f.id for f in found.facts} == {"updates-stop", "ksn-and-resale-stop"}


def test_ultraav_is_explained_when_it_is_installed() -> None:
    found = next(
        s for s in build_briefing(ULTRA, us_person=True, today=TODAY).sections if s.id == "this-computer"
    )
    assert found.paragraphs[0].startswith("UltraAV is installed.") and "September 2024" in found.paragraphs[0]
    assert [f.id for f in found.facts] == ["ultraav-switch"]


def test_the_json_document_carries_each_section_with_its_facts() -> None:
    document = build_briefing(OFFICE, us_person=None, today=TODAY).to_json()
    assert document["schema"] == "switchover.brief/1" and document["generated_on"] == "2025-11-26"
    decision = document["sections"][0]
    assert decision["id"] == "decision" and decision["facts"][0]["source_kind"] == "primary"
    assert set(decision["facts"][0]) == {
        "id", "statement", "date", "source_url", "source_title", "source_kind", "reviewed"
    }  # fmt: skip


@pytest.mark.parametrize(
    ("locale", "zone", "expected"),
    [
        ("en_US.UTF-8", "America/Chicago", True),
        ("de_DE.UTF-8", "America/New_York", True),
        ("es-US", "America/Indiana/Indianapolis", True),
        ("en_US.UTF-8", "Europe/Berlin", False),
        ("en_GB.UTF-8", "", False),
        ("en_US.UTF-8", "", None),
        ("C.UTF-8", "Etc/UTC", None),
        ("", "", None),
    ],
)
def test_guess_us_person(locale: str, zone: str, expected: bool | None) -> None:
    assert guess_us_person(locale, zone) is expected


def test_a_briefing_update_that_drops_a_fact_the_texts_need_is_rejected() -> None:
    data = bundled_document(BRIEFING_DOCUMENT).data
    data = {**data, "facts": [f for f in data["facts"] if f["id"] != "updates-stop"]}
    with pytest.raises(DocumentError, match="no fact 'updates-stop'"):
        check_document(BRIEFING_DOCUMENT, data)


def test_brief_command_prints_json_for_offline_data(tmp_path, capsys) -> None:
    assert main(["brief", "--json", "--us-person", "no", "--root", str(tmp_path), "--os", "linux"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["us_person"] is False and document["us_person_guessed"] is False
    found = next(s for s in document["sections"] if s["id"] == "this-computer")
    assert found["paragraphs"] == [
        "We found no Kaspersky software and nothing that replaced it on this computer, "
        "so the ban changes nothing here."
    ]


def test_brief_command_shows_sources_in_text(tmp_path, capsys) -> None:
    assert main(["brief", "--us-person", "yes", "--root", str(tmp_path), "--os", "linux"]) == 0
    out = capsys.readouterr().out
    assert "WHAT THE UNITED STATES DECIDED" in out
    assert "[2024-06-24] Final Determination: Case No. ICTS-2021-002" in out
    assert "https://regulations.justia.com/regulations/fedreg/2024/06/24/2024-13532.html" in out


def test_brief_command_refuses_missing_offline_data(tmp_path, capsys) -> None:
    assert main(["brief", "--root", str(tmp_path / "missing")]) == 2
    assert "not a folder" in capsys.readouterr().err
