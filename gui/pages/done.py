"""Done: the result, large; what is still the person's to do (with a button for each); the report
and the help-desk summary behind "Why?"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QGroupBox, QPlainTextEdit, QPushButton, QVBoxLayout

from core.assistant.flow import Stage
from gui.pages.flow_page import FlowPage, button_row, push_button, wrapped
from gui.pages.os_words import words_for
from gui.pages.report_actions import ReportActions
from gui.pages.result import ResultBanner
from gui.report import summary_lines

if TYPE_CHECKING:
    from core.advice.catalog import Catalog
    from core.model import Product


class DonePage(FlowPage):
    stage = Stage.DONE

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Done"))
        self.setSubTitle(self.tr("Here is where this computer stands."))
        self.banner = ResultBanner()
        self.body.addWidget(self.banner)
        self.outcome = self.bottom_line()
        self.todo = QGroupBox(self.tr("Still for you to do"))
        todo_layout = QVBoxLayout(self.todo)
        self.todo_text = wrapped(name=self.tr("What is left for you"))
        todo_layout.addWidget(self.todo_text)
        self.apps_button = push_button("", self.open_installed_apps)
        self.todo_buttons = button_row(todo_layout, self.apps_button)
        # One per successor whose catalog entry has a sourced subscription page (none yet: data-driven).
        self.subscription_buttons: list[QPushButton] = []
        self.catalog: Catalog | None = None
        self.body.addWidget(self.todo)
        # the report first: an action for everyone, right under the result; the details below it
        self.report = ReportActions(lambda: self.session)
        self.body.addWidget(self.report)
        self.save_button, self.copy_button = self.report.save_button, self.report.copy_button
        self.details = self.why(self.tr("Summary"), self.tr("&Details for the help desk"))
        self.summary: QPlainTextEdit = QPlainTextEdit()
        self.summary.setReadOnly(True)
        self.summary.setAccessibleName(self.tr("Summary"))
        self.details.layout().replaceWidget(self.details.text, self.summary)
        self.details.text.deleteLater()
        self.details.text = self.summary  # type: ignore[assignment]
        self.summary.setVisible(False)
        self.body.addStretch(1)

    def enter(self) -> None:
        session = self.session
        verification = session.verification
        self.banner.setVisible(verification is not None)
        if verification is not None:
            self.banner.show_result(verification, session.machine.target.os)
        self.outcome.setText(self.outcome_text())
        reminders = self.reminders()
        self.todo.setVisible(bool(reminders))
        self.todo_text.setText("<br><br>".join(reminders))
        self.summary.setPlainText("\n".join(summary_lines(session)))
        self.report.reset()

    def outcome_text(self) -> str:
        session = self.session
        scan = session.scan
        if scan is not None and not scan.kaspersky:
            return self.tr("There was no Kaspersky program to remove from this computer.")
        verification = session.verification
        if verification is None:
            return self.tr("The removal did not finish. Nothing more will be changed.")
        if verification.status == "removed":
            return self.tr("Kaspersky has been removed from this computer.")
        if verification.status == "reboot_needed":
            return self.tr(
                "Kaspersky is removed. Restart the computer to finish; Switchover checks again after."
            )
        return self.tr(
            "Part of Kaspersky is still on this computer. Nothing more will be changed. Save the report "
            "below and give it to whoever helps you."
        )

    def reminders(self) -> list[str]:
        """What only the person can do, each in two or three plain steps (from the plan's own steps)."""
        session = self.session
        scan = session.scan
        words = words_for(session.machine.target.os)
        items: list[str] = []
        successors = list(scan.successors) if scan is not None else []
        for product in successors:
            items.append(
                self.tr(
                    "<b>Stop paying for {product}.</b> Removing a program does not stop its subscription. "
                    "Sign in to the account the subscription belongs to and cancel the renewal there; then "
                    "check your card statement for further charges."
                ).format(product=product.name)
            )
        self.offer_subscription_pages(successors)
        plan = session.plan
        if plan is not None and any(step.id.startswith("rescue:passwords") for step in plan.steps):
            items.append(words.say(words.delete_export))
        left = (
            session.verification.scan.successors
            if session.verification is not None
            else scan.successors
            if scan
            else ()
        )
        if words.apps_button:
            self.apps_button.setText(words.say(words.apps_button))
        # a successor still installed: remove it from the system's list, where there is one to open
        self.apps_button.setVisible(bool(left) and words.apps_url is not None)
        return items

    def offer_subscription_pages(self, successors: list[Product]) -> None:
        """A button to each successor's subscription page, where the catalog has a sourced one."""
        from core.advice.catalog import load_catalog

        for button in self.subscription_buttons:
            self.todo_buttons.removeWidget(button)
            button.deleteLater()
        self.subscription_buttons = []
        if not successors:
            return
        self.catalog = self.catalog or load_catalog()
        pages = {e.id: e.subscription_url for e in self.catalog.entries if e.subscription_url}
        for product in successors:
            url = pages.get(product.family)
            if url:
                button = push_button(
                    self.tr("Open the {product} &subscription page").format(product=product.name),
                    lambda url=url: QDesktopServices.openUrl(QUrl(url)),
                )
                button.setToolTip(url)
                self.todo_buttons.insertWidget(len(self.subscription_buttons), button)
                button.setVisible(True)  # added to a page already shown
                self.subscription_buttons.append(button)

    def open_installed_apps(self) -> None:
        url = words_for(self.session.machine.target.os).apps_url
        if url:
            QDesktopServices.openUrl(QUrl(url))

    def save_report(self, path: str | None = None) -> None:
        self.report.save(path)
