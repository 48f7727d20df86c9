"""`switchover fleet summarize`: counts and the machines left, over many documents and bundles."""

from __future__ import annotations

import argparse
import sys

EXIT_OK = 0
EXIT_ERROR = 2

EXAMPLES = """examples:
  switchover fleet summarize \\\\server\\share\\migration            counts as text
  switchover fleet summarize reports/ --format csv --output fleet.csv     for Excel
  switchover fleet summarize reports/ bundles/ --format html --output fleet.html
  switchover fleet summarize reports/ --format jsonl | your-ingest-tool
"""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("fleet", help="summarise many machines' scans, removals and bundles")
    actions = parser.add_subparsers(dest="fleet_command", metavar="ACTION", required=True)
    summarize = actions.add_parser(
        "summarize",
        help="count by product, version, management, signature age and outcome; list machines left",
        description="Read scan documents (scan --json), removal reports and collected bundles (files or "
        "folders, searched recursively). A machine's latest document counts. Exit codes: 0 done, "
        "1 some machines still need work, 2 error (nothing readable).",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    summarize.add_argument("paths", nargs="+", metavar="PATH", help="documents, bundles or folders of them")
    summarize.add_argument(
        "--format",
        choices=["text", "csv", "jsonl", "html"],
        default="text",
        help="csv: one row per machine (UTF-8 with BOM for Excel); jsonl: one machine per line, then "
        "the counts; html: a dashboard with charts (default: text)",
    )
    summarize.add_argument("--output", metavar="FILE", help="write to FILE instead of the screen")
    summarize.set_defaults(run=run, handles_output=True)


def run(args: argparse.Namespace) -> int:
    from core.cli.report import write_text
    from core.helpdesk.fleet import summarize, to_csv, to_html, to_json_lines, to_text

    summary = summarize(args.paths)
    if not summary.machines:
        reasons = "; ".join(f"{path}: {why}" for path, why in summary.skipped[:3])
        print(
            f"switchover: no readable scan or removal document{': ' + reasons if reasons else ''}",
            file=sys.stderr,
        )
        return EXIT_ERROR
    render = {"text": to_text, "csv": to_csv, "jsonl": to_json_lines, "html": to_html}[args.format]
    written = write_text(render(summary), args.output)
    if written != EXIT_OK:
        return written
    for path, why in summary.skipped[:5]:
        print(f"switchover: skipped {path}: {why}", file=sys.stderr)
    if len(summary.skipped) > 5:
        print(
            f"switchover: … and {len(summary.skipped) - 5} more files skipped (see --format jsonl)",
            file=sys.stderr,
        )
    return 1 if summary.needing_work else EXIT_OK
