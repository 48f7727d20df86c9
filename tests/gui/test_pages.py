"""What individual pages offer: the help-desk details, the briefing's sources, the vendor's page."""

from __future__ import annotations

import json

from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from core.flow import Stage
from tests.gui.walk import next_, scan_to_found, stage


class OpenedUrls(QObject):
    """Stands in for the browser: QDesktopServices hands https links to it."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url.toString())


def test_help_desk_details_show_every_piece_of_evidence(qtbot: QtBot, open_wizard) -> None:
    wizard = open_wizard("office")
    scan_to_found(qtbot, wizard)
    found = wizard.pages[Stage.FOUND]
    found.details_button.click()
    dialog = found.details
    qtbot.waitUntil(dialog.isVisible)
    document = json.loads(dialog.text.toPlainText())
    evidence = [e for p in document["products"] for e in p["evidence"]]
    assert len(evidence) == sum(len(p.evidence) for p in wizard.session.scan.products)
    assert any(e["name"] == "klnagent" for e in evidence)
    copy = next(b for b in dialog.findChildren(type(found.details_button)) if "Copy" in b.text())
    copy.click()
    assert json.loads(QGuiApplication.clipboard().text()) == document
    dialog.close()


def test_briefing_sources_are_links_and_the_us_answer_tailors_it(qtbot: QtBot, open_wizard) -> None:
    wizard = open_wizard("home")
    scan_to_found(qtbot, wizard)
    next_(qtbot, wizard)
    ban = wizard.pages[Stage.BAN]
    assert ban.text.openExternalLinks()
    assert 'href="https://' in ban.text.toHtml()
    ban.us_person.setCurrentIndex(ban.us_person.findData(True))
    us_text = ban.text.toPlainText()
    ban.us_person.setCurrentIndex(ban.us_person.findData(False))
    assert wizard.session.us_person is False
    assert ban.text.toPlainText() != us_text


def test_alternatives_open_the_vendors_page(qtbot: QtBot, open_wizard) -> None:
    opened = OpenedUrls()
    QDesktopServices.setUrlHandler("https", opened, "open")
    try:
        wizard = open_wizard("home")
        scan_to_found(qtbot, wizard)
        next_(qtbot, wizard)
        next_(qtbot, wizard)
        assert stage(wizard) is Stage.ALTERNATIVES
        page = wizard.pages[Stage.ALTERNATIVES]
        assert page.list.count() > 0
        assert any("Defender" in page.list.item(i).text() for i in range(page.list.count()))
        page.list.setCurrentRow(0)
        page.open_button.click()
        assert opened.urls and opened.urls[0].startswith("https://")
        everything = page.list.count()
        page.needs["vpn"].setChecked(True)
        assert page.list.count() <= everything
    finally:
        QDesktopServices.unsetUrlHandler("https")


def test_prepare_gates_next_until_every_box_is_ticked(qtbot: QtBot, open_wizard) -> None:
    wizard = open_wizard("home")
    scan_to_found(qtbot, wizard)
    for _ in range(3):
        next_(qtbot, wizard)
    prepare = wizard.pages[Stage.PREPARE]
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    boxes = list(prepare.boxes.values())
    assert any("Password Manager" in b.text() for b in boxes)  # the vault is exported first
    for box in boxes[:-1]:
        box.setChecked(True)
    assert not next_button.isEnabled()
    boxes[-1].setChecked(True)
    assert next_button.isEnabled()


def test_prepare_opens_the_password_manager_for_its_export(qtbot: QtBot, open_wizard) -> None:
    wizard = open_wizard("home")
    scan_to_found(qtbot, wizard)
    for _ in range(3):
        next_(qtbot, wizard)
    prepare = wizard.pages[Stage.PREPARE]
    [(step_id, opener)] = prepare.open_buttons.items()
    assert step_id.startswith("rescue:passwords") and "Kaspersky Password Manager" in opener.text()
    opener.click()
    assert "kpm.exe" in prepare.opened.text()  # the program the scan saw running, not a typed path
    assert not prepare.isComplete()  # opening it is not exporting: the person still ticks it
