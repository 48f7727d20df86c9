"""A test's parent session (run in tests.removal.live_linux's namespace): `remove`'s session with its
machine-scope steps sent to the elevated helper through a real wrapper program the test wrote.

    python -m tests.removal.helper_parent WRAPPER

As root there, `this_machine` would run everything itself: the test gives it the helper the way an
unelevated parent has one (run as user 65534, it has one anyway). It prints one JSON line: the report.
"""

from __future__ import annotations

import json
import os
import sys
import threading
from collections.abc import Sequence
from dataclasses import dataclass, replace

from core.assistant.session import RemovalSession, this_machine
from core.removal.elevated_helper import HelperLauncher
from core.removal.resume import self_command


@dataclass(frozen=True)
class WrapperElevation:
    """An `Elevation` whose prompt is a program: it is started as `WRAPPER argv...` (like pkexec)."""

    wrapper: str

    def acquire(self) -> str | None:
        return None

    def wrap(self, argv: Sequence[str]) -> list[str]:
        return [self.wrapper, *argv]


def main(wrapper: str) -> None:
    machine = this_machine(autostart_command=())
    machine = replace(
        machine, helper=HelperLauncher(WrapperElevation(wrapper), self_command()), elevated=False
    )
    session = RemovalSession(machine, silent=True)
    session.scan()
    session.make_plan()
    events: list[str] = []
    report = session.run(
        password="s3cret-pw",
        cancel=threading.Event(),
        on_event=lambda e: events.append(f"{e.step_id}:{e.status}"),
        confirm_manual=lambda _step: True,  # the person confirmed every check
    )
    print(
        json.dumps(
            {"status": report.status, "message": report.message, "events": events, "uid": os.geteuid()}
        )
    )


if __name__ == "__main__":
    main(sys.argv[1])
