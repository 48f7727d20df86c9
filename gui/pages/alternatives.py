"""What comes next: the catalog's recommendations for this machine, with filters; opens the vendor's page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
)

from core.assistant.flow import Stage
from gui.pages.flow_page import FlowPage, button_row, push_button

if TYPE_CHECKING:
    from core.advice.catalog import Entry


class AlternativesPage(FlowPage):
    stage = Stage.ALTERNATIVES

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("What comes next"))
        self.setSubTitle(
            self.tr(
                "Protection to use instead. Switchover downloads nothing: it opens the vendor's own page."
            )
        )
        self.headline = self.bottom_line()
        filters = QHBoxLayout()
        segment_label = QLabel(self.tr("For &use at:"))
        self.segment = QComboBox()
        self.segment.addItem(self.tr("Home"), "home")
        self.segment.addItem(self.tr("Business"), "business")
        self.segment.setAccessibleName(self.tr("For use at"))
        segment_label.setBuddy(self.segment)
        filters.addWidget(segment_label)
        filters.addWidget(self.segment)
        self.needs: dict[str, QCheckBox] = {
            "free": QCheckBox(self.tr("&Free")),
            "vpn": QCheckBox(self.tr("&VPN")),
            "passwords": QCheckBox(self.tr("&Password manager")),
            "parental": QCheckBox(self.tr("Pa&rental controls")),
        }
        for box in self.needs.values():
            filters.addWidget(box)
            box.toggled.connect(self.render)
        filters.addStretch(1)
        self.body.addLayout(filters)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Recommended protection"))
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)  # with the spacing, sets one suggestion apart from the next
        self.list.setSpacing(4)
        self.body.addWidget(self.list, 1)
        self.count = self.paragraph(name=self.tr("Number of suggestions"))
        self.open_button = push_button(self.tr("&Open the vendor's page"), self.open_selected)
        # When this segment has nothing for the system but the other has: one click shows those.
        self.other_segment = push_button("", self.show_other_segment)
        button_row(self.body, self.open_button, self.other_segment)
        self.body.addStretch()  # holds the rows at the top while the list is hidden
        self.segment.currentIndexChanged.connect(self.render)
        self._catalog = None

    def enter(self) -> None:
        from core.advice.briefing import is_business

        scan = self.session.scan
        # A managed computer, or a business product (Endpoint Security): the business list first.
        business = scan is not None and any(p.managed or is_business(p) for p in scan.products)
        self.segment.blockSignals(True)
        self.segment.setCurrentIndex(self.segment.findData("business" if business else "home"))
        self.segment.blockSignals(False)
        self.render()

    def render(self) -> None:
        from core.advice.catalog import load_catalog
        from core.advice.recommend import covered, recommend
        from gui.translations import core_language

        if self._catalog is None:
            self._catalog = load_catalog()
        needs = {need for need, box in self.needs.items() if box.isChecked()}
        recommendations = recommend(
            self._catalog,
            self.session.scan,
            platform=self.session.machine.target.os,
            segment=self.segment.currentData(),
            needs=needs,
            language=core_language(),
        )
        self.list.clear()
        for rec in recommendations:
            item = QListWidgetItem(f"{rec.entry.name}\n{rec.reason}")
            item.setData(Qt.ItemDataRole.UserRole, rec.entry.official_url)
            item.setToolTip(rec.reason)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.count.setText(self.tr("%n suggestions match.", "", len(recommendations)))
        self.count.setVisible(bool(recommendations))  # an empty list is explained in the headline
        other = self.other_segment_entries(covered(self._catalog, self.session.machine.target.os))
        self.headline.setText(
            self.tr("Our first suggestion for this computer: {name}. You can choose another below.").format(
                name=recommendations[0].entry.name
            )
            if recommendations
            else self.nothing_listed(other, filtered=bool(needs))
        )
        self.open_button.setEnabled(bool(self.list.count()))
        self.open_button.setVisible(bool(self.list.count()))
        self.other_segment.setVisible(not recommendations and not needs and bool(other))
        self.other_segment.setText(
            self.tr("Show the &products for businesses")
            if self.segment.currentData() == "home"
            else self.tr("Show the &products for home use")
        )
        self.list.setVisible(bool(recommendations))  # an empty box says nothing: the headline explains

    def other_segment_entries(self, coverage: dict[str, tuple[Entry, ...]]) -> tuple[Entry, ...]:
        return next(
            (entries for segment, entries in coverage.items() if segment != self.segment.currentData()), ()
        )

    def nothing_listed(self, other: tuple[Entry, ...], *, filtered: bool) -> str:
        """Why the list is empty, in words: the filters, the other segment, or a system the list lacks;
        never an empty page (issue 13). Only what the catalog and the scan say."""
        from gui.pages.os_words import words_for

        if filtered:
            return self.tr("Nothing in our list matches these choices. Untick one to see more.")
        system = words_for(self.session.machine.target.os).name
        if other:
            names = ", ".join(entry.name for entry in other)
            if self.segment.currentData() == "home":
                return self.tr("For {system}, our list has only products for businesses: {names}.").format(
                    system=system, names=names
                )
            return self.tr("For {system}, our list has only products for home use: {names}.").format(
                system=system, names=names
            )
        scan = self.session.scan
        found = ", ".join(p.name for p in scan.other_security_software) if scan is not None else ""
        text = self.tr("Our list has no product for {system} yet.").format(system=system)
        if found:
            return (
                text
                + " "
                + self.tr("Security software Switchover found on this computer: {names}.").format(names=found)
            )
        return text + " " + self.tr("Switchover found no other security software on this computer.")

    def show_other_segment(self) -> None:
        other = "business" if self.segment.currentData() == "home" else "home"
        self.segment.setCurrentIndex(self.segment.findData(other))

    def open_selected(self) -> None:
        item = self.list.currentItem()
        if item is not None and item.data(Qt.ItemDataRole.UserRole):
            QDesktopServices.openUrl(QUrl(item.data(Qt.ItemDataRole.UserRole)))
