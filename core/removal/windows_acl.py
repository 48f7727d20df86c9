"""Windows: the elevated helper's folder, which only administrators may write.

Every user may create folders in %ProgramData%, and a folder made there inherits an entry that lets
users add files to it. So whatever installed Switchover (the per-user installer, the MSI, a checkout),
the helper makes its folder itself with an explicit, protected access list (SYSTEM and Administrators,
full control, nothing inherited), and a folder that is already there is used only when its owner is an
administrator principal and no access entry lets anyone else write it: a folder a user made first, with
a journal planted in it, is refused. Win32 calls through ctypes: no program runs, no PATH is searched.
"""

from __future__ import annotations

import ctypes
import sys
import uuid
from ctypes import wintypes
from pathlib import Path

# Owner Administrators; DACL protected (P: nothing inherited from %ProgramData%); full control for
# SYSTEM and Administrators, inherited by the files and folders made in it.
ADMIN_ONLY_SDDL = "O:BAD:P(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)"
ADMINISTRATORS = {
    "S-1-5-18": "SYSTEM",
    "S-1-5-32-544": "Administrators",
    "S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464": "TrustedInstaller",
}
# An inherit-only CREATOR OWNER entry stands for whoever makes a file in the folder: an administrator,
# when no one else may make one.
CREATOR_OWNER = "S-1-3-0"
INHERIT_ONLY_ACE = 0x08
# What lets a principal change the folder or what is in it: write/append data (add a file or folder),
# extended attributes, delete a child, attributes, delete, change the ACL or owner, generic write/all,
# and MAXIMUM_ALLOWED.
WRITE_RIGHTS = (
    0x2 | 0x4 | 0x10 | 0x40 | 0x100 | 0x10000 | 0x40000 | 0x80000 | 0x2000000 | 0x10000000 | 0x40000000
)
ACCESS_ALLOWED_ACE_TYPE = 0
DENY_ACE_TYPES = {1, 6, 0xA, 0xC}  # a deny entry never grants anything
FOLDERID_PROGRAM_DATA = uuid.UUID("62AB5D82-FDC1-4DC3-A9DD-070D1D495D97")
SE_FILE_OBJECT = 1
OWNER_AND_DACL = 0x1 | 0x4  # OWNER_SECURITY_INFORMATION | DACL_SECURITY_INFORMATION
ERROR_ALREADY_EXISTS = 183

Entry = tuple[int, int, int, str]  # an access entry: type, flags, mask, SID


def access_problem(folder: Path, owner: str, entries: list[Entry] | None) -> str | None:
    """None when an administrator principal owns `folder` and no entry of its DACL (None: it has
    none) lets anyone else write it; else what is wrong, naming the principal."""
    if owner not in ADMINISTRATORS:
        return f"{folder} belongs to {account_name(owner)}, not to the administrators"
    if entries is None:
        return f"{folder} has no access list, so everyone can write it"
    for kind, flags, mask, sid in entries:
        if kind in DENY_ACE_TYPES:
            continue
        if kind != ACCESS_ALLOWED_ACE_TYPE:
            return f"{folder} has an access entry of a kind this check cannot judge ({kind})"
        if not mask & WRITE_RIGHTS or sid in ADMINISTRATORS:
            continue
        if sid == CREATOR_OWNER and flags & INHERIT_ONLY_ACE:
            continue
        return f"{folder} can be written by {account_name(sid)}, not only by the administrators"
    return None


def account_name(sid: str) -> str:
    """`DOMAIN\\name (SID)` when Windows knows the account, else the SID."""
    if sys.platform == "win32":
        return _looked_up(sid) or sid
    return ADMINISTRATORS.get(sid, sid)


if sys.platform == "win32":
    advapi32 = ctypes.WinDLL("advapi32", use_last_error=True)
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    shell32 = ctypes.WinDLL("shell32", use_last_error=True)
    ole32 = ctypes.WinDLL("ole32")

    class SecurityAttributes(ctypes.Structure):
        _fields_ = [("nLength", wintypes.DWORD), ("lpSecurityDescriptor", ctypes.c_void_p),
                    ("bInheritHandle", wintypes.BOOL)]  # fmt: skip

    class AclHeader(ctypes.Structure):
        _fields_ = [("AclRevision", ctypes.c_ubyte), ("Sbz1", ctypes.c_ubyte), ("AclSize", wintypes.WORD),
                    ("AceCount", wintypes.WORD), ("Sbz2", wintypes.WORD)]  # fmt: skip

    class AccessAce(ctypes.Structure):
        """ACCESS_ALLOWED_ACE and ACCESS_DENIED_ACE: the header, the mask, then the SID."""

        _fields_ = [("AceType", ctypes.c_ubyte), ("AceFlags", ctypes.c_ubyte), ("AceSize", wintypes.WORD),
                    ("Mask", wintypes.DWORD)]  # fmt: skip

    def program_data() -> Path:
        """%ProgramData% as Windows knows it, not the environment variable (a user can set their own)."""
        guid = (ctypes.c_ubyte * 16).from_buffer_copy(FOLDERID_PROGRAM_DATA.bytes_le)
        path = ctypes.c_wchar_p()
        result = shell32.SHGetKnownFolderPath(ctypes.byref(guid), 0, None, ctypes.byref(path))
        try:
            if result != 0 or not path.value:
                raise OSError(f"Windows does not say where ProgramData is (HRESULT {result & 0xFFFFFFFF:#x})")
            return Path(path.value)
        finally:
            ole32.CoTaskMemFree(path)

    def make_admin_only_folder(folder: Path, sddl: str = ADMIN_ONLY_SDDL) -> bool:
        """Make `folder` with the administrators-only access list (`sddl`); False when it was already
        there (then only `admin_only_problem` can say whether it may be used). OSError otherwise."""
        descriptor = ctypes.c_void_p()
        if not advapi32.ConvertStringSecurityDescriptorToSecurityDescriptorW(
            ctypes.c_wchar_p(sddl), 1, ctypes.byref(descriptor), None
        ):
            raise ctypes.WinError(ctypes.get_last_error())
        try:
            attributes = SecurityAttributes(ctypes.sizeof(SecurityAttributes), descriptor, False)
            if kernel32.CreateDirectoryW(ctypes.c_wchar_p(str(folder)), ctypes.byref(attributes)):
                return True
            error = ctypes.get_last_error()
            if error == ERROR_ALREADY_EXISTS:
                return False
            raise ctypes.WinError(error)
        finally:
            kernel32.LocalFree(descriptor)

    def admin_only_problem(folder: Path) -> str | None:
        """None when only administrator principals own and can write `folder`; else what is wrong."""
        owner, entries = owner_and_access_entries(folder)
        return access_problem(folder, owner, entries)

    def owner_and_access_entries(folder: Path) -> tuple[str, list[Entry] | None]:
        """The folder's owner SID and its DACL's entries as (type, flags, mask, SID); None for no DACL."""
        owner, dacl, descriptor = ctypes.c_void_p(), ctypes.c_void_p(), ctypes.c_void_p()
        error = advapi32.GetNamedSecurityInfoW(
            ctypes.c_wchar_p(str(folder)), SE_FILE_OBJECT, OWNER_AND_DACL, ctypes.byref(owner), None,
            ctypes.byref(dacl), None, ctypes.byref(descriptor),
        )  # fmt: skip
        if error:
            raise ctypes.WinError(error)
        try:
            if not dacl.value:
                return sid_text(owner.value), None
            entries = []
            for index in range(AclHeader.from_address(dacl.value).AceCount):
                ace = ctypes.c_void_p()
                if not advapi32.GetAce(dacl, index, ctypes.byref(ace)):
                    raise ctypes.WinError(ctypes.get_last_error())
                header = AccessAce.from_address(ace.value)
                sid = sid_text(ace.value + ctypes.sizeof(AccessAce)) if header.AceType <= 1 else ""
                entries.append((header.AceType, header.AceFlags, header.Mask, sid))
            return sid_text(owner.value), entries
        finally:
            kernel32.LocalFree(descriptor)

    def sid_text(sid: int | None) -> str:
        text = ctypes.c_wchar_p()
        if not advapi32.ConvertSidToStringSidW(ctypes.c_void_p(sid), ctypes.byref(text)):
            raise ctypes.WinError(ctypes.get_last_error())
        try:
            return str(text.value)
        finally:
            kernel32.LocalFree(text)

    def _looked_up(sid: str) -> str | None:
        binary = ctypes.c_void_p()
        if not advapi32.ConvertStringSidToSidW(ctypes.c_wchar_p(sid), ctypes.byref(binary)):
            return None
        try:
            name, domain = ctypes.create_unicode_buffer(256), ctypes.create_unicode_buffer(256)
            name_size, domain_size, use = wintypes.DWORD(256), wintypes.DWORD(256), wintypes.DWORD()
            if not advapi32.LookupAccountSidW(
                None, binary, name, ctypes.byref(name_size), domain, ctypes.byref(domain_size),
                ctypes.byref(use),
            ):  # fmt: skip
                return None
            return f"{domain.value}\\{name.value} ({sid})" if domain.value else f"{name.value} ({sid})"
        finally:
            kernel32.LocalFree(binary)
