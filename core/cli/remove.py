"""`switchover remove`: show the plan, ask, run it through the guarded executor, verify, say what is left.

Exit codes: 0 removed and verified, 3 not removed (failed, cancelled or declined; what is
left is listed), 4 a restart is needed to finish, 2 bad input. After a restart (or a
crash) `switchover remove --resume` finishes the run recorded in the journal.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from core.model import InputError

if TYPE_CHECKING:
    from core.executor import RunReport
    from core.model import ScanResult
    from core.plan import Plan, Step
    from core.session import RemovalSession
    from core.verify import Verification

EXIT_REMOVED = 0
EXIT_ERROR = 2
EXIT_NOT_REMOVED = 3
EXIT_REBOOT = 4
REMOVE_EXAMPLES = """examples:
  switchover remove                                    shows the plan, asks, removes, verifies
  switchover remove --yes --silent --output pc-042-removed.json
                                                       unattended (RMM, Intune), with a report document
  switchover remove --yes --silent --rescued --password-env KL_PASSWORD

exit codes for RMM tools and Intune (docs/help-desk.md):
  0  removed and verified                    success
  4  a restart is needed to finish           success, schedule a restart; Switchover finishes after it
  3  not removed (failed, cancelled, declined, or a rescue check not confirmed: see --rescued)
  2  error (bad arguments, unreadable input, journal locked)
"""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from core.cli.targets import add_target_arguments

    parser = subparsers.add_parser(
        "remove",
        help="remove Kaspersky software safely, then verify",
        description="Remove what the scan found, in the plan's order, then verify. Exit codes: 0 removed and "
        "verified, 3 not removed (says what is left), 4 restart needed to finish, 2 error.",
        epilog=REMOVE_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--yes", action="store_true", help="do not ask before removing")
    parser.add_argument(
        "--rescued",
        action="store_true",
        help="the plan's rescue checks that block removal (password vault exported, data decrypted or "
        "recovery keys saved, help desk consulted) are done: needed for unattended runs of such plans",
    )
    parser.add_argument("--silent", action="store_true", help="quiet uninstalls (help-desk runs)")
    secret = parser.add_mutually_exclusive_group()
    secret.add_argument("--password-file", metavar="FILE", help="the uninstall password, first line of FILE")
    secret.add_argument("--password-env", metavar="VAR", help="the uninstall password, from environment VAR")
    parser.add_argument(
        "--resume", action="store_true", help="finish the run interrupted by a restart or crash"
    )
    parser.add_argument(
        "--output",
        metavar="FILE",
        help="also write the finished removal as a switchover.report/1 document (for report and fleet)",
    )
    add_target_arguments(parser)
    parser.set_defaults(run=run, handles_output=True)


def run(args: argparse.Namespace) -> int:
    from core.cli.targets import target_from_args
    from core.journal import JournalError
    from core.session import RemovalSession, UnreadableRun, this_machine

    try:
        target = target_from_args(args)
        if target.live and sys.platform == "win32" and not _is_windows_admin():
            return _relaunch_as_administrator()
        session = RemovalSession(this_machine(target), silent=args.silent)
        try:
            pending = session.unfinished()
        except UnreadableRun as error:
            print(f"{error} Run 'switchover remove' again to start afresh.", file=sys.stderr)
            return EXIT_NOT_REMOVED
        if pending is None and args.resume:
            print("Nothing to resume: no removal is waiting to be finished.")
            return EXIT_REMOVED
        if pending is not None:
            print(pending.describe(), "Finishing it now.")
            session.resuming = pending
            return _execute(args, session)
        return _remove(args, session)
    except (InputError, JournalError) as error:
        print(f"switchover: {error}", file=sys.stderr)
        return EXIT_ERROR


def _remove(args: argparse.Namespace, session: RemovalSession) -> int:
    session.scan()
    plan = session.make_plan()
    if not any(s.command or s.phase == "remove" for s in plan.steps):
        print("Nothing to remove: no Kaspersky product or successor was found.")
        return EXIT_REMOVED
    _print_plan(plan)
    if not args.yes and not _ask("Remove now? [y/N] "):
        print("Nothing was changed.")
        return EXIT_NOT_REMOVED
    return _execute(args, session)


def _execute(args: argparse.Namespace, session: RemovalSession) -> int:
    from core.secrets import needs_password, read_password

    plan = session.plan_to_run()
    secret = None
    if any(s.command and needs_password(s.command) for s in plan.steps):
        prompt = _prompt_password if sys.stdin.isatty() and not args.silent else None
        secret = read_password(file=args.password_file, env=args.password_env, prompt=prompt)
    product_ids = session.planned_products()
    cancel = threading.Event()
    with ctrl_c_cancels(cancel):
        report = session.run(
            password=secret,
            cancel=cancel,
            on_event=lambda e: print(f"[{e.status}] {e.step_id}: {e.message}"),
            confirm_manual=lambda step: _confirm_manual(step, rescued=args.rescued),
        )
    print(report.message)
    verification = session.verify(reboot_pending=report.status == "reboot_needed", product_ids=product_ids)
    print("\n".join(verification.summary()))
    if args.output and session.scan_result is not None:
        _write_report(args.output, session.scan_result, plan, report, verification)
    waiting = report.status == "reboot_needed" or verification.status == "reboot_needed"
    if report.status == "removed" and verification.status == "removed":
        return EXIT_REMOVED
    if waiting and verification.status != "failed":
        print("Restart the computer; Switchover starts once after it to finish and verify.")
        return EXIT_REBOOT
    return EXIT_NOT_REMOVED


def _write_report(
    path: str, scanned: ScanResult, plan: Plan, run: RunReport, verification: Verification
) -> None:
    from core.cli.report import write_text
    from core.report import removal_document

    document = removal_document(scan=scanned, plan=plan, run=run, verification=verification)
    if write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", path) == 0:
        print(f"Report written to {path} (switchover report {path} makes a ticket text of it).")


def _is_windows_admin() -> bool:
    import ctypes

    return bool(ctypes.windll.shell32.IsUserAnAdmin())  # type: ignore[attr-defined]


def _relaunch_as_administrator() -> int:
    """Windows elevates a process as a whole: run this same command once through the UAC prompt."""
    from core.resume import self_command
    from core.subprocess_runner import relaunch_elevated

    print("Removing needs administrator rights: continuing in a window that Windows asks you to allow.")
    outcome = relaunch_elevated(self_command(*sys.argv[1:]))
    if isinstance(outcome, str):  # the prompt was declined or could not be shown
        print(f"Nothing was changed: {outcome}", file=sys.stderr)
        return EXIT_NOT_REMOVED
    return outcome


def _print_plan(plan: Plan) -> None:
    print("The removal plan:")
    for number, step in enumerate(plan.steps, 1):
        print(f"{number:2}. {step.title}{_how(step)}")
    for warning in plan.warnings:
        print(f"Note: {warning}")


_ONLY_IF = {
    "if_failed": "only if the step before fails",
    "reboot_needed": "only if a restart is needed",
    "leftovers_remain": "only if something is left",
}


def _how(step: Step) -> str:
    """What the person should expect of a step: Switchover runs the check itself; the others it
    asks about are by hand, and a step with a condition may not come at all."""
    notes = [] if step.command is not None or step.kind == "verify" else ["by hand"]
    if step.when is not None:
        notes.append(_ONLY_IF[step.when.event])
    return f" ({', '.join(notes)})" if notes else ""


def _confirm_manual(step: Step, *, rescued: bool) -> bool:
    """A step done by hand counts only when a person says so, or --rescued for the checks that block removal.

    --yes alone never confirms them: removing encryption or a vault unseen can lose data for good.
    """
    if rescued and step.blocking:
        print(f"Taken as done (--rescued): {step.title}")
        return True
    if not sys.stdin.isatty():
        if step.blocking:
            print(f"Stopped before removal: '{step.title}' must be confirmed (run again with --rescued).")
        return False
    print(f"\n{step.title}\n{step.why}")
    return _ask("Done? [y/N] ")


_AT_PROMPT = threading.Event()


@contextmanager
def ctrl_c_cancels(cancel: threading.Event) -> Iterator[None]:
    """Ctrl-C (or SIGTERM) during the run cancels it as the assistant's Cancel does. The uninstaller runs in a
    session of its own, out of the terminal's reach: a KeyboardInterrupt would leave it running
    and the journal without the step's end. Setting `cancel` lets the runner end its process tree
    and the executor record the step as cancelled, so `remove --resume` knows where it stopped."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_interrupt(_signum: int, _frame: object) -> None:
        if not cancel.is_set():
            print("\nCancelling: stopping the uninstaller, noting where the removal stopped ...", flush=True)
        cancel.set()
        if _AT_PROMPT.is_set():
            raise KeyboardInterrupt  # ends the question; _ask answers no

    # SIGTERM too: what `timeout`, an RMM agent or systemd send to end a job.
    signals = [signal.SIGINT] + ([signal.SIGTERM] if sys.platform != "win32" else [])
    previous = {number: signal.signal(number, on_interrupt) for number in signals}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _ask(question: str) -> bool:
    _AT_PROMPT.set()
    try:
        return input(question).strip().casefold() in ("y", "yes")
    except (EOFError, KeyboardInterrupt):
        print()
        return False
    finally:
        _AT_PROMPT.clear()


def _prompt_password(text: str) -> str:
    import getpass

    return getpass.getpass(text)
