"""Removal plans: products in, ordered steps out. Pure: a plan never runs anything.

The `switchover.plan/1` document (`Plan.to_json`) is the contract shared by the
command line, the GUI, the executor and reports; see docs/plan.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Phase = Literal["rescue", "remove", "finish"]


@dataclass(frozen=True)
class Step:
    """One thing to do, in plain words, with the exact program it would run (or None when done by hand).

    Secrets never appear in `command`: a password is written as the placeholder
    `{password}` (or `{password_hex}`, hex of its UTF-16LE bytes) and filled in by
    the executor at run time.
    """

    id: str
    phase: Phase
    action: str
    title: str
    why: str
    product: str | None = None
    product_id: str | None = None
    command: tuple[str, ...] | None = None
    elevated: bool = False
    needs: tuple[str, ...] = ()
    undoable: bool = False
    timeout_s: int = 1800
    details: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "phase": self.phase,
            "action": self.action,
            "title": self.title,
            "why": self.why,
            "product": self.product,
            "product_id": self.product_id,
            "command": list(self.command) if self.command is not None else None,
            "elevated": self.elevated,
            "needs": list(self.needs),
            "undoable": self.undoable,
            "timeout_s": self.timeout_s,
            "details": dict(self.details),
        }
