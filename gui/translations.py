"""Loading translations: Switchover's own, Qt's `qtbase` (for Back/Next/Cancel), and a pseudo-translation.

SWITCHOVER_LANG picks a language ("es"); without it the system's locale is used.
SWITCHOVER_PSEUDO=1 installs a translator that accents and stretches every
string by about 40% so that layouts can be checked for clipped text. The texts
core builds follow the same choice through `core_language()` (core/messages.py).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

LANGUAGES = ("en", "es")


# core.messages is imported where it is used: core's texts are not on the first window's path.
class PseudoTranslator(QTranslator):
    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        from core.messages import pseudo

        return pseudo(source)

    def isEmpty(self) -> bool:
        return False


def language() -> str:
    wanted = os.environ.get("SWITCHOVER_LANG") or QLocale.system().name().split("_")[0]
    return wanted if wanted in LANGUAGES else "en"


def core_language() -> str:
    """The language for the texts core builds (briefing, plan, suggestions, summaries): the UI's, or
    core's pseudo-language when the pseudo-translation is on, so those texts stretch too."""
    if os.environ.get("SWITCHOVER_PSEUDO") == "1":
        from core.messages import PSEUDO

        return PSEUDO
    return language()


_installed: list[QTranslator] = []  # a Python translator must outlive its installation


def install_translators(app: QCoreApplication) -> list[QTranslator]:
    """Install the translators for the chosen language (and the pseudo-translation when asked for).

    The .qm files lie beside the resources.translations package, in a checkout as in the bundle;
    found through the package's own file, not importlib.resources, whose eight modules would be
    loaded before the first window."""
    import resources.translations

    translators: list[QTranslator] = []
    lang = language()
    if lang != "en":
        from PySide6.QtCore import QLibraryInfo

        qt = QTranslator(app)
        if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            translators.append(qt)
    # English too: its file holds the plural forms ("1 program", "2 programs") of the "%n" texts
    ours = QTranslator(app)
    if ours.load(f"switchover_{lang}.qm", str(Path(resources.translations.__file__).parent)):
        translators.append(ours)
    if os.environ.get("SWITCHOVER_PSEUDO") == "1":
        translators.append(PseudoTranslator(app))
    for translator in translators:
        app.installTranslator(translator)
    _installed.extend(translators)
    return translators
