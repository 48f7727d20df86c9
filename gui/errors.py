"""Errors a person can act on: log the details, say it plainly, offer "Copy details" for the help desk."""

from __future__ import annotations

import logging
import traceback
from types import TracebackType

from PySide6.QtWidgets import QApplication

from core import __version__

log = logging.getLogger(__name__)


def show_error(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
    """The exception hook: log it, then tell the person plainly, with the details one click away."""
    # Only when something went wrong: the Qt namespace (11 ms) and the message box are not on the first
    # window's path.
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QMessageBox

    details = "".join(traceback.format_exception(kind, error, trace))
    log.error("unexpected error\n%s", details)
    if QApplication.instance() is None:
        return
    box = QMessageBox(QApplication.activeWindow())
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QApplication.translate("Errors", "Something went wrong"))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setText(
        QApplication.translate(
            "Errors",
            "Switchover hit an unexpected problem. Nothing more will be changed until you choose what to do. "
            "The details are in the log; you can copy them for your help desk.",
        )
    )
    box.setDetailedText(f"Switchover {__version__}\n{details}")
    copy = box.addButton(QApplication.translate("Errors", "&Copy details"), QMessageBox.ButtonRole.ActionRole)
    copy.clicked.disconnect()  # keep the box open after copying
    copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(box.detailedText()))
    box.addButton(QMessageBox.StandardButton.Close)
    box.open()  # not exec(): a nested event loop inside a failing handler only makes things worse


def report_exception(error: BaseException) -> None:
    """For code that Qt calls (page hooks): an exception must not cross back into Qt, so it ends here."""
    show_error(type(error), error, error.__traceback__)
