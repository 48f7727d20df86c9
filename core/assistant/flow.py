"""The assistant's step graph as plain data: which stage follows which, what each needs, where Back goes.

The Qt wizard renders this graph and the command line walks it; neither decides
the order itself. A stage's `needs` names the facts that must be known before
the stage can be shown; `next_stage` picks the successor from a `FlowState`.

Two paths through the graph:
- full: Welcome → Scan → Found → Ban → Alternatives → Prepare → Remove
  → (Restart when a reboot is needed) → Verify → Done;
- short, when no Kaspersky product is installed: Welcome → Scan → Found
  (which still lists UltraAV and leftovers) → Ban → Alternatives → Done.
  Nothing to remove means no rescue, no removal and nothing to verify.

Remove is the point of no return: once a removal has started, no stage after it
goes back, so the user can never "un-remove" by pressing Back.
"""

from __future__ import annotations

from enum import IntEnum
from typing import TYPE_CHECKING, Literal, NamedTuple

if TYPE_CHECKING:  # the assistant's first window needs the graph, not the scan model
    from core.model import ScanResult

RunStatus = Literal["removed", "failed", "reboot_needed", "cancelled"]


class Stage(IntEnum):
    """The stages in display order; the values double as the wizard's page ids."""

    WELCOME = 0
    SCAN = 1
    FOUND = 2
    BAN = 3
    ALTERNATIVES = 4
    PREPARE = 5
    REMOVE = 6
    RESTART = 7
    VERIFY = 8
    DONE = 9


# What a stage can need before it is shown.
Need = Literal["scan", "removable", "plan", "rescue_done", "run", "reboot_needed", "rebooted", "verification"]


# Named tuples, not dataclasses: the assistant's first window loads this graph, and making a
# dataclass (and loading the dataclasses module) costs that window about 4 ms.
class StageSpec(NamedTuple):
    stage: Stage
    title: str  # English; the GUI translates its own copy of the titles
    needs: frozenset[Need]
    back_allowed: bool  # may the user go back from this stage to the one before?
    commit: bool = False  # the point of no return


STAGES: dict[Stage, StageSpec] = {
    spec.stage: spec
    for spec in (
        StageSpec(Stage.WELCOME, "Welcome", frozenset(), back_allowed=False),
        StageSpec(Stage.SCAN, "Looking for Kaspersky", frozenset(), back_allowed=True),
        StageSpec(Stage.FOUND, "What we found", frozenset({"scan"}), back_allowed=True),
        StageSpec(Stage.BAN, "What the ban means", frozenset({"scan"}), back_allowed=True),
        StageSpec(Stage.ALTERNATIVES, "What comes next", frozenset({"scan"}), back_allowed=True),
        StageSpec(
            Stage.PREPARE, "Before removing", frozenset({"scan", "removable", "plan"}), back_allowed=True
        ),
        StageSpec(
            Stage.REMOVE,
            "Remove",
            frozenset({"scan", "removable", "plan", "rescue_done"}),
            back_allowed=True,  # only until the removal starts; see `can_go_back`
            commit=True,
        ),
        StageSpec(Stage.RESTART, "Restart", frozenset({"run", "reboot_needed"}), back_allowed=False),
        StageSpec(Stage.VERIFY, "Check the result", frozenset({"run"}), back_allowed=False),
        StageSpec(Stage.DONE, "Done", frozenset({"scan"}), back_allowed=False),
    )
}


class FlowState(NamedTuple):
    """What is known so far; each stage's page fills in its part."""

    scan: ScanResult | None = None
    plan_ready: bool = False
    rescue_done: bool = False
    removal_started: bool = False
    run: RunStatus | None = None
    rebooted: bool = False
    verified: bool = False

    @property
    def removable(self) -> bool:
        """Is there a Kaspersky product installed, i.e. does the full path apply?"""
        return self.scan is not None and bool(self.scan.kaspersky)

    @property
    def started_removal(self) -> bool:
        return self.removal_started or self.run is not None


def satisfied(need: Need, state: FlowState) -> bool:
    checks: dict[Need, bool] = {
        "scan": state.scan is not None,
        "removable": state.removable,
        "plan": state.plan_ready,
        "rescue_done": state.rescue_done,
        "run": state.run is not None,
        "reboot_needed": state.run == "reboot_needed",
        "rebooted": state.rebooted,
        "verification": state.verified,
    }
    return checks[need]


def missing(stage: Stage, state: FlowState) -> frozenset[Need]:
    """The needs of `stage` that the state does not meet yet (empty: the stage can be shown)."""
    return frozenset(n for n in STAGES[stage].needs if not satisfied(n, state))


def next_stage(stage: Stage, state: FlowState) -> Stage | None:
    """The stage after `stage` for this state, or None after Done."""
    if stage is Stage.DONE:
        return None
    if stage is Stage.ALTERNATIVES and not state.removable:
        return Stage.DONE  # the short path: nothing to remove
    if stage is Stage.REMOVE:
        return Stage.RESTART if state.run == "reboot_needed" and not state.rebooted else Stage.VERIFY
    if stage is Stage.RESTART:
        return Stage.VERIFY
    return Stage(stage + 1)


def can_go_back(stage: Stage, state: FlowState) -> bool:
    """Back is allowed up to Remove, and on Remove only until the removal has started."""
    if stage is Stage.REMOVE:
        return not state.started_removal
    return STAGES[stage].back_allowed


def path(state: FlowState, start: Stage = Stage.WELCOME) -> tuple[Stage, ...]:
    """Every stage from `start` to Done that this state leads through."""
    stages = [start]
    while (following := next_stage(stages[-1], state)) is not None:
        stages.append(following)
    return tuple(stages)


def resume_stage(run: RunStatus | None, *, rebooted: bool) -> Stage:
    """Where to reopen after Switchover was closed with a removal in the journal."""
    if run == "reboot_needed" and not rebooted:
        return Stage.RESTART
    return Stage.VERIFY if run is not None else Stage.WELCOME
