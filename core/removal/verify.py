"""After removal, and again after the restart: what survived, honestly, and what protects the machine now.

A rescan with every signal decides. A driver or service still registered is not
"removed": before the restart it is expected (`reboot_needed`); after it, it is a
failure. Folders and vendor keys left behind are reported as leftovers but do not
make the removal fail. The protection check joins Windows Security Center (the
rescan's active security products) with a `ProtectionProbe` (on Windows,
Defender's own status from `Get-MpComputerStatus`, which also works on Windows
Server, where Security Center is absent; asked by core/detection/adapters/defender.py).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Literal, Protocol

from core.detection.adapters.defender import DEFENDER_NAME, DefenderProbe
from core.detection.scan import Observe, observe_machine, scan
from core.messages import DEFAULT_LANGUAGE, phrase
from core.model import Kind, Product, Protection, ScanResult, Target
from core.removal.plan_model import Step

VerifiedStatus = Literal["removed", "reboot_needed", "failed"]

# Evidence that means the software is still installed or still running.
_ACTIVE_KINDS = frozenset(
    {
        Kind.UNINSTALL_ENTRY,
        Kind.PACKAGE,
        Kind.APP_BUNDLE,
        Kind.SERVICE,
        Kind.DRIVER,
        Kind.PROCESS,
        Kind.KEXT,
        Kind.SYSTEM_EXTENSION,
        Kind.LAUNCHD_JOB,
    }
)
# What a restart clears once the uninstaller has run.
_UNTIL_RESTART = frozenset({Kind.SERVICE, Kind.DRIVER, Kind.PROCESS, Kind.KEXT, Kind.SYSTEM_EXTENSION})


class ProtectionLike(Protocol):
    @property
    def active(self) -> tuple[str, ...]: ...


ProtectionProbe = Callable[[], ProtectionLike]


@dataclass(frozen=True)
class Survivor:
    """Something of a removed product that is still on the machine."""

    product: str
    kind: Kind
    name: str
    location: str
    until_restart: bool  # expected to disappear with the restart that is pending


@dataclass(frozen=True)
class Verification:
    scan: ScanResult
    status: VerifiedStatus
    survivors: tuple[Survivor, ...]  # still installed or running
    leftovers: tuple[Survivor, ...]  # folders, keys and other traces that do not run
    reboot_pending: bool
    protection: Protection

    def summary(self, language: str = DEFAULT_LANGUAGE) -> list[str]:
        """Plain sentences for the command line and the GUI, in `language` (core/messages.py)."""
        lines: list[str] = []
        if self.status == "removed":
            lines.append(phrase("verify.removed", language))
        elif self.status == "reboot_needed":
            lines.append(phrase("verify.until_restart", language))
        else:
            lines.append(phrase("verify.failed", language))
        lines += [f"  - {s.product}: {s.kind} {s.name} ({s.location})" for s in self.survivors]
        if self.leftovers:
            lines.append(phrase("verify.leftovers", language, count=len(self.leftovers)))
            lines += [f"  - {s.location}" for s in self.leftovers]
        if self.protection.protected:
            lines.append(phrase("verify.protected_by", language, names=", ".join(self.protection.active)))
        else:
            lines.append(phrase("verify.unprotected", language))
        lines += [note.say(language) for note in self.protection.notes]
        return lines


def verify(
    target: Target,
    *,
    observe: Observe = observe_machine,
    protection: ProtectionProbe,
    reboot_pending: bool = False,
    product_ids: Collection[str] | None = None,
) -> Verification:
    """Rescan the target and say what survived removal and whether anything protects the machine.

    `product_ids` limits the check to the products the plan removed (default: every Kaspersky product).
    """
    result = scan(target, observe=observe)
    survivors: list[Survivor] = []
    leftovers: list[Survivor] = []
    for product in (*result.products, *result.leftovers):
        if not _removed_by_plan(product, product_ids):
            continue
        for evidence in product.evidence:
            survivor = Survivor(
                product.name,
                evidence.kind,
                evidence.name,
                evidence.location,
                until_restart=reboot_pending and evidence.kind in _UNTIL_RESTART,
            )
            (survivors if evidence.kind in _ACTIVE_KINDS else leftovers).append(survivor)
    if not survivors:
        status: VerifiedStatus = "removed"
    elif all(s.until_restart for s in survivors):
        status = "reboot_needed"
    else:
        status = "failed"
    return Verification(
        result, status, tuple(survivors), tuple(leftovers), reboot_pending, _protection(result, protection)
    )


def still_needed(step: Step, *, target: Target, observe: Observe = observe_machine) -> bool:
    """Does a step cut off mid-way (a crash, a power cut) still need to run? A rescan tells.

    A step with no product to look for (one done by hand) is asked or run again: nothing shows it ended.
    """
    if step.product_id is None:
        return True
    return step.product_id in {product.id for product in scan(target, observe=observe).products}


def leftover_locations(target: Target, *, observe: Observe = observe_machine) -> tuple[str, ...]:
    """Where a rescan still finds something of Kaspersky: what a clean-up by hand has to tidy up."""
    result = scan(target, observe=observe)
    found = (*result.products, *result.leftovers)
    return tuple(sorted({e.location for p in found if p.origin == "kaspersky" for e in p.evidence}))


def _removed_by_plan(product: Product, product_ids: Collection[str] | None) -> bool:
    if product_ids is None:
        return product.origin == "kaspersky"
    return product.id in product_ids or (product.leftover and product.origin == "kaspersky")


def _protection(result: ScanResult, probe: ProtectionProbe) -> Protection:
    from_security_center = [p.name for p in result.other_security_software if p.state.get("active") == "true"]
    probed = probe()
    notes = getattr(probed, "notes", ())
    return Protection(tuple(dict.fromkeys([*from_security_center, *probed.active])), tuple(notes))


def probe_protection() -> Protection:
    """This machine's protection probe: Defender on Windows; elsewhere the rescan's data is all there is."""
    if sys.platform == "win32":
        from core.removal.subprocess_runner import SubprocessRunner

        return DefenderProbe(SubprocessRunner())()
    return Protection(())


__all__ = ["DEFENDER_NAME", "DefenderProbe", "Protection", "ProtectionProbe", "Verification", "verify"]
