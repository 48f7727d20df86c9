"""Refresh the translation sources and compile them: `python tools/translations.py`.

Runs pyside6-lupdate over gui/ (every self.tr()/QCoreApplication.translate string,
with its class as the context) into resources/translations/switchover_<lang>.ts,
then pyside6-lrelease into the .qm files the app loads. Translators edit the .ts
files (Qt Linguist: `pyside6-linguist`). English, the source language, gets a file
of its plural forms only (`-pluralonly`): "%n programs" needs "1 program" too.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOOLS = Path(sys.executable).parent
LANGUAGES = ("en", "es")
PLURALS_ONLY = ("en",)  # the source language: only its plural forms need translating


def main() -> int:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "gui").rglob("*.py"))
    for lang in LANGUAGES:
        ts = ROOT / "resources" / "translations" / f"switchover_{lang}.ts"
        subprocess.run(
            [str(TOOLS / "pyside6-lupdate"), *sources, "-no-obsolete", "-source-language", "en",
             "-target-language", lang, *(["-pluralonly"] if lang in PLURALS_ONLY else []), "-ts", str(ts)],
            cwd=ROOT, check=True,
        )  # fmt: skip
        qm = ts.with_suffix(".qm")
        subprocess.run([str(TOOLS / "pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
