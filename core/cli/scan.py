"""`switchover scan`: what is installed, as a short summary or the `switchover.scan/1` JSON document."""

from __future__ import annotations

import sys

from core.model import Product, ScanResult

TYPE_CHECKING = False  # typing's, without importing typing or argparse on `scan`'s own path (core/record.py)
if TYPE_CHECKING:
    import argparse

EXIT_NOTHING = 0
EXIT_FOUND = 1
EXIT_INCOMPLETE = 3  # nothing found in what could be read, and the input cannot show the whole machine


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from core.cli.targets import add_target_arguments

    parser = subparsers.add_parser(
        "scan",
        help="find Kaspersky products (live, or offline from exports or a disk)",
        description="Find every Kaspersky product, its successors and other security software. "
        "Exit codes: 0 nothing found, 1 Kaspersky or a successor found, 2 error, 3 nothing found but the "
        "input cannot show the whole machine (what is missing is named).",
    )
    parser.add_argument("--json", action="store_true", help="print one switchover.scan/1 JSON document")
    add_target_arguments(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from core.cli.targets import scan_target

    return report(scan_target(args), as_json=args.json)


def run_live(*, as_json: bool) -> int:
    """`switchover scan [--json]` on this machine, without the command parser (core/cli/__init__.py)."""
    from core.cli.output import tolerate_unencodable_text
    from core.detection.scan import live_target, scan

    tolerate_unencodable_text()
    return report(scan(live_target()), as_json=as_json)


def report(result: ScanResult, *, as_json: bool) -> int:
    """Print the result as a document or a summary; the exit code says what was found."""
    if as_json:
        from core.cli.output import write_json

        write_json(result.to_json())
    else:
        from core.terminal_text import printable

        sys.stdout.write(printable(summary(result)))
    if result.found_anything:
        return EXIT_FOUND
    return EXIT_NOTHING if result.complete else EXIT_INCOMPLETE


def summary(result: ScanResult) -> str:
    """A summary a person reads in five seconds."""
    lines = [f"Scanned {result.target.describe()}.", ""]
    kaspersky, successors = result.kaspersky, result.successors
    if kaspersky:
        lines.append(f"Kaspersky found: {_count(len(kaspersky), 'product')}")
        lines += [f"  - {_line(p)}" for p in kaspersky]
    elif result.complete:
        lines.append("No Kaspersky product is installed.")
    else:
        lines.append("No Kaspersky product was found in what could be read.")
    if successors:
        lines.append("Software that replaced Kaspersky:")
        lines += [f"  - {_line(p)}" for p in successors]
    if result.leftovers:
        lines.append("Leftovers (no uninstaller of their own):")
        lines += [f"  - {p.family_name}: {_count(len(p.evidence), 'item')}" for p in result.leftovers]
    if result.other_security_software:
        names = ", ".join(_line(p) for p in result.other_security_software)
        lines.append(f"Other security software: {names}")
    else:
        lines.append("Other security software: none found")
    if not result.complete:
        lines.append("This input cannot show the whole machine, so it may hide Kaspersky. Missing:")
        lines += [f"  - {gap.what} ({gap.location}): {gap.why}" for gap in result.gaps]
    if result.notes:
        lines.append(f'{_count(len(result.notes), "item")} could not be read (see --json, "notes").')
    if result.found_anything:
        lines += [
            "",
            "Next: 'switchover brief' explains the ban; 'switchover plan' shows how removal would go.",
        ]
    return "\n".join(lines) + "\n"


def _line(product: Product) -> str:
    text = product.name + (
        f" {product.version}" if product.version and product.version not in product.name else ""
    )
    flags = []
    if product.managed:
        flags.append("managed by Security Center")
    if product.scope == "user":
        flags.append("this user only")
    if product.state.get("active") == "true":
        flags.append("active")
    elif product.state.get("active") == "false":
        flags.append("not active")
    return text + (f" ({', '.join(flags)})" if flags else "")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"
