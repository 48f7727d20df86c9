"""One removal on one machine, from scan to verification: the object every face drives.

The command line (`switchover remove`, `switchover plan`), the assistant's pages
and an elevated helper all walk the same job through a `RemovalSession`, so they
can never drift apart (the same package managers, the same resume, the same
journal and start-up entry):

    session = RemovalSession(machine, language="en", silent=False)
    session.scan(cancel)                  # ScanResult: this machine as it is now
    session.make_plan()                   # Plan: with the machine's package managers
    session.unfinished()                  # PendingRun | None: the journal's open run, if any
    session.resuming = pending            # ... to finish that run instead of starting one
    report = session.run(password=..., cancel=..., on_event=..., confirm_manual=...)
    verification = session.verify()
    session.settle()                      # close the run and the start-up entry once final

Every call that takes long (scan, resume_plan/plan_to_run, run, verify) blocks: a
GUI calls it on a worker thread (gui/workers.py) and passes a `threading.Event` to
cancel and an `on_event` callback that receives each `StepEvent` (the executor's
progress: started, waiting_user, done, failed, skipped, needs_reboot, cancelled);
the command line calls it directly. `confirm_manual(step) -> bool` is asked for a
step done by hand (True: the person did it) and for an optional program step (True:
they opt in); a GUI blocks its worker on the answer from the GUI thread, the command
line prompts. `scan` checks its cancel event between observations and raises
`ScanCancelled`; `run` checks it between steps (a running uninstaller is stopped
through the runner). `plan_to_run()` is the plan `run` will run (for a resumed run,
remade from a fresh scan): ask it first to know whether a password is needed.
`run(only="machine")` runs only the machine-scope steps (those that run elevated),
`only="user"` the others: an elevated helper re-derives the plan itself from its own
scan (`this_machine()`, `scan()`, `make_plan()`) and runs only its part. The
attributes (`scan_result`, `plan`, `report`, `verification`, `resuming`) are written
by the thread that made the call: a GUI reads them once the worker has finished.

The machine (`Machine`) is passed in whole: the real one (`this_machine`) or a
simulated one (`demo_machine`), so nothing above knows which it is looking at.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from core.messages import DEFAULT_LANGUAGE

# Only for type hints: the first window must not wait for removal and verification code.
if TYPE_CHECKING:
    from core.assistant.demo import DemoMachine
    from core.detection.scan import Observe
    from core.model import Notes, Observation, ScanResult, Target
    from core.removal.elevated_helper import HelperLauncher
    from core.removal.executor import Guard, ReportStatus, RunReport, StepEvent
    from core.removal.journal import Journal, PendingRun
    from core.removal.plan import Plan, Step
    from core.removal.resume import Autostart
    from core.removal.secrets import Secret
    from core.removal.subprocess_runner import Elevation
    from core.removal.verify import ProtectionProbe, Verification
    from core.runner import Runner

logger = logging.getLogger(__name__)

Scope = Literal["machine", "user"]


class ScanCancelled(Exception):
    """The scan stopped on request, between two observations; nothing was changed."""


class UnreadableRun(Exception):
    """The journal's unfinished run holds a plan that cannot be read. The run has been closed (so it
    never blocks a later removal) and nothing was changed; the message says so in plain words."""


@dataclass(frozen=True)
class Machine:
    """The computer a session works on, with everything that touches it passed in.

    `autostart` is how Switchover starts once after a restart to finish (None: never, as on a
    demo or an offline target); `autostart_command` and `terminal` are what it starts (the face
    decides: the command line's `remove --resume` in a terminal, the window without one).
    """

    target: Target
    observe: Observe
    runner: Runner
    protection: ProtectionProbe
    journal_path: Path
    restarted_since: Callable[[str], bool]  # has the machine restarted since this ISO time?
    package_managers: tuple[str, ...] = ()  # Linux front ends the plan prefers to bare dpkg/rpm
    guard: Guard | None = None  # None: the executor's own guard
    demo: DemoMachine | None = None
    autostart: Autostart | None = None
    autostart_command: tuple[str, ...] = ()
    terminal: bool = True
    # The machine-scope steps go to the elevated helper (None: this process runs them itself).
    helper: HelperLauncher | None = None
    # This process has administrator rights itself: it runs no user-scope program (they would get them).
    elevated: bool = False


def _booted_after(iso_time: str) -> bool:
    import psutil

    return psutil.boot_time() > datetime.fromisoformat(iso_time).timestamp()


def window_elevation() -> Elevation:
    """How the window asks for administrator rights: a window has no terminal for sudo to ask in,
    so on Linux polkit's dialog (pkexec); elsewhere the platform's own prompt."""
    import sys

    from core.removal.subprocess_runner import AlreadyElevated, Pkexec, platform_elevation

    if sys.platform.startswith("linux"):
        import os

        return AlreadyElevated() if os.geteuid() == 0 else Pkexec()
    return platform_elevation()


def this_machine(
    target: Target | None = None,
    *,
    elevation: Elevation | None = None,
    autostart_command: tuple[str, ...] | None = None,
    terminal: bool = True,
) -> Machine:
    """The computer Switchover runs on (or, for `plan`, the offline data `target` names).

    `elevation` defaults to the platform's own (core.removal.subprocess_runner.platform_elevation);
    the window passes `window_elevation()`. Unless it is `AlreadyElevated`, the machine-scope steps run
    in the elevated helper (`switchover elevated-helper`, started through it), the others here, as the
    user. A start-up entry is only ever made on a live target.
    """
    from core.detection.adapters.linux import package_managers
    from core.detection.scan import live_target, observe_machine
    from core.removal.elevated_helper import HelperLauncher, helper_command, is_elevated
    from core.removal.journal import Journal, default_journal_path
    from core.removal.resume import autostart_for, resume_command
    from core.removal.subprocess_runner import AlreadyElevated, SubprocessRunner, platform_elevation
    from core.removal.verify import probe_protection

    target = target or live_target()
    elevation = elevation or platform_elevation()
    elevated = target.live and is_elevated()
    helper = None
    if target.live and not elevated and not isinstance(elevation, AlreadyElevated):
        helper = HelperLauncher(elevation, helper_command())
    return Machine(
        target=target,
        observe=observe_machine,
        # each uninstaller started is journaled: a resume after a crash waits for one still running
        runner=SubprocessRunner(elevation=elevation, on_start=Journal(default_journal_path()).record_child),
        protection=probe_protection,
        journal_path=default_journal_path(),
        restarted_since=_booted_after,
        package_managers=package_managers(target),
        autostart=autostart_for(target.os) if target.live else None,
        autostart_command=autostart_command if autostart_command is not None else resume_command(),
        terminal=terminal,
        helper=helper,
        elevated=elevated,
    )


def demo_machine(key: str, *, delay: float, demo: DemoMachine | None = None) -> Machine:
    """A simulated machine ("home" or "office"); its journal is kept apart from the real one."""
    from core import paths
    from core.assistant.demo import DemoMachine, demo_folders

    demo = demo or DemoMachine(key, demo_folders()[key], delay=delay)
    return Machine(
        target=demo.target,
        observe=demo.observe,
        runner=demo.runner,
        protection=demo.protection,
        journal_path=paths.demo_journal_path(key),
        restarted_since=lambda _since: not demo.reboot_pending,
        guard=demo.guard,
        demo=demo,
    )


@dataclass
class RemovalSession:
    """One removal on one machine: scan, plan, run (or resume), verify, settle. See the module's docstring.

    The attributes hold what is known so far, for faces to show: `scan_result`, `plan`,
    `report`, `verification`; `resuming` is the journal's unfinished run that `run` will
    finish (set it from `unfinished()`), and `rebooted` whether the machine restarted since
    the run asked for it.
    """

    machine: Machine
    language: str = DEFAULT_LANGUAGE
    silent: bool = False
    scan_result: ScanResult | None = None
    plan: Plan | None = None
    report: RunReport | None = None
    verification: Verification | None = None
    resuming: PendingRun | None = None
    rebooted: bool = False
    _prepared: Plan | None = field(default=None, repr=False)  # what `run` runs next (plan_to_run)

    # --- scan and plan -------------------------------------------------------------------------

    def scan(self, cancel: threading.Event | None = None) -> ScanResult:
        """Scan the machine as it is now; with `cancel`, stop at the next observation (ScanCancelled)."""
        from core.detection.scan import scan

        observe = self.machine.observe if cancel is None else _cancellable(self.machine.observe, cancel)
        result = scan(self.machine.target, observe=observe)
        if cancel is not None and cancel.is_set():
            raise ScanCancelled
        self.scan_result = result
        return result

    def make_plan(self, scan: ScanResult | None = None, *, silent: bool | None = None) -> Plan:
        """The removal plan for `scan` (default: the last scan), with this machine's package managers."""
        from core.removal.plan import plan_removal

        found = scan or self.scan_result
        if found is None:
            raise RuntimeError("a plan needs a scan first")
        self.plan = plan_removal(
            found,
            silent=self.silent if silent is None else silent,
            package_managers=self.machine.package_managers,
            language=self.language,
        )
        self._prepared = None
        return self.plan

    # --- the journal's unfinished run ------------------------------------------------------------

    def journal(self) -> Journal:
        from core.removal.journal import Journal

        return Journal(self.machine.journal_path)

    def unfinished(self) -> PendingRun | None:
        """The journal's latest run if it has work left (cut off mid-way, or waiting for a restart).

        Its plan becomes `plan` (what the faces show); its commands are never run as they stand
        (see `resume_plan`). A plan that cannot be read closes the run and raises UnreadableRun.
        Raises JournalError when the journal itself cannot be read.
        """
        if not self.machine.journal_path.exists():
            return None  # nothing was ever removed here
        from core.removal.plan import Plan  # only now: the first window opens without the plan code

        journal = self.journal()
        pending = journal.pending()
        if pending is None:
            return None
        try:
            self.plan = Plan.from_json(pending.plan)
        except (ValueError, KeyError, TypeError) as error:
            # A damaged record must not block every later run: close it, say so, change nothing.
            journal.record(pending.run_id, "run_ended", status="failed", message=f"unreadable plan: {error}")
            raise UnreadableRun(
                f"The journal's unfinished removal ({pending.started_at}) could not be read ({error}); "
                "it was closed and nothing was changed."
            ) from error
        if pending.ended_status == "reboot_needed":
            self.rebooted = self.machine.restarted_since(pending.started_at)
        return pending

    def interrupted(self) -> PendingRun | None:
        """The journal's latest run if it stopped mid-way (a crash, a power cut, an error), else None."""
        from core.removal.journal import JournalError

        if not self.machine.journal_path.exists():
            return None
        try:
            pending = self.journal().pending()
        except JournalError:
            logger.exception("cannot read the journal")
            return None
        return pending if pending is not None and pending.ended_status is None else None

    def resume_plan(self, pending: PendingRun) -> Plan:
        """The unfinished run's plan, each step in its place, its commands remade from a fresh scan.

        The journal lives in the user's data folder, which the user (or malware running as the
        user) can write, while the resumed run may be elevated: core.removal.plan.resume_plan takes no
        command from it.
        """
        from core.removal.plan import Plan, resume_plan

        journaled = Plan.from_json(pending.plan)
        fresh = self.make_plan(self.scan(), silent=journaled.mode == "silent")
        self.plan = resume_plan(journaled, fresh, settled={*pending.finished, *pending.interrupted})
        # A removal the journal calls done whose product the fresh scan still finds runs again (issue 9 #8):
        # the journal's outcomes count for the person's own confirmations and for what is gone.
        self.resuming = pending.outside({s.id for s in fresh.steps if s.command})
        return self.plan

    def plan_to_run(self) -> Plan:
        """The plan `run` runs: `plan`, or when `resuming`, the journaled plan remade from a fresh scan
        (which blocks like a scan). Made once per run, so a face can ask first (is a password needed?)."""
        if self._prepared is None:
            if self.resuming is not None:
                # an uninstaller a killed run left running finishes first (bounded): the fresh scan must
                # see what it did, and its step must never start twice at once (issue 9 #9)
                from core.removal.children import wait_for_children

                wait_for_children(self.resuming.children)
                self._prepared = self.resume_plan(self.resuming)
            elif self.plan is not None:
                self._prepared = self.plan
            else:
                raise RuntimeError("a run needs a plan first")
        return self._prepared

    def still_needed(self, step: Step) -> bool:
        """Does a step that was cut off mid-way still need to run? A rescan tells (core.removal.verify)."""
        from core.removal.verify import still_needed

        return still_needed(step, target=self.machine.target, observe=self.machine.observe)

    def leftovers_now(self) -> tuple[str, ...]:
        """Where a rescan still finds something of Kaspersky (blocks like a scan): what a clean-up by hand
        is about, named for the person at the moment they are asked."""
        from core.removal.verify import leftover_locations

        return leftover_locations(self.machine.target, observe=self.machine.observe)

    # --- the run ---------------------------------------------------------------------------------

    def run(
        self,
        *,
        password: str | Secret | None,
        cancel: threading.Event,
        on_event: Callable[[StepEvent], None],
        confirm_manual: Callable[[Step], bool],
        only: Scope | None = None,
    ) -> RunReport:
        """Run the plan through the guarded executor and its journal, or finish `resuming`.

        Resuming replans from a fresh scan first (so it blocks like a scan). On a live machine
        the start-up entry is written before anything changes, so a crash or an uninstaller's own
        restart brings Switchover back; it is removed again when nothing is left to finish.
        `only="machine"` runs only the machine-scope steps (what an elevated helper may do),
        `only="user"` the others. The password is held no longer than the call.
        """
        plan = self.plan_to_run()
        pending = self.resuming  # after plan_to_run: a resume narrows it to what the fresh plan lacks
        call = _Call(password, cancel, on_event, confirm_manual)
        if only is not None:
            plan = _only(plan, only)
        elif self.machine.helper is not None and any(s.elevated and s.command for s in plan.steps):
            return self._run_with_helper(self.machine.helper, plan, pending, call)
        elif self.machine.elevated:
            plan = _without_user_programs(plan, on_event)
        report = self._execute(plan, pending, call)
        self.record_outcome(report)
        return report

    def _execute(self, plan: Plan, pending: PendingRun | None, call: _Call) -> RunReport:
        from core.removal.executor import execute_plan

        self._register_autostart()
        try:
            return execute_plan(
                plan,
                runner=self.machine.runner,
                journal=self.journal(),
                password=call.password,
                cancel=call.cancel,
                on_event=call.on_event,
                confirm_manual=call.confirm_manual,
                guard=self.machine.guard,
                resume=pending,
                still_needed=self.still_needed,
                leftovers=self.leftovers_now,
                language=self.language,
            )
        finally:
            self._prepared = None
            self.resuming = self.interrupted()  # a run cut off by an error is finished next time

    def _run_with_helper(
        self, helper: HelperLauncher, plan: Plan, pending: PendingRun | None, call: _Call
    ) -> RunReport:
        """The person's checks here first, then the machine-scope steps in the elevated helper (which
        plans them itself from its own scan), then the user-scope programs here, unelevated. A refused
        prompt stops before any program ran; this journal records it."""
        from dataclasses import replace

        from core.removal.executor import RunReport

        confirmed: set[str] = set()

        def confirm(step: Step) -> bool:
            answer = call.confirm_manual(step)
            if answer:
                confirmed.add(step.id)
            return answer

        checks = replace(plan, steps=tuple(s for s in plan.steps if not s.elevated and not s.command))
        mine = replace(plan, steps=tuple(s for s in plan.steps if not s.elevated and s.command))
        confirming = replace(call, confirm_manual=confirm)
        first = self._execute(checks, pending, confirming)
        if first.status in ("failed", "cancelled"):
            self.record_outcome(first)
            return first
        password = call.password
        secret = password.value if password is not None and not isinstance(password, str) else password
        machine = helper.run(password=secret, silent=self.silent, confirmed=confirmed, language=self.language)
        for event in machine.steps:
            call.on_event(event)
        if first.run_id is not None:
            self.journal().record(
                first.run_id, "elevated_helper", status=machine.status, message=machine.message
            )
        reports = [first, machine]
        if machine.status in ("removed", "reboot_needed") and mine.steps:
            reports.append(self._execute(mine, None, confirming))
        report = RunReport(
            first.run_id,
            _worst(r.status for r in reports),
            " ".join(r.message for r in reports[1:] if r.message),
            tuple(e for r in reports for e in r.steps),
            any(r.reboot_started for r in reports),
        )
        self.record_outcome(report)
        return report

    def record_outcome(self, report: RunReport) -> None:
        """Keep the run's outcome; a restart still to come keeps the start-up entry, else it goes."""
        self.report = report
        if report.status == "reboot_needed":
            self.rebooted = False
            self._register_autostart()
        elif self.resuming is None:
            self._unregister_autostart()

    # --- verification ----------------------------------------------------------------------------

    @property
    def reboot_pending(self) -> bool:
        """The run asked for a restart that has not happened yet."""
        return self.report is not None and self.report.status == "reboot_needed" and not self.rebooted

    def verify(
        self, *, reboot_pending: bool | None = None, product_ids: Collection[str] | None = None
    ) -> Verification:
        """Rescan and check protection (core.removal.verify.verify); `product_ids` limits it to those products
        (default: every Kaspersky product). `reboot_pending` defaults to what the run said."""
        from core.removal.verify import verify

        pending = self.reboot_pending if reboot_pending is None else reboot_pending
        self.verification = verify(
            self.machine.target,
            observe=self.machine.observe,
            protection=self.machine.protection,
            reboot_pending=pending,
            product_ids=product_ids,
        )
        return self.verification

    def planned_products(self) -> set[str]:
        """The ids of the products the plan acts on."""
        return {s.product_id for s in self.plan.steps if s.product_id} if self.plan else set()

    def settle(self) -> None:
        """Once verification is final, close the journal's run (if it waits for a restart) and the
        start-up entry, so the next start does not resume it. Still waiting for a restart: no change."""
        verification = self.verification
        if verification is None or verification.status == "reboot_needed":
            return
        self._unregister_autostart()
        journal = self.journal()
        if not self.machine.journal_path.exists():
            return
        pending = journal.pending()
        if pending is not None and pending.ended_status == "reboot_needed":
            status = "removed" if verification.status == "removed" else "failed"
            journal.record(pending.run_id, "verified", status=verification.status)
            journal.record(pending.run_id, "run_ended", status=status, message="verified after the restart")

    # --- the start-up entry ----------------------------------------------------------------------

    def _register_autostart(self) -> None:
        machine = self.machine
        if machine.autostart is None or not machine.autostart_command:
            return
        try:
            machine.autostart.register(machine.autostart_command, terminal=machine.terminal)
        except OSError as error:  # the removal still runs; after a restart, start Switchover by hand
            logger.warning("could not arrange to start after a restart (%s)", error)

    def _unregister_autostart(self) -> None:
        if self.machine.autostart is None:
            return
        try:
            self.machine.autostart.unregister()
        except OSError as error:
            logger.warning("could not remove the start-up entry (%s)", error)


def _cancellable(observe: Observe, cancel: threading.Event) -> Observe:
    """An observation source that stops a scan at the next observation after `cancel` is set."""

    def observe_until_cancelled(target: Target, notes: Notes) -> Iterator[Observation]:
        for observation in observe(target, notes):
            if cancel.is_set():
                raise ScanCancelled
            yield observation

    return observe_until_cancelled


@dataclass(frozen=True)
class _Call:
    """What one `run` call was given, handed to each part of the run."""

    password: str | Secret | None
    cancel: threading.Event
    on_event: Callable[[StepEvent], None]
    confirm_manual: Callable[[Step], bool]


def _worst(statuses: Iterator[str]) -> ReportStatus:
    order: tuple[ReportStatus, ...] = ("cancelled", "failed", "reboot_needed", "removed")
    seen = set(statuses)
    return next(s for s in order if s in seen or s == "removed")


def _without_user_programs(plan: Plan, on_event: Callable[[StepEvent], None]) -> Plan:
    """An elevated process (root, an administrator, Wine) runs no user-scope program: it would get the
    rights too. Each is named as skipped; the person runs it from their own, unelevated session."""
    from dataclasses import replace

    from core.removal.executor import StepEvent

    kept = []
    for step in plan.steps:
        if step.command and not step.elevated:
            on_event(
                StepEvent(
                    step.id,
                    "skipped",
                    f"Not run with administrator rights: '{step.title}' is this user's own; run "
                    "Switchover again without administrator rights to remove it.",
                )
            )
        else:
            kept.append(step)
    return replace(plan, steps=tuple(kept))


def _only(plan: Plan, scope: Scope) -> Plan:
    """The plan's steps of one scope: a machine-scope step is one that runs elevated."""
    from dataclasses import replace

    return replace(plan, steps=tuple(s for s in plan.steps if (s.elevated == (scope == "machine"))))
