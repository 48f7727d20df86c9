"""Windows command lines to argument lists and back, by Windows' own rules, never through a shell.

Uninstall entries hold one string (`UninstallString`) that Windows hands to
CreateProcess, which gives it to the program unsplit; the program splits it
with CommandLineToArgvW or its C runtime. Switchover must see exactly the
argv those rules produce, so that what the guard judges is what would run.

The rules, as Microsoft documents them for CommandLineToArgvW
(https://learn.microsoft.com/windows/win32/api/shellapi/nf-shellapi-commandlinetoargvw)
and as Wine's conformance tests pin them down on real Windows
(wine dlls/shell32/tests/shlexec.c, `cmdline_tests`; implementation in
dlls/shcore/main.c):

- The program name (argv[0]) has its own rules: backslashes are literal; if it
  starts with a quote it ends at the next quote, whatever follows; otherwise it
  ends at the first space or tab and quotes in it are literal. A line that
  starts with a space has an empty program name.
- Elsewhere, spaces and tabs outside quotes separate arguments; 2n backslashes
  before a quote give n backslashes and the quote toggles quoting; 2n+1
  backslashes before a quote give n backslashes and a literal quote; other
  backslashes are literal.
- Consecutive quotes inside a quoted part count with the opening quote: 3n give
  n quotes and stay quoted, 3n+1 give n quotes and close, 3n+2 give n+1 quotes
  and close.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_BLANKS = " \t"


def split_command_line(command_line: str) -> list[str]:
    """Split a Windows command line into argv exactly as CommandLineToArgvW does.

    An empty string gives an empty list (Windows would return the path of the
    calling program, which means nothing here).
    """
    if not command_line:
        return []
    program, i = _program_name(command_line)
    argv = [program]
    n = len(command_line)
    while i < n and command_line[i] in _BLANKS:
        i += 1
    if i == n:
        return argv
    current: list[str] = []
    quotes = 0  # CommandLineToArgvW's qcount: 1 while inside quotes
    backslashes = 0
    while i < n:
        char = command_line[i]
        if char in _BLANKS and quotes == 0:
            argv.append("".join(current))
            current = []
            backslashes = 0
            while i < n and command_line[i] in _BLANKS:
                i += 1
            if i == n:
                return argv
            continue
        if char == "\\":
            current.append(char)
            backslashes += 1
            i += 1
            continue
        if char == '"':
            del current[len(current) - (backslashes + 1) // 2 :]
            if backslashes % 2:
                current.append('"')  # an escaped quote: literal, quoting unchanged
            else:
                quotes += 1
            i += 1
            backslashes = 0
            while i < n and command_line[i] == '"':
                quotes += 1
                if quotes == 3:
                    current.append('"')
                    quotes = 0
                i += 1
            if quotes == 2:
                quotes = 0
            continue
        current.append(char)
        backslashes = 0
        i += 1
    argv.append("".join(current))
    return argv


def _program_name(command_line: str) -> tuple[str, int]:
    """argv[0] and the index just past it."""
    if command_line[0] == '"':
        end = command_line.find('"', 1)
        if end < 0:
            return command_line[1:], len(command_line)
        return command_line[1:end], end + 1
    end = next((i for i, c in enumerate(command_line) if c in _BLANKS), len(command_line))
    return command_line[:end], end


def join_command_line(argv: Sequence[str]) -> str:
    """The command line that `split_command_line` (and Windows) turns back into `argv`.

    Raises ValueError for a program name that no command line can carry (one
    with a quote in it, or an empty argv).
    """
    if not argv:
        raise ValueError("an empty argv has no command line")
    program = argv[0]
    if '"' in program:
        raise ValueError("a program name cannot contain a quote on Windows")
    parts = [f'"{program}"' if not program or any(c in _BLANKS for c in program) else program]
    parts += [_quote_argument(arg) for arg in argv[1:]]
    return " ".join(parts)


_MSI_PROPERTY = re.compile(r"([A-Za-z_][A-Za-z0-9_.]*)=(.*)", re.DOTALL)


def msiexec_command_line(argv: Sequence[str]) -> str:
    """The command line for msiexec, which parses `PROPERTY=value` by its own rules, not the C ones.

    A value with blanks or quotes, or an empty one, is written `PROPERTY="va ""lu"" e"` (a quote
    inside doubled); everything else is quoted as `join_command_line` does. A password typed with
    a space or a quote then reaches Windows Installer as typed.
    """
    parts = [join_command_line(argv[:1])]
    for arg in argv[1:]:
        found = _MSI_PROPERTY.fullmatch(arg)
        if found is None:
            parts.append(_quote_argument(arg))
            continue
        name, value = found.groups()
        if not value or any(c in value for c in ' \t"'):
            value = '"' + value.replace('"', '""') + '"'
        parts.append(f"{name}={value}")
    return " ".join(parts)


def _quote_argument(arg: str) -> str:
    if arg and not any(c in arg for c in ' \t"'):
        return arg
    quoted = ['"']
    backslashes = 0
    for char in arg:
        if char == "\\":
            backslashes += 1
            continue
        if char == '"':
            quoted.append("\\" * (2 * backslashes + 1) + '"')
        else:
            quoted.append("\\" * backslashes + char)
        backslashes = 0
    quoted.append("\\" * (2 * backslashes) + '"')  # backslashes before the closing quote double
    return "".join(quoted)
