"""`switchover plan`: how removal would go, step by step, as text or the `switchover.plan/1` document.

It scans (live or offline) and plans; it changes nothing.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from core.removal.plan import Plan

EXIT_OK = 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from core.cli.targets import add_target_arguments

    parser = subparsers.add_parser(
        "plan",
        help="show how removal would go, step by step (changes nothing)",
        description="Scan, then print the ordered removal plan: what each step does, why, what it needs "
        "from you and the exact command it would run. Nothing is changed. Exit codes: 0 done, 2 error.",
    )
    parser.add_argument("--json", action="store_true", help="print one switchover.plan/1 JSON document")
    parser.add_argument(
        "--silent", action="store_true", help="plan quiet uninstalls for a help-desk run (no installer UI)"
    )
    add_target_arguments(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from core.assistant.session import RemovalSession, this_machine
    from core.cli.output import write_json
    from core.cli.targets import target_from_args
    from core.terminal_text import printable

    session = RemovalSession(this_machine(target_from_args(args)), silent=args.silent)
    session.scan()
    plan = session.make_plan()
    if args.json:
        write_json(plan.to_json())
    else:
        sys.stdout.write(printable(describe(plan)))
    return EXIT_OK


def describe(plan: Plan) -> str:
    """The plan as numbered steps a person can follow."""
    from core.removal.windows_cmdline import join_command_line

    lines = [f"Removal plan ({plan.mode}) for {plan.os}. Nothing has been changed.", ""]
    lines += [f"! {warning}" for warning in plan.warnings]
    if plan.warnings:
        lines.append("")
    titles = {"rescue": "Before removing anything", "remove": "Removal", "finish": "Finishing"}
    phase = None
    for number, step in enumerate(plan.steps, start=1):
        if step.phase != phase:
            phase = step.phase
            lines.append(f"{titles[phase]}:")
        when = step.when.to_text() if step.when else None
        lines.append(f"  {number}. {step.title}" + (f"  [only {when.replace('_', ' ')}]" if when else ""))
        lines.append(f"     {step.why}")
        for need in step.needs:
            lines.append(f"     needs: {need}")
        if step.command is not None:
            shown = join_command_line(step.command) if plan.os == "windows" else " ".join(step.command)
            lines.append(f"     runs{' as administrator' if step.elevated else ''}: {shown}")
    return "\n".join(lines) + "\n"
