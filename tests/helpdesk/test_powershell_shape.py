"""A first check of the PowerShell Switchover ships or generates, where no PowerShell parser runs.

The Windows CI job parses every script with PowerShell's own parser (.github/workflows/ci.yml);
Debian has no PowerShell and PyPI no parser for it, so here the structure is checked: brackets
balance outside strings and comments, and no "$name:" inside a double-quoted string (PowerShell
reads it as a drive-qualified variable and refuses the script).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from core.helpdesk.detection_export import ENDINGS, powershell_script

COLLECTOR = Path(__file__).parents[2] / "resources" / "collect" / "Collect-Switchover.ps1"
_PAIRS = {"(": ")", "{": "}", "[": "]"}


def _code_and_strings(script: str) -> tuple[str, list[str]]:
    """The script without comments and string bodies, and the double-quoted strings' bodies."""
    code, strings, i = [], [], 0
    while i < len(script):
        char = script[i]
        if script.startswith("<#", i):
            i = script.index("#>", i) + 2
        elif char == "#":
            i = script.find("\n", i) if "\n" in script[i:] else len(script)
        elif char == "'":
            end = i + 1
            while True:  # '' is a quote inside a single-quoted string
                end = script.index("'", end)
                if script.startswith("''", end):
                    end += 2
                    continue
                break
            code.append("''")
            i = end + 1
        elif char == '"':
            end = i + 1
            while script[end] != '"' or script[end - 1] == "`":
                end += 1
            strings.append(script[i + 1 : end])
            code.append('""')
            i = end + 1
        else:
            code.append(char)
            i += 1
    return "".join(code), strings


def _balanced(code: str) -> bool:
    stack = []
    for char in code:
        if char in _PAIRS:
            stack.append(_PAIRS[char])
        elif char in _PAIRS.values() and (not stack or stack.pop() != char):
            return False
    return not stack


@pytest.mark.parametrize("name", [*ENDINGS, "collector"])
def test_scripts_are_well_formed(name: str) -> None:
    script = COLLECTOR.read_text(encoding="utf-8") if name == "collector" else powershell_script(name)
    code, strings = _code_and_strings(script)
    assert _balanced(code), name
    for text in strings:
        assert not re.search(r"(?<!`)\$(?!env:)[A-Za-z_]\w*:(?![\w:])", text), text


def test_the_check_catches_what_powershell_refuses() -> None:
    code, strings = _code_and_strings('Write-Output "installed at $cli: deploy"\nif ($x) { $y = @(1, 2) }\n')
    assert _balanced(code)
    assert re.search(r"(?<!`)\$(?!env:)[A-Za-z_]\w*:(?![\w:])", strings[0])
    assert not _balanced(_code_and_strings("if ($x) { $y = @(1, 2) \n")[0])
