"""A plan carried from another machine (`switchover remove --plan FILE`): what to remove, never how.

A technician plans on a customer's exports or disk, then carries the `switchover.plan/1` file to the
customer's PC. The file is a list of intentions a user could have edited on the way, so nothing in it
runs: the machine is scanned afresh, planned afresh, and only the fresh plan's removals of products the
carried plan also names run, with the fresh plan's own commands, order and rescue checks.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path

from core.model import InputError, OsName
from core.removal.plan import Plan, Step

MAX_PLAN_BYTES = 4 * 1024 * 1024  # a plan is a few kilobytes; anything this large is not one


@dataclass(frozen=True)
class CarriedRun:
    plan: Plan  # the fresh plan, narrowed to the products the carried plan names
    not_here: tuple[Step, ...]  # the carried plan's removals of products this machine does not have


def read_plan_file(path: str, *, running: OsName) -> Plan:
    """The plan document in `path`; InputError (one line) when it is unreadable or for another OS."""
    try:
        with Path(path).open("rb") as file:
            data = file.read(MAX_PLAN_BYTES + 1)
    except OSError as error:
        raise InputError(f"{path}: cannot read the plan ({error.strerror or error})") from None
    if len(data) > MAX_PLAN_BYTES:
        raise InputError(f"{path}: larger than {MAX_PLAN_BYTES // 1024 // 1024} MB, not a plan")
    try:
        plan = Plan.from_json(json.loads(data.decode("utf-8")))
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as error:
        raise InputError(f"{path}: not a switchover.plan/1 document ({error})") from None
    if plan.os != running:
        raise InputError(f"{path}: the plan is for {plan.os} and this machine runs {running}; nothing ran")
    return plan


def narrow_to_carried(carried: Plan, fresh: Plan) -> CarriedRun:
    """The fresh plan's steps for the products both plans remove, in the fresh plan's order.

    Rescue and finish steps come from the fresh plan too (for the products kept, and machine-wide ones):
    a check the carried file dropped is asked all the same.
    """
    carried_ids = {s.id for s in carried.steps}
    fresh_ids = {s.id for s in fresh.steps}
    kept = {s.product_id for s in fresh.steps if _is_removal(s) and s.id in carried_ids and s.product_id}
    steps = tuple(s for s in fresh.steps if (s.product_id in kept) or (s.product_id is None and kept))
    not_here = tuple(s for s in carried.steps if _is_removal(s) and s.id not in fresh_ids)
    return CarriedRun(replace(fresh, steps=steps), not_here)


def _is_removal(step: Step) -> bool:
    return step.phase == "remove" and step.action.startswith("uninstall")
