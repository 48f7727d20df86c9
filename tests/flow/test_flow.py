"""The assistant's step graph, walked without any UI."""

from __future__ import annotations

import pytest

from core.assistant.demo import demo_machines
from core.assistant.flow import STAGES, FlowState, Stage, can_go_back, missing, next_stage, path, resume_stage
from core.detection.scan import scan
from core.model import ScanResult, Target


def scanned(key: str) -> ScanResult:
    machine = demo_machines()[key]
    return scan(machine.target, observe=machine.observe)


def nothing_found() -> ScanResult:
    return scan(Target(os="windows", live=False), observe=lambda _target, _notes: iter(()))


def test_full_path_with_a_reboot_goes_through_restart() -> None:
    state = FlowState(scan=scanned("home"), plan_ready=True, rescue_done=True, run="reboot_needed")
    assert path(state) == (
        Stage.WELCOME, Stage.SCAN, Stage.FOUND, Stage.BAN, Stage.ALTERNATIVES,
        Stage.PREPARE, Stage.REMOVE, Stage.RESTART, Stage.VERIFY, Stage.DONE,
    )  # fmt: skip


def test_without_a_reboot_remove_goes_straight_to_verify() -> None:
    state = FlowState(scan=scanned("office"), plan_ready=True, rescue_done=True, run="removed")
    assert next_stage(Stage.REMOVE, state) is Stage.VERIFY
    assert Stage.RESTART not in path(state)


def test_after_the_demo_restart_the_restart_page_is_not_shown_again() -> None:
    state = FlowState(scan=scanned("home"), run="reboot_needed", rebooted=True)
    assert next_stage(Stage.REMOVE, state) is Stage.VERIFY


def test_nothing_found_takes_the_short_path() -> None:
    state = FlowState(scan=nothing_found())
    assert path(state) == (Stage.WELCOME, Stage.SCAN, Stage.FOUND, Stage.BAN, Stage.ALTERNATIVES, Stage.DONE)


def test_only_ultraav_still_shows_found_and_takes_the_short_path() -> None:
    home = scanned("home")
    ultra_only = ScanResult(home.target, home.scanned_at, home.successors, (), home.other_security_software)
    state = FlowState(scan=ultra_only)
    assert ultra_only.found_anything and not state.removable
    assert Stage.FOUND in path(state)
    assert Stage.REMOVE not in path(state)


def test_needs_gate_each_stage() -> None:
    assert missing(Stage.FOUND, FlowState()) == {"scan"}
    home = scanned("home")
    assert missing(Stage.REMOVE, FlowState(scan=home, plan_ready=True)) == {"rescue_done"}
    assert missing(Stage.REMOVE, FlowState(scan=home, plan_ready=True, rescue_done=True)) == frozenset()
    assert missing(Stage.PREPARE, FlowState(scan=nothing_found())) == {"removable", "plan"}


@pytest.mark.parametrize("stage", [Stage.RESTART, Stage.VERIFY, Stage.DONE])
def test_no_going_back_past_remove(stage: Stage) -> None:
    assert not can_go_back(stage, FlowState(scan=scanned("home"), run="removed"))


def test_back_from_remove_only_until_the_removal_starts() -> None:
    home = scanned("home")
    assert can_go_back(Stage.REMOVE, FlowState(scan=home, plan_ready=True, rescue_done=True))
    assert not can_go_back(Stage.REMOVE, FlowState(scan=home, removal_started=True))
    assert STAGES[Stage.REMOVE].commit
    assert [s for s, spec in STAGES.items() if spec.commit] == [Stage.REMOVE]


def test_back_is_allowed_before_remove() -> None:
    state = FlowState(scan=scanned("home"))
    assert all(
        can_go_back(s, state) for s in (Stage.SCAN, Stage.FOUND, Stage.BAN, Stage.ALTERNATIVES, Stage.PREPARE)
    )


def test_resume_opens_restart_until_the_machine_restarted() -> None:
    assert resume_stage("reboot_needed", rebooted=False) is Stage.RESTART
    assert resume_stage("reboot_needed", rebooted=True) is Stage.VERIFY
    assert resume_stage(None, rebooted=False) is Stage.WELCOME
