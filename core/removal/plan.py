"""Removal plans: products in, ordered steps out. Pure: a plan never runs anything.

The `switchover.plan/1` document (core/removal/plan_model.py) is the contract shared by the
command line, the GUI, the executor and reports; see docs/plan.md.

The order is the one a careful technician follows: rescue what would be lost
(passwords, licence, quarantined files, encrypted data), then remove products in
their families' `removal_order` (the Network Agent last: removing it first frees
the device from policy and can make the uninstall password unrecoverable), with
Kaspersky's own mechanisms first and its removal tool as the guided fallback;
successors separately; then restart, verify and deal with leftovers.

Here: the order, the guard's verdict on every command, and the resume rule. The
steps come from one builder per OS (core/removal/plan_windows.py, plan_macos.py,
plan_linux.py) and, for rescue and finish, from data (core/removal/plan_rescue.py,
resources/plan/steps/). Every sentence a person reads is a text id in
resources/plan/<language>.json.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import replace
from datetime import UTC, datetime

from core.detection.signatures import bundled_signatures
from core.messages import DEFAULT_LANGUAGE
from core.model import OsName, Product, ScanResult
from core.removal import guard
from core.removal.plan_build import Builder, Context
from core.removal.plan_linux import LinuxBuilder
from core.removal.plan_macos import MacosBuilder
from core.removal.plan_model import PASSWORD, PASSWORD_HEX, SCHEMA, Mode, Phase, Plan, Step, When
from core.removal.plan_rescue import finish_steps, rescue_steps
from core.removal.plan_windows import MSIEXEC, WindowsBuilder

__all__ = [
    "MSIEXEC",
    "PASSWORD",
    "PASSWORD_HEX",
    "SCHEMA",
    "Mode",
    "Phase",
    "Plan",
    "Step",
    "When",
    "plan_removal",
    "resume_plan",
]

BUILDERS: dict[OsName, Builder] = {
    "windows": WindowsBuilder(),
    "macos": MacosBuilder(),
    "linux": LinuxBuilder(),
}


def resume_plan(journaled: Plan, fresh: Plan, *, settled: Collection[str]) -> Plan:
    """The plan that finishes an interrupted run: the fresh plan, after the journal's settled records.

    The journal lives in the user's data folder, which the user (or malware running as the
    user) can write, while the resumed run may be elevated: so neither a command nor the order
    is ever taken from it. The steps, their commands, their order and the checks to confirm are
    those of a plan made now from a fresh scan. A step that ended or was cut off (`settled`) and
    that the fresh plan no longer has (its product is gone) keeps its record first, running
    nothing; any other step the fresh plan lacks is dropped.
    """
    now_planned = {step.id for step in fresh.steps}
    records = tuple(
        replace(step, command=None, elevated=False)
        for step in journaled.steps
        if step.id in settled and step.id not in now_planned
    )
    return replace(journaled, steps=records + fresh.steps)


def plan_removal(
    scan: ScanResult,
    *,
    silent: bool = False,
    package_managers: Collection[str] = (),
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
    language: str = DEFAULT_LANGUAGE,
) -> Plan:
    """The removal plan for what the scan found; it changes nothing.

    `silent` plans quiet uninstalls for help-desk runs; `package_managers` names
    the front ends present on a Linux machine ("apt-get", "dnf", "zypper") that
    are preferred to bare dpkg and rpm. Titles, reasons, needs and warnings are
    in `language`, read by id from resources/plan/ (core.messages.phrase);
    commands and ids never change with it.
    """
    context = Context(scan.target.os, silent, scan.target.root, frozenset(package_managers), language)
    builder = BUILDERS[scan.target.os]
    kaspersky = _in_removal_order(scan.kaspersky)
    steps = [
        *rescue_steps(kaspersky, scan, context),
        *_agents_after_products(
            [_guarded(s, context) for s in builder.removal_steps(kaspersky, context)], kaspersky
        ),
        *_successor_steps(scan.successors, builder, context),
        *finish_steps(kaspersky, scan, context),
    ]
    if not scan.found_anything:
        context.warn("plan.nothing_found")
    return Plan(
        created_at=now().isoformat(timespec="seconds").replace("+00:00", "Z"),
        mode="silent" if silent else "interactive",
        os=scan.target.os,
        steps=tuple(steps),
        warnings=tuple(context.warnings),
        managed=any(p.managed for p in scan.products),
    )


def _in_removal_order(products: Iterable[Product]) -> list[Product]:
    """Sorted by the signature family's removal_order (the Network Agent's is last), then by name."""
    families = bundled_signatures()

    def order(product: Product) -> tuple[int, str]:
        try:
            return families.family(product.family).removal_order, product.name.casefold()
        except StopIteration:  # a family from another signature set: middle of the road
            return 50, product.name.casefold()

    return sorted(products, key=order)


def _guarded(step: Step, context: Context) -> Step:
    """Every planned command passes the guard's path policy; its verdict decides `elevated`."""
    if step.command is None:
        return step
    verdict = guard.check_command(step.command, os=context.os, user_scope=step.scope == "user")
    if not verdict.allowed:
        context.warn("remove.untrusted.warning", product=step.product, reason=verdict.reason)
        return replace(step, action="uninstall_manual", command=None, elevated=False, refused=verdict.reason)
    return replace(step, elevated=step.elevated and verdict.elevated_allowed)


def _agents_after_products(steps: list[Step], products: list[Product]) -> list[Step]:
    """A management agent's removal names the product removals it must wait for (`after`).

    Removing the agent while a product stays frees the device from its policy and can make that
    product's uninstall password unrecoverable; the executor skips the agent if one of them failed.
    """
    agents = {p.id for p in products if p.category == "management_agent"}
    before: list[str] = []
    ordered = []
    for step in steps:
        if step.action.startswith("uninstall") and step.product_id in agents and before:
            step = replace(step, after=tuple(before))
        elif step.action.startswith("uninstall"):
            before.append(step.id)
        ordered.append(step)
    return ordered


def _successor_steps(products: Iterable[Product], builder: Builder, context: Context) -> list[Step]:
    """UltraAV and UltraVPN: offered, each with a reminder that its billing stops only with its vendor."""
    steps: list[Step] = []
    for product in products:
        steps.append(_guarded(replace(builder.successor_step(product, context), optional=True), context))
        steps.append(
            Step(
                id=f"cancel:{product.id}",
                phase="remove",
                action="cancel_subscription",
                title=context.say("remove.subscription.title", product=product.family_name),
                why=context.say("remove.subscription.why"),
                product=product.name,
                product_id=product.id,
                needs=(context.say("remove.subscription.needs.account"),),
                optional=True,
            )
        )
        context.warn("remove.subscription.warning", product=product.name)
    return steps
