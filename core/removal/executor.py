"""The one guarded door through which Switchover changes a machine.

`execute_plan` walks a plan's steps in order. Before each command it asks the
guard (core.removal.guard) whether the program may run, and asks again immediately
before every start, so that a file changed since the first check is caught (the
short window left between that last check and the start is described in
core.removal.guard); it records the step in the journal before and after it runs; it
fills the password placeholders only in memory, and only in the arguments, never
in the program the guard judged; and it turns the program's exit code into what
it means. It stops at the first step that fails or is cancelled: the plan's order
matters (products before the Network Agent), so a failure must never let a later
step run.

What it tells a person (`StepEvent.message`, `RunReport.message`) is in the run's
`language`, read by id from resources/plan/ ("run.…", core.messages.phrase), the
exit-code meanings too (core.exit_codes keeps them as `Text`s: "exit.…").
The journal keeps every message in English: it is a record for help desks.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal, Protocol

from core.exit_codes import InstallerKind, installer_kind, interpret
from core.messages import DEFAULT_LANGUAGE, Text, phrase
from core.removal import guard
from core.removal.authenticode import signed_by_kaspersky
from core.removal.journal import Journal, JournalError, PendingRun
from core.removal.plan_model import Step, StepKind
from core.removal.secrets import Secret, fill, needs_password, scrub
from core.runner import Runner, RunResult

StepStatus = Literal["started", "done", "failed", "skipped", "needs_reboot", "cancelled", "waiting_user"]
ReportStatus = Literal["removed", "failed", "reboot_needed", "cancelled"]

# Waits before retrying when another installation holds Windows Installer (1618), then give up.
BUSY_RETRY_DELAYS_S: tuple[float, ...] = (15, 30, 60, 120, 240)


class RunnablePlan(Protocol):
    """What the executor needs of a plan (core.removal.plan.Plan)."""

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

    def meaning(self, text: Text) -> _Said:
        """A sentence core.exit_codes keeps to say later, in English and in the run's language."""
        return _Said(text.say(DEFAULT_LANGUAGE), text.say(self.language))

    def finish(
        self, step: Step, status: StepStatus, said: _Said, exit_code: int | None = None, output: str = ""
    ) -> StepEvent:
        forms = self.secret.forms() if self.secret else ()
        said = _Said(scrub(said.english, forms), scrub(said.shown, forms))
        # The journal stays in English whatever the person reads: it is a record for help desks, who
        # also get the end of a failed program's output (the message keeps one line of it).
        extra = {"output": scrub(output, forms)} if output and status == "failed" else {}
        self.journal.record(
            self.run_id,
            "step_ended",
            step=step.id,
            status=status,
            message=said.english,
            exit_code=exit_code,
            **extra,
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
    leftovers: Callable[[], tuple[str, ...]] | None = None,
    busy_delays: Sequence[float] = BUSY_RETRY_DELAYS_S,
    language: str = DEFAULT_LANGUAGE,
) -> RunReport:
    """Run the plan's steps in order and report how the run ended.

    Step and report messages are in `language` (resources/plan/); the journal's stay in English.
    With `resume` (from `Journal.pending()`), steps that already ended are not run
    again, and a step that started but never ended is re-checked with
    `still_needed` (a rescan): if its product is gone it is recorded as done. `leftovers` (a rescan too)
    says where something of Kaspersky is still found: the clean-up of leftovers is skipped when nothing
    is, so the person is never asked to tidy up nothing, and otherwise asked with those places listed.
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
        end = _Walk(run, resume, still_needed, leftovers).through()
        journal.record(run_id, "run_ended", status=end.status, message=end.said.english)
    except JournalError as error:
        return RunReport(run_id, "failed", str(error), tuple(run.finals))
    return RunReport(run_id, end.status, end.said.shown, tuple(run.finals), end.rebooting)


@dataclass(frozen=True)
class Outcome:
    """How one start of a program ended, in the executor's terms."""

    status: StepStatus
    said: _Said
    exit_code: int | None = None
    retry: bool = False  # another installation holds Windows Installer (1618): wait, then start again
    rebooting: bool = False  # the uninstaller is restarting the machine now (1641)


@dataclass(frozen=True)
class _End:
    """The run stops here, with this status."""

    status: ReportStatus
    said: _Said
    rebooting: bool = False


@dataclass
class _Walk:
    """One pass over the plan's steps: each goes to the handler for its kind (`Step.kind`)."""

    run: _Run
    resume: PendingRun | None
    still_needed: Callable[[Step], bool] | None
    leftovers: Callable[[], tuple[str, ...]] | None
    reboot: bool = False  # a step asked for a restart
    unrecovered: dict[str, Step] = field(default_factory=dict)  # failed steps a later fallback may make good

    @property
    def restarted(self) -> bool:
        """This run resumes after the restart it asked for."""
        return self.resume is not None and self.resume.ended_status == "reboot_needed"

    def through(self) -> _End:
        steps = self.run.plan.steps
        handlers: dict[StepKind, Callable[[Step], StepEvent | _End | None]] = {
            "fallback": self.fallback,
            "restart": self.restart,
            "verify": self.verify,
            "manual": self.action,
            "program": self.action,
        }
        for index, step in enumerate(steps):
            previous = self.resume.finished.get(step.id) if self.resume else None
            result = self.finished_before(step, previous) if previous else handlers[step.kind](step)
            if result is None:  # not needed: no record
                continue
            if isinstance(result, _End):
                return result
            # after the restart, what waited for it is finished
            self.reboot = self.reboot or (
                result.status == "needs_reboot" and not (self.restarted and previous)
            )
            if result.status == "failed" and any(
                later.falls_back_from(step.id) for later in steps[index + 1 :]
            ):
                self.unrecovered[step.id] = step
                continue
            if result.status in ("failed", "cancelled") or self.run.rebooting:
                return self.stop(step, result, steps[index + 1 :])
        return self.ended()

    def finished_before(self, step: Step, status: str) -> StepEvent:
        said = self.run.said[step.id] = self.run.say("run.finished_before")
        event = StepEvent(step.id, status, said.shown)  # type: ignore[arg-type]
        self.run.finals.append(event)
        self.run.emit(event)
        return event

    def fallback(self, step: Step) -> StepEvent | None:
        """Runs only when a step it falls back from failed; when it succeeds, those count as made good."""
        handles = [s for s in (step.when.steps if step.when else ()) if s in self.unrecovered]
        if not handles:
            self.run.emit(StepEvent(step.id, "skipped", self.run.say("run.fallback_not_needed").shown))
            return None
        event = _perform(self.run, step)
        if event.status == "done":
            for failed in handles:
                self.unrecovered.pop(failed)
        return event

    def restart(self, step: Step) -> StepEvent | _End | None:
        run = self.run
        if self.restarted:
            return run.finish(step, "done", run.say("run.restarted"))
        if self.reboot:
            run.emit(StepEvent(step.id, "waiting_user", step.title))
            return _End("reboot_needed", run.say("run.restart_to_finish"))
        run.emit(StepEvent(step.id, "skipped", run.say("run.no_restart_needed").shown))
        return None

    def verify(self, step: Step) -> None:
        self.run.emit(StepEvent(step.id, "skipped", self.run.say("run.check_follows").shown))

    def action(self, step: Step) -> StepEvent:
        """A step done by hand or by a program, unless the run's state says otherwise first."""
        run, resume = self.run, self.resume
        if resume and step.id in resume.interrupted and self.still_needed and not self.still_needed(step):
            # Its uninstaller's exit code was lost with the crash: it may have asked for a restart
            # (drivers stay loaded until then), so one is asked for, and verification follows it.
            message = run.say("run.interrupted_gone")
            return run.finish(step, "needs_reboot" if step.command else "done", message)
        if run.cancel.is_set():
            return run.finish(step, "cancelled", run.say("run.cancelled_before_start"))
        if step.when is not None and step.when.event == "leftovers_remain" and self.leftovers is not None:
            left = self.leftovers()
            if not left:
                return run.finish(step, "skipped", run.say("run.nothing_left"))
            step = replace(step, items=left)  # what the person tidies up, named as they are asked
        if waiting_for := [self.unrecovered[s] for s in step.after if s in self.unrecovered]:
            # The management agent goes last: removing it while a product stays frees the device from
            # its policy and can make that product's uninstall password unrecoverable.
            return run.finish(step, "skipped", run.say("run.agent_waits", titles=self.titles(waiting_for)))
        return _perform(run, step)

    def stop(self, step: Step, event: StepEvent, rest: Sequence[Step]) -> _End:
        run = self.run
        for later in rest:
            run.emit(StepEvent(later.id, "skipped", run.say("run.not_run", title=run.quoted(step)).shown))
        message = run.said[step.id]
        if event.status == "failed":
            return _End("failed", run.say("run.failed", title=run.quoted(step), message=message))
        if event.status == "cancelled":
            return _End("cancelled", run.say("run.stopped_at", title=run.quoted(step), message=message))
        return _End("reboot_needed", run.say("run.restarting"), rebooting=True)

    def ended(self) -> _End:
        run = self.run
        if self.unrecovered:
            return _End(
                "failed", run.say("run.fallback_failed", titles=self.titles(self.unrecovered.values()))
            )
        if self.reboot:
            return _End("reboot_needed", run.say("run.every_step_ran_restart"))
        return _End("removed", run.say("run.every_step_ran"))

    def titles(self, steps: Iterable[Step]) -> _Said:
        quoted = [self.run.quoted(s) for s in steps]
        return _Said(", ".join(q.english for q in quoted), ", ".join(q.shown for q in quoted))


def _perform(run: _Run, step: Step) -> StepEvent:
    return _by_hand(run, step) if step.command is None else _program(run, step, step.command)


def _by_hand(run: _Run, step: Step) -> StepEvent:
    """A step only the person can do: it counts once they confirm it."""
    run.journal.record(run.run_id, "step_started", step=step.id)
    run.emit(StepEvent(step.id, "waiting_user", step.title))
    if run.confirm_manual(step):
        return run.finish(step, "done", run.say("run.done_by_hand"))
    if step.blocking:
        return run.finish(step, "cancelled", run.say("run.not_confirmed_blocking"))
    return run.finish(step, "skipped", run.say("run.left_out"))


def _program(run: _Run, step: Step, command: tuple[str, ...]) -> StepEvent:
    if step.optional and not run.confirm_manual(step):
        return run.finish(step, "skipped", run.say("run.optional_not_chosen"))
    refusal = run.guard(step, command, run.plan)
    if refusal:  # the guard's reasons are in English (core.removal.guard)
        return run.finish(step, "failed", run.say("run.refused", reason=refusal))
    program, arguments = command[0], command[1:]
    if needs_password(arguments) and run.secret is None:
        return run.finish(step, "failed", run.say("run.needs_password"))
    # The program is what the guard judged, never filled in: only its arguments take the password.
    argv = (program, *fill(arguments, run.secret))
    secrets = run.secret.forms() if run.secret else ()
    kind = installer_kind(command)
    delays = iter(run.busy_delays)
    run.journal.record(run.run_id, "step_started", step=step.id)
    run.emit(StepEvent(step.id, "started", step.title))
    while True:
        # Again right before the start (and before every retry, which can come minutes later): the
        # files may have changed since the first check. See core.removal.guard for the window that remains.
        refusal = run.guard(step, command, run.plan)
        if refusal:
            return run.finish(step, "failed", run.say("run.refused", reason=refusal))
        result = run.runner.run(
            argv, elevated=step.elevated, timeout=step.timeout_s, cancel=run.cancel, secrets=secrets
        )
        outcome = _outcome(run, kind, result, step)
        if not outcome.retry:
            run.rebooting = run.rebooting or outcome.rebooting
            return run.finish(step, outcome.status, outcome.said, outcome.exit_code, result.output_tail)
        delay = next(delays, None)
        if delay is None:
            return run.finish(step, "failed", run.say("run.busy_gave_up"), result.exit_code)
        run.emit(StepEvent(step.id, "started", run.say("run.busy_retry", delay=f"{delay:g}").shown))
        if run.cancel.wait(delay):
            return run.finish(step, "cancelled", run.say("run.cancelled_waiting"))


# What each meaning of an exit code (core.exit_codes) makes of the step.
_STATUS_OF: dict[str, StepStatus] = {
    "done": "done",
    "already_gone": "done",
    "reboot_needed": "needs_reboot",
    "reboot_started": "needs_reboot",
    "cancelled_by_user": "cancelled",
    "busy": "failed",
    "failed": "failed",
}


def _outcome(run: _Run, kind: InstallerKind, result: RunResult, step: Step) -> Outcome:
    code = result.exit_code
    if result.cancelled:
        return Outcome("cancelled", run.say("run.uninstaller_stopped"))
    if result.timed_out:
        return Outcome("failed", run.say("run.timed_out", minutes=max(1, round(step.timeout_s / 60))))
    if code is None:
        return Outcome(
            "failed", _Said.verbatim(result.error) if result.error else run.say("run.could_not_run")
        )
    meaning = interpret(kind, code)
    message = run.meaning(meaning.message)
    if result.error:  # the runner's own words, in English
        message = _Said.verbatim(f"{result.error} ({code})")
    status = _STATUS_OF[meaning.outcome]
    if meaning.outcome == "failed":
        last_line = result.output_tail.strip().splitlines()[-1:] if result.output_tail.strip() else []
        detail = (
            _Said.verbatim(" — ") + run.say("run.it_said", line=last_line[0]) if last_line else _Said("", "")
        )
        hint = _Said.verbatim(" ") + run.meaning(meaning.next_step) if meaning.next_step else _Said("", "")
        message = message + detail + _Said.verbatim(".") + hint
    return Outcome(
        status,
        message,
        code,
        retry=meaning.outcome == "busy",
        rebooting=meaning.outcome == "reboot_started",
    )


def default_guard(
    step: Step, argv: Sequence[str], plan: RunnablePlan, *, running: str | None = None
) -> str | None:
    """core.removal.guard's verdict on the command as planned, Authenticode signature included.

    `running` is the OS that starts the program (this one; the Wine tests say "windows")."""
    verdict = guard.check_program(
        argv,
        os=plan.os,  # type: ignore[arg-type]
        user_scope=step.scope == "user",
        signed_by_vendor=signed_by_kaspersky,
        running=running,  # type: ignore[arg-type]
    )
    if not verdict.allowed:
        return verdict.reason
    if step.elevated and not verdict.elevated_allowed:
        return f"it must never run as administrator: {verdict.reason}"
    if sys.platform == "win32" and guard.is_system_msiexec(argv[0]):
        # The code came from an uninstall entry: Windows Installer's own HKLM records must agree, for a
        # per-user step too (an elevated `remove` gives every child its administrator token).
        from core.removal.installer_records import live_refusal

        return live_refusal(step.product_code or "", step.product, per_user=step.scope == "user")
    return None
