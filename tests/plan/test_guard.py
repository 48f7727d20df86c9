"""The allow-list: what may run, what may run elevated, and why everything else is refused."""

from __future__ import annotations

import pytest

from core.guard import WINDOWS_MSIEXEC, check_command, check_program
from core.windows_cmdline import split_command_line

KES_UNINSTALLER = "C:\\Program Files (x86)\\Kaspersky Lab\\KES.12.10.0\\uninstall.exe"


def signed(_path: str) -> bool:
    return True


def unsigned(_path: str) -> bool:
    return False


def test_system_msiexec_runs_elevated() -> None:
    verdict = check_command([WINDOWS_MSIEXEC, "/x", "{C9EF800D-54AA-4F60-AB96-5A3966550F53}"], os="windows")
    assert verdict.allowed and verdict.elevated_allowed


def test_msiexec_needs_no_signature_check() -> None:
    seen: list[str] = []
    verdict = check_program(
        [WINDOWS_MSIEXEC, "/x", "{X}"], os="windows", signed_by_vendor=lambda p: bool(seen.append(p))
    )
    assert verdict.allowed and seen == []


def test_program_files_uninstaller_runs_only_when_signed_by_the_vendor() -> None:
    assert check_program([KES_UNINSTALLER], os="windows", signed_by_vendor=signed).elevated_allowed
    refused = check_program([KES_UNINSTALLER], os="windows", signed_by_vendor=unsigned)
    assert not refused.allowed and "not signed" in refused.reason


def test_signature_is_checked_on_the_program_itself() -> None:
    seen: list[str] = []
    check_program(
        [KES_UNINSTALLER, "/s"], os="windows", signed_by_vendor=lambda p: bool(seen.append(p)) or True
    )
    assert seen == [KES_UNINSTALLER]


@pytest.mark.parametrize(
    ("line", "why"),
    [
        ('"C:\\x.exe" & calc', "shell"),
        ('"C:\\Program Files\\Kaspersky Lab\\u.exe" && calc.exe', "shell"),
        ('"C:\\Program Files\\Kaspersky Lab\\u.exe" | more', "shell"),
        ('"C:\\Program Files\\Kaspersky Lab\\u.exe" > C:\\out.txt', "shell"),
        ('"C:\\Program Files\\Kaspersky Lab\\..\\..\\Users\\Public\\evil.exe"', "'..'"),
        ('"C:\\Program Files\\Kaspersky Lab\\u.exe" /log=..\\..\\x', "'..'"),
        ("\\\\server\\share\\uninstall.exe /s", "UNC"),
        ("//server/share/uninstall.exe", "UNC"),
        ("uninstall.exe /s", "not an absolute path"),
        ("msiexec.exe /x {C9EF800D-54AA-4F60-AB96-5A3966550F53}", "not an absolute path"),
        ('"C:\\Users\\ann\\AppData\\Local\\Temp\\uninst.exe"', "machine-wide"),
        ("C:\\Windows\\System32\\cmd.exe /c del C:\\", "interpreter"),
        ("C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe -c x", "interpreter"),
        ('"C:\\Program Files\\Kaspersky Lab\\u.exe" ^& calc', "shell"),
    ],
)
def test_hostile_uninstall_strings_are_refused_with_a_reason(line: str, why: str) -> None:
    verdict = check_program(split_command_line(line), os="windows", signed_by_vendor=signed)
    assert not verdict.allowed and not verdict.elevated_allowed
    assert why in verdict.reason


def test_per_user_registration_never_runs_elevated() -> None:
    verdict = check_command([WINDOWS_MSIEXEC, "/x", "{X}"], os="windows", user_scope=True)
    assert verdict.allowed and not verdict.elevated_allowed
    assert "one user" in verdict.reason


def test_arguments_pointing_into_user_folders_never_run_elevated() -> None:
    verdict = check_command([KES_UNINSTALLER, "/log=C:\\Users\\ann\\AppData\\Local\\k.log"], os="windows")
    assert verdict.allowed and not verdict.elevated_allowed


@pytest.mark.parametrize(
    "argv",
    [
        ["/usr/bin/dpkg", "--remove", "kesl"],
        ["/usr/bin/apt-get", "remove", "-y", "kesl", "klnagent64"],
        ["/usr/bin/rpm", "-e", "kesl"],
        ["/usr/bin/dnf", "remove", "kesl"],
        ["/usr/bin/zypper", "remove", "kesl"],
        ["/opt/kaspersky/kesl/bin/uninstall"],
        ["/Library/Application Support/Kaspersky Lab/KAV/Binaries/UninstallScript"],
    ],
)
def test_package_managers_and_machine_folders_are_allowed_on_unix(argv: list[str]) -> None:
    verdict = check_program(argv, os="linux", signed_by_vendor=unsigned)  # no Authenticode off Windows
    assert verdict.allowed and verdict.elevated_allowed


@pytest.mark.parametrize(
    ("argv", "why"),
    [
        (["/home/ann/kaspersky/uninstall.sh"], "machine-wide"),
        (["~/uninstall"], "not an absolute path"),
        (["/tmp/uninstall"], "machine-wide"),
        (["/usr/bin/sh", "-c", "rm -rf /"], "interpreter"),
        (["/usr/bin/env", "dpkg", "-r", "kesl"], "interpreter"),
        (["/usr/bin/dpkg", "-r", "kesl; rm -rf /"], "shell"),
        (["/usr/bin/dpkg", "-r", "$(reboot)"], "shell"),
        (["dpkg", "-r", "kesl"], "not an absolute path"),
        ([], "no program"),
    ],
)
def test_unix_commands_outside_the_allow_list_are_refused(argv: list[str], why: str) -> None:
    verdict = check_command(argv, os="linux")
    assert not verdict.allowed and why in verdict.reason


def test_offline_root_in_a_temporary_folder_is_allowed_but_not_elevated() -> None:
    verdict = check_command(["/usr/bin/dpkg", "--root=/tmp/machine", "--remove", "kesl"], os="linux")
    assert verdict.allowed and verdict.elevated_allowed is False


def test_password_placeholders_are_judged_as_planned() -> None:
    argv = [WINDOWS_MSIEXEC, "/x", "{X}", "KLLOGIN=KLAdmin", "KLPASSWD={password}", "/qn"]
    assert check_command(argv, os="windows").elevated_allowed
