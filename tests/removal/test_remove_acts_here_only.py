"""Finding 1 and 3: `remove` acts only on the machine it runs on. Offline data (exports, a mounted disk, a
collected bundle) gives scan, plan and report; a plan carried from elsewhere is re-derived from a fresh
live scan and only what is really installed here runs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from core.cli import main
from tests.removal.doubles import calls, uninstaller
from tests.removal.dpkg_root import build_deb, install, installed, make_root
from tests.removal.live_linux import LiveLinux

EXPORT = Path(__file__).resolve().parents[1] / "fixtures" / "windows"


@pytest.mark.parametrize(
    "offline",
    [["--reg", "uninstall.reg"], ["--root", "ROOT"], ["--root", "ROOT", "--os", "linux"], ["--os", "linux"],
     ["--bundle", "pc-042.zip"]],
)  # fmt: skip
def test_remove_refuses_offline_input_with_exit_2_and_one_line(
    offline: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_root(tmp_path / "root")
    install(root, build_deb(tmp_path, "kesl"))
    args = [str(root) if a == "ROOT" else a for a in offline]
    assert main(["remove", "--yes", "--rescued", "--silent", *args]) == 2
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and "acts only on the machine it runs on" in lines[0], captured
    assert args[0] in lines[0]
    assert "The removal plan" not in captured.out
    assert installed(root, "kesl")  # the offline disk is untouched: nothing ran against it


def test_remove_help_lists_no_offline_options(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["remove", "--help"]) == 0
    shown = capsys.readouterr().out
    assert "--plan" in shown
    for option in ("--reg", "--root", "--os", "--bundle", "offline"):
        assert option not in shown


@pytest.mark.skipif(sys.platform != "linux", reason="a live Linux machine of the test's own")
def test_a_carried_plan_runs_only_what_a_fresh_live_scan_finds_here(tmp_path: Path) -> None:
    # the technician planned on the customer's disk: Endpoint Security and the Network Agent
    customer = make_root(tmp_path / "customer")
    for name in ("kesl", "klnagent64"):
        install(customer, build_deb(tmp_path, name))
    offline = ["--root", str(customer), "--os", "linux"]
    planned = subprocess.run(
        [sys.executable, "-m", "core", "plan", "--json", "--silent", *offline],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    document = json.loads(planned)
    # and someone changed the file's commands on the way
    marker = uninstaller(tmp_path / "bin", "planted", "log()\n")
    for step in document["steps"]:
        if step["command"]:
            step["command"] = [str(marker)]
    carried = tmp_path / "pc-042.plan.json"
    carried.write_text(json.dumps(document), encoding="utf-8")

    machine = LiveLinux(tmp_path / "here")  # this PC has only Endpoint Security
    machine.install("kesl")
    done = machine.switchover("remove", "--plan", str(carried), "--yes", "--rescued")

    assert done.returncode == 0, done.stdout + done.stderr
    assert calls(marker) == []  # the file's commands never run: the fresh plan's do
    assert not machine.installed("kesl")
    assert "Not installed on this machine" in done.stdout and "klnagent64" in done.stdout
    assert installed(customer, "kesl") and installed(customer, "klnagent64")


def test_a_plan_for_another_os_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = {"schema": "switchover.plan/1", "created_at": "2026-12-01T10:00:00Z", "mode": "silent",
                "os": "macos" if sys.platform != "darwin" else "linux", "steps": []}  # fmt: skip
    carried = tmp_path / "plan.json"
    carried.write_text(json.dumps(document), encoding="utf-8")
    assert main(["remove", "--plan", str(carried), "--yes"]) == 2
    assert "this machine runs" in capsys.readouterr().err
