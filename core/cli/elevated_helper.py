"""`switchover elevated-helper`: hidden; the parent (`remove`, the window) starts it elevated for the
plan's machine-scope steps (core.removal.elevated_helper). It takes only flags: it scans and plans this
machine itself, reads the uninstall password from its standard input, and prints one
`switchover.helper-result/1` line on its standard output. Exit codes: 0 removed, 4 restart needed,
3 not removed, 2 refused (not elevated, untrusted folder, another removal running).
"""

from __future__ import annotations

import argparse
import json
import sys
import threading

EXIT_REMOVED, EXIT_ERROR, EXIT_NOT_REMOVED, EXIT_REBOOT = 0, 2, 3, 4


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    # no help=: argparse then leaves it out of the main help's list of commands
    parser = subparsers.add_parser("elevated-helper", description="internal: started elevated by remove")
    parser.add_argument("--silent", action="store_true")
    parser.add_argument("--language", default="en")
    parser.add_argument("--rescued-confirmed", action="append", default=[], metavar="STEP_ID")
    parser.set_defaults(run=run, handles_output=True)


def run(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from core.assistant.session import RemovalSession, UnreadableRun, this_machine
    from core.removal.elevated_helper import (
        MachineFolderError,
        ensure_machine_folder,
        failed_report,
        is_elevated,
        machine_data_dir,
        result_document,
    )
    from core.removal.journal import Journal, JournalError
    from core.removal.runlock import RunLock, RunLockBusy
    from core.removal.subprocess_runner import AlreadyElevated, SubprocessRunner

    if not is_elevated():
        print("switchover: elevated-helper runs only with administrator rights", file=sys.stderr)
        return EXIT_ERROR
    password = _read_password()
    try:
        folder = ensure_machine_folder(machine_data_dir())
        journal_path = folder / "journal.jsonl"
        machine = this_machine(elevation=AlreadyElevated(), autostart_command=())
        machine = replace(
            machine,
            journal_path=journal_path,
            runner=SubprocessRunner(elevation=AlreadyElevated(), on_start=Journal(journal_path).record_child),
            autostart=None,  # the parent (the person's session) keeps the start-up entry
        )
        with RunLock(folder / "run.lock", command="switchover elevated-helper"):
            session = RemovalSession(machine, language=args.language, silent=args.silent)
            session.journal().check_trusted()
            # its own run cut off mid-way (a crash) is finished, from a fresh scan, never left open
            pending = session.unfinished()
            session.scan()
            plan = session.make_plan()
            session.resuming = pending
            unconfirmed = [s for s in plan.steps if s.blocking and s.id not in set(args.rescued_confirmed)]
            if unconfirmed:
                report = failed_report(
                    "Nothing was removed: these checks were not confirmed: "
                    + "; ".join(s.title for s in unconfirmed)
                )
            else:
                report = session.run(
                    password=password or None,
                    cancel=threading.Event(),
                    on_event=lambda e: print(f"[{e.status}] {e.step_id}: {e.message}", file=sys.stderr),
                    confirm_manual=lambda _step: False,  # the person confirmed in the parent, by id
                    only="machine",
                )
    except (MachineFolderError, JournalError, RunLockBusy, UnreadableRun) as error:
        print(json.dumps(result_document(failed_report(f"Nothing was removed: {error}"))), flush=True)
        return EXIT_ERROR
    print(json.dumps(result_document(report), ensure_ascii=False), flush=True)
    return {"removed": EXIT_REMOVED, "reboot_needed": EXIT_REBOOT}.get(report.status, EXIT_NOT_REMOVED)


def _read_password() -> str:
    """The first line of standard input (the parent's pipe; on Windows, typed in the helper's window)."""
    if sys.platform == "win32" and sys.stdin is not None and sys.stdin.isatty():
        import getpass

        return getpass.getpass("Uninstall password (Enter if none): ")
    try:
        return (sys.stdin.readline() if sys.stdin is not None else "").rstrip("\r\n")
    except (OSError, ValueError):
        return ""
