"""The technician view: open a collected bundle, see every detail, save the report; nothing removes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QPushButton, QWizard
from pytestqt.qtbot import QtBot

from core.helpdesk.collect import collect
from gui.technician import TechnicianWindow
from gui.workers import wait_for_workers
from tests.gui.conftest import errors_fail_tests, open_wizard  # noqa: F401 (the assistant's fixtures)
from tests.helpdesk.documents import HOSTILE
from tests.helpdesk.test_collect import _view, customer_pc


def _texts(window: TechnicianWindow) -> list[str]:
    found = []
    stack = [window.products.topLevelItem(i) for i in range(window.products.topLevelItemCount())]
    while stack:
        item = stack.pop()
        found += [item.text(c) for c in range(item.columnCount())]
        stack += [item.child(i) for i in range(item.childCount())]
    return found


def test_a_bundle_opens_shows_every_detail_and_saves_its_report(qtbot: QtBot, tmp_path: Path) -> None:
    collect(_view(customer_pc(tmp_path)), str(tmp_path / "pc-042.zip"), elevated=True, collector="test")
    window = TechnicianWindow()
    qtbot.addWidget(window)
    window.show()
    assert not window.save_action.isEnabled()
    window.open_path(str(tmp_path / "pc-042.zip"))
    qtbot.waitUntil(lambda: window.result is not None, timeout=20_000)
    assert "PC-042" in window.machine.text() and "Windows 10 Pro" in window.machine.text()
    texts = _texts(window)
    assert "Kaspersky Endpoint Security 10 для Windows" in texts and "10.2.2.10535" in texts
    assert "2021-06-15" in texts  # last signature update
    assert any(t.startswith("service: ") for t in texts) and any(t.startswith("vendor_key: ") for t in texts)
    assert window.plan.count() > 3
    assert window.save_action.isEnabled()
    window.save_report(str(tmp_path / "pc-042.html"))
    page = (tmp_path / "pc-042.html").read_text(encoding="utf-8")
    assert "PC-042" in page and "<table>" in page
    buttons = [b.text().replace("&", "").casefold() for b in window.findChildren(QPushButton)]
    menu = [a.text().replace("&", "").casefold() for a in window.menuBar().actions()[0].menu().actions()]
    assert not any("remove" in text for text in [*buttons, *menu])  # read-only: nothing removes
    qtbot.waitUntil(lambda: wait_for_workers(10))  # the thread ends once its quit is delivered


def test_a_damaged_bundle_says_why_and_shows_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    (tmp_path / "bad.zip").write_bytes(b"PK\x03\x04 damaged")
    window = TechnicianWindow()
    qtbot.addWidget(window)
    window.open_path(str(tmp_path / "bad.zip"))
    qtbot.waitUntil(lambda: window.worker is None, timeout=10_000)
    assert "Could not read it" in window.statusBar().currentMessage()
    assert window.result is None and not window.save_action.isEnabled()
    qtbot.waitUntil(lambda: wait_for_workers(10))  # the thread ends once its quit is delivered


def test_hostile_names_are_shown_as_text(qtbot: QtBot, tmp_path: Path) -> None:
    export = tmp_path / "hostile.reg"
    export.write_text(
        "Windows Registry Editor Version 5.00\r\n\r\n"
        "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\ComputerName\\ComputerName]\r\n"
        f'"ComputerName"="{HOSTILE.replace(chr(34), "")}"\r\n',
        encoding="utf-16",
    )
    window = TechnicianWindow()
    qtbot.addWidget(window)
    window.open_exports([str(export)])
    qtbot.waitUntil(lambda: window.result is not None, timeout=10_000)
    assert "<script>" in window.machine.text()  # plain text, not rich text
    qtbot.waitUntil(lambda: wait_for_workers(10))  # the thread ends once its quit is delivered


def test_the_assistant_opens_it_from_its_help_menu(open_wizard, qtbot: QtBot, monkeypatch) -> None:  # noqa: F811
    """For help desks, one click away under Help; not a button beside a home user's way forward."""
    monkeypatch.setattr(TechnicianWindow, "choose_bundle", lambda self: None)  # no file dialog in tests
    wizard = open_wizard()
    qtbot.waitUntil(lambda: wizard.technician_action is not None)
    assert wizard.technician_action in wizard.help_menu.actions()
    assert "Technician" in wizard.technician_action.text()
    assert not wizard.button(QWizard.WizardButton.CustomButton2).isVisible()
    wizard.technician_action.trigger()
    views = wizard.findChildren(TechnicianWindow)
    assert len(views) == 1 and views[0].isVisible()
