"""The look: light or dark as the system says, one primary button, windows that fit the screen.

Fusion follows the platform's colour scheme by itself.

SWITCHOVER_COLOR_SCHEME=light|dark forces one (screenshots, testing). Platforms
without a colour-scheme setting (offscreen, some X11 desktops) would ignore the
request, so a forced dark scheme also gets an explicit dark palette.
"""

from __future__ import annotations

import os

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QPushButton, QWidget, QWizard

_DARK = {
    QPalette.ColorRole.Window: "#242424",
    QPalette.ColorRole.WindowText: "#eeeeee",
    # Fields lighter than the window (as Windows 11 dark does): Fusion outlines them with a darker
    # shade of the window colour, which would vanish on a darker field.
    QPalette.ColorRole.Base: "#464646",
    QPalette.ColorRole.AlternateBase: "#505050",
    QPalette.ColorRole.Text: "#eeeeee",
    QPalette.ColorRole.Button: "#4a4a4a",
    QPalette.ColorRole.ButtonText: "#eeeeee",
    QPalette.ColorRole.BrightText: "#ffffff",
    QPalette.ColorRole.Highlight: "#3d7dd8",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#a8c7fa",
    QPalette.ColorRole.LinkVisited: "#c58af9",
    QPalette.ColorRole.ToolTipBase: "#3a3a3a",
    QPalette.ColorRole.ToolTipText: "#eeeeee",
    QPalette.ColorRole.PlaceholderText: "#a0a0a0",
}
_DARK_DISABLED = "#8f8f8f"  # about 5:1 on the window colour: disabled, yet still readable


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in _DARK.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(_DARK_DISABLED))
    return palette


def apply_theme(app: QApplication) -> None:
    app.setStyle("Fusion")
    forced = os.environ.get("SWITCHOVER_COLOR_SCHEME")
    if forced in ("light", "dark"):
        from PySide6.QtCore import Qt  # only when forced: loading the Qt namespace costs 11 ms
    if forced == "dark":
        app.styleHints().setColorScheme(Qt.ColorScheme.Dark)
        app.setPalette(dark_palette())
    elif forced == "light":
        app.styleHints().setColorScheme(Qt.ColorScheme.Light)


# The one button that moves on is filled with the highlight colour; everything else stays plain. The
# palette's own roles, so light, dark and high-contrast schemes all keep their contrast.
PRIMARY_STYLE = """
QPushButton[primary="true"]:enabled {
    background: palette(highlight); color: palette(highlighted-text);
    border: 1px solid palette(highlight); border-radius: 4px; padding: 5px 18px; font-weight: bold;
}
QPushButton[primary="true"]:enabled:hover { border: 1px solid palette(highlighted-text); }
"""


def mark_primary(wizard: QWizard) -> None:
    """Next, Continue and Finish are the primary action: only one of them shows at a time."""
    for which in (
        QWizard.WizardButton.NextButton,
        QWizard.WizardButton.CommitButton,
        QWizard.WizardButton.FinishButton,
    ):
        button = wizard.button(which)
        if isinstance(button, QPushButton):
            button.setProperty("primary", True)
    wizard.setStyleSheet(PRIMARY_STYLE)


TITLE_BAR = 40  # room left for the window manager's title bar and frame, in device-independent pixels
SIDE_FRAME = 16  # and for the frame's left and right edges together


def fit_to_screen(window: QWidget) -> None:
    """Shrink and move `window` so that all of it is on its screen's free area (200% on a small laptop)."""
    screen = window.screen() or QApplication.primaryScreen()
    if screen is None:
        return
    free = screen.availableGeometry()
    width = min(window.width(), free.width() - SIDE_FRAME)
    height = min(window.height(), free.height() - TITLE_BAR)
    window.resize(width, height)
    x = min(max(window.x(), free.left()), free.right() - width - SIDE_FRAME + 1)
    y = min(max(window.y(), free.top()), free.bottom() - height - TITLE_BAR + 1)
    window.move(x, max(y, free.top()))
