"""The demo machines: real scans, real plans and the real executor against simulated Windows PCs."""

from __future__ import annotations

import re
import threading

from core.assistant.demo import DEMO_PASSWORD, demo_machines
from core.detection.scan import scan
from core.model import Kind, Notes
from core.removal.executor import execute_plan
from core.removal.journal import Journal
from core.removal.plan import plan_removal
from core.removal.verify import verify

FAKE_GUID = re.compile(r"^\{00000000-DE40-4000-8000-\d{12}\}$")


def run(machine, journal: Journal, password: str | None):
    plan = plan_removal(scan(machine.target, observe=machine.observe))
    events = []
    report = execute_plan(
        plan,
        runner=machine.runner,
        journal=journal,
        password=password,
        cancel=threading.Event(),
        on_event=events.append,
        confirm_manual=lambda step: step.phase == "rescue",  # fallbacks (kavremover) are not done
        guard=machine.guard,
    )
    return report, events


def test_home_pc_is_found_as_the_issue_describes() -> None:
    home = demo_machines()["home"]
    result = scan(home.target, observe=home.observe)
    names = {p.name for p in result.products}
    assert {"Kaspersky Premium", "Kaspersky Password Manager", "Kaspersky VPN Secure Connection"} <= names
    assert [p.name for p in result.successors] == ["UltraAV"]
    assert not any(p.managed for p in result.products)


def test_office_pc_is_managed_and_password_protected() -> None:
    office = demo_machines()["office"]
    result = scan(office.target, observe=office.observe)
    assert {p.family for p in result.kaspersky} == {"kes", "network-agent"}
    assert all(p.managed for p in result.kaspersky)
    kes = next(p for p in result.kaspersky if p.family == "kes")
    assert kes.state.get("password_protection") == "true"


def test_uninstall_entries_look_like_windows_and_carry_fake_guids() -> None:
    for machine in demo_machines().values():
        entries = [o for o in machine.observe(machine.target, Notes()) if o.kind is Kind.UNINSTALL_ENTRY]
        for entry in entries:
            assert entry.location.startswith("HKEY_LOCAL_MACHINE\\SOFTWARE\\")
            if entry.attributes.get("WindowsInstaller") == "1":
                assert FAKE_GUID.match(entry.attributes["ProductCode"])
                assert entry.location.endswith(entry.attributes["ProductCode"])


def test_home_removal_needs_a_reboot_then_verifies_clean_with_defender(tmp_path) -> None:
    home = demo_machines()["home"]
    assert home.protection().active == ("Kaspersky Premium",)
    report, events = run(home, Journal(tmp_path / "journal.jsonl"), None)
    assert report.status == "reboot_needed"
    assert any(e.status == "needs_reboot" for e in events)
    before = verify(home.target, observe=home.observe, protection=home.protection, reboot_pending=True)
    assert before.status == "reboot_needed"
    assert {s.kind for s in before.survivors} == {Kind.DRIVER}
    home.restart()
    after = verify(home.target, observe=home.observe, protection=home.protection)
    assert after.status == "removed"
    assert after.protection.active == ("Microsoft Defender Antivirus",)


def test_office_refuses_a_wrong_password_then_accepts_the_right_one(tmp_path) -> None:
    office = demo_machines()["office"]
    journal = Journal(tmp_path / "journal.jsonl")
    report, events = run(office, journal, "wrong")
    assert report.status == "failed"
    assert [e.exit_code for e in events if e.status == "failed"][:1] == [1603]
    report, _ = run(office, journal, DEMO_PASSWORD)
    assert report.status == "reboot_needed"
    assert all(
        "wrong" not in arg and DEMO_PASSWORD not in arg for call in office.runner.calls for arg in call
    )


def test_a_declined_administrator_prompt_removes_nothing(tmp_path) -> None:
    home = demo_machines()["home"]
    home.runner.refuse_elevation = 1
    report, events = run(home, Journal(tmp_path / "journal.jsonl"), None)
    assert report.status == "cancelled"
    assert any(e.exit_code == 1223 for e in events)
    assert "Kaspersky Premium" in {p.name for p in scan(home.target, observe=home.observe).products}


def test_cancel_stops_the_simulated_uninstaller(tmp_path) -> None:
    home = demo_machines(delay=5.0)["home"]
    cancel = threading.Event()
    cancel.set()
    plan = plan_removal(scan(home.target, observe=home.observe))
    report = execute_plan(
        plan,
        runner=home.runner,
        journal=Journal(tmp_path / "journal.jsonl"),
        password=None,
        cancel=cancel,
        on_event=lambda _e: None,
        confirm_manual=lambda step: step.phase == "rescue",  # fallbacks (kavremover) are not done
        guard=home.guard,
    )
    assert report.status == "cancelled"
    assert "Kaspersky Premium" in {p.name for p in scan(home.target, observe=home.observe).products}


def test_the_network_agent_is_not_removed_while_endpoint_security_stays(tmp_path) -> None:
    office = demo_machines()["office"]
    plan = plan_removal(scan(office.target, observe=office.observe))
    kes_step = next(s for s in plan.steps if s.action == "uninstall_msi" and "Endpoint Security" in s.title)
    agent_step = next(s for s in plan.steps if s.action == "uninstall_msi" and "Network Agent" in s.title)
    assert agent_step.after == (kes_step.id,)

    report, events = run(office, Journal(tmp_path / "journal.jsonl"), "wrong")

    assert report.status == "failed"
    agent_ran = [call for call in office.runner.calls if agent_step.product_code in call]
    assert agent_ran == []  # the agent keeps the device's policy and password until KES is gone
    skipped = next(e for e in events if e.step_id == agent_step.id and e.status == "skipped")
    assert "waits until" in skipped.message
    left = scan(office.target, observe=office.observe).kaspersky
    assert {p.family for p in left} == {"kes", "network-agent"}
