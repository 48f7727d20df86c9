"""The rescue and finish steps, read from resources/plan/steps/ (`switchover.plan-steps/1`).

Rescue steps come before the first removal (a managed device's help desk, each
password vault, the licence, quarantine, each Endpoint Security's encryption);
finish steps after the last (restart, the check, leftovers). Which steps a plan
gets is data: each names `for` what it applies (one of `SELECTORS`), its text ids,
whether it blocks, and its condition. Adding such a step is a data change.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from core.model import Product, ScanResult
from core.removal.plan_build import Context
from core.removal.plan_model import Phase, Step, When

STEPS_SCHEMA = "switchover.plan-steps/1"


@dataclass(frozen=True)
class Detection:
    """Evidence that changes a step: its names matching `evidence` are listed, with a warning."""

    evidence: re.Pattern[str]
    warning: str


@dataclass(frozen=True)
class StepTemplate:
    id: str  # "{product_id}" is filled for a per-product step
    action: str
    applies_for: str  # one of SELECTORS
    title: str
    why: str
    needs: tuple[str, ...]
    blocking: bool = False
    when: When | None = None
    warning: str | None = None
    detect: Detection | None = None
    tool: Mapping[str, Mapping[str, str]] | None = None  # per OS: a text id or a literal name
    lists_leftovers: bool = False  # the step's items are the scan's leftover locations


# What a step applies for: the products it is made for (None: not at all; [None]: once, for the machine).
Selector = Callable[[Sequence[Product], ScanResult], Sequence[Product | None]]


def _is_password_manager(product: Product) -> bool:
    return product.category == "password_manager" or "password manager" in product.name.casefold()


SELECTORS: Mapping[str, Selector] = {
    "once": lambda _products, _scan: [None],
    "managed_device": lambda _products, scan: [None] if any(p.managed for p in scan.products) else [],
    "each_password_manager": lambda products, _scan: [p for p in products if _is_password_manager(p)],
    "each_endpoint_security": lambda products, _scan: [
        p for p in products if p.category == "endpoint_security"
    ],
    "leftovers_or_kaspersky": lambda products, scan: [None] if scan.leftovers or products else [],
}


def rescue_steps(kaspersky: list[Product], scan: ScanResult, context: Context) -> list[Step]:
    """What to save first; nothing when no Kaspersky product is installed."""
    if not kaspersky:
        return []
    return _steps("rescue", kaspersky, scan, context)


def finish_steps(kaspersky: list[Product], scan: ScanResult, context: Context) -> list[Step]:
    """Restart, check, leftovers; nothing when the scan found nothing."""
    if not scan.found_anything:
        return []
    return _steps("finish", kaspersky, scan, context)


def _steps(phase: Phase, kaspersky: list[Product], scan: ScanResult, context: Context) -> list[Step]:
    steps = []
    for template in templates(phase):
        for product in SELECTORS[template.applies_for](kaspersky, scan):
            steps.append(_step(phase, template, product, scan, context))
    return steps


def _step(
    phase: Phase, template: StepTemplate, product: Product | None, scan: ScanResult, context: Context
) -> Step:
    if template.warning:
        context.warn(template.warning)
    values: dict[str, object] = {}
    if template.tool is not None:
        values["tool"] = _tool(template.tool, scan.target.os, context)
    detected: tuple[str, ...] = ()
    if template.detect is not None and product is not None:
        detected = tuple(sorted({e.name for e in product.evidence if template.detect.evidence.match(e.name)}))
        if detected:
            context.warn(template.detect.warning, product=product.name, components=", ".join(detected))
    items = (
        tuple(sorted({e.location for p in scan.leftovers for e in p.evidence}))
        if template.lists_leftovers
        else ()
    )
    return Step(
        id=template.id.format(product_id=product.id if product else ""),
        phase=phase,
        action=template.action,
        title=context.say(template.title),
        why=context.say(template.why, **values),
        product=product.name if product else None,
        product_id=product.id if product else None,
        needs=tuple(context.say(need) for need in template.needs),
        when=template.when,
        blocking=template.blocking,
        detected=detected,
        items=items,
    )


def _tool(choices: Mapping[str, Mapping[str, str]], os: str, context: Context) -> str:
    choice = choices.get(os) or choices["linux"]
    return choice["name"] if "name" in choice else context.say(choice["text"])


@cache
def templates(phase: Phase) -> tuple[StepTemplate, ...]:
    """The `phase`'s step templates from resources/plan/steps/<phase>.json, in their order."""
    path = resources.files("resources.plan.steps").joinpath(f"{phase}.json")
    document = json.loads(path.read_text(encoding="utf-8"))
    if document.get("schema") != STEPS_SCHEMA:
        raise ValueError(f"resources/plan/steps/{phase}.json is not a {STEPS_SCHEMA} document")
    return tuple(_template(entry) for entry in document["steps"])


def _template(entry: Mapping[str, Any]) -> StepTemplate:
    if entry["for"] not in SELECTORS:
        raise ValueError(
            f"plan step {entry['id']}: unknown 'for' {entry['for']!r} (one of {sorted(SELECTORS)})"
        )
    detect = entry.get("detect")
    return StepTemplate(
        id=entry["id"],
        action=entry["action"],
        applies_for=entry["for"],
        title=entry["title"],
        why=entry["why"],
        needs=tuple(entry.get("needs", ())),
        blocking=bool(entry.get("blocking", False)),
        when=When.from_text(entry["when"]) if entry.get("when") else None,
        warning=entry.get("warning"),
        detect=Detection(re.compile(detect["evidence"], re.IGNORECASE), detect["warning"])
        if detect
        else None,
        tool=entry.get("tool"),
        lists_leftovers=bool(entry.get("lists_leftovers", False)),
    )
