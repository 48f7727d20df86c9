"""The plan's data: `Plan` and its `Step`s, typed, and their `switchover.plan/1` document.

Everything the executor, the guard and the faces decide on is a real field
(`when`, `after`, `blocking`, `optional`, `scope`), and lists are tuples. The
document on the wire is unchanged from the first plan/1: those fields and the
descriptive ones travel in the step's `details` object of strings, written here
and only here (`Step.to_json`, `Step.from_json`), in one fixed key order. See docs/plan.md.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import ClassVar, Literal

from core import __version__
from core.model import OsName

Phase = Literal["rescue", "remove", "finish"]
Mode = Literal["interactive", "silent"]
Scope = Literal["user", "machine"]
Event = Literal["if_failed", "reboot_needed", "leftovers_remain"]
# What the executor does with a step (Step.kind): the one dispatch in core.removal.executor.
StepKind = Literal["fallback", "restart", "verify", "manual", "program"]

SCHEMA = "switchover.plan/1"
PASSWORD = "{password}"  # noqa: S105 - a placeholder, never a secret
PASSWORD_HEX = "{password_hex}"  # noqa: S105 - hex of the UTF-16LE password, filled in at run time


@dataclass(frozen=True)
class When:
    """The condition a step waits for: `if_failed` (any of `steps` failed), `reboot_needed` (the run
    asked for a restart) or `leftovers_remain` (verification found traces). No `When`: always."""

    event: Event
    steps: tuple[str, ...] = ()

    def to_text(self) -> str:
        return f"if_failed:{','.join(self.steps)}" if self.event == "if_failed" else self.event

    @classmethod
    def from_text(cls, text: str) -> When:
        if text.startswith("if_failed:"):
            return cls("if_failed", tuple(s for s in text.removeprefix("if_failed:").split(",") if s))
        if text in ("reboot_needed", "leftovers_remain"):
            return cls(text)  # type: ignore[arg-type]
        raise ValueError(f"{SCHEMA}: unknown step condition {text!r}")


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
    # What decides how the step runs.
    when: When | None = None
    after: tuple[
        str, ...
    ] = ()  # a management agent's removal waits for these removals (skipped if one failed)
    blocking: bool = False  # a manual step the run cannot go past unless the person confirms it
    optional: bool = False  # offered; runs only when the person opts in (successors)
    scope: Scope | None = None  # user: a per-user registration, never elevated (read by the guard)
    # What describes it, for people and help desks.
    signer: str | None = None  # vendor id whose Authenticode signature the program must carry
    product_code: str | None = None
    log: str | None = None  # msiexec's verbose log
    packages: tuple[str, ...] = ()
    product_ids: tuple[str, ...] = ()  # Linux: every product a family's one step removes
    refused: str | None = None  # why a registered uninstaller was not trusted
    uninstall_string: str | None = None  # shown, never run
    detected: tuple[str, ...] = ()  # encryption drivers seen
    items: tuple[str, ...] = ()  # leftover locations
    source: str | None = None  # the registry key the command came from
    extra: Mapping[str, str] = field(default_factory=dict)  # details keys of a later plan/1, kept as read

    @property
    def kind(self) -> StepKind:
        """How the executor treats it: a fallback, the restart, the final check, by hand, or a program."""
        if self.when is not None and self.when.event == "if_failed":
            return "fallback"
        if self.when is not None and self.when.event == "reboot_needed":
            return "restart"
        if self.action == "verify":
            return "verify"
        return "manual" if self.command is None else "program"

    def falls_back_from(self, step_id: str) -> bool:
        return self.kind == "fallback" and self.when is not None and step_id in self.when.steps

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
            "details": self._details(),
        }

    def _details(self) -> dict[str, str]:
        # One fixed order, the order every plan/1 so far has written its keys in.
        values: dict[str, str | None] = {
            "when": self.when.to_text() if self.when else None,
            "blocking": "true" if self.blocking else None,
            "detected": ", ".join(self.detected) or None,
            "items": "\n".join(self.items) or None,
            "product_code": self.product_code,
            "log": self.log,
            "signer": self.signer,
            "scope": self.scope,
            "source": self.source,
            "packages": " ".join(self.packages) or None,
            "product_ids": " ".join(self.product_ids) or None,
            "uninstall_string": self.uninstall_string,
            "optional": "true" if self.optional else None,
            "refused": self.refused,
            "after": ",".join(self.after) or None,
        }
        return {**{k: v for k, v in values.items() if v is not None}, **self.extra}

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> Step:
        command = data.get("command")
        details = {str(k): str(v) for k, v in dict(data.get("details", {})).items()}  # type: ignore[call-overload]
        take = details.pop
        scope = take("scope", None)
        return cls(
            id=str(data["id"]),
            phase=data["phase"],  # type: ignore[arg-type]
            action=str(data["action"]),
            title=str(data["title"]),
            why=str(data["why"]),
            product=_optional_str(data.get("product")),
            product_id=_optional_str(data.get("product_id")),
            command=tuple(str(a) for a in command) if isinstance(command, list) else None,
            elevated=bool(data.get("elevated", False)),
            needs=tuple(str(n) for n in data.get("needs", ())),  # type: ignore[attr-defined]
            undoable=bool(data.get("undoable", False)),
            timeout_s=int(data.get("timeout_s", 1800)),  # type: ignore[call-overload]
            when=When.from_text(when) if (when := take("when", None)) else None,
            after=_split(take("after", ""), ","),
            blocking=take("blocking", None) == "true",
            optional=take("optional", None) == "true",
            scope=scope if scope in ("user", "machine") else None,  # type: ignore[arg-type]
            signer=take("signer", None),
            product_code=take("product_code", None),
            log=take("log", None),
            packages=_split(take("packages", ""), " "),
            product_ids=_split(take("product_ids", ""), " "),
            refused=take("refused", None),
            uninstall_string=take("uninstall_string", None),
            detected=_split(take("detected", ""), ", "),
            items=_split(take("items", ""), "\n"),
            source=take("source", None),
            extra=details,
        )


@dataclass(frozen=True)
class Plan:
    """The ordered steps for one machine, and what the person must know before starting."""

    created_at: str  # ISO 8601, UTC
    mode: Mode
    os: OsName
    steps: tuple[Step, ...]
    warnings: tuple[str, ...] = ()
    managed: bool = False

    schema: ClassVar[str] = SCHEMA

    def to_json(self) -> dict[str, object]:
        return {
            "schema": SCHEMA,
            "switchover_version": __version__,
            "created_at": self.created_at,
            "mode": self.mode,
            "os": self.os,
            "managed": self.managed,
            "warnings": list(self.warnings),
            "steps": [s.to_json() for s in self.steps],
        }

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> Plan:
        """Read a plan document back; a document of another schema raises ValueError."""
        if data.get("schema") != SCHEMA:
            raise ValueError(f"not a {SCHEMA} document (schema: {data.get('schema')!r})")
        steps = data.get("steps")
        if not isinstance(steps, list):
            raise ValueError(f"{SCHEMA}: 'steps' must be a list")
        return cls(
            created_at=str(data["created_at"]),
            mode=data["mode"],  # type: ignore[arg-type]
            os=data["os"],  # type: ignore[arg-type]
            steps=tuple(Step.from_json(s) for s in steps),
            warnings=tuple(str(w) for w in data.get("warnings", ())),  # type: ignore[attr-defined]
            managed=bool(data.get("managed", False)),
        )


def _split(text: str, separator: str) -> tuple[str, ...]:
    return tuple(part for part in text.split(separator) if part) if text else ()


def _optional_str(value: object) -> str | None:
    return None if value is None else str(value)
