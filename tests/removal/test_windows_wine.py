"""Windows under Wine: a wixl MSI test double, found in Wine's registry, removed by the plan's command."""

from __future__ import annotations

import threading
from functools import partial
from pathlib import Path

import pytest

from core.detection.scan import scan
from core.model import Target
from core.removal.executor import StepEvent, default_guard, execute_plan
from core.removal.journal import Journal
from core.removal.plan import plan_removal
from core.removal.verify import Protection, verify
from tests.removal.wine_runner import WineRunner
from tests.wine_support import WinePrefix, build_msi

UNINSTALL_KEYS = (
    r"HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall",
    r"HKLM\Software\Wow6432Node\Microsoft\Windows\CurrentVersion\Uninstall",
)


def export(prefix: WinePrefix, folder: Path) -> Target:
    folder.mkdir()
    files = tuple(
        str(prefix.reg_export(key, folder / f"uninstall{i}.reg")) for i, key in enumerate(UNINSTALL_KEYS)
    )
    return Target(os="windows", live=False, registry_exports=files)


@pytest.mark.wine
@pytest.mark.slow
def test_msi_found_removed_by_the_plans_own_command_and_verified(wine_prefix: WinePrefix, tmp_path: Path):
    msi, code = build_msi(
        tmp_path / "msi",
        name="Kaspersky Endpoint Security for Windows",
        version="12.1.0.506",
        manufacturer="AO Kaspersky Lab",
    )
    assert wine_prefix.msiexec("/i", str(msi), "/qn") == 0
    target = export(wine_prefix, tmp_path / "before")
    product = next(p for p in scan(target).kaspersky if p.family == "kes")

    plan = plan_removal(scan(target), silent=True)
    uninstall = next(s for s in plan.steps if s.product_id == product.id and s.command)
    assert uninstall.command[:3] == ("C:\\Windows\\System32\\msiexec.exe", "/x", code)
    events: list[StepEvent] = []
    report = execute_plan(
        plan,
        runner=WineRunner(wine_prefix),
        journal=Journal(tmp_path / "journal.jsonl"),
        password=None,
        cancel=threading.Event(),
        on_event=events.append,
        confirm_manual=lambda step: True,  # the person did the rescue steps
        guard=partial(default_guard, running="windows"),  # Wine is the Windows that runs it
    )  # the real guard: the system's msiexec
    assert report.status == "removed", report.message
    assert next(e for e in report.steps if e.step_id == uninstall.id).exit_code == 0

    after = verify(export(wine_prefix, tmp_path / "after"), protection=lambda: Protection(()))
    assert after.status == "removed", after.summary()
    assert wine_prefix.msiexec("/x", code, "/qn") == 1605  # Windows Installer agrees: not installed
