"""Is a person at the keyboard? Only a real console counts, not whatever `isatty()` says.

On Windows `isatty()` is true for any character device, and `NUL` is one: an unattended run started
with `< NUL` (a scheduler, an RMM tool) would be asked questions nobody sees. `GetConsoleMode` succeeds
only on a console input handle.
"""

from __future__ import annotations

import sys
from typing import TextIO


def stdin_is_console(stream: TextIO | None = None) -> bool:
    """True when standard input (or `stream`) is a terminal or console a person types into."""
    stream = stream if stream is not None else sys.stdin
    try:
        if stream is None or not stream.isatty():
            return False
        fd = stream.fileno()
    except (AttributeError, ValueError, OSError):  # closed, replaced by a StringIO, detached
        return False
    if sys.platform != "win32":
        return True
    import ctypes
    import msvcrt
    from ctypes import wintypes

    mode = wintypes.DWORD()
    handle = msvcrt.get_osfhandle(fd)
    return bool(ctypes.windll.kernel32.GetConsoleMode(wintypes.HANDLE(handle), ctypes.byref(mode)))
