"""`switchover report`: a scan or a finished removal as a ticket text or one self-contained HTML file."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile

EXIT_OK = 0
EXIT_ERROR = 2

EXAMPLES = """examples:
  switchover report pc-042.json                      ticket text (plain, under 4,000 characters)
  switchover report pc-042.json --format markdown    the same in Markdown
  switchover report pc-042.json --format html --output pc-042.html
"""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "report",
        help="turn a scan or removal document into a ticket text or an HTML report",
        description="Read a switchover.scan/1 document (scan --json) or a switchover.report/1 document "
        "(the assistant's saved report, remove --output) and write what a ticket needs: the machine, each "
        "product with its version, last update, password protection, self-defence and management, the plan "
        "in brief and the outcome. HTML is one file with nothing to load, made to print. "
        "Exit codes: 0 written, 2 error.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("document", metavar="FILE.json", help="a scan or removal document")
    parser.add_argument(
        "--format", choices=["text", "markdown", "html"], default="text", help="default: text"
    )
    parser.add_argument("--output", metavar="FILE", help="write to FILE instead of the screen")
    parser.set_defaults(run=run, handles_output=True)


def run(args: argparse.Namespace) -> int:
    from core.helpdesk.report import html_report, read_document, report_facts, ticket_text

    try:
        facts = report_facts(read_document(args.document))
    except ValueError as error:
        print(f"switchover: {args.document}: {error}", file=sys.stderr)
        return EXIT_ERROR
    if args.format == "html":
        text = html_report(facts)
    else:
        text = ticket_text(facts, markdown=args.format == "markdown")
    return write_text(text, args.output)


def write_text(text: str, output: str | None) -> int:
    """To stdout, or to `output` whole or not at all (written beside it, then moved into place)."""
    if output is None:
        sys.stdout.write(text)
        return EXIT_OK
    folder = os.path.dirname(os.path.abspath(output))
    try:
        handle, partial = tempfile.mkstemp(prefix=".switchover-", dir=folder)
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        # mkstemp makes the file private; a report is made to be shared, as any file the shell writes
        os.chmod(partial, os.stat(output).st_mode & 0o777 if os.path.exists(output) else 0o644)
        os.replace(partial, output)
    except OSError as error:
        print(f"switchover: {output}: cannot write ({error.strerror or error})", file=sys.stderr)
        return EXIT_ERROR
    return EXIT_OK
