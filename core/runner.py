"""The one interface through which programs run: real on a machine, simulated on the demo machine."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class RunResult:
    """How a program run ended; `exit_code` is None when it never finished (timeout, cancel, no start)."""

    exit_code: int | None
    timed_out: bool = False
    cancelled: bool = False
    error: str | None = None  # could not start: not found, access denied, elevation refused
    output_tail: str = ""  # the last lines it printed, with secrets already removed


class Runner(Protocol):
    def run(
        self,
        argv: Sequence[str],
        *,
        elevated: bool,
        timeout: float,
        cancel: threading.Event,
        secrets: Sequence[str] = (),
    ) -> RunResult:
        """Run argv (never through a shell); `secrets` are strings to scrub from any output kept."""
        ...
