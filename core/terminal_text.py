"""Text bound for a terminal, made safe: what a machine says is shown, never obeyed.

Names and versions come from the scanned machine (a DisplayName anyone with an installer can set). Raw
in a terminal, an ANSI escape clears the screen or retitles the window, a carriage return or backspace
overwrites what was printed, and a bidirectional override (U+202E) makes "Kaspersky Free\u202eexe.tab"
read differently from what it is. Each such character is shown as a visible escape (`\\u202e`, `\\x1b`).
"""

from __future__ import annotations

import re

# C0 controls but tab and newline, DEL and the C1 controls, and Unicode's bidirectional and other
# invisible format controls (Unicode Technical Report 36, "Bidirectional Text Spoofing").
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\ufeff]"
)


def printable(text: str) -> str:
    """`text` with every control and invisible format character written as a visible escape."""
    return _UNSAFE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
