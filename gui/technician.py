"""The technician view: another machine's data (a collected bundle, registry exports, a mounted
Windows disk) opened with File → Open, every detail shown, the report saved. It only reads: nothing
can be removed from here (removal runs on the PC itself, `switchover remove`).

The scan runs on a worker thread (gui.workers); what is shown comes from core's documents
(`ScanResult.to_json`, `core.helpdesk.report`), never re-derived here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QListWidget,
    QMainWindow,
    QMenu,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from core.helpdesk.report import html_report, report_facts, ticket_text
from core.model import ScanResult, Target
from gui.pyside_fixes import emit
from gui.workers import Worker, start

log = logging.getLogger(__name__)


class OfflineScanWorker(Worker):
    """Reads the bundle or exports (unpacking and checking a zip takes a while) and scans them.

    Its session is made here, off the GUI thread, once the target is known; it is only ever
    asked to scan (core refuses to remove from offline data in any case).
    """

    finished = Signal(ScanResult)

    def __init__(self, make_target: Callable[[], Target]) -> None:
        super().__init__(None)  # type: ignore[arg-type]  # the session comes in work()
        self._make_target = make_target

    def work(self) -> None:
        from core.assistant.session import RemovalSession, this_machine

        self.session = RemovalSession(this_machine(self._make_target()))
        emit(self.finished, self.session.scan(self.cancel_event))


def bundle_target(path: str) -> Target:
    from core.helpdesk.bundle import open_bundle

    bundle = open_bundle(path)
    return Target(
        os="windows", live=False, registry_exports=bundle.exports, bundle=path, hostname=bundle.hostname
    )


class TechnicianWindow(QMainWindow):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("technician")
        self.setWindowTitle(self.tr("Switchover — technician view"))
        self.result: ScanResult | None = None
        self.worker: Worker | None = None
        self._menus()
        body = QWidget()
        layout = QVBoxLayout(body)
        self.machine = QLabel(
            self.tr("Open a collected bundle, registry exports or a Windows disk (File → Open).")
        )
        self.machine.setWordWrap(True)
        self.machine.setTextFormat(Qt.TextFormat.PlainText)
        self.machine.setAccessibleName(self.tr("Machine"))
        layout.addWidget(self.machine)
        notice = QLabel(
            self.tr("Read-only: nothing can be removed from this view. Removal runs on the PC itself.")
        )
        notice.setWordWrap(True)
        layout.addWidget(notice)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.products = QTreeWidget()
        self.products.setAccessibleName(self.tr("Products and evidence"))
        self.products.setHeaderLabels(
            [
                self.tr("Product / evidence"),
                self.tr("Version"),
                self.tr("Last update"),
                self.tr("Password"),
                self.tr("Self-defence"),
                self.tr("Managed"),
                self.tr("Scope / location"),
            ]
        )
        splitter.addWidget(self.products)
        self.plan = QListWidget()
        self.plan.setAccessibleName(self.tr("Plan in brief"))
        splitter.addWidget(_titled(self.tr("&Plan in brief (what removal on the PC would do)"), self.plan))
        self.notes = QListWidget()
        self.notes.setAccessibleName(self.tr("Notes"))
        splitter.addWidget(_titled(self.tr("&Notes (what could not be read)"), self.notes))
        splitter.setSizes([360, 140, 80])
        layout.addWidget(splitter, 1)
        self.setCentralWidget(body)
        self.statusBar().showMessage(self.tr("Nothing opened yet."))
        self.resize(980, 640)

    def _menus(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&File"))
        actions = [
            (self.tr("Open a collected &bundle…"), QKeySequence.StandardKey.Open, self.choose_bundle),
            (self.tr("Open registry &exports…"), None, self.choose_exports),
            (self.tr("Open a Windows &disk…"), None, self.choose_disk),
            (None, None, None),
            (self.tr("&Save the report…"), QKeySequence.StandardKey.Save, self.save_report),
            (self.tr("&Copy the ticket text"), None, self.copy_ticket),
            (None, None, None),
            (self.tr("&Close"), QKeySequence.StandardKey.Close, self.close),
        ]
        self.save_action: QAction | None = None
        for text, shortcut, slot in actions:
            if text is None:
                menu.addSeparator()
                continue
            action = menu.addAction(text)
            if shortcut is not None:
                action.setShortcut(shortcut)
            action.triggered.connect(lambda _checked=False, slot=slot: slot())
            if slot == self.save_report:
                self.save_action = action
            if slot in (self.save_report, self.copy_ticket):
                action.setEnabled(False)
        self.result_actions = [a for a in menu.actions() if not a.isEnabled()]

    # --- opening ----------------------------------------------------------------------------

    def choose_bundle(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open a collected bundle"),
            str(Path.home()),
            self.tr("Bundles (*.zip manifest.json)"),
        )
        if path:
            self.open_path(str(Path(path).parent) if Path(path).name == "manifest.json" else path)

    def choose_exports(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Open registry exports"), str(Path.home()), self.tr("Registry exports (*.reg)")
        )
        if paths:
            self.open_exports(paths)

    def choose_disk(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Open a mounted Windows disk"), str(Path.home())
        )
        if folder:
            self.open_target(lambda: Target(os="windows", live=False, root=folder), folder)

    def open_path(self, path: str) -> None:
        """A bundle (folder or zip)."""
        self.open_target(lambda: bundle_target(path), path)

    def open_exports(self, paths: list[str]) -> None:
        self.open_target(
            lambda: Target(os="windows", live=False, registry_exports=tuple(paths)), ", ".join(paths)
        )

    def open_target(self, make_target: Callable[[], Target], shown: str) -> None:
        if self.worker is not None:
            return  # one scan at a time
        self.statusBar().showMessage(self.tr("Reading {what}…").format(what=shown))
        worker = OfflineScanWorker(make_target)
        worker.finished.connect(self.show_result)
        worker.failed.connect(self.show_failure)
        worker.failed.connect(self._done)
        worker.finished.connect(self._done)
        self.worker = worker
        start(worker, self)

    def _done(self, *_args: object) -> None:
        self.worker = None

    def show_failure(self, message: str) -> None:
        self.statusBar().showMessage(self.tr("Could not read it: {message}").format(message=message))

    # --- showing ----------------------------------------------------------------------------

    def show_result(self, result: ScanResult) -> None:
        self.result = result
        facts = report_facts(result.to_json())
        name = facts.hostname or self.tr("unnamed machine")
        system = facts.os_version or facts.os
        self.machine.setText(f"{name} · {system} · {result.target.describe()} · {result.scanned_at}")
        self.products.clear()
        for group, title in (
            (result.products, self.tr("Installed")),
            (result.leftovers, self.tr("Leftovers")),
            (result.other_security_software, self.tr("Other security software")),
        ):
            heading = QTreeWidgetItem([f"{title} ({len(group)})"])
            self.products.addTopLevelItem(heading)
            for product in group:
                heading.addChild(self._product_item(product.to_json()))
            heading.setExpanded(True)
        for column in range(self.products.columnCount()):
            self.products.resizeColumnToContents(column)
        self.plan.clear()
        self.plan.addItems(
            [f"{n}. {title}" for n, title in enumerate(facts.plan, 1)] or [self.tr("Nothing to remove.")]
        )
        self.notes.clear()
        self.notes.addItems(
            [f"{note.location}: {note.message}" for note in result.notes] or [self.tr("No notes.")]
        )
        for action in self.result_actions:
            action.setEnabled(True)
        self.statusBar().showMessage(self.tr("%n products found.", "", len(facts.products)))

    def _product_item(self, product: dict[str, object]) -> QTreeWidgetItem:
        state = product.get("state")
        state = state if isinstance(state, dict) else {}
        flag = {"true": self.tr("yes"), "false": self.tr("no")}
        item = QTreeWidgetItem(
            [
                str(product["name"]),
                str(product.get("version") or ""),
                str(state.get("last_signature_update", "")),
                flag.get(str(state.get("password_protection")), ""),
                flag.get(str(state.get("self_defence")), ""),
                self.tr("yes") if product.get("managed") else self.tr("no"),
                str(product.get("scope", "")),
            ]
        )
        evidence = product.get("evidence")
        for piece in evidence if isinstance(evidence, list) else []:
            details = ", ".join(f"{k}={v}" for k, v in piece.get("details", {}).items())
            child = QTreeWidgetItem(
                [f"{piece['kind']}: {piece['name']}", "", "", "", "", "", piece["location"]]
            )
            child.setToolTip(0, f"{piece['rule']}\n{details}")
            item.addChild(child)
        return item

    # --- saving -----------------------------------------------------------------------------

    def save_report(self, path: str | None = None) -> None:
        if self.result is None:
            return
        if not path:
            name = (self.result.hostname or "machine").replace("/", "_").replace("\\", "_")
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Save the report"),
                str(Path.home() / f"switchover-{name}.html"),
                self.tr("HTML report (*.html);;Scan document (*.json)"),
            )
        if not path:
            return
        if path.lower().endswith(".json"):
            import json

            text = json.dumps(self.result.to_json(), indent=2, ensure_ascii=False) + "\n"
        else:
            text = html_report(report_facts(self.result.to_json()))
        Path(path).write_text(text, encoding="utf-8")
        self.statusBar().showMessage(self.tr("Report saved to {path}").format(path=path))

    def copy_ticket(self) -> None:
        if self.result is not None:
            QGuiApplication.clipboard().setText(ticket_text(report_facts(self.result.to_json())))
            self.statusBar().showMessage(self.tr("Ticket text copied."))


def _titled(title: str, widget: QWidget) -> QWidget:
    """The widget under a label that names it (its mnemonic moves the focus there)."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 4, 0, 0)
    label = QLabel(title)
    label.setBuddy(widget)
    layout.addWidget(label)
    layout.addWidget(widget, 1)
    return box


def add_to(wizard: QWizard, menu: QMenu) -> QAction:
    """The hook in the assistant: an entry in its Help menu, and Ctrl+O, open the view. Home users never
    need it, so it is not a button beside the way forward."""
    windows: list[TechnicianWindow] = []

    def open_view() -> None:
        view = TechnicianWindow(wizard)
        view.setWindowFlag(Qt.WindowType.Window, True)
        windows.append(view)
        view.show()
        view.choose_bundle()

    # an explicit context: lupdate cannot know the class of `wizard` here (wizard.tr went untranslated)
    action = menu.addAction(QCoreApplication.translate("TechnicianWindow", "&Technician view…"), open_view)
    action.setToolTip(
        QCoreApplication.translate("TechnicianWindow", "Open another machine's collected data, read-only")
    )
    action.setShortcut(QKeySequence.StandardKey.Open)
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    wizard.addAction(action)  # the shortcut works while the menu is closed
    return action
