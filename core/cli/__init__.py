"""The command line: `switchover <command>`.

Which face opens is decided above both faces (gui/launcher.py, the entry points):
with no command it calls the `assistant` it was given, so core never imports gui.
Each command lives in its own module with `register(subparsers)`; heavy imports
happen inside the command's run function so that `switchover scan` stays fast.
The output contracts are documented in docs/cli.md.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse


def build_parser() -> argparse.ArgumentParser:
    # Imported here, not above: a double-click opens the window without any of this.
    import argparse

    from core import __version__
    from core.cli import (
        alternatives,
        brief,
        catalog,
        collect,
        elevated_helper,
        export,
        fleet,
        plan,
        remove,
        report,
        scan,
    )
    from core.cli.common_options import EXAMPLES, add_common_options

    parser = argparse.ArgumentParser(
        prog="switchover",
        description="Find Kaspersky software, explain the US ban, suggest alternatives and remove it safely.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"switchover {__version__}")
    parser.add_argument(
        "--demo",
        nargs="?",
        const="home",
        choices=("home", "office"),
        help="open the assistant on a built-in demo machine: home (the default) or office",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log details to stderr")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in (scan, plan, remove, brief, alternatives, catalog, collect, report, fleet, export):
        command.register(subparsers)
    add_common_options(subparsers)
    elevated_helper.register(subparsers)  # hidden, and after: it takes no --output (no path at all)
    return parser


# Opens the assistant window: `assistant(demo=...)` returns the exit code.
Assistant = Callable[..., int]


def main(argv: Sequence[str] | None = None, *, assistant: Assistant | None = None) -> int:
    """Run one command; with none, open `assistant` (the window), or without one, say how to use it."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # argparse exits 2 on bad arguments, 0 on --help/--version
        return int(exit_.code or 0)
    if args.command is None:
        if assistant is None:
            parser.print_usage(sys.stderr)
            print("switchover: name a command (the window opens from `switchover` itself)", file=sys.stderr)
            return 2
        return assistant(demo=args.demo or False)
    import logging

    from core.cli.output import tolerate_unencodable_text
    from core.model import InputError

    tolerate_unencodable_text()
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    from core.cli.common_options import run_command

    try:
        return run_command(args)
    except InputError as error:  # offline input that cannot be used: one line, exit 2
        print(f"switchover: {error}", file=sys.stderr)
        return 2
