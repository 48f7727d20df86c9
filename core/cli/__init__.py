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

TYPE_CHECKING = False  # typing's, without importing typing (a live scan's start-up, core/record.py)
if TYPE_CHECKING:
    import argparse


# Every command, in the order --help lists them; each is the module core/cli/<name>.py.
COMMANDS = (
    "scan",
    "plan",
    "remove",
    "brief",
    "alternatives",
    "catalog",
    "collect",
    "report",
    "fleet",
    "export",
)
# Started by `remove` and the window only: registered when named, never listed (core/cli/elevated_helper.py).
HIDDEN_COMMANDS = {"elevated-helper": "elevated_helper"}
# What may come before the command for the parser to need only that command's module.
_LEADING_FLAGS = frozenset({"-v", "--verbose"})  # --demo takes a value: the whole parser reads it


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The command line's parser. Given the words to parse, and they name a command, only that
    command is registered: importing every command's module would cost `switchover scan` more than
    the scan (--help, a bad command or no command still gets the whole parser)."""
    # Imported here, not above: a double-click opens the window without any of this.
    import argparse
    import importlib

    from core import __version__
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
    names = _commands_to_register(argv)
    for name in names:
        if name not in HIDDEN_COMMANDS:
            importlib.import_module(f"core.cli.{name}").register(subparsers)
    add_common_options(subparsers)
    for name in names:  # after the common options: the helper takes no --output (no path at all)
        if name in HIDDEN_COMMANDS:
            importlib.import_module(f"core.cli.{HIDDEN_COMMANDS[name]}").register(subparsers)
    return parser


def _commands_to_register(argv: Sequence[str] | None) -> Sequence[str]:
    """The one command the words name after only leading flags, else every command."""
    for word in argv or ():
        if word in COMMANDS or word in HIDDEN_COMMANDS:
            return (word,)
        if word not in _LEADING_FLAGS:
            break
    return COMMANDS


# What scripts, fleet tools and the benchmark type most: run with no parser and no logging set up (they
# cost a live scan more than its own work), as the parser would run them (tests/core/test_scan_startup.py).
PLAIN_SCANS = frozenset({("scan",), ("scan", "--json")})

# Opens the assistant window: `assistant(demo=...)` returns the exit code.
Assistant = Callable[..., int]


def main(argv: Sequence[str] | None = None, *, assistant: Assistant | None = None) -> int:
    """Run one command; with none, open `assistant` (the window), or without one, say how to use it."""
    words = sys.argv[1:] if argv is None else argv
    if tuple(words) in PLAIN_SCANS:
        from core.cli.scan import run_live

        return run_live(as_json="--json" in words)
    parser = build_parser(words)
    try:
        args = parser.parse_args(words)
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
