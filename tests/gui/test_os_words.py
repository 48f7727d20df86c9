"""Every page speaks of the system being migrated: no "Windows Security" on Linux, counts in the right
plural, a list that is never a blank page, the help-desk report where a failure is told, and the
subscription page only where a source gives one (issue 13's trial on a real Linux machine).

The Linux machine is a temporary root with a real dpkg database and real .deb test doubles, scanned by
the real adapters; the result is the real `verify` over it.
"""

from __future__ import annotations

import copy
import json
import subprocess
from importlib import resources
from pathlib import Path

import pytest
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from core.assistant.demo import DEMO_PASSWORD
from core.assistant.flow import Stage
from core.assistant.session import Machine
from core.model import Target
from core.removal.verify import probe_protection, verify
from gui.pages.result import ResultBanner
from gui.translations import install_translators
from tests.gui.test_pages import OpenedUrls
from tests.gui.test_plain_words import PATTERN, visible_texts
from tests.gui.test_ten_clicks import Person
from tests.gui.walk import TIMEOUT_MS, next_, remove, scan_to_found, stage, to_remove
from tests.linux.packages import build_deb as build_other_deb
from tests.removal.dpkg_root import build_deb, install, machine_on, make_root
from tests.wine_support import require

WINDOWS_ONLY = ("Windows", "Defender", "Recycle Bin")


def linux_root(tmp_path: Path, *, clamav: bool = False, kesl: bool = True) -> Path:
    root = make_root(tmp_path / "root")
    if kesl:
        install(root, build_deb(tmp_path, "kesl"))
    if clamav:
        deb = build_other_deb(tmp_path, "clamav", "1.0.7", {"/usr/bin/clamscan": "test double\n"})
        install(root, deb)
    return root


def linux_machine(tmp_path: Path, root: Path) -> Machine:
    return machine_on(root, tmp_path)


def windows_words(texts: list[str]) -> list[str]:
    return [t for t in texts if any(word in t for word in WINDOWS_ONLY)]


def test_linux_found_page_names_the_product_and_no_windows(
    qtbot: QtBot, open_wizard, tmp_path, english
) -> None:
    wizard = open_wizard(machine=linux_machine(tmp_path, linux_root(tmp_path)))
    scan_to_found(qtbot, wizard)
    found = wizard.pages[Stage.FOUND]
    [product] = wizard.session.scan.products
    assert product.name in found.products.toPlainText()  # the product's name, as the scan gives it
    assert found.others.text() == "No other security software was found on this computer."
    assert found.summary.text() == "We found 1 program; here is what it does."  # one, not "1 programs"
    assert windows_words(visible_texts(wizard)) == []


def test_linux_alternatives_say_what_the_list_has(qtbot: QtBot, open_wizard, tmp_path) -> None:
    """The catalog has no home product for Linux: the page says so and shows the business ones."""
    wizard = open_wizard(machine=linux_machine(tmp_path, linux_root(tmp_path)))
    scan_to_found(qtbot, wizard)
    next_(qtbot, wizard)
    next_(qtbot, wizard)
    assert stage(wizard) is Stage.ALTERNATIVES
    page = wizard.pages[Stage.ALTERNATIVES]
    assert page.segment.currentData() == "business"  # Endpoint Security: the business list first
    assert page.list.count() > 0 and page.headline.text().startswith("Our first suggestion")
    page.segment.setCurrentIndex(page.segment.findData("home"))  # a person who wants one for home
    assert page.list.count() == 0 and not page.list.isVisible()
    headline = page.headline.text()
    assert headline.startswith("For Linux, our list has only products for businesses:")
    assert "SentinelOne" in headline and "Nothing in our list matches" not in headline
    assert not page.open_button.isVisible()
    assert page.other_segment.isVisible() and page.other_segment.text() == "Show the &products for businesses"
    page.other_segment.click()
    assert page.segment.currentData() == "business" and page.list.count() > 0
    assert page.count.text() == f"{page.list.count()} suggestions match."  # more than one here
    assert all("linux" in page._catalog.entry(e).platforms for e in entry_ids(page))
    assert windows_words(visible_texts(wizard)) == []


def entry_ids(page) -> list[str]:
    catalog = page._catalog
    by_url = {e.official_url: e.id for e in catalog.entries}
    return [by_url[page.list.item(i).data(256)] for i in range(page.list.count())]  # Qt.UserRole


def removed(root: Path) -> None:
    subprocess.run(["/usr/bin/dpkg", "--root", str(root), "--purge", "kesl"], check=True, capture_output=True)


def banner_texts(banner: ResultBanner) -> list[str]:
    texts = [banner.headline.text(), banner.detail.text()]
    return texts + ([banner.security_button.text()] if banner.security_button.isVisibleTo(banner) else [])


def test_linux_result_says_what_the_check_saw(qtbot: QtBot, tmp_path) -> None:
    root = linux_root(tmp_path)
    removed(root)
    verification = verify(Target(os="linux", live=False, root=str(root)), protection=probe_protection)
    assert verification.status == "removed" and not verification.protection.active
    banner = ResultBanner()
    qtbot.addWidget(banner)
    banner.show_result(verification, "linux")
    assert banner.headline.text() == "⚠ No security software found"
    assert banner.detail.text() == (
        "Kaspersky is gone. Switchover found no other security software on this computer."
    )
    assert not banner.security_button.isVisibleTo(banner)  # nothing real to open on Linux
    assert windows_words(banner_texts(banner)) == []


def test_linux_result_names_installed_security_software_without_claiming_it_works(
    qtbot: QtBot, tmp_path
) -> None:
    root = linux_root(tmp_path, clamav=True)
    removed(root)
    verification = verify(Target(os="linux", live=False, root=str(root)), protection=probe_protection)
    [clamav] = [p.name for p in verification.scan.other_security_software]  # ClamAV, as the scan names it
    banner = ResultBanner()
    qtbot.addWidget(banner)
    banner.show_result(verification, "linux")
    assert banner.headline.text() == f"Security software found: {clamav}"
    assert "cannot check whether it is switched on" in banner.detail.text()
    assert "✓" not in banner.headline.text() and not banner.shield.good
    assert windows_words(banner_texts(banner)) == []


def test_windows_keeps_its_own_words_and_button(qtbot: QtBot, tmp_path) -> None:
    root = linux_root(tmp_path)
    removed(root)
    verification = verify(Target(os="linux", live=False, root=str(root)), protection=probe_protection)
    banner = ResultBanner()
    qtbot.addWidget(banner)
    banner.show_result(verification, "windows")
    assert banner.headline.text() == "⚠ Not protected yet"
    assert "Microsoft Defender" in banner.detail.text()
    assert banner.security_button.isVisibleTo(banner) and "Windows Security" in banner.security_button.text()


def translated(qapp: QApplication, monkeypatch: pytest.MonkeyPatch, language: str):
    """The translators the app installs at start-up (gui/app.py), for `language`."""
    monkeypatch.setenv("SWITCHOVER_LANG", language)
    installed = install_translators(qapp)
    yield
    for translator in installed:
        qapp.removeTranslator(translator)


@pytest.fixture
def english(qapp: QApplication, monkeypatch: pytest.MonkeyPatch):
    yield from translated(qapp, monkeypatch, "en")


@pytest.fixture
def spanish(qapp: QApplication, monkeypatch: pytest.MonkeyPatch):
    yield from translated(qapp, monkeypatch, "es")


def test_counts_use_plural_forms_in_spanish_too(qtbot: QtBot, open_wizard, tmp_path, spanish) -> None:
    wizard = open_wizard(machine=linux_machine(tmp_path, linux_root(tmp_path)))
    scan_to_found(qtbot, wizard)
    found = wizard.pages[Stage.FOUND]
    assert found.summary.text() == "Encontramos 1 programa; esto es lo que hace."
    assert found.others.text() == "No se encontró otro software de seguridad en este equipo."
    assert found.tr("We found %n programs; here is what each one does.", "", 2) == (
        "Encontramos 2 programas; esto es lo que hace cada uno."
    )
    qtbot.waitUntil(lambda: wizard.technician_action is not None)
    assert wizard.technician_action.text() == "Vista de &técnico…"  # was English


def test_after_a_failure_verify_says_where_things_stand_and_offers_the_report(
    qtbot: QtBot, open_wizard, tmp_path
) -> None:
    wizard = open_wizard("office")
    scan_to_found(qtbot, wizard)
    to_remove(qtbot, wizard)
    assert remove(qtbot, wizard, password="not-the-password", do_by_hand=False) == "cancelled"
    next_(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.session.verification is not None, timeout=TIMEOUT_MS)
    page = wizard.pages[Stage.VERIFY]
    assert stage(wizard) is Stage.VERIFY and wizard.session.verification.status == "failed"
    assert page.next_steps.isVisible()
    assert "Nothing more will be changed" in page.protection.text()  # the state it is in
    assert page.next_text.text().startswith("Save the report and give it to whoever helps you")
    assert page.report.save_button.isVisible() and page.report.copy_button.isVisible()
    path = tmp_path / "report.json"
    page.report.save(str(path))
    assert json.loads(path.read_text(encoding="utf-8"))["verification"]["status"] == "failed"
    assert page.report.status.text().startswith("✓ Report saved")


def test_a_clean_result_does_not_offer_the_failure_help(qtbot: QtBot, open_wizard) -> None:
    from tests.gui.test_ten_clicks import walk

    wizard = open_wizard("office")
    walk(qtbot, wizard, DEMO_PASSWORD)
    assert not wizard.pages[Stage.VERIFY].next_steps.isVisibleTo(wizard.pages[Stage.VERIFY])


def catalog_with_subscription_page(url: str):
    from core.advice.catalog import catalog_from_json

    data = json.loads(resources.files("resources.catalog").joinpath("catalog.json").read_text("utf-8"))
    data = copy.deepcopy(data)
    data["sources"]["test-subscription-page"] = {
        "url": url, "title": "test source", "kind": "primary", "date": "2026-12-01"
    }  # fmt: skip
    entry = next(e for e in data["entries"] if e["id"] == "ultraav")
    entry["subscription_url"] = url
    entry["evidence"]["subscription_url"] = "test-subscription-page"
    return catalog_from_json(data, version=0, origin="test")


def test_the_subscription_button_comes_from_the_data(qtbot: QtBot, open_wizard) -> None:
    """No source gives UltraAV's subscription page yet: no button, plain steps. A sourced URL in the
    catalog brings the button, which opens it."""
    from tests.gui.test_ten_clicks import walk

    wizard = open_wizard("home")
    walk(qtbot, wizard)
    done = wizard.pages[Stage.DONE]
    assert "Stop paying for UltraAV" in done.todo_text.text()
    assert done.subscription_buttons == []
    url = "https://subscription.example.invalid/cancel"
    done.catalog = catalog_with_subscription_page(url)
    done.enter()
    [button] = done.subscription_buttons
    assert button.isVisible() and "UltraAV" in button.text()
    opened = OpenedUrls()
    QDesktopServices.setUrlHandler("https", opened, "open")
    try:
        button.click()
    finally:
        QDesktopServices.unsetUrlHandler("https")
    assert opened.urls == [url]


class ReadingPerson(Person):
    """A person who reads every page before each click: what they read is kept by page."""

    def __init__(self, qtbot: QtBot, wizard) -> None:
        super().__init__(qtbot, wizard)
        self.read: dict[str, list[str]] = {}

    def click(self, button) -> None:
        self.read.setdefault(stage(self.wizard).name, []).extend(visible_texts(self.wizard))
        super().click(button)


def test_a_linux_home_user_walks_to_done_in_linux_words(qtbot: QtBot, open_wizard, tmp_path, english) -> None:
    """Kaspersky's package removed by the plan's own dpkg; the rescan shows nothing left, so the clean-up
    is skipped, never put to the person (who would answer "I have done this": the step would be done)."""
    wizard = open_wizard(machine=linux_machine(tmp_path, linux_root(tmp_path)))
    person = ReadingPerson(qtbot, wizard)
    person.get_to_done()
    person.read["DONE"] = visible_texts(wizard)
    assert len(person.actions) <= 10, person.actions
    assert not any("I have done this" in action for action in person.actions)
    report = wizard.session.removal.report
    [clean_up] = [s for s in report.steps if s.step_id == "finish:leftovers"]
    assert clean_up.status == "skipped" and "no leftovers" in clean_up.message
    remove_page = wizard.pages[Stage.REMOVE]
    assert remove_page.items["finish:leftovers"].text(1) == "– Not needed"
    assert (
        remove_page.progress.text()
        == f"{remove_page.progress.value()} of {remove_page.progress.maximum()} steps"
    )
    remove_page.set_total(1)
    remove_page.progress.setValue(1)
    assert remove_page.progress.text() == "1 of 1 step"
    said = {page: windows_words(texts) for page, texts in person.read.items()}
    assert {page: words for page, words in said.items() if words} == {}
    jargon = {
        page: [m.group(0) for t in texts for m in PATTERN.finditer(t)] for page, texts in person.read.items()
    }
    assert {page: words for page, words in jargon.items() if words} == {}
    assert set(person.read) >= {"FOUND", "ALTERNATIVES", "VERIFY", "DONE"}


def test_a_leftover_is_still_put_to_the_person_in_linux_words(
    qtbot: QtBot, open_wizard, tmp_path, english
) -> None:
    root = linux_root(tmp_path)
    (root / "opt/kaspersky/kesl/extra.log").write_text("not the package's\n", encoding="utf-8")
    wizard = open_wizard(machine=linux_machine(tmp_path, root))
    person = ReadingPerson(qtbot, wizard)
    person.get_to_done()
    assert "REMOVE: click I have done this" in person.actions
    [turn] = {t for t in person.read["REMOVE"] if "I have done this" in t and t.startswith("<b>")}
    assert "Still on this computer:" in turn and "/opt/kaspersky" in turn  # named by the rescan, then
    assert "Delete what is listed above" in turn
    assert "/opt/kaspersky/kesl" not in turn  # inside /opt/kaspersky, which is listed: named once
    assert wizard.pages[Stage.REMOVE].items["finish:verify"].text(1) == "→ On the next page"
    # "done" without doing it: the check still says what is left
    left = len(wizard.session.verification.leftovers)
    assert left and f"{left} leftover item" in wizard.pages[Stage.VERIFY].result.text()
    assert windows_words(person.read["REMOVE"]) == []  # no "Open Windows' installed apps" on Linux


def failing_kesl(folder: Path) -> Path:
    """A kesl test double whose removal script refuses: dpkg's removal fails, as a real one can."""
    tree = folder / "kesl-fails"
    (tree / "DEBIAN").mkdir(parents=True)
    (tree / "DEBIAN/control").write_text(
        "Package: kesl\nVersion: 12.1.0\nArchitecture: all\n"
        "Maintainer: AO Kaspersky Lab <support@example.invalid>\nDescription: Switchover test double\n",
        encoding="utf-8",
    )
    prerm = tree / "DEBIAN/prerm"
    prerm.write_text("#!/bin/sh\nexit 1\n", encoding="utf-8")
    prerm.chmod(0o755)
    deb = folder / "kesl-fails.deb"
    subprocess.run(
        [require("dpkg-deb"), "--build", "--root-owner-group", str(tree), str(deb)],
        check=True,
        capture_output=True,
    )
    return deb


def test_a_failed_removal_on_linux_is_told_plainly(qtbot: QtBot, open_wizard, tmp_path, english) -> None:
    root = make_root(tmp_path / "root")
    install(root, failing_kesl(tmp_path))
    wizard = open_wizard(machine=linux_machine(tmp_path, root))
    person = ReadingPerson(qtbot, wizard)
    scan_to_found(qtbot, wizard)
    to_remove(qtbot, wizard)
    assert remove(qtbot, wizard) == "failed"
    page = wizard.pages[Stage.REMOVE]
    assert page.status.text().startswith(
        "The removal did not finish: “Remove Kaspersky Endpoint Security for Linux” did not work"
    )
    assert "password" not in page.status.text() and "dpkg" not in page.status.text()
    assert "exit code 1" in page.status.toolTip()  # the program's own words, for the help desk
    assert page.items["finish:leftovers"].text(1) == "– Did not start"
    assert page.progress.value() == 3  # the three things saved; nothing removed, nothing after it
    next_(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.session.verification is not None, timeout=TIMEOUT_MS)
    verify_page = wizard.pages[Stage.VERIFY]
    assert verify_page.banner.headline.text() == "⚠ Kaspersky is still on this computer"
    assert verify_page.next_steps.isVisible() and verify_page.report.save_button.isVisible()
    person.read["VERIFY"] = visible_texts(wizard)
    assert windows_words(person.read["VERIFY"]) == []


def test_macos_says_only_what_a_source_supports(qtbot: QtBot, tmp_path) -> None:
    """No source in the repository or the research describes macOS's own protection (XProtect): the Mac's
    words name what the rescan found and offer no button."""
    from gui.pages.os_words import WORDS

    root = linux_root(tmp_path, kesl=False)
    verification = verify(Target(os="linux", live=False, root=str(root)), protection=probe_protection)
    banner = ResultBanner()
    qtbot.addWidget(banner)
    banner.show_result(verification, "macos")
    assert banner.headline.text() == "⚠ No security software found"
    assert banner.detail.text().endswith("no other security software on this Mac.")
    assert not banner.security_button.isVisibleTo(banner)
    mac = WORDS["macos"]
    texts = [
        getattr(mac, f) for f in ("unprotected", "unchecked_found", "nothing_else_found", "by_hand_steps")
    ]
    assert not any("XProtect" in t or "Windows" in t for t in texts)
    assert mac.security_url is None and mac.apps_url is None
