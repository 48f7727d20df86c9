"""`switchover remove` end to end on a Linux root with a real dpkg database: plan, run, verify, exit code."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from core.cli import main
from core.journal import Journal
from tests.removal.dpkg_root import build_deb, install, installed, make_root


def test_remove_yes_rescued_removes_verifies_and_exits_0(tmp_path: Path, private_data_dir: Path, capsys):
    root = make_root(tmp_path / "root")
    install(root, build_deb(tmp_path, "kesl"))
    code = main(["remove", "--yes", "--rescued", "--root", str(root), "--os", "linux"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert not installed(root, "kesl")
    assert "Verified: no Kaspersky software is installed or running." in out
    assert Journal(private_data_dir / "journal.jsonl").pending() is None


def test_yes_alone_stops_at_the_encryption_check_and_removes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
):
    root = make_root(tmp_path / "root")
    install(root, build_deb(tmp_path, "kesl"))
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # unattended: nobody to confirm the check
    assert main(["remove", "--yes", "--root", str(root), "--os", "linux"]) == 3
    assert installed(root, "kesl")
    assert "run again with --rescued" in capsys.readouterr().out


def test_without_yes_and_without_a_person_nothing_is_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
):
    root = make_root(tmp_path / "root")
    install(root, build_deb(tmp_path, "kesl"))
    monkeypatch.setattr("sys.stdin", io.StringIO("n\n"))  # the person answers no
    assert main(["remove", "--root", str(root), "--os", "linux"]) == 3
    assert installed(root, "kesl")
    assert "Nothing was changed." in capsys.readouterr().out


def test_nothing_to_resume(capsys):
    assert main(["remove", "--resume"]) == 0
    assert "Nothing to resume" in capsys.readouterr().out
