"""Starting once after the restart (XDG autostart, for real in a temporary HOME) and the protection check."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.model import Kind, Notes, Observation, Target
from core.removal.resume import autostart_for, desktop_exec, parse_desktop_exec, resume_command
from core.removal.subprocess_runner import SubprocessRunner
from core.removal.verify import DEFENDER_NAME, DefenderProbe, Protection, verify
from tests.removal.doubles import calls, uninstaller


def test_xdg_autostart_entry_is_written_read_and_removed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    autostart = autostart_for("linux")
    command = resume_command()
    autostart.register(command)
    entry = tmp_path / "config/autostart/switchover-resume.desktop"
    text = entry.read_text(encoding="utf-8")
    assert "[Desktop Entry]" in text and "Type=Application" in text
    assert autostart.registered() == command
    autostart.unregister()
    assert not entry.exists() and autostart.registered() is None


@given(
    st.lists(st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1), min_size=1, max_size=5)
)
def test_desktop_exec_quoting_round_trips(argv: list[str]):
    assert parse_desktop_exec(desktop_exec(argv)) == tuple(argv)


def test_resume_command_starts_the_remove_command():
    assert resume_command()[-2:] == ("remove", "--resume") and resume_command()[0] == sys.executable


def security_center(active: str):
    def observe(target: Target, notes: Notes):
        yield Observation(
            Kind.SECURITY_CENTER,
            r"root\SecurityCenter2\AntiVirusProduct\Windows Defender",
            "Windows Defender",
            {"active": active, "up_to_date": "true"},
        )

    return observe


def test_security_center_says_what_protects_the_machine():
    target = Target(os="windows", live=False, registry_exports=())
    on = verify(target, observe=security_center("true"), protection=lambda: Protection(()))
    off = verify(target, observe=security_center("false"), protection=lambda: Protection(()))
    assert on.protection.protected and not off.protection.protected
    assert any("alternatives" in line for line in off.summary())


@pytest.mark.parametrize(
    ("status", "protected", "note"),
    [
        (
            {"AMRunningMode": "Normal", "AntivirusEnabled": True, "RealTimeProtectionEnabled": True},
            True,
            None,
        ),
        (
            {"AMRunningMode": "Passive Mode", "AntivirusEnabled": True, "RealTimeProtectionEnabled": True},
            False,
            "'Passive Mode' mode",
        ),
        (
            {"AMRunningMode": "Normal", "AntivirusEnabled": True, "RealTimeProtectionEnabled": False},
            False,
            "real-time protection is off",
        ),
    ],
)
def test_defender_probe_reads_get_mpcomputerstatus(
    tmp_path: Path, status: dict, protected: bool, note: str | None
):
    # a stand-in for powershell.exe that prints what Get-MpComputerStatus | ConvertTo-Json prints
    powershell = uninstaller(tmp_path, "powershell", f"log()\nprint({json.dumps(status)!r})\n")
    result = DefenderProbe(SubprocessRunner(), powershell=str(powershell))()
    assert result.protected is protected
    assert (DEFENDER_NAME in result.active) is protected
    if note:
        assert note in " ".join(n.say() for n in result.notes)
    argv = calls(powershell)[0]["argv"]
    assert argv[:3] == ["-NoProfile", "-NonInteractive", "-Command"] and "Get-MpComputerStatus" in argv[3]


def test_a_driver_left_until_restart_is_not_removed():
    def observe(target: Target, notes: Notes):
        yield Observation(Kind.DRIVER, r"HKLM\SYSTEM\CurrentControlSet\Services\klif", "klif", {"Type": "2"})

    target = Target(os="windows", live=False, registry_exports=())
    before_restart = verify(target, observe=observe, protection=lambda: Protection(()), reboot_pending=True)
    after_restart = verify(target, observe=observe, protection=lambda: Protection(()))
    assert before_restart.status == "reboot_needed"
    assert after_restart.status == "failed"
    assert any(s.name == "klif" for s in after_restart.survivors)
