"""What every OS's plan builder shares: its context, and the steps for when no safe command exists.

A builder (core/removal/plan_windows.py, plan_macos.py, plan_linux.py) turns products into
removal steps for one OS; core/removal/plan.py picks it, guards its commands and orders the
whole plan. Vendor facts are from /work/shared/research/footprints.md ("footprints").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol

from core.messages import DEFAULT_LANGUAGE, phrase
from core.model import OsName, Product
from core.removal.plan_model import Scope, Step, When


@dataclass
class Context:
    """One plan's settings, and the warnings its builders add as they go."""

    os: OsName
    silent: bool = False
    root: str | None = None  # an offline tree: package managers act on it with --root
    package_managers: frozenset[str] = frozenset()  # Linux front ends present (apt-get, dnf, zypper)
    language: str = DEFAULT_LANGUAGE
    warnings: list[str] = field(default_factory=list)

    def say(self, key: str, **values: object) -> str:
        return phrase(key, self.language, **values)

    def warn(self, key: str, **values: object) -> None:
        self.warnings.append(self.say(key, **values))


class Builder(Protocol):
    """One OS's removal steps."""

    def removal_steps(self, products: list[Product], context: Context) -> list[Step]:
        """Kaspersky's products, already in removal order, each with its fallbacks."""
        ...

    def successor_step(self, product: Product, context: Context) -> Step:
        """The uninstall of a successor (UltraAV, UltraVPN); plan.py makes it optional."""
        ...


# Where a person removes a program by hand, per OS (text ids in resources/plan/).
_MANUAL_PLACES: Mapping[str, str] = {
    "windows": "remove.manual.place.windows",
    "macos": "remove.manual.place.macos",
    "linux": "remove.manual.place.linux",
}


def manual_uninstall(product: Product, context: Context) -> Step:
    """No uninstaller Switchover can start safely is registered: the person removes it by hand."""
    anchor = product.anchor
    return Step(
        id=f"uninstall:{product.id}",
        phase="remove",
        action="uninstall_manual",
        title=context.say("remove.manual.title", product=product.name),
        why=context.say("remove.manual.why.unregistered")
        + " "
        + context.say("remove.manual.remove_with", place=context.say(_MANUAL_PLACES[context.os])),
        product=product.name,
        product_id=product.id,
        uninstall_string=(anchor.details.get("UninstallString") or None) if anchor is not None else None,
    )


def kavremover_step(product: Product, primary: Step, context: Context) -> Step:
    """Kaspersky's removal tool, for when the normal uninstall fails."""
    # kavremover (Windows) and kavremover-mac.dmg are Kaspersky's removal tools for when the normal
    # uninstall fails; the Windows one asks the user to type a code from an image (footprints §1.4, §2).
    tool = "kavremover-mac" if context.os == "macos" else "kavremover"
    return Step(
        id=f"kavremover:{product.id}",
        phase="remove",
        action="kavremover",
        title=context.say("remove.kavremover.title", product=product.name),
        why=context.say("remove.kavremover.why", tool=tool),
        product=product.name,
        product_id=product.id,
        needs=(
            context.say("remove.kavremover.needs.tool", tool=tool),
            context.say("remove.kavremover.needs.restart"),
        ),
        when=When("if_failed", (primary.id,)),
    )


def scope_of(user_scope: bool) -> Scope:
    # The executor's guard reads it: a per-user registration never runs elevated.
    return "user" if user_scope else "machine"


def needs_password(product: Product) -> bool:
    return product.managed or product.state.get("password_protection") == "true"


def vendor_id(product: Product) -> str:
    return product.id.split(":", 1)[0]
