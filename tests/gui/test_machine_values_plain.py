"""Finding 16: a value read from the machine (a DisplayName anyone's installer can set) is shown as plain
text, never as Qt rich text: `<img>` or `<a href>` in a product's name stays those characters."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from core.assistant.flow import Stage
from tests.gui.walk import scan_to_found

HOSTILE = '<img src="file:///etc/passwd"><a href="https://example.invalid">Click to finish</a>'


def test_names_from_the_machine_are_plain_text_on_the_found_and_prepare_pages(
    qtbot: QtBot, open_wizard
) -> None:
    wizard = open_wizard("home")
    scan_to_found(qtbot, wizard)
    scan = wizard.session.scan
    other = scan.kaspersky[0].replace(name=HOSTILE, origin="other")
    wizard.session.scan = scan.replace(other_security_software=(other,))
    found = wizard.pages[Stage.FOUND]
    found.enter()
    assert found.others.textFormat() == Qt.TextFormat.PlainText
    assert HOSTILE in found.others.text()

    prepare = wizard.pages[Stage.PREPARE]
    prepare.enter()  # its warnings name the machine's products
    assert prepare.warnings.textFormat() == Qt.TextFormat.PlainText
