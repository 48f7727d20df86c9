"""How technicians type commands: -v anywhere, --output for every document, examples in --help."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.cli import build_parser, main
from core.helpdesk.report import removal_document, report_facts
from core.model import scan_from_json
from core.removal.executor import RunReport
from core.removal.plan import plan_removal
from core.removal.verify import Protection, Verification
from tests.helpdesk.documents import FIXTURES, office_scan

EXPORT = str(FIXTURES / "uninstall-32.reg")


@pytest.mark.parametrize(
    "command",
    [
        ["scan", "--json"],
        ["plan", "--json"],
        ["brief", "--json", "--us-person", "no"],
        ["alternatives", "--json"],
    ],
)
def test_every_document_can_go_to_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    output = tmp_path / "out.json"
    code = main([*command, "--reg", EXPORT, "--output", str(output)])
    assert code in (0, 1)
    assert capsys.readouterr().out == ""
    assert json.loads(output.read_text(encoding="utf-8"))["schema"].startswith("switchover.")


def test_v_works_before_and_after_the_command() -> None:
    for words in (["-v", "scan", "--reg", EXPORT], ["scan", "--reg", EXPORT, "-v"]):
        args = build_parser().parse_args(words)
        assert args.verbose is True
    assert build_parser().parse_args(["scan"]).verbose is False
    assert build_parser().parse_args(["fleet", "summarize", "x", "-v"]).verbose is True


def test_help_has_examples_and_explains_every_option(capsys: pytest.CaptureFixture[str]) -> None:
    for words in ([], ["remove"], ["collect"], ["report"], ["fleet", "summarize"], ["export"]):
        assert main([*words, "--help"]) == 0
        assert "examples:" in capsys.readouterr().out, words
    assert main(["alternatives", "--help"]) == 0
    text = " ".join(capsys.readouterr().out.split())
    for option in ("--platform", "--segment", "--need"):
        after = text.split(option, 2)[-1]
        assert after.split(" --", 1)[0].count(" ") > 3, option  # a sentence, not just the choices
    assert main(["remove", "--help"]) == 0
    remove_help = capsys.readouterr().out
    assert "exit codes for RMM tools and Intune" in remove_help and "4  a restart is needed" in remove_help


def test_a_finished_removal_document_reads_back_as_a_report() -> None:
    scanned = scan_from_json(office_scan())
    plan = plan_removal(scanned, silent=True)
    verification = Verification(scanned, "reboot_needed", (), (), True, Protection((), ()))
    run = RunReport("run-1", "reboot_needed", "A restart is needed to finish.")
    document = removal_document(scan=scanned, plan=plan, run=run, verification=verification)
    facts = report_facts(json.loads(json.dumps(document)))
    assert facts.outcome == "reboot_needed" and facts.hostname == "PC-042"
    assert facts.plan == tuple(step.title for step in plan.steps)
