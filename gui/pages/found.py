"""What we found: each product in plain words, and a help-desk view with every piece of evidence."""

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

from core.flow import Stage
from gui.pages.flow_page import FlowPage

if TYPE_CHECKING:
    from core.model import Product, ScanResult


class FoundPage(FlowPage):
    stage = Stage.FOUND

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("What we found"))
        self.setSubTitle(self.tr("Each product in plain words. The help desk can see every detail."))
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
        others = ", ".join(p.name for p in scan.other_security_software)
        # Said even when there is none: nobody is left unprotected without being told.
        self.others.setText(
            self.tr("Other security software on this computer: {names}.").format(names=others)
            if others
            else self.tr("No other security software was found on this computer: see What comes next.")
        )
        offer_demo = not scan.kaspersky and self.session.machine.demo is None
        for button in self.demo_buttons:
            button.setVisible(offer_demo)

    def summarise(self, scan: ScanResult) -> str:
        if scan.kaspersky:
            return self.tr("Kaspersky software is installed on this computer ({count} products).").format(
                count=len(scan.kaspersky)
            )
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
            return self.tr("Pieces left behind by an earlier removal ({count} items).").format(
                count=len(product.evidence)
            )
        roles = {
            "consumer_suite": self.tr("Protects this computer against viruses and online threats."),
            "endpoint_security": self.tr("Your organisation's antivirus on this computer."),
            "management_agent": self.tr("Lets your IT team manage Kaspersky on this computer remotely."),
            "password_manager": self.tr("Keeps your saved passwords. Export them before removing it."),
            "vpn": self.tr("Encrypts your internet connection (VPN)."),
            "shared_component": self.tr("Drivers and services shared by Kaspersky products."),
        }
        text = roles.get(
            product.category, self.tr("Kaspersky software ({family}).").format(family=product.family_name)
        )
        if product.origin == "successor":
            text = self.tr("Installed in place of Kaspersky for US customers in September 2024.")
        updated = product.state.get("last_signature_update")
        if updated:
            text += " " + self.tr("Virus definitions last updated on {date}.").format(date=updated)
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
