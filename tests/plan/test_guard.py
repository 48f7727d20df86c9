"""The allow-list: what may run, what may run elevated, and why everything else is refused."""

from __future__ import annotations

import pytest

from core.removal.guard import WINDOWS_MSIEXEC, check_command, check_program
from core.removal.windows_cmdline import split_command_line

KES_UNINSTALLER = "C:\\Program Files (x86)\\Kaspersky Lab\\KES.12.10.0\\uninstall.exe"
CODE = "{C9EF800D-54AA-4F60-AB96-5A3966550F53}"
LOG = "C:\\Windows\\Logs\\switchover-C9EF800D-54AA-4F60-AB96-5A3966550F53.log"


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
        [WINDOWS_MSIEXEC, "/x", CODE],
        os="windows",
        running="windows",
        signed_by_vendor=lambda p: bool(seen.append(p)),
    )
    assert verdict.allowed and seen == []


def test_program_files_uninstaller_runs_only_when_signed_by_the_vendor() -> None:
    assert check_program(
        [KES_UNINSTALLER], os="windows", running="windows", signed_by_vendor=signed
    ).elevated_allowed
    refused = check_program([KES_UNINSTALLER], os="windows", running="windows", signed_by_vendor=unsigned)
    assert not refused.allowed and "not signed" in refused.reason


def test_signature_is_checked_on_the_program_itself() -> None:
    seen: list[str] = []
    check_program(
        [KES_UNINSTALLER, "/s"],
        os="windows",
        running="windows",
        signed_by_vendor=lambda p: bool(seen.append(p)) or True,
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
    verdict = check_program(
        split_command_line(line), os="windows", running="windows", signed_by_vendor=signed
    )
    assert not verdict.allowed and not verdict.elevated_allowed
    assert why in verdict.reason


def test_per_user_registration_never_runs_elevated() -> None:
    verdict = check_command([WINDOWS_MSIEXEC, "/x", CODE], os="windows", user_scope=True)
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
def test_package_managers_and_machine_folders_pass_the_path_policy_on_unix(argv: list[str]) -> None:
    # check_program adds who owns the files (tests/plan/test_guard_owners.py): these are not all here
    verdict = check_command(argv, os="linux")
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
    argv = [WINDOWS_MSIEXEC, "/x", CODE, "KLLOGIN=KLAdmin", "KLPASSWD={password}", "/qn"]
    assert check_command(argv, os="windows").elevated_allowed


@pytest.mark.parametrize(
    "argv",
    [
        ["/opt/{password}/uninstall"],
        ["/opt/kaspersky/{password_hex}"],
        ["C:\\Program Files\\Kaspersky Lab\\{password}.exe", "/s"],
    ],
)
def test_a_placeholder_in_the_program_is_refused(argv: list[str]) -> None:
    # the executor fills only arguments; a program named by the password is never what was judged
    os_name = "windows" if argv[0].startswith("C:") else "linux"
    verdict = check_command(argv, os=os_name)
    assert not verdict.allowed and "placeholder" in verdict.reason


# msiexec: only the removal the plan writes (core.removal.plan's uninstall_msi step).


@pytest.mark.parametrize(
    "args",
    [
        ["/x", CODE],
        ["/X", CODE.lower()],
        ["/uninstall", CODE, "/quiet", "/passive", "/qb"],
        ["/x", CODE, "/qn", "/norestart", "/l*v", LOG],
        ["/x", CODE, "/L*V", "C:\\Windows\\Logs\\switchover-" + "ab" * 16 + ".log"],
        ["/x", CODE, "/l*v", LOG, "KLLOGIN=KLAdmin", "KLPASSWD={password}"],
        ["/x", CODE, "KLUNINSTPASSWD={password_hex}", "REBOOT=ReallySuppress"],
    ],
)
def test_msiexec_removing_one_product_runs_elevated(args: list[str]) -> None:
    verdict = check_command([WINDOWS_MSIEXEC, *args], os="windows")
    assert verdict.allowed and verdict.elevated_allowed, verdict.reason


@pytest.mark.parametrize(
    ("args", "why"),
    [
        (["/z", "C:\\Program Files\\Kaspersky Lab\\evil.dll"], "'/z'"),  # DllUnregisterServer
        (["/y", "C:\\Program Files\\Kaspersky Lab\\evil.dll"], "'/y'"),  # DllRegisterServer
        (["/i", "\\\\host\\share\\x.msi", "/qn"], "'/i'"),
        (["/i", "https://example.com/x.msi"], "'/i'"),
        (["/i", "C:\\ProgramData\\x.msi"], "'/i'"),
        (["/package", "C:\\ProgramData\\x.msi"], "'/package'"),
        (["/x", CODE, "/i", "C:\\ProgramData\\x.msi"], "'/i'"),
        (["/x", "C:\\ProgramData\\x.msi"], "product code"),  # /x also takes a package path
        (["/x", "{X}"], "product code"),
        (["/x"], "product code"),
        (["/x", CODE, "/x", "{6F2A7F3B-0C58-4B2E-9E2D-3D5B1A0B9C11}"], "two"),
        (["/qn"], "no /x"),
        (["-x", CODE], "'-x'"),
        (["/x", CODE, "/p", "C:\\ProgramData\\x.msp"], "'/p'"),
        (["/x", CODE, "/a", "C:\\ProgramData\\x.msi"], "'/a'"),
        (["/x", CODE, "/jm", "C:\\ProgramData\\x.msi"], "'/jm'"),
        (["/x", CODE, "/fa", CODE], "'/fa'"),
        (["/x", CODE, "/l*v", "C:\\Windows\\Temp\\switchover-C9EF800D.log"], "logs only"),
        (["/x", CODE, "/l*v", "C:\\Windows\\Logs\\other.log"], "logs only"),
        (["/x", CODE, "/l*v", "C:\\Windows\\Logs\\switchover-zz.log"], "logs only"),
        (["/x", CODE, "/l*v", LOG + ".txt"], "logs only"),
        (["/x", CODE, "/l*v"], "logs only"),
        (["/x", CODE, "/lv", LOG], "'/lv'"),
        (["/x", CODE, "/l*v", LOG, "/l*v", LOG], "two"),
        (["/x", CODE, "TRANSFORMS=C:\\ProgramData\\x.mst"], "'TRANSFORMS'"),
        (["/x", CODE, "PATCH=C:\\ProgramData\\x.msp"], "'PATCH'"),
        (["/x", CODE, "CUSTOMACTIONDATA=x"], "'CUSTOMACTIONDATA'"),
        (["/x", CODE, "klpasswd={password}"], "'klpasswd'"),
        (["/x", CODE, 'KLPASSWD=x" /i "C:\\ProgramData\\x.msi'], "KLPASSWD"),
        (["/x", CODE, "KLLOGIN=a b"], "KLLOGIN"),
    ],
)
def test_msiexec_doing_anything_but_one_removal_is_refused(args: list[str], why: str) -> None:
    verdict = check_program(
        [WINDOWS_MSIEXEC, *args], os="windows", running="windows", signed_by_vendor=signed
    )
    assert not verdict.allowed and not verdict.elevated_allowed
    assert why in verdict.reason and "msiexec" in verdict.reason


def test_only_the_system_msiexec_is_held_to_the_removal() -> None:
    # another program's own `/i` is its business (it must still be signed); the rule is msiexec's
    verdict = check_program([KES_UNINSTALLER, "/i"], os="windows", running="windows", signed_by_vendor=signed)
    assert verdict.allowed


@pytest.mark.parametrize(
    "argument",
    [
        "/log=C:\\USERS~1\\ann\\x.log",
        "C:\\DOCUME~1\\ann\\x.ini",
        "/config=%TEMP%\\kl.ini",
        "%USERPROFILE%\\x.ini",
        "C:\\ProgramData\\Kaspersky Lab\\setup.ini",
        "/log=C:\\Windows\\Temp\\kl.log",
        "\\\\server\\share\\kl.ini",
        "//server/share/kl.ini",
        "\\\\?\\C:\\Users\\ann\\x.ini",
    ],
)  # issue 9 #17: each one is a place users can write
def test_an_argument_in_a_folder_users_can_write_never_runs_elevated(argument: str) -> None:
    verdict = check_command([KES_UNINSTALLER, argument], os="windows")
    assert verdict.allowed and not verdict.elevated_allowed, verdict.reason
