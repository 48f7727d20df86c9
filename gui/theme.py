"""The look: light or dark as the system says, one primary button, windows that fit the screen.

Fusion follows the platform's colour scheme by itself.

SWITCHOVER_COLOR_SCHEME=light|dark forces one (screenshots, testing). Platforms
without a colour-scheme setting (offscreen, some X11 desktops) would ignore the
request, so a forced dark scheme also gets an explicit dark palette.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QPushButton, QWidget, QWizard

if TYPE_CHECKING:
    from PySide6.QtGui import QPalette

STYLE = "Fusion"  # set where the application is made (gui/app.py)

# QPalette.ColorRole names: the roles are looked up when a dark palette is made, so that QPalette's
# enums are not built before the first window.
_DARK = {
    "Window": "#242424",
    "WindowText": "#eeeeee",
    # Fields lighter than the window (as Windows 11 dark does): Fusion outlines them with a darker
    # shade of the window colour, which would vanish on a darker field.
    "Base": "#464646",
    "AlternateBase": "#505050",
    "Text": "#eeeeee",
    "Button": "#4a4a4a",
    "ButtonText": "#eeeeee",
    "BrightText": "#ffffff",
    "Highlight": "#3d7dd8",
    "HighlightedText": "#ffffff",
    "Link": "#a8c7fa",
    "LinkVisited": "#c58af9",
    "ToolTipBase": "#3a3a3a",
    "ToolTipText": "#eeeeee",
    "PlaceholderText": "#a0a0a0",
}
_DARK_DISABLED = "#8f8f8f"  # about 5:1 on the window colour: disabled, yet still readable


def dark_palette() -> QPalette:
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette()
    for role, colour in _DARK.items():
        palette.setColor(getattr(QPalette.ColorRole, role), QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(_DARK_DISABLED))
    return palette


def apply_theme(app: QApplication) -> None:
    forced = os.environ.get("SWITCHOVER_COLOR_SCHEME")
    if forced in ("light", "dark"):
        from PySide6.QtCore import Qt  # only when forced: loading the Qt namespace costs 11 ms
    if forced == "dark":
        app.styleHints().setColorScheme(Qt.ColorScheme.Dark)
        app.setPalette(dark_palette())
    elif forced == "light":
        app.styleHints().setColorScheme(Qt.ColorScheme.Light)


def mark_primary(wizard: QWizard) -> None:
    """Next, Continue and Finish (one shows at a time) are filled with the highlight colour.

    A palette rather than a style sheet: a style sheet re-polishes every widget and costs the first
    window a third of its time; the palette's own roles keep light, dark and high-contrast readable.
    """
    from PySide6.QtGui import QPalette

    for which in (
        QWizard.WizardButton.NextButton,
        QWizard.WizardButton.CommitButton,
        QWizard.WizardButton.FinishButton,
    ):
        button = wizard.button(which)
        if not isinstance(button, QPushButton):
            continue
        palette = QPalette(button.palette())
        active = QPalette.ColorGroup.Active  # the active colours also when the window is not focused
        fill = palette.color(active, QPalette.ColorRole.Highlight)
        text = palette.color(active, QPalette.ColorRole.HighlightedText)
        for group in (active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, QPalette.ColorRole.Button, fill)
            palette.setColor(group, QPalette.ColorRole.ButtonText, text)
        button.setPalette(palette)  # disabled keeps the plain look: a greyed button is not the way on
        font = button.font()
        font.setBold(True)
        button.setFont(font)


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
