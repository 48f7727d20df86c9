"""`switchover plan` as a user runs it: a subprocess on offline input, changing nothing."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

KESL_STATUS = """Package: kesl
Status: install ok installed
Maintainer: AO Kaspersky Lab <support@kaspersky.com>
Architecture: amd64
Version: 12.1.0-1508
Description: Kaspersky Endpoint Security for Linux

"""


def machine(tmp_path: Path) -> Path:
    root = tmp_path / "machine"
    status = root / "var/lib/dpkg/status"
    status.parent.mkdir(parents=True)
    status.write_text(KESL_STATUS, encoding="utf-8")
    return root


def tree_digest(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        digest.update(str(path.relative_to(root)).encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def run_plan(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "core", "plan", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_plan_json_for_an_offline_linux_root_changes_nothing(tmp_path: Path) -> None:
    root = machine(tmp_path)
    before = tree_digest(root)
    result = run_plan("--json", "--silent", "--root", str(root), "--os", "linux")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["schema"] == "switchover.plan/1" and document["mode"] == "silent"
    removal = [s for s in document["steps"] if s["command"]]
    assert [s["command"] for s in removal] == [["/usr/bin/dpkg", f"--root={root}", "--remove", "kesl"]]
    # The product by its name, the package by its own.
    assert removal[0]["product"] == "Kaspersky Endpoint Security for Linux"
    assert removal[0]["details"]["packages"] == "kesl"
    assert removal[0]["elevated"] is False  # a root under /tmp
    assert tree_digest(root) == before


def test_plan_text_lists_numbered_steps_and_says_nothing_changed(tmp_path: Path) -> None:
    result = run_plan("--root", str(machine(tmp_path)), "--os", "linux")
    assert result.returncode == 0, result.stderr
    assert "Nothing has been changed." in result.stdout
    assert "runs: /usr/bin/dpkg" in result.stdout and "Before removing anything:" in result.stdout


def test_unusable_offline_input_exits_2_with_one_line(tmp_path: Path) -> None:
    result = run_plan("--reg", str(tmp_path / "missing.reg"))
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "missing.reg" in result.stderr
