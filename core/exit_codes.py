"""What an uninstaller's exit code means, per kind of program.

Windows Installer (msiexec, and the Kaspersky setup wrappers that pass its codes
through): https://learn.microsoft.com/windows/win32/msi/error-codes.
1223 is Win32 ERROR_CANCELLED, returned when a person declines a UAC prompt or a
setup's own dialog. dpkg: 0 done, 1 a check returned false, 2 fatal (man dpkg,
EXIT STATUS). apt-get: 0 done, 100 error (man apt-get, DIAGNOSTICS).
"""

from __future__ import annotations

import ntpath
import posixpath
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from core.messages import Text

Outcome = Literal[
    "done",  # removed
    "already_gone",  # nothing to remove: counts as done
    "reboot_needed",  # removed, finishes after a restart
    "reboot_started",  # removed, and the installer is restarting the machine now
    "cancelled_by_user",  # a person pressed Cancel in the uninstaller or the UAC prompt
    "busy",  # another installation is running: wait and retry
    "failed",
]
InstallerKind = Literal["windows_installer", "dpkg", "apt", "other"]

# What a person can do when Kaspersky refuses its own removal (self-defence or a password).
LOCKED_HINT = Text("exit.hint.locked")

# Windows Installer's and Win32's codes by name (learn.microsoft.com/windows/win32/msi/error-codes).
ERROR_SUCCESS = 0
ERROR_SUCCESS_REBOOT_REQUIRED = 3010
ERROR_SUCCESS_REBOOT_INITIATED = 1641
ERROR_UNKNOWN_PRODUCT = 1605
ERROR_INSTALL_USEREXIT = 1602
ERROR_CANCELLED = 1223  # Win32: a person declined the UAC prompt or a setup's own dialog
ERROR_INSTALL_ALREADY_RUNNING = 1618
ERROR_INSTALL_FAILURE = 1603


@dataclass(frozen=True)
class Meaning:
    outcome: Outcome
    message: Text  # in words, said in the reader's language (core/messages.py)
    next_step: Text | None = None  # what a person can do next, when the outcome is a failure


_WINDOWS_INSTALLER: dict[int, Meaning] = {
    ERROR_SUCCESS: Meaning("done", Text("exit.removed")),
    ERROR_SUCCESS_REBOOT_REQUIRED: Meaning("reboot_needed", Text("exit.msi.reboot_needed")),
    ERROR_SUCCESS_REBOOT_INITIATED: Meaning("reboot_started", Text("exit.msi.reboot_started")),
    ERROR_UNKNOWN_PRODUCT: Meaning("already_gone", Text("exit.msi.unknown_product")),
    ERROR_INSTALL_USEREXIT: Meaning("cancelled_by_user", Text("exit.msi.user_exit")),
    ERROR_CANCELLED: Meaning("cancelled_by_user", Text("exit.cancelled")),
    ERROR_INSTALL_ALREADY_RUNNING: Meaning("busy", Text("exit.msi.busy")),
    ERROR_INSTALL_FAILURE: Meaning("failed", Text("exit.msi.failure"), LOCKED_HINT),
}


def installer_kind(argv: Sequence[str]) -> InstallerKind:
    """Which exit-code table applies to this program."""
    program = argv[0]
    name = ntpath.basename(program) if "\\" in program else posixpath.basename(program)
    name = name.lower()
    if name.endswith(".exe") or "\\" in program:
        return "windows_installer"
    if name == "dpkg":
        return "dpkg"
    if name in ("apt-get", "apt"):
        return "apt"
    return "other"


def interpret(kind: InstallerKind, exit_code: int) -> Meaning:
    """The meaning of an exit code; anything unknown and non-zero is a failure that names the code."""
    if kind == "windows_installer":
        known = _WINDOWS_INSTALLER.get(exit_code)
        if known:
            return known
    elif kind == "dpkg" and exit_code == 2:
        return Meaning("failed", Text("exit.dpkg.fatal"))
    elif kind == "apt" and exit_code == 100:
        return Meaning("failed", Text("exit.apt.error"))
    if exit_code == 0:
        return Meaning("done", Text("exit.removed"))
    return Meaning("failed", Text("exit.failed_with_code", {"code": exit_code}))
