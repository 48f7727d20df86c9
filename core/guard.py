"""The allow-list: may this command run at all, and may it run elevated?

Uninstall strings come from the registry, which malware, other users and
broken installers can write. So a program runs only if it is the system's
msiexec, a package manager at its system path, or lies in a machine-wide folder
that ordinary users cannot write (Program Files, /opt, /Library, /Applications,
/usr) and, on Windows, is itself Authenticode-signed by the expected vendor.
Anything that came from a per-user registration (HKCU, HKEY_USERS) or touches a
user's folders may run, if at all, only with the user's own rights.

`check_command` is pure: the plan uses it to refuse hostile strings before they
become steps. `check_program` adds the signature check and is what the executor
calls right before it runs anything. Commands are judged as planned, with the
`{password}` placeholders still in them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from core.model import OsName

WINDOWS_MSIEXEC = "C:\\Windows\\System32\\msiexec.exe"

# Package managers at their system paths (usrmerge makes /bin and /usr/bin one folder).
PACKAGE_MANAGERS = {
    name: (f"/usr/bin/{name}", f"/bin/{name}") for name in ("apt-get", "dpkg", "dnf", "zypper", "rpm")
}

_WINDOWS_MACHINE_FOLDERS = ("c:\\program files\\", "c:\\program files (x86)\\")
_POSIX_MACHINE_FOLDERS = ("/opt/", "/usr/", "/library/", "/applications/")
_USER_FOLDER = re.compile(
    r"(^|[\\/])(users|documents and settings)[\\/]|appdata|^/home/|^/users/|^~|^/root/|^/tmp/|^/var/tmp/",
    re.IGNORECASE,
)
# Written for a shell, not for CreateProcess: `"C:\x.exe" & calc` splits into an `&` argument.
_SHELL_METACHARACTERS = re.compile(r"[&|<>^;`\r\n\x00]|\$\(")
_DRIVE_PATH = re.compile(r"^[A-Za-z]:\\")
# Programs that would run whatever text they are given: a shell by another name.
_INTERPRETERS = re.compile(
    r"^(cmd|command|powershell|pwsh|wscript|cscript|mshta|rundll32|regsvr32|sh|bash|dash|zsh|ksh|csh|tcsh"
    r"|fish|busybox|env|sudo|su|perl|python[0-9.]*|ruby|osascript)(\.exe)?$",
    re.IGNORECASE,
)

SignedBy = Callable[[str], bool]


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    elevated_allowed: bool
    reason: str


def check_command(argv: Sequence[str], *, os: OsName, user_scope: bool = False) -> Verdict:
    """The path policy alone (no file is opened): everything but the signature."""
    if not argv or not argv[0]:
        return _refuse("no program to run")
    program = argv[0]
    if _INTERPRETERS.match(re.split(r"[\\/]", program)[-1]):
        return _refuse(f"{program} is a shell or script interpreter: it would run whatever it is given")
    for arg in argv:
        if _SHELL_METACHARACTERS.search(arg):
            return _refuse(f"shell syntax in {arg!r}: this command was written for a shell, never run here")
        if _has_parent_segment(arg):
            return _refuse(f"'..' in {arg!r}: a path that climbs out of its folder")
    where = _program_location(program, os)
    if where is None:
        return _refuse(
            f"{program} is not the system's msiexec, a package manager or in a machine-wide folder"
        )
    if where.startswith("refused:"):
        return _refuse(where.removeprefix("refused:"))
    if user_scope:
        return Verdict(True, False, f"{where}; registered for one user only, so never run elevated")
    touching_user = next((a for a in argv if _in_user_folder(a)), None)
    if touching_user is not None:
        return Verdict(
            True, False, f"{where}; {touching_user!r} is in a user's folder, so never run elevated"
        )
    return Verdict(True, True, where)


def check_program(
    argv: Sequence[str], *, os: OsName, user_scope: bool = False, signed_by_vendor: SignedBy
) -> Verdict:
    """`check_command`, then on Windows the vendor's Authenticode signature on anything but msiexec.

    `signed_by_vendor(path)` is normally `core.authenticode.signed_by_kaspersky`;
    tests and the demo machine pass their own.
    """
    verdict = check_command(argv, os=os, user_scope=user_scope)
    if not verdict.allowed or os != "windows" or is_system_msiexec(argv[0]):
        return verdict
    if not signed_by_vendor(argv[0]):
        return _refuse(f"{argv[0]} is not signed by the expected vendor with a valid certificate chain")
    return Verdict(True, verdict.elevated_allowed, f"{verdict.reason}; validly signed")


def is_system_msiexec(program: str) -> bool:
    return program.casefold() == WINDOWS_MSIEXEC.casefold()


def _program_location(program: str, os: OsName) -> str | None:
    """Why the program may run, "refused:<why>" for a form never allowed, or None."""
    if os == "windows":
        if program.startswith(("\\\\", "//")):
            return "refused:UNC and device paths are never run: the program would come from elsewhere"
        if not _DRIVE_PATH.match(program):
            return f"refused:{program!r} is not an absolute path: Windows would search for it"
        if is_system_msiexec(program):
            return "the system's Windows Installer"
        folded = program.casefold().replace("/", "\\")
        if folded.startswith(_WINDOWS_MACHINE_FOLDERS):
            return "in Program Files"
        return None
    if not program.startswith("/"):
        return f"refused:{program!r} is not an absolute path"
    for name, paths in PACKAGE_MANAGERS.items():
        if program in paths:
            return f"the system's package manager ({name})"
    folded = program.casefold()
    if folded.startswith(_POSIX_MACHINE_FOLDERS):
        return f"in {program.split('/')[1]}, a machine-wide folder"
    return None


def _in_user_folder(arg: str) -> bool:
    # Options carry paths after '=' (`--root=/tmp/m`, `/log=C:\Users\...`).
    return any(_USER_FOLDER.search(part) for part in (arg, arg.partition("=")[2]) if part)


def _has_parent_segment(arg: str) -> bool:
    return ".." in re.split(r"[\\/=]", arg)


def _refuse(reason: str) -> Verdict:
    return Verdict(False, False, reason)
