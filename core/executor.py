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

What it tells a person (`StepEvent.message`, `RunReport.message`) is in the run's
`language`, read by id from resources/plan/ ("run.…", core.messages.phrase); the
exit-code meanings core.exit_codes writes in English go through core.messages.translate.
The journal keeps every message in English: it is a record for help desks.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from core.exit_codes import installer_kind, interpret
from core.journal import Journal, JournalError, PendingRun
from core.messages import DEFAULT_LANGUAGE, phrase, translate
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


@dataclass(frozen=True)
class _Said:
    """One message in two languages: English for the journal (a record for help desks, whatever the
    person reads) and the person's language for events and the report."""

    english: str
    shown: str

    @classmethod
    def verbatim(cls, text: str) -> _Said:
        """A text that comes from elsewhere in English only (a runner's or the journal's error)."""
        return cls(text, text)

    def __add__(self, other: _Said) -> _Said:
        return _Said(self.english + other.english, self.shown + other.shown)


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
    language: str = DEFAULT_LANGUAGE
    finals: list[StepEvent] = field(default_factory=list)
    said: dict[str, _Said] = field(default_factory=dict)  # each final event's message, both languages
    rebooting: bool = False  # an uninstaller answered 1641: the machine is going down

    def emit(self, event: StepEvent) -> None:
        self.on_event(event)

    def say(self, key: str, **values: object) -> _Said:
        """The run text `key` in English and in the run's language; a `_Said` value fills each its own."""
        return _Said(
            phrase(key, DEFAULT_LANGUAGE, **{k: _in(v, english=True) for k, v in values.items()}),
            phrase(key, self.language, **{k: _in(v, english=False) for k, v in values.items()}),
        )

    def quoted(self, step: Step) -> _Said:
        return self.say("run.quoted", title=step.title)

    def meaning(self, text: str) -> _Said:
        """A sentence core.exit_codes wrote in English, translated by its English text."""
        return _Said(text, translate(text, self.language))

    def finish(self, step: Step, status: StepStatus, said: _Said, exit_code: int | None = None) -> StepEvent:
        forms = self.secret.forms() if self.secret else ()
        said = _Said(scrub(said.english, forms), scrub(said.shown, forms))
        # The journal stays in English whatever the person reads: it is a record for help desks.
        self.journal.record(
            self.run_id, "step_ended", step=step.id, status=status, message=said.english, exit_code=exit_code
        )
        event = StepEvent(step.id, status, said.shown, exit_code)
        self.finals.append(event)
        self.said[step.id] = said
        self.emit(event)
        return event


def _in(value: object, *, english: bool) -> object:
    if isinstance(value, _Said):
        return value.english if english else value.shown
    return value


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
    language: str = DEFAULT_LANGUAGE,
) -> RunReport:
    """Run the plan's steps in order and report how the run ended.

    Step and report messages are in `language` (resources/plan/); the journal's stay in English.
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
        return RunReport(None, "failed", phrase("run.journal_unwritable", language, error=error))
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
        language,
    )
    try:
        status, said, rebooting = _walk(run, resume, still_needed)
        journal.record(run_id, "run_ended", status=status, message=said.english)
    except JournalError as error:
        return RunReport(run_id, "failed", str(error), tuple(run.finals))
    return RunReport(run_id, status, said.shown, tuple(run.finals), rebooting)


def _walk(
    run: _Run, resume: PendingRun | None, still_needed: Callable[[Step], bool] | None
) -> tuple[ReportStatus, _Said, bool]:
    steps = run.plan.steps
    restarted = resume is not None and resume.ended_status == "reboot_needed"
    reboot = False
    unrecovered: dict[str, Step] = {}  # failed steps that a later fallback step may still make good
    for index, step in enumerate(steps):
        when = step.details.get("when", "")
        previous = resume.finished.get(step.id) if resume else None
        if previous is not None:
            said = run.said[step.id] = run.say("run.finished_before")
            event = StepEvent(step.id, previous, said.shown)  # type: ignore[arg-type]
            run.finals.append(event)
            run.emit(event)
        elif when.startswith("if_failed:"):
            handles = [s for s in when.removeprefix("if_failed:").split(",") if s in unrecovered]
            if not handles:
                run.emit(StepEvent(step.id, "skipped", run.say("run.fallback_not_needed").shown))
                continue
            event = _run_step(run, step)
            if event.status == "done":
                for failed in handles:
                    unrecovered.pop(failed)
        elif when == "reboot_needed":
            if restarted:
                event = run.finish(step, "done", run.say("run.restarted"))
            elif reboot:
                run.emit(StepEvent(step.id, "waiting_user", step.title))
                return "reboot_needed", run.say("run.restart_to_finish"), False
            else:
                run.emit(StepEvent(step.id, "skipped", run.say("run.no_restart_needed").shown))
                continue
        elif step.action == "verify":
            run.emit(StepEvent(step.id, "skipped", run.say("run.check_follows").shown))
            continue
        elif resume and step.id in resume.interrupted and still_needed and not still_needed(step):
            # Its uninstaller's exit code was lost with the crash: it may have asked for a restart
            # (drivers stay loaded until then), so one is asked for, and verification follows it.
            message = run.say("run.interrupted_gone")
            event = run.finish(step, "needs_reboot" if step.command else "done", message)
        elif run.cancel.is_set():
            event = run.finish(step, "cancelled", run.say("run.cancelled_before_start"))
        elif waiting_for := _failed_before(step, unrecovered):
            # The management agent goes last: removing it while a product stays frees the device from
            # its policy and can make that product's uninstall password unrecoverable.
            quoted = [run.quoted(s) for s in waiting_for]
            titles = _Said(", ".join(q.english for q in quoted), ", ".join(q.shown for q in quoted))
            event = run.finish(step, "skipped", run.say("run.agent_waits", titles=titles))
        else:
            event = _run_step(run, step)
        # after the restart, what waited for it is finished
        reboot = reboot or (event.status == "needs_reboot" and not (restarted and previous))
        if event.status == "failed" and _has_fallback(step, steps[index + 1 :]):
            unrecovered[step.id] = step
            continue
        if event.status in ("failed", "cancelled") or run.rebooting:
            for rest in steps[index + 1 :]:
                run.emit(StepEvent(rest.id, "skipped", run.say("run.not_run", title=run.quoted(step)).shown))
            message = run.said[step.id]
            if event.status == "failed":
                return "failed", run.say("run.failed", title=run.quoted(step), message=message), False
            if event.status == "cancelled":
                return "cancelled", run.say("run.stopped_at", title=run.quoted(step), message=message), False
            return "reboot_needed", run.say("run.restarting"), True
    if unrecovered:
        quoted = [run.quoted(s) for s in unrecovered.values()]
        titles = _Said(", ".join(q.english for q in quoted), ", ".join(q.shown for q in quoted))
        return "failed", run.say("run.fallback_failed", titles=titles), False
    if reboot:
        return "reboot_needed", run.say("run.every_step_ran_restart"), False
    return "removed", run.say("run.every_step_ran"), False


def _failed_before(step: Step, unrecovered: dict[str, Step]) -> list[Step]:
    """The removals this step must wait for (the plan's details "after") that failed and stayed failed."""
    return [unrecovered[s] for s in step.details.get("after", "").split(",") if s in unrecovered]


def _has_fallback(step: Step, later: Sequence[Step]) -> bool:
    return any(step.id in s.details.get("when", "").removeprefix("if_failed:").split(",") for s in later)


def _run_step(run: _Run, step: Step) -> StepEvent:
    if step.command is None:
        run.journal.record(run.run_id, "step_started", step=step.id)
        run.emit(StepEvent(step.id, "waiting_user", step.title))
        if run.confirm_manual(step):
            return run.finish(step, "done", run.say("run.done_by_hand"))
        if step.details.get("blocking") == "true":
            return run.finish(step, "cancelled", run.say("run.not_confirmed_blocking"))
        return run.finish(step, "skipped", run.say("run.left_out"))
    if step.details.get("optional") == "true" and not run.confirm_manual(step):
        return run.finish(step, "skipped", run.say("run.optional_not_chosen"))
    refusal = run.guard(step, step.command, run.plan)
    if refusal:  # the guard's reasons are in English (core.guard)
        return run.finish(step, "failed", run.say("run.refused", reason=refusal))
    program, arguments = step.command[0], step.command[1:]
    if needs_password(arguments) and run.secret is None:
        return run.finish(step, "failed", run.say("run.needs_password"))
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
            return run.finish(step, "failed", run.say("run.refused", reason=refusal))
        result = run.runner.run(
            argv, elevated=step.elevated, timeout=step.timeout_s, cancel=run.cancel, secrets=secrets
        )
        tag, status, message, code = _outcome(run, kind, result, step)
        if tag != "busy":
            run.rebooting = run.rebooting or tag == "rebooting"
            return run.finish(step, status, message, code)
        delay = next(delays, None)
        if delay is None:
            return run.finish(step, "failed", run.say("run.busy_gave_up"), result.exit_code)
        run.emit(StepEvent(step.id, "started", run.say("run.busy_retry", delay=f"{delay:g}").shown))
        if run.cancel.wait(delay):
            return run.finish(step, "cancelled", run.say("run.cancelled_waiting"))


def _outcome(
    run: _Run, kind: Any, result: RunResult, step: Step
) -> tuple[str, StepStatus, _Said, int | None]:
    code = result.exit_code
    if result.cancelled:
        return "", "cancelled", run.say("run.uninstaller_stopped"), None
    if result.timed_out:
        minutes = max(1, round(step.timeout_s / 60))
        return "", "failed", run.say("run.timed_out", minutes=minutes), None
    if code is None:
        return (
            "",
            "failed",
            _Said.verbatim(result.error) if result.error else run.say("run.could_not_run"),
            None,
        )
    meaning = interpret(kind, code)
    if meaning.outcome == "failed" and meaning.message == interpret("other", code).message:
        message = run.say("run.exit_code", code=code)  # exit_codes' words for a code it does not know
    else:
        message = run.meaning(meaning.message)
    if result.error:  # the runner's own words, in English
        message = _Said.verbatim(f"{result.error} ({code})")
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
    detail = _Said.verbatim(" — ") + run.say("run.it_said", line=last_line[0]) if last_line else _Said("", "")
    hint = _Said.verbatim(" ") + run.meaning(meaning.next_step) if meaning.next_step else _Said("", "")
    return "", "failed", message + detail + _Said.verbatim(".") + hint, code


def default_guard(
    step: Step, argv: Sequence[str], plan: RunnablePlan, *, running: str | None = None
) -> str | None:
    """core.guard's verdict on the command as planned, Authenticode signature included.

    `running` is the OS that starts the program (this one; the Wine tests say "windows")."""
    from core import guard
    from core.authenticode import signed_by_kaspersky

    verdict = guard.check_program(
        argv,
        os=plan.os,  # type: ignore[arg-type]
        user_scope=step.details.get("scope") == "user",
        signed_by_vendor=signed_by_kaspersky,
        running=running,  # type: ignore[arg-type]
    )
    if not verdict.allowed:
        return verdict.reason
    if step.elevated and not verdict.elevated_allowed:
        return f"it must never run as administrator: {verdict.reason}"
    if step.elevated and sys.platform == "win32" and guard.is_system_msiexec(argv[0]):
        # the code came from an uninstall entry: Windows Installer's own HKLM records must agree
        from core.installer_records import live_refusal

        return live_refusal(step.details.get("product_code", ""), step.product)
    return None
