"""The GitHub Actions workflow builds and smoke-tests what cannot be built here: the macOS .app and .dmg
(on a macOS runner) and the Windows bundle on a real Windows. It cannot run here, so this reads it as
GitHub would (YAML) and checks that those jobs exist and use what they name."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.conftest import REPO

yaml = pytest.importorskip("yaml")
WORKFLOW = REPO / ".github" / "workflows" / "ci.yml"


def bundle_steps() -> tuple[list[str], dict[str, str]]:
    workflow: dict[Any, Any] = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    job = workflow["jobs"]["bundle"]
    runs = {step.get("if", ""): step.get("run", "") for step in job["steps"] if "run" in step}
    return job["strategy"]["matrix"]["os"], runs


def test_the_bundle_job_runs_on_macos_and_windows_after_the_tests() -> None:
    runners, _ = bundle_steps()
    assert any(r.startswith("macos-") for r in runners) and any(r.startswith("windows-") for r in runners)
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert workflow["jobs"]["bundle"]["needs"] == "test"


def test_macos_builds_the_dmg_then_runs_the_app_from_it_failing_on_stderr() -> None:
    _, runs = bundle_steps()
    build = next(run for condition, run in runs.items() if not condition)
    assert "python tasks.py package" in build  # on macOS: bundle, Switchover.app and the .dmg
    smoke = runs["runner.os == 'macOS'"]
    assert "hdiutil attach" in smoke and "dist/Switchover-*.dmg" in smoke
    for command in ("--version", "scan --json", "--demo"):
        assert f'"$app/switchover" {command}' in smoke
    assert 'grep -q "window shown"' in smoke and "if [ -s err.txt ]" in smoke


def test_windows_runs_both_programs_and_scans_exports_that_exist() -> None:
    _, runs = bundle_steps()
    smoke = runs["runner.os == 'Windows'"]
    assert '"$exe/switchover-cli.exe" --version' in smoke and '"$exe/switchover.exe" --demo' in smoke
    exports = re.findall(r"--reg ([^\s\"]+)", smoke)
    assert len(exports) == 3 and all((REPO / export).is_file() for export in exports)
    assert "if [ -s err.txt ]" in smoke
