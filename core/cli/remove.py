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

from core.model import InputError, Target

if TYPE_CHECKING:
    from core.assistant.session import RemovalSession
    from core.model import ScanResult
    from core.removal.executor import RunReport
    from core.removal.journal import PendingRun
    from core.removal.plan import Plan, Step
    from core.removal.verify import Verification

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
    from core.cli.targets import add_offline_refusals

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
        "--plan",
        metavar="FILE",
        help="a switchover.plan/1 file made elsewhere (e.g. from this machine's exports): this machine is "
        "scanned afresh and only what the file names and is really installed here is removed",
    )
    parser.add_argument(
        "--output",
        metavar="FILE",
        help="also write the finished removal as a switchover.report/1 document (for report and fleet)",
    )
    add_offline_refusals(parser)  # remove acts only on this machine: offline options are refused
    parser.set_defaults(run=run, handles_output=True)


def run(args: argparse.Namespace) -> int:
    from core.cli.targets import offline_refusal
    from core.detection.scan import live_target
    from core.removal.journal import JournalError
    from core.removal.runlock import RunLock, RunLockBusy

    refusal = offline_refusal(args)
    if refusal:
        print(f"switchover: {refusal}", file=sys.stderr)
        return EXIT_ERROR
    try:
        target = live_target()
        carried = _carried_plan(args, target)
        with RunLock(command=" ".join(["switchover", *sys.argv[1:]])):
            return _run_locked(args, target, carried)
    except (InputError, JournalError, RunLockBusy) as error:
        print(f"switchover: {error}", file=sys.stderr)
        return EXIT_ERROR


def _run_locked(args: argparse.Namespace, target: Target, carried: Plan | None) -> int:
    """The run, while this process holds the run lock: one removal at a time."""
    from core.assistant.session import RemovalSession, UnreadableRun, this_machine
    from core.console import stdin_is_console

    session = RemovalSession(this_machine(target), silent=args.silent)
    session.journal().check_trusted()  # before it is read: a planted journal must not steer the run
    try:
        pending = session.unfinished()
    except UnreadableRun as error:
        print(f"{error} Run 'switchover remove' again to start afresh.", file=sys.stderr)
        return EXIT_NOT_REMOVED
    if pending is None and args.resume:
        print("Nothing to resume: no removal is waiting to be finished.")
        _forget_start_up_entry(target)
        return EXIT_REMOVED
    if pending is None:
        return _remove(args, session, carried)
    if not (args.resume or args.yes):
        # a removal left unfinished is finished only when someone says so
        if not stdin_is_console():
            print(pending.describe(), "Run 'switchover remove --resume' to finish it; nothing was changed.")
            return EXIT_NOT_REMOVED
        if not _ask(f"{pending.describe()} Finish it now? [y/N] "):
            print("Nothing was changed.")
            return EXIT_NOT_REMOVED
    print(pending.describe(), "Finishing it now.")
    if not _wait_for_children_left(pending):
        return EXIT_NOT_REMOVED
    session.resuming = pending
    return _execute(args, session)


def _forget_start_up_entry(target: Target) -> None:
    """Nothing left to finish: the entry that starts Switchover after a restart goes (on macOS and Linux it
    is not one-shot by itself, and would start Switchover at every login)."""
    from core.removal.resume import autostart_for

    try:
        autostart_for(target.os).unregister()
    except OSError as error:
        print(f"Note: Switchover could not remove its start-up entry ({error}).", file=sys.stderr)


def _carried_plan(args: argparse.Namespace, target: Target) -> Plan | None:
    from core.removal.carried_plan import read_plan_file

    return read_plan_file(args.plan, running=target.os) if args.plan else None


def _wait_for_children_left(pending: PendingRun) -> bool:
    """Wait for the uninstallers the interrupted run left running; False when one outlasts the bound."""
    from core.removal.children import still_running, wait_for_children

    running = [c for c in pending.children if still_running(c)]
    if not running:
        return True
    for child in running:
        print(
            f"Waiting for the uninstaller started before (PID {child.pid}, step '{child.step}') to finish..."
        )
    left = wait_for_children(running)
    for child in left:
        print(
            f"The uninstaller PID {child.pid} is still running; nothing more was done. Let it finish "
            "(or end it), then run 'switchover remove --resume'.",
            file=sys.stderr,
        )
    return not left


def _remove(args: argparse.Namespace, session: RemovalSession, carried: Plan | None) -> int:
    from core.removal.carried_plan import narrow_to_carried
    from core.terminal_text import printable

    found = session.scan()
    silent = args.silent or (carried is not None and carried.mode == "silent")
    plan = session.make_plan(silent=silent)
    if carried is not None:
        narrowed = narrow_to_carried(carried, plan)
        for step in narrowed.not_here:
            print(printable(f"Not installed on this machine, so not removed: {step.title}"))
        plan = session.plan = narrowed.plan
    # leftovers alone (a driver, a service, a folder) still get the plan's guided clean-up step, so that
    # remove agrees with scan, which reports them (issue 9 #12)
    leftovers = any(s.action == "clean_leftovers" for s in plan.steps) and bool(found.leftovers)
    if not leftovers and not any(s.command or s.phase == "remove" for s in plan.steps):
        print("Nothing to remove: no Kaspersky product or successor was found.")
        return EXIT_REMOVED
    _print_plan(plan)
    if not args.yes and not _ask("Remove now? [y/N] "):
        print("Nothing was changed.")
        return EXIT_NOT_REMOVED
    return _execute(args, session)


def _execute(args: argparse.Namespace, session: RemovalSession) -> int:
    from core.console import stdin_is_console
    from core.removal.secrets import needs_password, read_password
    from core.terminal_text import printable

    plan = session.plan_to_run()
    secret = None
    if any(s.command and needs_password(s.command) for s in plan.steps):
        prompt = _prompt_password if stdin_is_console() and not args.silent else None
        secret = read_password(file=args.password_file, env=args.password_env, prompt=prompt)
    product_ids = session.planned_products()
    cancel = threading.Event()
    with ctrl_c_cancels(cancel):
        report = session.run(
            password=secret,
            cancel=cancel,
            on_event=lambda e: print(printable(f"[{e.status}] {e.step_id}: {e.message}")),
            confirm_manual=lambda step: _confirm_manual(step, rescued=args.rescued),
        )
    print(printable(report.message))
    verification = session.verify(reboot_pending=report.status == "reboot_needed", product_ids=product_ids)
    print(printable("\n".join(verification.summary())))
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
    from core.helpdesk.report import removal_document

    document = removal_document(scan=scanned, plan=plan, run=run, verification=verification)
    if write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", path) == 0:
        print(f"Report written to {path} (switchover report {path} makes a ticket text of it).")


def _print_plan(plan: Plan) -> None:
    from core.terminal_text import printable

    print("The removal plan:")
    for number, step in enumerate(plan.steps, 1):
        print(printable(f"{number:2}. {step.title}{_how(step)}"))
    for warning in plan.warnings:
        print(printable(f"Note: {warning}"))


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
    from core.console import stdin_is_console
    from core.terminal_text import printable

    if rescued and step.blocking:
        print(printable(f"Taken as done (--rescued): {step.title}"))
        return True
    if not stdin_is_console():
        if step.blocking:
            print(
                printable(
                    f"Stopped before removal: '{step.title}' must be confirmed (run again with --rescued)."
                )
            )
        return False
    print(printable(f"\n{step.title}\n{step.why}"))
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
