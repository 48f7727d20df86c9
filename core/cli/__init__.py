"""The command line: `switchover <command>`, or the GUI when no command is given.

Each command lives in its own module with `register(subparsers)`; heavy imports
happen inside the command's run function so that `switchover scan` stays fast.
The output contracts are documented in docs/cli.md.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from core import __version__
from core.cli import alternatives, brief, catalog, plan, remove, scan
from core.model import InputError

COMMANDS = [scan, plan, remove, brief, alternatives, catalog]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="switchover",
        description="Find Kaspersky software, explain the US ban, suggest alternatives and remove it safely.",
    )
    parser.add_argument("--version", action="version", version=f"switchover {__version__}")
    parser.add_argument("--demo", action="store_true", help="open the assistant on a built-in demo machine")
    parser.add_argument("-v", "--verbose", action="store_true", help="log details to stderr")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        command.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # argparse exits 2 on bad arguments, 0 on --help/--version
        return int(exit_.code or 0)
    if args.command is None:  # the assistant sets up its own log file
        from gui.app import main as gui_main

        return gui_main(demo=args.demo)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    try:
        return int(args.run(args))
    except InputError as error:  # offline input that cannot be used: one line, exit 2
        print(f"switchover: {error}", file=sys.stderr)
        return 2
