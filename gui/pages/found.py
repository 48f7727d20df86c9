"""What we found: a bottom line (how stale Kaspersky is), each product in plain words, and a help-desk
view with every piece of evidence."""

from __future__ import annotations

import html
import json
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from core.assistant.flow import Stage
from gui.pages.flow_page import FlowPage

if TYPE_CHECKING:
    from core.model import Product, ScanResult


class FoundPage(FlowPage):
    stage = Stage.FOUND

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("What we found"))
        self.setSubTitle(self.tr("Each product in plain words. The help desk can see every detail."))
        self.headline = self.bottom_line()
        self.summary = self.paragraph(name=self.tr("Scan summary"))
        # Rich text rather than a table: long descriptions wrap at any width, scale and translation.
        self.products = QTextBrowser()
        self.products.setAccessibleName(self.tr("Products found"))
        self.body.addWidget(self.products, 1)
        self.managed = self.paragraph(name=self.tr("Management note"))
        self.others = self.paragraph(name=self.tr("Other security software"))
        self.others.setTextFormat(Qt.TextFormat.PlainText)  # product names come from the machine
        row = QHBoxLayout()
        self.details_button = QPushButton(self.tr("&Details for help desk…"))
        self.details_button.clicked.connect(self.show_details)
        row.addWidget(self.details_button)
        row.addStretch(1)
        self.demo_buttons: list[QPushButton] = []
        for key, label in (
            ("home", self.tr("Try the demo: &home PC")),
            ("office", self.tr("Try the demo: &office PC")),
        ):
            button = QPushButton(label)
            button.clicked.connect(lambda _=False, key=key: self.switchover().open_demo(key))
            row.addWidget(button)
            self.demo_buttons.append(button)
        self.body.addLayout(row)

    def enter(self) -> None:
        scan = self.session.require_scan()
        self.headline.setText(self.headline_text(scan))
        rows = []
        for product in (*scan.products, *scan.leftovers):
            version = self.tr("version {version}").format(version=product.version or self.tr("unknown"))
            rows.append(
                f"<p><b>{html.escape(product.name)}</b>, {html.escape(version)}<br>"
                f"{html.escape(self.describe(product))}</p>"
            )
        self.products.setHtml("".join(rows))
        self.products.setVisible(scan.found_anything)
        self.summary.setText(self.summarise(scan))
        managed = any(p.managed for p in scan.products)
        self.managed.setVisible(managed)
        self.managed.setText(
            self.tr(
                "This computer is managed by your organisation's IT team through Kaspersky Security Center. "
                "Talk to them before removing anything: they may hold the uninstall password, and their "
                "console may reinstall what is removed."
            )
        )
        from gui.pages.os_words import words_for

        words = words_for(self.session.machine.target.os)
        others = ", ".join(p.name for p in scan.other_security_software)
        # Said even when there is none: nobody is left unprotected without being told.
        self.others.setText(
            self.tr("Other security software on this computer: {names}.").format(names=others)
            if others
            else words.say(words.nothing_else_found)
            if scan.kaspersky
            else ""
        )
        self.others.setVisible(bool(self.others.text()))
        offer_demo = not scan.kaspersky and self.session.machine.demo is None
        for button in self.demo_buttons:
            button.setVisible(offer_demo)

    def headline_text(self, scan: ScanResult) -> str:
        """The one line a person must read: how long Kaspersky has gone without updates (from the scan)."""
        from datetime import date

        from core.advice.facts import load_texts
        from gui.translations import core_language

        if not scan.kaspersky:
            if scan.found_anything:
                return self.tr("No Kaspersky program is installed, but something it left needs a look.")
            return self.tr("Good news: there is no Kaspersky software on this computer.")
        dates = []
        for product in scan.kaspersky:
            try:
                dates.append(date.fromisoformat(str(product.state.get("last_signature_update", ""))[:10]))
            except ValueError:
                continue
        if not dates:
            return self.tr("Kaspersky is on this computer. Switchover can replace it, step by step.")
        latest = max(dates)
        texts = load_texts(core_language())
        return self.tr("Your Kaspersky has had no updates for {days}: its last one was on {date}.").format(
            days=texts.count("days", (date.today() - latest).days), date=texts.format_date(latest.isoformat())
        )

    def summarise(self, scan: ScanResult) -> str:
        if scan.kaspersky:
            listed = len(scan.products) + len(scan.leftovers)
            return self.tr("We found %n programs; here is what each one does.", "", listed)
        if scan.found_anything:
            return self.tr(
                "No Kaspersky product is installed. We found the software below: UltraAV, which replaced "
                "Kaspersky for US customers, or pieces that a Kaspersky removal left behind."
            )
        return self.tr(
            "Good news: no Kaspersky software was found on this computer. There is nothing to remove. "
            "You can still read what the ban means and look at other protection, or try the demo."
        )

    def describe(self, product: Product) -> str:
        """What the product does on this computer, in plain words (from its category and state)."""
        if product.leftover:
            return self.tr("Pieces left behind by an earlier removal (%n items).", "", len(product.evidence))
        roles = {
            "consumer_suite": self.tr("Protects this computer against viruses and online threats."),
            "endpoint_security": self.tr("Your organisation's antivirus on this computer."),
            "management_agent": self.tr("Lets your IT team manage Kaspersky on this computer remotely."),
            "password_manager": self.tr("Keeps your saved passwords. Export them before removing it."),
            "vpn": self.tr("Encrypts your internet connection (VPN)."),
            "shared_component": self.tr("Parts shared by several Kaspersky programs."),
        }
        text = roles.get(
            product.category, self.tr("Kaspersky software ({family}).").format(family=product.family_name)
        )
        if product.origin == "successor":
            text = self.tr("Installed in place of Kaspersky for US customers in September 2024.")
        updated = product.state.get("last_signature_update")
        if updated:
            from core.advice.facts import load_texts
            from gui.translations import core_language

            text += " " + self.tr("Virus definitions last updated on {date}.").format(
                date=load_texts(core_language()).format_date(str(updated)[:10])
            )
        return text

    def show_details(self) -> None:
        scan = self.session.scan
        if scan is not None:
            self.details = EvidenceDialog(scan, self)
            self.details.open()


class EvidenceDialog(QDialog):
    """Every piece of evidence, as the help desk needs it, copyable in one click."""

    def __init__(self, scan: ScanResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Details for help desk"))
        self.resize(720, 480)
        from gui.theme import fit_to_screen

        fit_to_screen(self)
        layout = QVBoxLayout(self)
        self.text = QPlainTextEdit(json.dumps(scan.to_json(), indent=2, ensure_ascii=False))
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("Scan details"))
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton(self.tr("&Copy details"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.text.toPlainText()))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
