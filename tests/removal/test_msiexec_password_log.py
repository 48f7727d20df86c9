"""Finding 7: when a password is passed, msiexec writes no log that dumps properties (Windows Installer
logs every property unless the package hides it). Under Wine's real msiexec, every file the run leaves is
grepped for the password in plain, as UTF-16LE hex (KLUNINSTPASSWD's form) and in base64."""

from __future__ import annotations

import base64
import threading
from functools import partial
from pathlib import Path

import pytest

from core.detection.scan import scan
from core.model import Target
from core.removal.executor import default_guard, execute_plan
from core.removal.journal import Journal
from core.removal.plan import plan_removal
from core.removal.secrets import Secret
from tests.plan.products import agent, kes, scan_of
from tests.removal.wine_runner import WineRunner
from tests.wine_support import WinePrefix, build_msi

PASSWORD = "Wh1te-Rabbit.42"
UNINSTALL_KEYS = (
    r"HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall",
    r"HKLM\Software\Wow6432Node\Microsoft\Windows\CurrentVersion\Uninstall",
)


def _forms(password: str) -> list[bytes]:
    secret = Secret(password)
    plain = password.encode("utf-8")
    return [
        plain, password.encode("utf-16-le"), secret.hex.encode(), secret.hex.lower().encode(),
        base64.b64encode(plain), base64.b64encode(password.encode("utf-16-le")),
    ]  # fmt: skip


@pytest.mark.parametrize("silent", [False, True])
def test_a_password_protected_removal_plans_no_msiexec_log(silent: bool) -> None:
    plan = plan_removal(scan_of("windows", kes(password=True, managed=True), agent()), silent=silent)
    msi = [s for s in plan.steps if s.action == "uninstall_msi"]
    assert msi and all(s.command is not None for s in msi)
    for step in msi:
        assert not any(a.casefold().startswith("/l") for a in step.command or ()), step.command
        assert step.log is None
    unprotected = plan_removal(scan_of("windows", kes()), silent=silent)
    assert any("/l*v" in (s.command or ()) for s in unprotected.steps)  # still logged without a password


@pytest.mark.wine
@pytest.mark.slow
def test_no_file_the_run_leaves_holds_the_password_in_any_form(
    wine_prefix: WinePrefix, tmp_path: Path, private_data_dir: Path
) -> None:
    msi, code = build_msi(tmp_path / "msi", name="Kaspersky Endpoint Security for Windows",
                          version="12.1.0.506", manufacturer="AO Kaspersky Lab")  # fmt: skip
    assert wine_prefix.msiexec("/i", str(msi), "/qn") == 0
    (tmp_path / "exports").mkdir()
    exports = tuple(
        str(wine_prefix.reg_export(key, tmp_path / "exports" / f"u{i}.reg"))
        for i, key in enumerate(UNINSTALL_KEYS)
    )
    found = scan(Target(os="windows", live=False, registry_exports=exports))
    protected = tuple(p.replace(state={**p.state, "password_protection": "true"}) for p in found.products)
    plan = plan_removal(found.replace(products=protected), silent=True)
    step = next(s for s in plan.steps if s.action == "uninstall_msi")
    assert "KLPASSWD={password}" in (step.command or ())
    report = execute_plan(
        plan, runner=WineRunner(wine_prefix), journal=Journal(private_data_dir / "journal.jsonl"),
        password=PASSWORD, cancel=threading.Event(), on_event=lambda e: None, confirm_manual=lambda s: True,
        guard=partial(default_guard, running="windows"),
    )  # fmt: skip
    assert report.status == "removed", report.message
    assert wine_prefix.msiexec("/x", code, "/qn") == 1605  # it really ran and removed the product

    leaks = []
    for folder in (wine_prefix.path / "drive_c", private_data_dir, tmp_path):
        for path in folder.rglob("*"):
            if path.is_file() and not path.is_symlink():
                data = path.read_bytes()
                leaks += [(str(path), form) for form in _forms(PASSWORD) if form in data]
    assert leaks == []
