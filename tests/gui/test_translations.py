"""Spanish for our pages and for Qt's own buttons; a pseudo-translation that stretches every string."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QWizard
from pytestqt.qtbot import QtBot

from core.assistant.flow import Stage
from core.messages import pseudo
from gui.translations import install_translators


@pytest.fixture
def translated(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    installed = []

    def install(lang: str, *, pseudo_on: bool = False) -> None:
        monkeypatch.setenv("SWITCHOVER_LANG", lang)
        if pseudo_on:
            monkeypatch.setenv("SWITCHOVER_PSEUDO", "1")
        installed.extend(install_translators(qapp))

    yield install
    for translator in installed:
        qapp.removeTranslator(translator)


def test_spanish_pages_and_qt_buttons(qtbot: QtBot, translated, open_wizard) -> None:
    translated("es")
    wizard = open_wizard("home")
    assert wizard.currentPage().title() == "Bienvenido a Switchover"
    assert wizard.buttonText(QWizard.WizardButton.NextButton).replace("&", "").startswith("Siguiente")
    assert wizard.buttonText(QWizard.WizardButton.CancelButton).replace("&", "") == "Cancelar"


def test_english_is_the_fallback_for_unknown_languages(qtbot: QtBot, translated, open_wizard) -> None:
    translated("xx")
    assert open_wizard("home").currentPage().title() == "Welcome to Switchover"


def test_pseudo_translation_keeps_placeholders_tags_and_mnemonics() -> None:
    text = pseudo("Scan &again in {machine} <b>now</b> %v")
    assert "{machine}" in text and "<b>" in text and "</b>" in text and "&a" in text and "%v" in text
    assert text != "Scan &again in {machine} <b>now</b> %v"
    assert len(text) > len("Scan &again in {machine} <b>now</b> %v") * 1.3
    assert pseudo("Found: {names}").format(names="x")  # still a valid format string


def test_stretched_strings_still_fit_every_page(qtbot: QtBot, translated, open_wizard) -> None:
    """With every string ~40% longer, no page needs a window wider than a small laptop screen."""
    translated("en", pseudo_on=True)
    wizard = open_wizard("home")
    assert wizard.currentPage().title().startswith("[")
    for stage in Stage:
        page = wizard.page(int(stage))
        assert page.minimumSizeHint().width() <= 1100, f"{stage.name} is too wide to fit"


def test_every_spanish_string_is_translated_and_compiled() -> None:
    import xml.etree.ElementTree as ET
    from importlib import resources

    folder = resources.files("resources.translations")
    source = folder.joinpath("switchover_es.ts").read_text(encoding="utf-8")
    messages = list(ET.fromstring(source).iter("message"))  # noqa: S314 - our own file
    unfinished = [m.findtext("source") for m in messages if m.find("translation").get("type") == "unfinished"]
    assert messages and unfinished == []
    assert folder.joinpath("switchover_es.qm").read_bytes()[:4] == b"\x3c\xb8\x64\x18"  # the .qm magic


def test_spanish_pages_show_spanish_text_from_core(qtbot: QtBot, translated, open_wizard) -> None:
    """The briefing, the suggestions' reasons and the checklist are core's texts, in the window's language."""
    from PySide6.QtWidgets import QCheckBox, QLabel

    from tests.gui.walk import next_, scan_to_found

    translated("es")
    wizard = open_wizard("home")
    scan_to_found(qtbot, wizard)
    next_(qtbot, wizard)
    ban = wizard.pages[Stage.BAN].text.toPlainText()
    assert "Qué decidió Estados Unidos" in ban and "de junio de 2024" in ban
    assert "What the United States decided" not in ban and "June" not in ban
    next_(qtbot, wizard)
    reasons = [wizard.pages[Stage.ALTERNATIVES].list.item(i).text() for i in range(2)]
    assert reasons[0].splitlines()[1].startswith("Gratis e integrado en Windows")
    next_(qtbot, wizard)
    prepare = wizard.pages[Stage.PREPARE]
    titles = [box.text() for box in prepare.findChildren(QCheckBox)]
    assert "Exporte sus contraseñas de Kaspersky Password Manager" in titles
    assert "Export your passwords from Kaspersky Password Manager" not in titles
    shown = " ".join(label.text() for label in prepare.findChildren(QLabel))
    assert "La bóveda está en este equipo" in shown and "Papelera de reciclaje" in shown
    assert wizard.session.plan is not None and wizard.session.plan.steps[-1].title.startswith("Quitar")


def test_pseudo_translation_stretches_core_text_too(qtbot: QtBot, translated, open_wizard) -> None:
    from tests.gui.walk import next_, scan_to_found

    translated("en", pseudo_on=True)
    wizard = open_wizard("home")
    scan_to_found(qtbot, wizard)
    next_(qtbot, wizard)
    assert wizard.pages[Stage.BAN].text.toPlainText().lstrip().startswith("[")
