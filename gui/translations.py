"""Loading translations: Switchover's own, Qt's `qtbase` (for Back/Next/Cancel), and a pseudo-translation.

SWITCHOVER_LANG picks a language ("es"); without it the system's locale is used.
SWITCHOVER_PSEUDO=1 installs a translator that accents and stretches every
string by about 40% so that layouts can be checked for clipped text.
"""

from __future__ import annotations

import os
from importlib import resources

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

LANGUAGES = ("en", "es")
_ACCENTED = str.maketrans("abcdeghiklnorstuwyzABCDEGHIKLNORSTUWYZ", "àƀçđéĝĥíķļñóŕšţúŵýžÀƁÇĐÉĜĤÍĶĻÑÓŔŠŢÚŴÝŽ")


def pseudo(text: str) -> str:
    """Accent letters and pad by ~40%, leaving {placeholders}, <tags>, &mnemonics and %-codes intact."""
    out: list[str] = []
    protected = ""  # the closing character while inside a placeholder or a tag
    for index, char in enumerate(text):
        if protected:
            out.append(char)
            if char == protected:
                protected = ""
        elif char in "{<":
            protected = "}" if char == "{" else ">"
            out.append(char)
        elif char in "&%" or (index and text[index - 1] in "&%"):
            out.append(char)
        else:
            out.append(char.translate(_ACCENTED))
    padding = "~" * max(2, len(text) * 2 // 5)
    return f"[{''.join(out)} {padding}]"


class PseudoTranslator(QTranslator):
    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        return pseudo(source)

    def isEmpty(self) -> bool:
        return False


def language() -> str:
    wanted = os.environ.get("SWITCHOVER_LANG") or QLocale.system().name().split("_")[0]
    return wanted if wanted in LANGUAGES else "en"


_installed: list[QTranslator] = []  # a Python translator must outlive its installation


def install_translators(app: QCoreApplication) -> list[QTranslator]:
    """Install the translators for the chosen language (and the pseudo-translation when asked for)."""
    translators: list[QTranslator] = []
    lang = language()
    if lang != "en":
        qt = QTranslator(app)
        if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            translators.append(qt)
        ours = QTranslator(app)
        with resources.as_file(resources.files("resources.translations") / f"switchover_{lang}.qm") as path:
            if ours.load(str(path)):
                translators.append(ours)
    if os.environ.get("SWITCHOVER_PSEUDO") == "1":
        translators.append(PseudoTranslator(app))
    for translator in translators:
        app.installTranslator(translator)
    _installed.extend(translators)
    return translators
