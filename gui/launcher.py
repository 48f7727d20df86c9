"""Which face opens: the window for a double-click (`switchover`, `switchover --demo`), else a command.

The entry points (pyproject's `switchover`, `python -m core`, the bundle's two
executables) start here, above both faces, so that core never imports gui. This
module imports no Qt itself: `switchover scan` stays a plain command-line program.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence


def open_window(*, demo: bool | str = False) -> int:
    """The assistant (gui.app sets up its own log file).

    The garbage collector waits until the window is built: start-up makes a great many objects
    (modules, Qt's enums) and no garbage worth a pass, and the passes cost the first window about
    5 ms. gui.app.main starts it again, with the start-up objects set aside (`gc.freeze`)."""
    gc.disable()
    from gui.app import main as gui_main

    return gui_main(demo=demo)


DEMOS = ("home", "office")  # core.assistant.demo's machines: `--demo` alone opens the home PC


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    # A double-click or a demo: the window first, no command parser to build.
    if words in ([], ["--demo"]):
        return open_window(demo=bool(words))
    if len(words) == 2 and words[0] == "--demo" and words[1] in DEMOS:
        return open_window(demo=words[1])
    if len(words) == 1 and words[0].removeprefix("--demo=") in DEMOS:
        return open_window(demo=words[0].removeprefix("--demo="))
    from core.cli import main as command_line

    return command_line(words, assistant=open_window)
