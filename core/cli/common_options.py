"""Options every command takes, wherever they are typed: `-v` before or after the command, and
`--output FILE` for whatever the command prints (a document, a summary), written whole or not at all."""

from __future__ import annotations

import argparse
import contextlib
import io
from collections.abc import Callable

EXAMPLES = """examples:
  switchover scan                                   what is installed here
  switchover scan --json --output pc-042.json       the same as a document for the ticket
  switchover collect --output pc-042.zip            on the customer's PC: everything the scan reads
  switchover scan --bundle pc-042.zip -v            on your machine, with details on stderr
  switchover report pc-042.json --format html --output pc-042.html
  switchover remove --yes --silent                  on the PC: unattended removal (exit codes: remove -h)
  switchover fleet summarize reports/ --format csv --output fleet.csv
  switchover export intune --output detect.ps1      detection for the tools IT already runs
See docs/help-desk.md for the whole walk-through.
"""


def add_common_options(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """-v on every command and sub-command, and --output where the command has none of its own."""
    for parser in subparsers.choices.values():
        parser.add_argument(
            "-v", "--verbose", action="store_true", default=argparse.SUPPRESS, help="log details to stderr"
        )
        nested = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        for action in nested:
            add_common_options(action)
        if not nested and "--output" not in parser._option_string_actions:
            parser.add_argument("--output", metavar="FILE", help="write what would be printed to FILE")


def run_command(args: argparse.Namespace) -> int:
    """The command, its printed output going to --output FILE when one is given."""
    run: Callable[[argparse.Namespace], int] = args.run
    output = getattr(args, "output", None)
    if output is None or getattr(args, "handles_output", False):
        return int(run(args))
    from core.cli.report import write_text

    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        code = int(run(args))
    written = write_text(printed.getvalue(), output)
    return code if written == 0 else written
