"""What the assistant knows so far: the wizard's own state over core's removal session.

One `Session` per wizard. The job itself (scan, plan, run, resume, verify, settle)
is `core.assistant.session.RemovalSession`, which the command line drives too; this class
adds only what the pages need besides (ticked checklist items, whether Back is
still allowed, the person's answer about the ban) and the step order from
`core.assistant.flow` through `flow_state()`. The machine is swapped whole for a demo one,
so no page knows whether it is looking at a real computer. A window opens on a
`MachineChoice` (its name only) and makes the machine just after its first paint.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from core.assistant.flow import FlowState

logger = logging.getLogger(__name__)

# Only for type hints, or imported where they are used: the first window must not wait for the scan,
# removal and verification code, nor for core.assistant.session and .demo (about 25 ms).
if TYPE_CHECKING:
    from core.assistant.flow import RunStatus
    from core.assistant.session import Machine, RemovalSession
    from core.model import ScanResult
    from core.removal.executor import RunReport
    from core.removal.journal import PendingRun
    from core.removal.plan import Plan, Step
    from core.removal.subprocess_runner import Elevation
    from core.removal.verify import Verification

__all__ = ["Machine", "MachineChoice", "Session", "demo_machine", "real_machine"]


def __getattr__(name: str) -> object:
    """`gui.session.Machine` is core.assistant.session's, loaded when first asked for."""
    if name == "Machine":
        from core.assistant.session import Machine

        return Machine
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def demo_machine(key: str, *, delay: float) -> Machine:
    """A simulated machine ("home" or "office"), as core.assistant.session makes it."""
    from core.assistant.session import demo_machine as simulated

    return simulated(key, delay=delay)


def real_machine(elevation: Elevation | None = None) -> Machine:
    """This computer, as the window works on it: the platform's graphical elevation prompt (or
    `elevation`), and the assistant (no terminal) opening once after a restart to finish."""
    from core.assistant.session import this_machine, window_elevation
    from core.removal.resume import self_command

    return this_machine(
        elevation=elevation or window_elevation(), autostart_command=self_command(), terminal=False
    )


class MachineChoice(NamedTuple):
    """The machine a window opens on, named but not yet made: a demo machine's key, or this computer.

    Making a machine loads the scan's code and copies a demo's data; the first window needs only
    its name and whether its journal exists, so the wizard makes it just after its first paint.
    A named tuple, and `Session` a plain class, not dataclasses: the first window makes both, and
    the dataclasses module and each dataclass cost it about a millisecond.
    """

    demo: str | None = None  # "home", "office"; None: this computer
    delay: float = 0.0  # how long a demo's simulated uninstaller takes, in seconds

    @property
    def journal_path(self) -> Path:
        if self.demo is None:
            from core.removal.journal import default_journal_path

            return default_journal_path()
        from core.paths import demo_journal_path

        return demo_journal_path(self.demo)

    def make(self) -> Machine:
        return real_machine() if self.demo is None else demo_machine(self.demo, delay=self.delay)


def _removal_session(machine: Machine) -> RemovalSession:
    from core.assistant.session import RemovalSession
    from gui.translations import core_language

    return RemovalSession(machine, language=core_language())


class Session:
    def __init__(self, opened_on: Machine | MachineChoice) -> None:
        self.opened_on = opened_on  # the machine, or only its name until it is first needed
        self.ticked: set[str] = set()  # rescue steps the user has confirmed
        self.rescue_done = False
        self.removal_started = False
        self.run: RunStatus | None = None
        self.us_person: bool | None = None
        self._shown_verification: Verification | None = None
        self._machine: Machine | None = None
        self._removal: RemovalSession | None = None

    @property
    def machine(self) -> Machine:
        return self.make_machine()

    def make_machine(self) -> Machine:
        """The machine, made now if the session was opened on a `MachineChoice` (the wizard calls this
        just after its first paint; anything that needs the machine sooner makes it then)."""
        if self._machine is None:
            opened = self.opened_on
            self._machine = opened.make() if isinstance(opened, MachineChoice) else opened
        return self._machine

    @property
    def removal(self) -> RemovalSession:
        if self._removal is None:
            self._removal = _removal_session(self.machine)
        return self._removal

    @property
    def demo_key(self) -> str | None:
        """Which demo machine this is (None: this computer), known before the machine is made."""
        opened = self.opened_on
        if isinstance(opened, MachineChoice):
            return opened.demo
        return opened.demo.key if opened.demo is not None else None

    @property
    def journal_path(self) -> Path:
        """The machine's journal, known before the machine is made."""
        return self.opened_on.journal_path

    # What core's session knows, under the names the pages read.
    @property
    def scan(self) -> ScanResult | None:
        return self.removal.scan_result

    @scan.setter
    def scan(self, result: ScanResult | None) -> None:
        self.removal.scan_result = result

    @property
    def plan(self) -> Plan | None:
        return self.removal.plan

    @plan.setter
    def plan(self, plan: Plan | None) -> None:
        self.removal.plan = plan

    @property
    def run_report(self) -> RunReport | None:
        return self.removal.report

    @property
    def verification(self) -> Verification | None:
        """The verification the Verify page has shown (core's session holds it from the worker thread
        on; pages and tests see it only once it arrived on the GUI thread)."""
        return self._shown_verification

    @verification.setter
    def verification(self, verification: Verification | None) -> None:
        self._shown_verification = self.removal.verification = verification

    @property
    def rebooted(self) -> bool:
        return self.removal.rebooted

    @rebooted.setter
    def rebooted(self, value: bool) -> None:
        self.removal.rebooted = value

    @property
    def interrupted(self) -> PendingRun | None:
        """A removal the journal shows stopped mid-way: the Remove page finishes it."""
        return self.removal.resuming

    @interrupted.setter
    def interrupted(self, pending: PendingRun | None) -> None:
        self.removal.resuming = pending

    def flow_state(self) -> FlowState:
        if self._removal is None:  # the machine is not made yet, so nothing was scanned, planned or run
            return FlowState(rescue_done=self.rescue_done, removal_started=self.removal_started, run=self.run)
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
        return self.removal.interrupted()

    def still_needed(self, step: Step) -> bool:
        """Does a step that was cut off mid-way still need to run? (core.removal.verify.still_needed)"""
        return self.removal.still_needed(step)

    def remember_us_person(self, value: bool | None) -> None:
        """Keep the person's answer for next time (the command line's `brief` reads it too)."""
        from dataclasses import replace

        from core.settings import load_settings, save_settings, us_person_answer

        self.us_person = value
        try:
            save_settings(replace(load_settings(), us_person=us_person_answer(value)))
        except OSError:
            logger.exception("could not save the answer; it is asked again next time")

    def require_scan(self) -> ScanResult:
        """The scan, for pages that `core.assistant.flow` shows only after one."""
        if self.scan is None:
            raise RuntimeError("this stage needs a scan first (core.assistant.flow)")
        return self.scan

    def require_plan(self) -> Plan:
        if self.plan is None:
            raise RuntimeError("this stage needs a removal plan first (core.assistant.flow)")
        return self.plan

    def record_run(self, report: RunReport) -> None:
        """Keep the removal's outcome; a real computer that must restart opens the assistant once after it."""
        self.run = report.status
        self.removal.record_outcome(report)

    def record_verification(self) -> None:
        """Close the journal's run once verification settles it, so the next start does not resume it."""
        self.removal.settle()
