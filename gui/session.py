"""What the assistant knows so far, and the machine it works on (the real one or a demo).

One `Session` per wizard. Pages read and fill it; the step order comes from
`core.flow` through `flow_state()`. The machine's parts (target, observation
source, runner, guard, protection probe) are swapped whole for a demo machine,
so no page knows whether it is looking at a real computer.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from core import paths
from core.flow import FlowState, RunStatus

logger = logging.getLogger(__name__)

# Only for type hints: the first window must not wait for removal and verification code.
if TYPE_CHECKING:
    from core.demo import DemoMachine
    from core.executor import Guard, RunReport
    from core.journal import PendingRun
    from core.model import ScanResult, Target
    from core.plan import Plan, Step
    from core.runner import Runner
    from core.scan import Observe
    from core.verify import ProtectionProbe, Verification


@dataclass(frozen=True)
class Machine:
    """The computer the assistant works on."""

    target: Target
    observe: Observe
    runner: Runner
    protection: ProtectionProbe
    journal_path: Path
    restarted_since: Callable[[str], bool]  # has the machine restarted since this ISO time?
    guard: Guard | None = None  # None: the executor's own guard
    demo: DemoMachine | None = None


def _booted_after(iso_time: str) -> bool:
    import psutil

    return psutil.boot_time() > datetime.fromisoformat(iso_time).timestamp()


def real_machine() -> Machine:
    from core.journal import default_journal_path
    from core.scan import live_target, observe_machine
    from core.subprocess_runner import SubprocessRunner
    from core.verify import probe_protection

    return Machine(
        target=live_target(),
        observe=observe_machine,
        runner=SubprocessRunner(),
        protection=probe_protection,
        journal_path=default_journal_path(),
        restarted_since=_booted_after,
    )


def demo_machine(key: str, *, delay: float, demo: DemoMachine | None = None) -> Machine:
    """A simulated machine ("home" or "office"); its journal is kept apart from the real one."""
    from core.demo import demo_machines

    demo = demo or demo_machines(delay=delay)[key]
    return Machine(
        target=demo.target,
        observe=demo.observe,
        runner=demo.runner,
        protection=demo.protection,
        journal_path=paths.data_dir() / "demo" / f"journal-{key}.jsonl",
        restarted_since=lambda _since: not demo.reboot_pending,
        guard=demo.guard,
        demo=demo,
    )


@dataclass
class Session:
    machine: Machine
    scan: ScanResult | None = None
    plan: Plan | None = None
    ticked: set[str] = field(default_factory=set)  # rescue steps the user has confirmed
    rescue_done: bool = False
    removal_started: bool = False
    run: RunStatus | None = None
    run_report: RunReport | None = None
    rebooted: bool = False
    verification: Verification | None = None
    us_person: bool | None = None
    interrupted: PendingRun | None = None  # a removal the journal shows stopped mid-way: finish it

    def flow_state(self) -> FlowState:
        return FlowState(
            scan=self.scan,
            plan_ready=self.plan is not None,
            rescue_done=self.rescue_done,
            removal_started=self.removal_started,
            run=self.run,
            rebooted=self.rebooted,
            verified=self.verification is not None,
        )

    def find_interrupted_run(self) -> PendingRun | None:
        """The journal's latest run if it stopped mid-way (a crash, a power cut, an error), else None."""
        from core.journal import Journal, JournalError

        if not self.machine.journal_path.exists():
            return None
        try:
            pending = Journal(self.machine.journal_path).pending()
        except JournalError:
            logger.exception("cannot read the journal")
            return None
        return pending if pending is not None and pending.ended_status is None else None

    def resume_plan(self, journaled: Plan, pending: PendingRun) -> Plan:
        """The interrupted run's plan, its commands remade from a fresh scan (core.plan.resume_plan).

        The journal is in the user's data folder: nothing it says is run as it stands.
        """
        from core.adapters.linux import package_managers
        from core.plan import plan_removal, resume_plan
        from core.scan import scan
        from gui.translations import core_language

        target = self.machine.target
        fresh = plan_removal(
            scan(target, observe=self.machine.observe),
            silent=journaled.mode == "silent",
            package_managers=package_managers(target),
            language=core_language(),
        )
        return resume_plan(journaled, fresh, settled={*pending.finished, *pending.interrupted})

    def still_needed(self, step: Step) -> bool:
        """Does a step that was cut off mid-way still need to run? (core.verify.still_needed)"""
        from core.verify import still_needed

        return still_needed(step, target=self.machine.target, observe=self.machine.observe)

    def remember_us_person(self, value: bool | None) -> None:
        """Keep the person's answer for next time (the command line's `brief` reads it too)."""
        from core.settings import load_settings, save_settings, us_person_answer

        self.us_person = value
        try:
            save_settings(replace(load_settings(), us_person=us_person_answer(value)))
        except OSError:
            logger.exception("could not save the answer; it is asked again next time")

    def require_scan(self) -> ScanResult:
        """The scan, for pages that `core.flow` shows only after one."""
        if self.scan is None:
            raise RuntimeError("this stage needs a scan first (core.flow)")
        return self.scan

    def require_plan(self) -> Plan:
        if self.plan is None:
            raise RuntimeError("this stage needs a removal plan first (core.flow)")
        return self.plan

    def record_run(self, report: RunReport) -> None:
        """Keep the removal's outcome; a real computer that must restart opens the assistant once after it."""
        self.run_report = report
        if report.status == "reboot_needed" and self.machine.demo is None:
            from core.resume import autostart_for, self_command

            try:
                autostart_for(self.machine.target.os).register(self_command(), terminal=False)
            except OSError:
                logger.exception("could not arrange to start after the restart")

    def record_verification(self) -> None:
        """Close the journal's run once verification settles it, so the next start does not resume it."""
        from core.journal import Journal

        if self.verification is None or self.verification.status == "reboot_needed":
            return  # still waiting for the restart: the run stays pending
        if self.machine.demo is None:
            from core.resume import autostart_for

            autostart_for(self.machine.target.os).unregister()
        journal = Journal(self.machine.journal_path)
        pending = journal.pending()
        if pending is not None:
            status = "removed" if self.verification.status == "removed" else "failed"
            journal.record(pending.run_id, "verified", status=self.verification.status)
            journal.record(pending.run_id, "run_ended", status=status, message="verified after the restart")
