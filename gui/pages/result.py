"""The result as it should look: a large status with a shield, and the one thing to do when unprotected.

"Protected" counts only protection that still gets updates: Kaspersky (no updates
for US customers since the ban) and UltraAV (the program that replaced it without
asking) are never shown with a tick, even when Windows lists them as active.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from gui.pages.flow_page import scaled_font, wrapped
from gui.pages.os_words import OsWords, words_for

if TYPE_CHECKING:
    from core.removal.verify import Verification


@dataclass(frozen=True)
class ProtectionResult:
    """What protects the computer now, with the stale products set apart."""

    protecting: tuple[str, ...]  # active and still updated
    stale: tuple[str, ...]  # active, but Kaspersky or its unasked-for successor

    @property
    def protected(self) -> bool:
        return bool(self.protecting)


def protection_result(verification: Verification) -> ProtectionResult:
    """Split the active antivirus into what really protects and what is stale (Kaspersky, UltraAV)."""
    scan = verification.scan
    found = [p for p in (*scan.products, *scan.leftovers)]
    stale_names = {p.name.casefold() for p in found} | {p.family_name.casefold() for p in found}

    def is_stale(name: str) -> bool:
        folded = name.casefold()
        return any(known and (known in folded or folded in known) for known in stale_names) or any(
            vendor in folded
            for vendor in ("kaspersky", "ultraav")  # named by Windows, not by our scan
        )

    active = verification.protection.active
    return ProtectionResult(
        protecting=tuple(n for n in active if not is_stale(n)), stale=tuple(n for n in active if is_stale(n))
    )


class Shield(QWidget):
    """A shield with a tick (protected) or an exclamation mark (not yet): drawn, so it needs no icon font."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.good = False
        self.setFixedSize(QSize(56, 64))
        self.setAccessibleName(self.tr("Protection symbol"))

    def set_good(self, good: bool) -> None:
        self.good = good
        self.setAccessibleDescription(
            self.tr("A shield with a tick") if good else self.tr("A shield with a warning")
        )
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        w, h = self.width() - 4.0, self.height() - 4.0
        shield = QPainterPath()
        shield.moveTo(2 + w / 2, 2)
        shield.lineTo(2 + w, 2 + h * 0.18)
        shield.cubicTo(2 + w, 2 + h * 0.62, 2 + w * 0.75, 2 + h * 0.85, 2 + w / 2, 2 + h)
        shield.cubicTo(2 + w * 0.25, 2 + h * 0.85, 2, 2 + h * 0.62, 2, 2 + h * 0.18)
        shield.closeSubpath()
        painter.fillPath(shield, QColor("#2e7d32") if self.good else QColor("#b26a00"))
        pen = QPen(QColor("white"), 5)  # white on the coloured shield reads in light and dark
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        if self.good:
            painter.drawPolyline(
                [
                    QPointF(2 + w * 0.28, 2 + h * 0.5),
                    QPointF(2 + w * 0.45, 2 + h * 0.66),
                    QPointF(2 + w * 0.74, 2 + h * 0.34),
                ]
            )
        else:
            painter.drawLine(QPointF(2 + w / 2, 2 + h * 0.25), QPointF(2 + w / 2, 2 + h * 0.58))
            painter.drawEllipse(QRectF(2 + w / 2 - 1.5, 2 + h * 0.72 - 1.5, 3, 3))
        painter.end()


class ResultBanner(QWidget):
    """The large status line of Verify and Done: a shield, a headline in words, a line of detail."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        self.shield = Shield()
        row.addWidget(self.shield, 0, Qt.AlignmentFlag.AlignTop)
        column = QVBoxLayout()
        self.headline = wrapped(name=self.tr("Result"))
        self.headline.setFont(scaled_font(self.headline, 1.6, bold=True))
        column.addWidget(self.headline)
        self.detail = wrapped(name=self.tr("What this means"))
        column.addWidget(self.detail)
        self.security_button = QPushButton()
        self.security_button.clicked.connect(self.open_security)
        column.addWidget(self.security_button, 0, Qt.AlignmentFlag.AlignLeft)
        row.addLayout(column, 1)
        self.words: OsWords = words_for("windows")

    def open_security(self) -> None:
        if self.words.security_url:
            QDesktopServices.openUrl(QUrl(self.words.security_url))

    def show_result(self, verification: Verification, os: str) -> None:
        """The result in the words of `os` (gui/pages/os_words.py): what the check saw, no more."""
        words = self.words = words_for(os)
        result = protection_result(verification)
        gone = verification.status == "removed"
        self.shield.set_good(result.protected and gone)
        installed = [p.name for p in verification.scan.other_security_software if p.name not in result.stale]
        if result.protected:
            headline = self.tr("✓ Protected by {names}").format(names=", ".join(result.protecting))
        elif not words.checks_protection and verification.status != "removed":
            headline = self.tr("⚠ Kaspersky is still on this computer")  # no check to say more
        elif installed and not words.checks_protection:
            headline = self.tr("Security software found: {names}").format(names=", ".join(installed))
        else:
            headline = words.say(words.unprotected_headline)
        self.headline.setText(headline)
        if not gone and verification.status == "reboot_needed":
            detail = self.tr("Kaspersky is removed; a restart finishes the job.")
        elif not gone:
            detail = self.tr("Some of Kaspersky is still on this computer. See below for what to do.")
        elif result.protected:
            detail = self.tr("Kaspersky is gone from this computer.")
        elif installed and not words.checks_protection:
            detail = words.say(words.unchecked_found).format(names=", ".join(installed))
        else:
            detail = words.say(words.unprotected)
        if result.stale:
            detail += " " + self.tr("{names} gets no updates: it is not protecting you.").format(
                names=", ".join(result.stale)
            )
        self.detail.setText(detail)
        if words.security_button:
            self.security_button.setText(words.say(words.security_button))
            self.security_button.setToolTip(words.say(words.security_tip or ""))
        self.security_button.setVisible(not result.protected and words.security_url is not None)
