"""The allow-list: may this command run at all, and may it run elevated?

Uninstall strings come from the registry, which malware, other users and
broken installers can write. So a program runs only if it is the system's
msiexec, a package manager at its system path, or lies in a machine-wide folder
that ordinary users cannot write (Program Files, /opt, /Library, /usr) and, on
Windows, is itself Authenticode-signed by the expected vendor. Anything that came
from a per-user registration (HKCU, HKEY_USERS) or touches a user's folders may
run, if at all, only with the user's own rights.

`check_command` is pure: the plan uses it to refuse hostile strings before they
become steps. It also holds msiexec to the one removal Switchover plans (`/x` one
product code, quiet switches, a log in C:\\Windows\\Logs, the password
properties): msiexec run elevated would otherwise install, register a DLL or
fetch a package from anywhere it is told. `check_program` adds what needs the
files themselves, and is what the executor calls right before it starts
anything: on Windows the vendor's Authenticode signature; elsewhere that the
program, every folder above it and every link on the way belong to root and
that no group or other user can write them (a folder's name proves nothing:
/Applications is writable by the admin group, Homebrew makes /usr/local and
/opt/homebrew the user's own). Commands are judged as planned, with the
`{password}` placeholders still in them.

What remains: the guard checks a path and the runner then starts that path, so
whoever can change the file or a folder above it between the two could swap the
program. The checks above make that someone root (or, on Windows, an
administrator, since Program Files and System32 admit no one else), who needs no
swap to run anything. The executor checks again immediately before every start
to keep that window short; closing it would take starting the program from an
open handle (fexecve), which neither CreateProcess nor sudo offers.
"""

from __future__ import annotations

import ntpath
import os as _os
import posixpath
import re
import stat as _stat
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from core.detection.adapters.linux import PACKAGE_MANAGERS
from core.model import OsName
from core.removal.secrets import PLACEHOLDERS

WINDOWS_MSIEXEC = "C:\\Windows\\System32\\msiexec.exe"

_WINDOWS_MACHINE_FOLDERS = ("c:\\program files\\", "c:\\program files (x86)\\")
# /Applications is missing on purpose: macOS lets the admin group write it, without a password.
_POSIX_MACHINE_FOLDERS = ("/opt/", "/usr/", "/library/")
# Inside those, the folders Homebrew hands to the user who installed it.
_POSIX_USER_OWNED_FOLDERS = ("/usr/local/", "/opt/homebrew/")
# Places users can write: profiles (also by their 8.3 names, USERS~1 and DOCUME~1), AppData,
# C:\ProgramData (users may create folders there) and C:\Windows\Temp, anything an %VARIABLE% would
# expand to, network shares (UNC), and their POSIX counterparts.
_USER_FOLDER = re.compile(
    r"(^|[\\/])(users|documents and settings|users~\d+|docume~\d+|programdata)[\\/]"
    r"|appdata|[\\/]windows[\\/]temp([\\/]|$)|%[^%\s]+%|^(\\\\|//)"
    r"|^/home/|^/users/|^~|^/root/|^/tmp/|^/var/tmp/",
    re.IGNORECASE,
)
# Written for a shell, not for CreateProcess: `"C:\x.exe" & calc` splits into an `&` argument.
_SHELL_METACHARACTERS = re.compile(r"[&|<>^;`\r\n\x00]|\$\(")
_DRIVE_PATH = re.compile(r"^[A-Za-z]:\\")
# Programs that would run whatever text they are given, or start another program they are told
# to: a shell by another name. A deny-list is only a second line; the first is where a program lies.
_INTERPRETERS = re.compile(
    r"^(cmd|command|powershell|pwsh|wscript|cscript|mshta|rundll32|regsvr32|sh|bash|dash|zsh|ksh|csh|tcsh"
    r"|fish|busybox|env|sudo|su|perl|python[0-9.]*|ruby|osascript"
    r"|awk|gawk|mawk|nawk|sed|xargs|find|node|nodejs|php[0-9.]*|lua[0-9.]*|luajit|tclsh[0-9.]*|wish"
    r"|expect|nohup|timeout|setsid|systemd-run|pkexec|doas|runuser|chroot|nice|ionice|stdbuf"
    r"|open|xdg-open|ssh)(\.exe)?$",
    re.IGNORECASE,
)

# msiexec: the only command line Switchover plans for it (core.removal.plan's uninstall_msi step).
_MSI_REMOVE_SWITCHES = ("/x", "/uninstall")
_MSI_QUIET_SWITCHES = ("/qn", "/quiet", "/passive", "/qb", "/norestart")
_MSI_LOG_SWITCH = "/l*v"
_GUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
_PRODUCT_CODE = re.compile(rf"^\{{{_GUID}\}}$", re.IGNORECASE)
# C:\Windows\Logs admits administrators only; C:\Windows\Temp lets users plant a link at the name.
_MSI_LOG = re.compile(rf"^C:\\Windows\\Logs\\switchover-([0-9a-f]{{32}}|{_GUID})\.log$", re.IGNORECASE)
_MSI_PROPERTIES = ("KLLOGIN", "KLPASSWD", "KLUNINSTPASSWD", "REBOOT")
_MSI_PROPERTY_VALUE = re.compile(r"^[A-Za-z0-9_.@-]+$")

_MAX_LINKS = 40  # as Linux's own path lookup: a loop of links ends here

SignedBy = Callable[[str], bool]
# os.lstat or a stand-in: what a path is, without following a final link.
Lstat = Callable[[str], "_os.stat_result"]
ReadLink = Callable[[str], str]


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    elevated_allowed: bool
    reason: str


def check_command(argv: Sequence[str], *, os: OsName, user_scope: bool = False) -> Verdict:
    """The path policy alone (no file is opened): everything but the signature and the owners."""
    if not argv or not argv[0]:
        return _refuse("no program to run")
    program = argv[0]
    if any(p in program for p in PLACEHOLDERS):
        return _refuse(f"{program!r} holds a password placeholder: the program itself is never filled in")
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
    if os == "windows" and is_system_msiexec(program):
        refusal = _msiexec_refusal(argv[1:])
        if refusal:
            return _refuse(f"msiexec {refusal}: Switchover runs it only to remove one product")
    if user_scope:
        return Verdict(True, False, f"{where}; registered for one user only, so never run elevated")
    touching_user = next((a for a in argv if _in_user_folder(a)), None)
    if touching_user is not None:
        return Verdict(
            True, False, f"{where}; {touching_user!r} is in a user's folder, so never run elevated"
        )
    return Verdict(True, True, where)


def running_os() -> OsName:
    """The OS this process runs on: what a path means is decided here, never by a plan's text."""
    if sys.platform == "win32":
        return "windows"
    return "macos" if sys.platform == "darwin" else "linux"


def is_absolute_here(program: str, running: OsName) -> bool:
    """Is `program` an absolute path on the running OS, so that starting it never searches PATH?"""
    if running == "windows":
        return bool(_DRIVE_PATH.match(program)) and ntpath.isabs(program)
    return posixpath.isabs(program)


def check_program(
    argv: Sequence[str],
    *,
    os: OsName,
    user_scope: bool = False,
    signed_by_vendor: SignedBy,
    lstat: Lstat = _os.lstat,
    readlink: ReadLink = _os.readlink,
    running: OsName | None = None,
) -> Verdict:
    """`check_command`, then what the files say: on Windows the vendor's Authenticode signature on
    anything but msiexec; elsewhere that only root can change the program or the folders above it.

    The plan's `os` must be the OS that runs (`running`, this one unless a test says otherwise):
    on Linux `C:\\Windows\\System32\\msiexec.exe` is a relative file name that PATH would find.
    `signed_by_vendor(path)` is normally `core.removal.authenticode.signed_by_kaspersky`;
    tests and the demo machine pass their own. `lstat` and `readlink` are the
    filesystem's (tests pass stand-ins that look into a folder of their own).
    """
    running = running or running_os()
    if os != running:
        return _refuse(f"this plan is for {os} and this machine runs {running}: nothing of it runs here")
    verdict = check_command(argv, os=os, user_scope=user_scope)
    if not verdict.allowed:
        return verdict
    if os != "windows":
        resolved, refusal = _resolve_root_only(argv[0], lstat, readlink)
        if refusal:
            return _refuse(refusal)
        if resolved != argv[0]:
            # a link: what it leads to must pass the path policy in its own right
            target = check_command([resolved, *argv[1:]], os=os, user_scope=user_scope)
            if not target.allowed:
                return _refuse(f"{argv[0]} leads to {resolved}: {target.reason}")
        return Verdict(True, verdict.elevated_allowed, f"{verdict.reason}; only root can change it")
    if is_system_msiexec(argv[0]):
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
    if folded.startswith(_POSIX_USER_OWNED_FOLDERS):
        folder = "/".join(program.split("/")[:3])
        return f"refused:{program} is under {folder}, which Homebrew gives to the user who installs it"
    if folded.startswith(_POSIX_MACHINE_FOLDERS):
        return f"in {program.split('/')[1]}, a machine-wide folder"
    return None


def _msiexec_refusal(args: Sequence[str]) -> str | None:
    """Why these msiexec arguments are more than one planned removal, or None."""
    product: str | None = None
    log: str | None = None
    rest = iter(args)
    for arg in rest:
        switch = arg.casefold()
        if switch in _MSI_REMOVE_SWITCHES:
            code = next(rest, "")
            if not _PRODUCT_CODE.match(code):
                return f"{arg} takes one product code in braces, not {code!r}"
            if product is not None:
                return "removes one product per run, and this names two"
            product = code
        elif switch in _MSI_QUIET_SWITCHES:
            continue
        elif switch == _MSI_LOG_SWITCH:
            path = next(rest, "")
            if not _MSI_LOG.match(path):
                return f"logs only to C:\\Windows\\Logs\\switchover-<product>.log, not {path!r}"
            if log is not None:
                return "writes one log, and this names two"
            log = path
        elif "=" in arg and not arg.startswith("/"):
            name, _, value = arg.partition("=")
            if name not in _MSI_PROPERTIES:
                return f"takes only the properties {', '.join(_MSI_PROPERTIES)}, not {name!r}"
            if value not in PLACEHOLDERS and not _MSI_PROPERTY_VALUE.match(value):
                return f"property {name} holds {value!r}: only letters, digits and a password placeholder"
        else:
            return f"never takes {arg!r}"
    if product is None:
        return "is given no /x with a product code"
    return None


def _resolve_root_only(program: str, lstat: Lstat, readlink: ReadLink) -> tuple[str, str | None]:
    """The program's real path, and why someone other than root could change what runs, or None.

    Walks the path one name at a time as the kernel does, following links: every folder a
    name is looked up in, every link and the program itself must belong to root and be
    writable by no group or other user (a link's own mode means nothing on Linux; its owner
    and its folder decide who can change it).
    """
    refusal = _writable_by_others("/", lstat)
    if refusal:
        return program, refusal
    current, kind = "/", _stat.S_IFDIR
    pending = [part for part in program.split("/") if part]
    links = 0
    while pending:
        name = pending.pop(0)
        if name == ".":
            continue
        if name == "..":
            current, kind = posixpath.dirname(current), _stat.S_IFDIR
            continue
        path = posixpath.join(current, name)
        try:
            info = lstat(path)
        except OSError as error:
            return program, f"{path} cannot be checked ({error.strerror or error})"
        if _stat.S_ISLNK(info.st_mode):
            links += 1
            if links > _MAX_LINKS:
                return program, f"{program}: too many links on the way"
            if info.st_uid != 0:
                return program, f"{path} is a link that belongs to uid {info.st_uid}, not to root"
            try:
                target = readlink(path)
            except OSError as error:
                return program, f"{path} cannot be read ({error.strerror or error})"
            if target.startswith("/"):
                current = "/"
            pending = [part for part in target.split("/") if part] + pending
            continue
        refusal = _writable_by_others(path, lstat, info)
        if refusal:
            return program, refusal
        if pending and not _stat.S_ISDIR(info.st_mode):
            return program, f"{path} is not a folder"
        current, kind = path, _stat.S_IFMT(info.st_mode)
    if kind != _stat.S_IFREG:
        return program, f"{current} is not a regular file"
    return current, None


def _writable_by_others(path: str, lstat: Lstat, info: _os.stat_result | None = None) -> str | None:
    try:
        info = info or lstat(path)
    except OSError as error:
        return f"{path} cannot be checked ({error.strerror or error})"
    if info.st_uid != 0:
        return f"{path} belongs to uid {info.st_uid}, not to root: that user could replace the program"
    if info.st_mode & (_stat.S_IWGRP | _stat.S_IWOTH):
        return f"{path} is writable by {'everyone' if info.st_mode & _stat.S_IWOTH else 'its group'}"
    return None


def _in_user_folder(arg: str) -> bool:
    # Options carry paths after '=' (`--root=/tmp/m`, `/log=C:\Users\...`).
    return any(_USER_FOLDER.search(part) for part in (arg, arg.partition("=")[2]) if part)


def _has_parent_segment(arg: str) -> bool:
    return ".." in re.split(r"[\\/=]", arg)


def _refuse(reason: str) -> Verdict:
    return Verdict(False, False, reason)
