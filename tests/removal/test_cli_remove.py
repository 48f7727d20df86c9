"""`switchover remove` end to end on this Linux machine, live, with a real dpkg database of the test's own
(tests.removal.live_linux): plan, run, verify, exit code. `remove` acts only on the machine it runs on, so
these tests once ran it on a `--root` and now run it live in a private mount namespace."""

from __future__ import annotations

from pathlib import Path

from core.cli import main
from core.removal.journal import Journal
from tests.removal.live_linux import LiveLinux


def test_remove_yes_rescued_removes_verifies_and_exits_0(tmp_path: Path):
    machine = LiveLinux(tmp_path)
    machine.install("kesl")
    done = machine.switchover("remove", "--yes", "--rescued", "--silent")  # apt-get -y: no tty here
    assert done.returncode == 0, done.stdout + done.stderr
    assert not machine.installed("kesl")
    assert "Verified: no Kaspersky software is installed or running." in done.stdout
    assert Journal(machine.data / "journal.jsonl").pending() is None


def test_yes_alone_stops_at_the_encryption_check_and_removes_nothing(tmp_path: Path):
    machine = LiveLinux(tmp_path)
    machine.install("kesl")
    done = machine.switchover("remove", "--yes")  # unattended: nobody to confirm the check
    assert done.returncode == 3, done.stdout + done.stderr
    assert machine.installed("kesl")
    assert "run again with --rescued" in done.stdout


def test_without_yes_and_without_a_person_nothing_is_removed(tmp_path: Path):
    machine = LiveLinux(tmp_path)
    machine.install("kesl")
    done = machine.switchover("remove", stdin="n\n")  # the person answers no
    assert done.returncode == 3, done.stdout + done.stderr
    assert machine.installed("kesl")
    assert "Nothing was changed." in done.stdout


def test_nothing_to_resume(capsys):
    assert main(["remove", "--resume"]) == 0
    assert "Nothing to resume" in capsys.readouterr().out
