"""`switchover scan` loads only what a scan needs: the other commands, the texts and the removal guard
stay unimported (their import cost more than the scan), while --help still lists every command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from core.cli import COMMANDS, build_parser, main
from tests.conftest import REPO

# Loaded by other commands, never by a live scan; the standard library's heavier modules too, which
# cost more than the scan (argparse and logging are skipped for a plain `scan [--json]` only). Windows'
# live scan reads the registry through modules that still define dataclasses and a typing Protocol.
NOT_FOR_A_SCAN = (
    "core.helpdesk.bundle",
    "core.helpdesk.collect",
    "core.messages",
    "core.removal.guard",
    "importlib.resources",
    *(() if sys.platform == "win32" else ("dataclasses", "inspect", "typing")),
)
NOT_FOR_A_PLAIN_SCAN = ("argparse", "logging")


def modules_after(words: list[str]) -> set[str]:
    code = (
        "import sys\nfrom gui.launcher import main\nmain(sys.argv[1:])\n"
        "print('\\n'.join(sys.modules), file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", code, *words], cwd=REPO, capture_output=True, text=True)
    assert done.returncode in (0, 1), done.stderr
    return set(done.stderr.split())


def test_a_live_scan_imports_no_other_command_and_nothing_it_does_not_use() -> None:
    for words in (["scan", "--json"], ["scan"]):
        loaded = modules_after(words)

        assert "core.cli.scan" in loaded and "core.detection.scan" in loaded
        assert sorted(loaded & {f"core.cli.{c}" for c in COMMANDS if c != "scan"}) == []
        assert sorted(loaded & {*NOT_FOR_A_SCAN, *NOT_FOR_A_PLAIN_SCAN}) == []
    assert sorted(modules_after(["scan", "--json", "-v"]) & set(NOT_FOR_A_SCAN)) == []


def test_a_plain_scan_prints_what_the_parser_would_have_run(tmp_path: Path) -> None:
    """`scan --json` skips the parser; with `--output` the parser runs it: the same document and exit code."""
    written = tmp_path / "scan.json"
    plain = subprocess.run(
        [sys.executable, "-m", "core", "scan", "--json"], cwd=REPO, capture_output=True, text=True
    )
    parsed = subprocess.run(
        [sys.executable, "-m", "core", "scan", "--json", "--output", str(written)],
        cwd=REPO,
        capture_output=True,
        text=True,
    )

    assert (plain.returncode, plain.stderr) == (parsed.returncode, parsed.stderr)
    documents = [json.loads(plain.stdout), json.loads(written.read_text(encoding="utf-8"))]
    for document in documents:
        assert document["schema"] == "switchover.scan/1" and document["machine"]["source"] == "live"
        del document["scanned_at"]
    assert documents[0] == documents[1]


def test_a_command_after_leading_flags_is_the_only_one_registered() -> None:
    assert registered(["-v", "plan", "--os", "linux"]) == {"plan"}
    assert registered(["--verbose", "scan", "--json"]) == {"scan"}


def registered(words: list[str]) -> set[str]:
    subparsers = build_parser(words)._subparsers
    assert subparsers is not None
    return set(subparsers._group_actions[0].choices)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "words", [["--help"], ["-h", "scan"], ["--verb", "scan"], ["--demo", "office", "scan"], ["bogus"], []]
)
def test_help_and_anything_but_a_plain_command_get_every_command(words: list[str]) -> None:
    assert registered(words) == set(COMMANDS)


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-h", "scan"]) == 0
    listed = capsys.readouterr().out
    assert [c for c in COMMANDS if f"\n    {c}" not in listed] == []


def test_a_bad_command_is_refused_with_every_choice(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bogus"]) == 2
    error = capsys.readouterr().err
    assert "invalid choice: 'bogus'" in error and "'export'" in error
