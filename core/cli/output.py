"""How commands print: JSON documents for scripts, one per run, on stdout; text for people.

On Windows, Python encodes a pipe or a file in the ANSI code page (cp1252 on most Western machines), in
which "Kaspersky Endpoint Security 10 для Windows" cannot be written: an unhandled UnicodeEncodeError
would cut the JSON short and exit with 1, which scripts read as "found". So JSON is always UTF-8 bytes
(RFC 8259 requires UTF-8 between systems), and text for people never fails on a character it cannot
encode: the character becomes "?".
"""

from __future__ import annotations

import io
import json
import sys


def write_json(document: dict[str, object]) -> None:
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    stream = sys.stdout
    buffer = getattr(stream, "buffer", None)
    if buffer is None:  # a text-only stream (a test's StringIO): it takes str, not bytes
        stream.write(text)
        return
    stream.flush()  # whatever was printed before stays in order
    buffer.write(text.encode("utf-8"))
    buffer.flush()


def tolerate_unencodable_text() -> None:
    """Make stdout replace what its encoding cannot hold instead of raising (stderr already does)."""
    stream = sys.stdout
    # surrogateescape (what Python picks under a C locale) raises on them just like strict
    if isinstance(stream, io.TextIOWrapper) and stream.errors in ("strict", "surrogateescape"):
        stream.reconfigure(errors="replace")
