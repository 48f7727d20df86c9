"""The plan `switchover remove` shows before it asks says who does each step.

Seen on a live Debian machine: every step without a command was listed "(by hand)", so the
person read that they must check for leftovers themselves ("Check that nothing is left ... (by
hand)") and restart whatever happens, although Switchover runs the check and asks for a restart
only when one is needed.
"""

from __future__ import annotations

import pytest

from core.cli.remove import _print_plan
from core.model import Evidence, Kind
from core.removal.plan import plan_removal
from tests.plan.products import kes, product, scan_of


def listing(plan, capsys: pytest.CaptureFixture[str]) -> dict[str, str]:
    _print_plan(plan)
    lines = capsys.readouterr().out.splitlines()[1:]
    return {step.action: line for step, line in zip(plan.steps, lines, strict=False)}


def test_linux_steps_say_who_does_them_and_when(capsys: pytest.CaptureFixture[str]) -> None:
    kesl = product("kes", "kesl", Evidence(Kind.PACKAGE, "dpkg:kesl", "kesl", {"manager": "dpkg"}, "test"))
    shown = listing(plan_removal(scan_of("linux", kesl), package_managers={"apt-get"}), capsys)
    assert shown["note_licence"].endswith("(by hand)")
    assert not shown["uninstall_package"].endswith(")")
    assert shown["restart"].endswith("(by hand, only if a restart is needed)")
    assert "(" not in shown["verify"]
    assert shown["clean_leftovers"].endswith("(by hand, only if something is left)")


def test_a_fallback_says_it_comes_only_if_the_step_before_fails(capsys: pytest.CaptureFixture[str]) -> None:
    shown = listing(plan_removal(scan_of("windows", kes())), capsys)
    assert shown["kavremover"].endswith("(by hand, only if the step before fails)")
