"""Live on Windows, end to end: real MSI packages installed by msiexec, found, planned, removed, verified.

Runs in the Windows lane (Windows CPython under Wine), whose set-up builds the test doubles with wixl
(tests/msi_doubles.py) and names their folder in SWITCHOVER_WINLANE_MSI. Everything here is the real
thing: the winreg scan of the live registry, `switchover remove` as its own process, Windows Installer's
own launch conditions refusing a wrong password, its 3010, its 1603, and the RunOnce entry.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO
from tests.msi_doubles import CLEAN_UP, MANIFEST, PASSWORD, PASSWORD_HEX

pytestmark = [
    pytest.mark.skipif(sys.platform != "win32", reason="live Windows: runs in the Windows lane"),
    pytest.mark.skipif(
        not os.environ.get("SWITCHOVER_WINLANE_MSI"), reason="needs the Windows lane's MSI test doubles"
    ),
    pytest.mark.slow,
]
PASSWORD_VARIABLE = "SWITCHOVER_TEST_UNINSTALL_PASSWORD"
EXIT_REMOVED, EXIT_NOT_REMOVED, EXIT_RESTART = 0, 3, 4


def msiexec(*args: str) -> int:
    from core.detection.adapters.windows import system_folder

    done = subprocess.run([system_folder() + "\\msiexec.exe", *args], capture_output=True, timeout=300)
    return done.returncode


def doubles() -> dict[str, dict[str, Any]]:
    folder = Path(os.environ["SWITCHOVER_WINLANE_MSI"])
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    return {d["key"]: {**d, "msi": str(folder / d["msi"])} for d in manifest}


def installed(double: dict[str, Any]) -> bool:
    """Windows Installer's own answer (MsiQueryProductStateW: 5 is INSTALLSTATE_DEFAULT)."""
    import ctypes

    return ctypes.windll.msi.MsiQueryProductStateW(double["product_code"]) == 5


@pytest.fixture
def install() -> Iterator[Any]:
    """Install doubles by key; afterwards every double is removed whatever the test did."""
    known = doubles()

    def install_(*keys: str) -> list[dict[str, Any]]:
        for key in keys:
            assert msiexec("/i", known[key]["msi"], "/qn") == 0, f"{key} did not install"
        return [known[key] for key in keys]

    yield install_
    for double in known.values():
        msiexec(
            "/x", double["product_code"], "/qn", f"KLPASSWD={PASSWORD}", f"KLUNINSTPASSWD={PASSWORD_HEX}",
            f"{CLEAN_UP}=1", "REBOOT=ReallySuppress",
        )  # fmt: skip


def switchover(*args: str, password: str | None = PASSWORD) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != PASSWORD_VARIABLE}
    if password is not None:
        env[PASSWORD_VARIABLE] = password
    return subprocess.run(
        [sys.executable, "-m", "core", *args],
        cwd=REPO, env=env, capture_output=True, encoding="utf-8", errors="replace", timeout=600, check=False,
    )  # fmt: skip


def remove(password: str | None = PASSWORD) -> subprocess.CompletedProcess[str]:
    return switchover(
        "remove", "--yes", "--rescued", "--silent", "--password-env", PASSWORD_VARIABLE, password=password
    )


def live_products() -> dict[str, dict[str, Any]]:
    done = switchover("scan", "--json")
    assert done.returncode in (0, 1), done.stderr
    return {p["name"]: p for p in json.loads(done.stdout)["products"]}


def test_a_managed_machine_is_found_planned_and_removed_with_its_passwords(install) -> None:
    kes, agent = install("kes", "agent")

    found = live_products()
    assert found[kes["name"]]["family"] == "kes" and found[agent["name"]]["family"] == "network-agent"
    evidence = {e["location"] for e in found[kes["name"]]["evidence"]}
    assert any(kes["product_code"] in location and "HKEY_LOCAL_MACHINE" in location for location in evidence)

    plan = json.loads(switchover("plan", "--json", "--silent").stdout)
    commands = [s["command"] for s in plan["steps"] if s.get("command")]
    kes_step = next(i for i, c in enumerate(commands) if kes["product_code"] in c)
    agent_step = next(i for i, c in enumerate(commands) if agent["product_code"] in c)
    assert kes_step < agent_step  # the agent goes last: it answers for the products it manages
    assert "KLPASSWD={password}" in commands[kes_step]  # the plan holds a placeholder, never the password
    assert "KLUNINSTPASSWD={password_hex}" in commands[agent_step]

    done = remove()
    assert done.returncode == EXIT_REMOVED, done.stdout + done.stderr
    assert not installed(kes) and not installed(agent)  # Windows Installer agrees
    assert PASSWORD not in done.stdout + done.stderr and PASSWORD_HEX not in done.stdout + done.stderr
    assert kes["name"] not in live_products()


def test_a_wrong_password_is_refused_by_the_package_and_nothing_is_claimed(install) -> None:
    (kes,) = install("kes")
    done = remove(password="not the password")
    assert done.returncode == EXIT_NOT_REMOVED, done.stdout + done.stderr
    assert "1603" in done.stdout
    assert installed(kes) and kes["name"] in live_products()


def test_a_failing_uninstaller_stops_the_run_and_the_product_stays(install) -> None:
    (fails,) = install("fails")
    done = remove()
    assert done.returncode == EXIT_NOT_REMOVED, done.stdout + done.stderr
    assert "1603" in done.stdout
    assert installed(fails)


def test_a_restart_is_asked_for_and_the_run_once_entry_finishes_the_job(install) -> None:
    import winreg

    from core.removal.resume import RUN_ONCE_KEY, RUN_ONCE_VALUE

    (antivirus,) = install("reboot")
    done = remove()
    assert done.returncode == EXIT_RESTART, done.stdout + done.stderr
    assert not installed(antivirus)
    with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_ONCE_KEY) as key:
        command, _ = winreg.QueryValueEx(key, RUN_ONCE_VALUE)
    assert "--resume" in command

    # Wine's `wineboot -r` runs no RunOnce entry: the test runs it as the logon after the restart would.
    resumed = subprocess.run(command, cwd=REPO, capture_output=True, encoding="utf-8", errors="replace",
                             timeout=600, check=False)  # fmt: skip
    assert resumed.returncode == EXIT_REMOVED, resumed.stdout + resumed.stderr
    with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_ONCE_KEY) as key, pytest.raises(FileNotFoundError):
        winreg.QueryValueEx(key, RUN_ONCE_VALUE)  # the entry is used up: no second start
    assert antivirus["name"] not in live_products()


def drop_machine_wide_entry(double: dict[str, Any]) -> None:
    """Wine gap: Wine's msiexec files even a per-user (InstallScope="perUser") product's Uninstall entry
    under HKLM (as a system component), which a per-user installation on Windows does not; it goes."""
    import winreg

    for view in (r"Software\Microsoft", r"Software\Wow6432Node\Microsoft"):
        with contextlib.suppress(FileNotFoundError):
            key = rf"{view}\Windows\CurrentVersion\Uninstall\{double['product_code']}"
            winreg.DeleteKey(winreg.HKEY_LOCAL_MACHINE, key)


def test_a_per_user_product_in_hkcu_is_found_and_never_removed_with_administrator_rights(install) -> None:
    """Wine always runs as an administrator, so this is the elevated case of docs/security.md: a per-user
    registration is this user's own (HKCU is the user's to write), so an elevated process never runs it;
    it is skipped by name and stays installed (the unelevated case runs on the Windows CI runner)."""
    (manager,) = install("user")
    drop_machine_wide_entry(manager)
    found = live_products()[manager["name"]]
    assert found["scope"] == "user" and found["family"] == "password-manager"
    assert any("HKEY_CURRENT_USER" in e["location"] for e in found["evidence"])

    done = remove()
    assert done.returncode == EXIT_NOT_REMOVED, done.stdout + done.stderr
    assert "Not run with administrator rights" in done.stdout
    assert "without administrator rights" in done.stdout
    assert installed(manager) and manager["name"] in live_products()


def test_the_assistants_session_removes_a_managed_machine_off_the_gui_thread(install, qtbot) -> None:
    """The window's own session (gui.session over core.assistant.session) on this machine, Qt offscreen:
    the scan,
    the plan and the run each on a worker thread as the pages do it, the GUI thread kept free."""
    import threading

    from gui.session import Session, real_machine

    kes, agent = install("kes", "agent")
    session = Session(real_machine())
    removal = session.removal
    outcome: dict[str, Any] = {}
    events: list[Any] = []

    def work() -> None:
        removal.scan(threading.Event())
        removal.make_plan()
        outcome["report"] = removal.run(
            password=PASSWORD, cancel=threading.Event(), on_event=events.append, confirm_manual=bool
        )
        outcome["verification"] = removal.verify()
        removal.settle()

    worker = threading.Thread(target=work, daemon=True)
    worker.start()
    qtbot.waitUntil(lambda: not worker.is_alive(), timeout=600_000)

    assert outcome["report"].status == "removed", outcome["report"].message
    assert outcome["verification"].status == "removed", outcome["verification"].summary()
    assert {s.id for s in removal.plan.steps} <= {e.step_id for e in events}  # every step said how it went
    assert not installed(kes) and not installed(agent)
    assert removal.machine.autostart is not None and removal.machine.autostart.registered() is None
