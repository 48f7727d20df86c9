"""The one guarded door through which Switchover changes a machine.

`execute_plan` walks a plan's steps in order. Before each command it asks the
guard (core.guard) whether the program may run, and asks again immediately
before every start, so that a file changed since the first check is caught (the
short window left between that last check and the start is described in
core.guard); it records the step in the journal before and after it runs; it
fills the password placeholders only in memory, and only in the arguments, never
in the program the guard judged; and it turns the program's exit code into what
it means. It stops at the first step that fails or is cancelled: the plan's order
matters (products before the Network Agent), so a failure must never let a later
step run.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from core.exit_codes import installer_kind, interpret
from core.journal import Journal, JournalError, PendingRun
from core.plan import Step
from core.runner import Runner, RunResult
from core.secrets import Secret, fill, needs_password, scrub

StepStatus = Literal["started", "done", "failed", "skipped", "needs_reboot", "cancelled", "waiting_user"]
ReportStatus = Literal["removed", "failed", "reboot_needed", "cancelled"]

# Waits before retrying when another installation holds Windows Installer (1618), then give up.
BUSY_RETRY_DELAYS_S: tuple[float, ...] = (15, 30, 60, 120, 240)


class RunnablePlan(Protocol):
    """What the executor needs of a plan (core.plan.Plan)."""

    @property
    def os(self) -> str: ...

    @property
    def steps(self) -> tuple[Step, ...]: ...

    def to_json(self) -> dict[str, Any]: ...


# The guard's answer for one command: None to allow it, else why it was refused.
Guard = Callable[[Step, Sequence[str], RunnablePlan], "str | None"]


@dataclass(frozen=True)
class StepEvent:
    step_id: str
    status: StepStatus
    message: str
    exit_code: int | None = None


@dataclass(frozen=True)
class RunReport:
    run_id: str | None  # None when the journal could not even be opened
    status: ReportStatus
    message: str
    steps: tuple[StepEvent, ...] = ()  # each step's final event, in plan order
    reboot_started: bool = False  # an uninstaller is restarting the machine now


@dataclass
class _Run:
    plan: RunnablePlan
    runner: Runner
    journal: Journal
    run_id: str
    secret: Secret | None
    cancel: threading.Event
    on_event: Callable[[StepEvent], None]
    confirm_manual: Callable[[Step], bool]
    guard: Guard
    busy_delays: tuple[float, ...]
    finals: list[StepEvent] = field(default_factory=list)
    rebooting: bool = False  # an uninstaller answered 1641: the machine is going down

    def emit(self, event: StepEvent) -> None:
        self.on_event(event)

    def finish(self, step: Step, status: StepStatus, message: str, exit_code: int | None = None) -> StepEvent:
        message = scrub(message, self.secret.forms() if self.secret else ())
        self.journal.record(
            self.run_id, "step_ended", step=step.id, status=status, message=message, exit_code=exit_code
        )
        event = StepEvent(step.id, status, message, exit_code)
        self.finals.append(event)
        self.emit(event)
        return event


def execute_plan(
    plan: RunnablePlan,
    *,
    runner: Runner,
    journal: Journal,
    password: str | Secret | None,
    cancel: threading.Event,
    on_event: Callable[[StepEvent], None],
    confirm_manual: Callable[[Step], bool],
    guard: Guard | None = None,
    resume: PendingRun | None = None,
    still_needed: Callable[[Step], bool] | None = None,
    busy_delays: Sequence[float] = BUSY_RETRY_DELAYS_S,
) -> RunReport:
    """Run the plan's steps in order and report how the run ended.

    With `resume` (from `Journal.pending()`), steps that already ended are not run
    again, and a step that started but never ended is re-checked with
    `still_needed` (a rescan): if its product is gone it is recorded as done.
    A journal that cannot be written stops the run before the next change.
    """
    secret = Secret(password) if isinstance(password, str) else password
    try:
        if resume is None:
            run_id = journal.open_run(plan.to_json())
        else:
            run_id = resume.run_id
            journal.record(run_id, "resumed", message=resume.describe())
    except JournalError as error:
        return RunReport(None, "failed", f"{error} Nothing was removed.")
    run = _Run(
        plan,
        runner,
        journal,
        run_id,
        secret,
        cancel,
        on_event,
        confirm_manual,
        guard or default_guard,
        tuple(busy_delays),
    )
    try:
        status, message, rebooting = _walk(run, resume, still_needed)
        journal.record(run_id, "run_ended", status=status, message=message)
    except JournalError as error:
        return RunReport(run_id, "failed", str(error), tuple(run.finals))
    return RunReport(run_id, status, message, tuple(run.finals), rebooting)


def _walk(
    run: _Run, resume: PendingRun | None, still_needed: Callable[[Step], bool] | None
) -> tuple[ReportStatus, str, bool]:
    steps = run.plan.steps
    restarted = resume is not None and resume.ended_status == "reboot_needed"
    reboot = False
    unrecovered: dict[str, Step] = {}  # failed steps that a later fallback step may still make good
    for index, step in enumerate(steps):
        when = step.details.get("when", "")
        previous = resume.finished.get(step.id) if resume else None
        if previous is not None:
            event = StepEvent(step.id, previous, "finished before the interruption")  # type: ignore[arg-type]
            run.finals.append(event)
            run.emit(event)
        elif when.startswith("if_failed:"):
            handles = [s for s in when.removeprefix("if_failed:").split(",") if s in unrecovered]
            if not handles:
                run.emit(StepEvent(step.id, "skipped", "not needed: what it falls back from went well"))
                continue
            event = _run_step(run, step)
            if event.status == "done":
                for failed in handles:
                    unrecovered.pop(failed)
        elif when == "reboot_needed":
            if restarted:
                event = run.finish(step, "done", "the computer was restarted")
            elif reboot:
                run.emit(StepEvent(step.id, "waiting_user", step.title))
                return "reboot_needed", "restart the computer to finish; Switchover verifies after it", False
            else:
                run.emit(StepEvent(step.id, "skipped", "no restart is needed"))
                continue
        elif step.action == "verify":
            run.emit(StepEvent(step.id, "skipped", "the check follows the run"))
            continue
        elif resume and step.id in resume.interrupted and still_needed and not still_needed(step):
            # Its uninstaller's exit code was lost with the crash: it may have asked for a restart
            # (drivers stay loaded until then), so one is asked for, and verification follows it.
            message = "was interrupted, and a rescan shows it is already removed"
            event = run.finish(step, "needs_reboot" if step.command else "done", message)
        elif run.cancel.is_set():
            event = run.finish(step, "cancelled", "cancelled before it started")
        else:
            event = _run_step(run, step)
        # after the restart, what waited for it is finished
        reboot = reboot or (event.status == "needs_reboot" and not (restarted and previous))
        if event.status == "failed" and _has_fallback(step, steps[index + 1 :]):
            unrecovered[step.id] = step
            continue
        if event.status in ("failed", "cancelled") or run.rebooting:
            for rest in steps[index + 1 :]:
                run.emit(StepEvent(rest.id, "skipped", f"not run: '{step.title}' did not finish"))
            if event.status == "failed":
                return "failed", f"'{step.title}' failed: {event.message}", False
            if event.status == "cancelled":
                return "cancelled", f"stopped at '{step.title}': {event.message}", False
            return "reboot_needed", "the computer is restarting; Switchover finishes after it", True
    if unrecovered:
        titles = ", ".join(f"'{s.title}'" for s in unrecovered.values())
        return "failed", f"{titles} failed, and the fallback did not remove it", False
    if reboot:
        return "reboot_needed", "every step ran; restart the computer to finish", False
    return "removed", "every step ran", False


def _has_fallback(step: Step, later: Sequence[Step]) -> bool:
    return any(step.id in s.details.get("when", "").removeprefix("if_failed:").split(",") for s in later)


def _run_step(run: _Run, step: Step) -> StepEvent:
    if step.command is None:
        run.journal.record(run.run_id, "step_started", step=step.id)
        run.emit(StepEvent(step.id, "waiting_user", step.title))
        if run.confirm_manual(step):
            return run.finish(step, "done", "done by hand")
        if step.details.get("blocking") == "true":
            return run.finish(step, "cancelled", "not confirmed, and nothing may be removed before it")
        return run.finish(step, "skipped", "left out")
    if step.details.get("optional") == "true" and not run.confirm_manual(step):
        return run.finish(step, "skipped", "optional, and not chosen")
    refusal = run.guard(step, step.command, run.plan)
    if refusal:
        return run.finish(step, "failed", f"refused, not run: {refusal}")
    program, arguments = step.command[0], step.command[1:]
    if needs_password(arguments) and run.secret is None:
        return run.finish(step, "failed", "needs the uninstall password (--password-file or --password-env)")
    # The program is what the guard judged, never filled in: only its arguments take the password.
    argv = (program, *fill(arguments, run.secret))
    secrets = run.secret.forms() if run.secret else ()
    kind = installer_kind(step.command)
    delays = iter(run.busy_delays)
    run.journal.record(run.run_id, "step_started", step=step.id)
    run.emit(StepEvent(step.id, "started", step.title))
    while True:
        # Again right before the start (and before every retry, which can come minutes later): the
        # files may have changed since the first check. See core.guard for the window that remains.
        refusal = run.guard(step, step.command, run.plan)
        if refusal:
            return run.finish(step, "failed", f"refused, not run: {refusal}")
        result = run.runner.run(
            argv, elevated=step.elevated, timeout=step.timeout_s, cancel=run.cancel, secrets=secrets
        )
        tag, status, message, code = _outcome(kind, result, step)
        if tag != "busy":
            run.rebooting = run.rebooting or tag == "rebooting"
            return run.finish(step, status, message, code)
        delay = next(delays, None)
        if delay is None:
            return run.finish(
                step,
                "failed",
                "another installation kept Windows Installer busy; try later",
                result.exit_code,
            )
        run.emit(
            StepEvent(step.id, "started", f"another installation is running; trying again in {delay:g} s")
        )
        if run.cancel.wait(delay):
            return run.finish(step, "cancelled", "cancelled while waiting for another installation")


def _outcome(kind: Any, result: RunResult, step: Step) -> tuple[str, StepStatus, str, int | None]:
    code = result.exit_code
    if result.cancelled:
        return "", "cancelled", "cancelled; the uninstaller was stopped", None
    if result.timed_out:
        minutes = max(1, round(step.timeout_s / 60))
        return "", "failed", f"did not finish within {minutes} min and was stopped", None
    if code is None:
        return "", "failed", result.error or "could not run", None
    meaning = interpret(kind, code)
    message = meaning.message
    if result.error:
        message = f"{result.error} ({code})"
    if meaning.outcome == "busy":
        return "busy", "failed", message, code
    if meaning.outcome in ("done", "already_gone"):
        return "", "done", message, code
    if meaning.outcome == "reboot_needed":
        return "", "needs_reboot", message, code
    if meaning.outcome == "reboot_started":
        return "rebooting", "needs_reboot", message, code
    if meaning.outcome == "cancelled_by_user":
        return "", "cancelled", message, code
    last_line = result.output_tail.strip().splitlines()[-1:] if result.output_tail.strip() else []
    detail = f" — it said: {last_line[0]}" if last_line else ""
    hint = f" {meaning.next_step}" if meaning.next_step else ""
    return "", "failed", f"{message}{detail}.{hint}", code


def default_guard(step: Step, argv: Sequence[str], plan: RunnablePlan) -> str | None:
    """core.guard's verdict on the command as planned, Authenticode signature included."""
    from core import guard
    from core.authenticode import signed_by_kaspersky

    verdict = guard.check_program(
        argv,
        os=plan.os,  # type: ignore[arg-type]
        user_scope=step.details.get("scope") == "user",
        signed_by_vendor=signed_by_kaspersky,
    )
    if not verdict.allowed:
        return verdict.reason
    if step.elevated and not verdict.elevated_allowed:
        return f"it must never run as administrator: {verdict.reason}"
    return None
