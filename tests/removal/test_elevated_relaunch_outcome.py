"""Issue 10 E / issue 9 #21: after the UAC relaunch the parent says how the elevated removal ended and
returns one of remove's own exit codes, whatever the child returned."""

from __future__ import annotations

import pytest

from core.cli.remove import EXIT_ERROR, EXIT_NOT_REMOVED, EXIT_REBOOT, EXIT_REMOVED, relaunched_outcome


@pytest.mark.parametrize(
    ("child", "code", "said"),
    [
        (EXIT_REMOVED, EXIT_REMOVED, "removed and verified"),
        (EXIT_REBOOT, EXIT_REBOOT, "restart"),
        (EXIT_NOT_REMOVED, EXIT_NOT_REMOVED, "not everything was removed"),
        (EXIT_ERROR, EXIT_ERROR, "stopped with an error"),
        (1, EXIT_NOT_REMOVED, "ended unexpectedly (exit code 1)"),  # a crash: Python's traceback exit
        (0xC0000005, EXIT_NOT_REMOVED, "ended unexpectedly"),  # an access violation
    ],
)
def test_the_parent_returns_removes_codes_and_says_the_outcome(child: int, code: int, said: str) -> None:
    outcome = relaunched_outcome(child)
    assert outcome.exit_code == code
    assert said in outcome.message
