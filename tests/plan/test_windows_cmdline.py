"""The Windows command-line splitter against known CommandLineToArgvW results, and its inverse."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.removal.windows_cmdline import join_command_line, msiexec_command_line, split_command_line

# Microsoft's documented examples ("Parsing C command-line arguments", learn.microsoft.com/cpp/c-language/
# parsing-c-command-line-arguments), each after a program name; the rules are those the
# CommandLineToArgvW page states for backslashes and quotes.
MICROSOFT_EXAMPLES = [
    ('"a b c" d e', ["a b c", "d", "e"]),
    ('"ab\\"c" "\\\\" d', ['ab"c', "\\", "d"]),
    ('a\\\\\\b d"e f"g h', ["a\\\\\\b", "de fg", "h"]),
    ('a\\\\\\"b c d', ['a\\"b', "c", "d"]),
    ('a\\\\\\\\"b c" d e', ["a\\\\b c", "d", "e"]),
]

# Wine's conformance table for CommandLineToArgvW (dlls/shell32/tests/shlexec.c, cmdline_tests), which
# also runs on real Windows: consecutive quotes and the program name's own rules.
WINE_CONFORMANCE = [
    ('exe "two""quotes next', ["exe", 'two"quotes', "next"]),
    ('exe "two"" next', ["exe", 'two"', "next"]),
    ('exe "three""" quotes" next 4%3=1', ["exe", 'three" quotes', "next", "4%3=1"]),
    ('exe five"""""quotes next', ["exe", 'five"quotes', "next"]),
    ('exe "the crazy \\\\"""\\\\" quotes', ["exe", 'the crazy \\"\\', "quotes"]),
    ('exe"file"path arg1', ['exe"file"path', "arg1"]),
    ('exe"path\\ arg1', ['exe"path\\', "arg1"]),
    ('\\"exe "arg one"', ['\\"exe', "arg one"]),
    ('"spaced exe" "next arg"', ["spaced exe", "next arg"]),
    ('"spaced exe"\t"next arg"', ["spaced exe", "next arg"]),
    ('"exe"arg" one" argtwo', ["exe", "arg one", "argtwo"]),
    ('"spaced exe\\"arg1 arg2', ["spaced exe\\", "arg1", "arg2"]),
    ('"two"" arg1 ', ["two", " arg1 "]),
    ('"three""" arg2', ["three", "", "arg2"]),
    ('"four""""arg1', ["four", '"arg1']),
    (' "arg"one argtwo', ["", "argone", "argtwo"]),
]

# Uninstall strings as they appear in the registry (footprints §1.3, §1.4).
UNINSTALL_STRINGS = [
    (
        "MsiExec.exe /I{1A7B331A-ABBE-4230-995E-BCD99C5A18CF} "
        '/l*v "C:\\WINDOWS\\Temp\\$klnagent-uninstall.log"',
        [
            "MsiExec.exe",
            "/I{1A7B331A-ABBE-4230-995E-BCD99C5A18CF}",
            "/l*v",
            "C:\\WINDOWS\\Temp\\$klnagent-uninstall.log",
        ],
    ),
    (
        '"C:\\Program Files (x86)\\Kaspersky Lab\\Kaspersky Total Security\\avpui.exe" /uninstall',
        ["C:\\Program Files (x86)\\Kaspersky Lab\\Kaspersky Total Security\\avpui.exe", "/uninstall"],
    ),
    ('"C:\\x.exe" & calc', ["C:\\x.exe", "&", "calc"]),
]


@pytest.mark.parametrize(("line", "argv"), MICROSOFT_EXAMPLES)
def test_microsoft_documented_examples(line: str, argv: list[str]) -> None:
    assert split_command_line(f"prog {line}") == ["prog", *argv]


@pytest.mark.parametrize(("line", "argv"), WINE_CONFORMANCE)
def test_wine_conformance_cases(line: str, argv: list[str]) -> None:
    assert split_command_line(line) == argv


@pytest.mark.parametrize(("line", "argv"), UNINSTALL_STRINGS)
def test_real_uninstall_strings(line: str, argv: list[str]) -> None:
    assert split_command_line(line) == argv


def test_program_name_with_spaces_and_no_quotes_ends_at_the_first_space() -> None:
    # The reason Windows warns about unquoted paths: C:\Program is the program.
    assert split_command_line("C:\\Program Files\\Kaspersky Lab\\uninstall.exe /s")[0] == "C:\\Program"


def test_empty_line_has_no_arguments() -> None:
    assert split_command_line("") == []


def test_join_quotes_what_needs_quoting() -> None:
    line = join_command_line(
        ["C:\\Program Files\\a.exe", "KLPASSWD={password}", "a b", 'say "hi"', "end\\", ""]
    )
    assert line == '"C:\\Program Files\\a.exe" KLPASSWD={password} "a b" "say \\"hi\\"" end\\ ""'


def test_join_refuses_a_program_name_with_a_quote() -> None:
    with pytest.raises(ValueError, match="quote"):
        join_command_line(['C:\\a".exe'])


@given(st.text())
def test_splitting_never_raises(line: str) -> None:
    argv = split_command_line(line)
    assert all(isinstance(arg, str) for arg in argv)
    assert bool(argv) == bool(line)


programs = st.text(st.characters(blacklist_characters='"'), min_size=0)


@given(programs, st.lists(st.text()))
def test_join_then_split_gives_the_same_argv(program: str, args: list[str]) -> None:
    argv = [program, *args]
    assert split_command_line(join_command_line(argv)) == argv


def test_msiexec_properties_follow_windows_installer_quoting() -> None:
    # Windows Installer reads PROPERTY="value", with "" for a quote inside; a value without
    # blanks or quotes stays bare (ProcessEx's documented "Msi" escaping, the same rules).
    line = msiexec_command_line(
        [
            "C:\\Windows\\System32\\msiexec.exe",
            "/x",
            "{7A4192A1-84C4-4E90-A31B-B4847CA8E23A}",
            "/l*v",
            "C:\\Windows\\Logs\\switchover-7A4192A1.log",
            "KLLOGIN=KLAdmin",
            'KLPASSWD=pa ss"word',
            "REBOOT=",
        ]
    )
    assert line == (
        "C:\\Windows\\System32\\msiexec.exe /x {7A4192A1-84C4-4E90-A31B-B4847CA8E23A} /l*v "
        'C:\\Windows\\Logs\\switchover-7A4192A1.log KLLOGIN=KLAdmin KLPASSWD="pa ss""word" REBOOT=""'
    )


def test_msiexec_command_line_keeps_c_quoting_for_other_arguments() -> None:
    assert msiexec_command_line(["C:\\Program Files\\x.exe", "/l*v", "C:\\a b\\log.txt"]) == (
        '"C:\\Program Files\\x.exe" /l*v "C:\\a b\\log.txt"'
    )
