"""Real programs that behave like uninstallers, and a plan to run them, for the removal tests.

Each uninstaller is a small Python program (tests.programs: its own process, by its shebang on
POSIX, as NAME.exe on Windows) that appends its arguments to a log, then ends the way the test
needs: an exit code, a crash, a hang with a child process, a reboot request.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.removal.executor import RunnablePlan, default_guard
from core.removal.plan import Step
from tests.programs import program_path, script_program


def uninstaller(folder: Path, name: str, body: str) -> Path:
    """A real program (NAME.exe on Windows); `log(...)` in its body appends a JSON line to `<name>.log`."""
    return script_program(
        folder,
        name,
        "import json, os, subprocess, sys, time\n"
        # what it prints arrives as UTF-8, as the runner reads it (a Windows pipe is ANSI otherwise)
        "sys.stdout.reconfigure(encoding='utf-8')\n"
        f"LOG = {str(program_path(folder, name)) + '.log'!r}\n"
        "def log(**fields):\n"
        "    with open(LOG, 'a', encoding='utf-8') as f:\n"
        "        f.write(json.dumps({'argv': sys.argv[1:], **fields}) + '\\n')\n" + textwrap.dedent(body),
    )


def calls(script: Path) -> list[dict[str, Any]]:
    log = script.with_name(script.name + ".log")
    if not log.exists():
        return []
    return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]


def exits_with(folder: Path, name: str, code: int, *, output: str = "") -> Path:
    return uninstaller(folder, name, f"log()\nprint({output!r})\nsys.exit({code})\n")


@dataclass(frozen=True)
class ScriptPlan:
    """A plan in the executor's terms (core.removal.plan.Plan's os, steps and to_json)."""

    steps: tuple[Step, ...]
    os: str = "linux"
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"schema": "switchover.plan/1", "os": self.os, "steps": [s.to_json() for s in self.steps]}


def step(id_: str, command: Sequence[str] | None, **kwargs: Any) -> Step:
    return Step(
        id=id_,
        phase=kwargs.pop("phase", "remove"),
        action=kwargs.pop("action", "uninstall"),
        title=kwargs.pop("title", f"Remove {id_}"),
        why="test",
        command=tuple(str(c) for c in command) if command is not None else None,
        **kwargs,
    )


def guard_allowing(folder: Path):
    """The real guard, plus the test's own folder of uninstaller scripts (they cannot live in /opt)."""

    def guard(step: Step, argv: Sequence[str], plan: RunnablePlan) -> str | None:
        if Path(argv[0]).parent == folder:
            return None
        return default_guard(step, argv, plan)

    return guard
