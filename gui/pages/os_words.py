"""What the pages say that depends on the computer's system, in one table keyed by OS.

A page asks `words_for(os)` and reads a field; no page tests the OS itself. Only what a
source supports is said. On Windows the protection check asks Windows (Security Center and
Microsoft Defender's own status, core/removal/verify.py), and Windows' own Settings pages open
by the ms-settings: scheme Microsoft documents
(https://learn.microsoft.com/windows/apps/develop/launch/launch-settings, "ms-settings: URI
scheme reference": Apps > Apps & Features; Update & security > Windows Security). On Linux and
macOS the check has no source to ask what protects the computer, so the words say what the
rescan found and no more, and no button is offered: there is no sourced page to open
(macOS's built-in XProtect is not named: no source in the repository or the research
describes it).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "OsWords"  # the translation context of every text below (resources/translations)

WINDOWS_SECURITY = "ms-settings:windowsdefender"
INSTALLED_APPS = "ms-settings:appsfeatures"


@dataclass(frozen=True)
class OsWords:
    """One system's texts (untranslated: `say` translates) and the pages it can open."""

    name: str  # the system's own name, untranslated ("Linux")
    checks_protection: bool  # the protection check asks the system what protects it
    unprotected: str  # Verify and Done: Kaspersky is gone and the check found nothing protecting
    unprotected_headline: str  # Verify and Done: the headline when nothing is seen protecting
    nothing_else_found: str  # Found: no other security software on this computer
    by_hand_steps: str  # "Your turn": removing a program by hand
    delete_export: str  # Done: the exported passwords file
    unchecked_found: str = ""  # no check: the detail when security software is installed ({names})
    security_button: str | None = None  # opens the system's own protection settings
    security_tip: str | None = None
    security_url: str | None = None
    apps_button: str | None = None  # opens the system's list of installed programs
    apps_url: str | None = None

    def say(self, text: str) -> str:
        return QCoreApplication.translate(CONTEXT, text)


WORDS: dict[str, OsWords] = {
    "windows": OsWords(
        name="Windows",
        checks_protection=True,
        unprotected=QT_TRANSLATE_NOOP(
            "OsWords",
            "Kaspersky is gone, but nothing protects this computer yet. Turn on Microsoft Defender in "
            "Windows Security, or install one of the suggested products.",
        ),
        unprotected_headline=QT_TRANSLATE_NOOP("OsWords", "⚠ Not protected yet"),
        nothing_else_found=QT_TRANSLATE_NOOP(
            "OsWords",
            "No other security software was found. Microsoft Defender, built into Windows, is among the "
            "choices two pages on.",
        ),
        by_hand_steps=QT_TRANSLATE_NOOP(
            "OsWords",
            "1. Open Windows' installed apps with the button below. 2. Find the program and choose "
            "Uninstall. 3. Come back here and press I have done this.",
        ),
        delete_export=QT_TRANSLATE_NOOP(
            "OsWords",
            "<b>Delete the exported passwords file</b> once your new password manager has imported it, "
            "then empty the Recycle Bin: the file is not protected.",
        ),
        security_button=QT_TRANSLATE_NOOP("OsWords", "Open &Windows Security"),
        security_tip=QT_TRANSLATE_NOOP(
            "OsWords", "Turn on Microsoft Defender or check what protects this computer"
        ),
        security_url=WINDOWS_SECURITY,
        apps_button=QT_TRANSLATE_NOOP("OsWords", "Open Windows' &installed apps"),
        apps_url=INSTALLED_APPS,
    ),
    "linux": OsWords(
        name="Linux",
        checks_protection=False,
        unprotected=QT_TRANSLATE_NOOP(
            "OsWords", "Kaspersky is gone. Switchover found no other security software on this computer."
        ),
        unprotected_headline=QT_TRANSLATE_NOOP("OsWords", "⚠ No security software found"),
        unchecked_found=QT_TRANSLATE_NOOP(
            "OsWords",
            "Security software on this computer: {names}. On Linux, Switchover cannot check whether it is "
            "switched on and up to date: check it in the program itself.",
        ),
        nothing_else_found=QT_TRANSLATE_NOOP(
            "OsWords", "No other security software was found on this computer."
        ),
        by_hand_steps=QT_TRANSLATE_NOOP(
            "OsWords",
            "1. Remove the program with your system's software manager, or ask whoever looks after this "
            "computer. 2. Come back here and press I have done this.",
        ),
        delete_export=QT_TRANSLATE_NOOP(
            "OsWords",
            "<b>Delete the exported passwords file</b> once your new password manager has imported it, "
            "then empty the Trash: the file is not protected.",
        ),
    ),
    "macos": OsWords(
        name="macOS",
        checks_protection=False,
        unprotected=QT_TRANSLATE_NOOP(
            "OsWords", "Kaspersky is gone. Switchover found no other security software on this Mac."
        ),
        unprotected_headline=QT_TRANSLATE_NOOP("OsWords", "⚠ No security software found"),
        unchecked_found=QT_TRANSLATE_NOOP(
            "OsWords",
            "Security software on this Mac: {names}. On a Mac, Switchover cannot check whether it is "
            "switched on and up to date: check it in the program itself.",
        ),
        nothing_else_found=QT_TRANSLATE_NOOP("OsWords", "No other security software was found on this Mac."),
        by_hand_steps=QT_TRANSLATE_NOOP(
            "OsWords",
            "1. Remove the program as its maker describes, or ask whoever looks after this Mac. 2. Come "
            "back here and press I have done this.",
        ),
        delete_export=QT_TRANSLATE_NOOP(
            "OsWords",
            "<b>Delete the exported passwords file</b> once your new password manager has imported it, "
            "then empty the Trash: the file is not protected.",
        ),
    ),
}


def words_for(os: str) -> OsWords:
    """The texts for `os` ("windows", "linux", "macos"); an unknown system gets Linux's plain ones,
    which claim nothing about what protects it."""
    return WORDS.get(os, WORDS["linux"])
