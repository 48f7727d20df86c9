"""Linux for real: a dpkg package in a temporary root, found, removed through execute_plan, verified."""

from __future__ import annotations

import threading
from pathlib import Path

from core.detection.scan import scan
from core.model import Target
from core.removal.executor import execute_plan
from core.removal.journal import Journal
from core.removal.subprocess_runner import SubprocessRunner
from core.removal.verify import Protection, verify
from tests.removal.doubles import ScriptPlan, step
from tests.removal.dpkg_root import build_deb, install, installed, make_root, remove_command


def test_dpkg_package_is_found_removed_and_verified(tmp_path: Path):
    root = make_root(tmp_path / "root")
    install(root, build_deb(tmp_path, "kesl"))
    target = Target(os="linux", live=False, root=str(root))
    found = scan(target)
    kesl = next(p for p in found.kaspersky if p.family == "kes")
    before = verify(target, protection=lambda: Protection(()))
    assert before.status == "failed" and any(s.name == "kesl" for s in before.survivors)

    plan = ScriptPlan((step("remove-kesl", remove_command(root, "kesl"), product_id=kesl.id),))
    report = execute_plan(
        plan,
        runner=SubprocessRunner(),
        journal=Journal(tmp_path / "journal.jsonl"),
        password=None,
        cancel=threading.Event(),
        on_event=lambda event: None,
        confirm_manual=lambda step: True,
    )  # the real guard: /usr/bin/dpkg is the system's package manager
    assert report.status == "removed", report.message
    assert not installed(root, "kesl")
    after = verify(target, protection=lambda: Protection(()))
    assert after.status == "removed"
    assert after.survivors == ()
    assert any("alternatives" in line for line in after.summary())  # nothing protects this root
