"""Plain words first: every string a person sees on a main page is held against the details-only list.

Detail (legal citations, evidence, plan internals) lives behind "Why?" or the help-desk details;
those are closed while the pages are walked, so their text is not visible here.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QListWidget,
    QTextBrowser,
    QTreeWidget,
    QWidget,
    QWizard,
)
from pytestqt.qtbot import QtBot

from core.demo import DEMO_PASSWORD
from core.flow import Stage
from tests.gui.walk import TIMEOUT_MS, next_, remove, scan_to_found, stage

WORDS = [
    line.strip()
    for line in (Path(__file__).with_name("details_only_words.txt")).read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]
PATTERN = re.compile("|".join(rf"(?<!\w){re.escape(w)}(?!\w)" for w in WORDS), re.IGNORECASE)


def visible_texts(wizard: QWizard) -> list[str]:
    """Everything a person can read on the current page and the button row."""
    page = wizard.currentPage()
    texts = [page.title(), page.subTitle()]
    widgets = [w for w in page.findChildren(QWidget) if w.isVisible()]
    last = QWizard.WizardButton.CustomButton1.value
    buttons = [wizard.button(b) for b in QWizard.WizardButton if b.value <= last]
    widgets += [b for b in buttons if b is not None and b.isVisible()]
    for widget in widgets:
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QTextBrowser):
            texts.append(widget.toPlainText())
        elif isinstance(widget, QComboBox):
            texts.append(widget.currentText())
        elif isinstance(widget, QListWidget):
            texts += [widget.item(i).text() for i in range(widget.count()) if not widget.item(i).isHidden()]
        elif isinstance(widget, QTreeWidget):
            for i in range(widget.topLevelItemCount()):
                item = widget.topLevelItem(i)
                if not item.isHidden():
                    texts += [item.text(c) for c in range(widget.columnCount())]
    return [t.replace("&", "") for t in texts if t]


def jargon(wizard: QWizard) -> list[str]:
    texts = visible_texts(wizard)
    return sorted({f"{m.group(0)!r} in {t[:70]!r}" for t in texts for m in PATTERN.finditer(t)})


def test_the_list_catches_jargon() -> None:
    assert PATTERN.search("Remove it with Windows Installer")
    assert PATTERN.search("the Final Determination (89 FR 52434)")
    assert not PATTERN.search("Remove Kaspersky Premium")


def walk_and_read(qtbot: QtBot, wizard, password: str | None, seen: dict[str, list[str]], key: str) -> None:
    def read() -> None:
        found = jargon(wizard)
        if found:
            seen[f"{key} {stage(wizard).name}"] = found

    read()
    scan_to_found(qtbot, wizard)
    read()
    for _ in (Stage.BAN, Stage.ALTERNATIVES, Stage.PREPARE):
        next_(qtbot, wizard)
        read()
    prepare = wizard.pages[Stage.PREPARE]
    for box in prepare.boxes.values():
        box.setChecked(True)
    next_(qtbot, wizard)
    read()
    if password is not None:
        remove(qtbot, wizard, password="not-the-password", do_by_hand=False)
        read()
    remove(qtbot, wizard, password=password)
    read()
    qtbot.waitUntil(lambda: stage(wizard) is Stage.RESTART, timeout=TIMEOUT_MS)
    read()
    qtbot.mouseClick(wizard.pages[Stage.RESTART].restart_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: stage(wizard) is Stage.DONE, timeout=TIMEOUT_MS)
    read()


def test_main_pages_speak_plain_words(qtbot: QtBot, open_wizard) -> None:
    seen: dict[str, list[str]] = {}
    walk_and_read(qtbot, open_wizard("home"), None, seen, "home")
    walk_and_read(qtbot, open_wizard("office"), DEMO_PASSWORD, seen, "office")
    assert {page: found for page, found in seen.items()} == {}
