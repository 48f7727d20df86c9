"""Render every page of the demo flow to docs/screenshots/: 100% and 200% scale, light and dark.

    python tools/screenshots.py            all four variants (each in its own process:
                                           the scale factor is fixed when Qt starts)
    python tools/screenshots.py one 2 dark [DIR]
                                           one variant (what the parent process runs; DIR
                                           instead of docs/screenshots: benchmarks use it)

Runs offscreen (QT_QPA_PLATFORM=offscreen) against the demo machines with a
throw-away data folder, so it never touches this computer or its journal. Where
dpkg is at hand, the Linux pages too: a throw-away root with a real dpkg database
and a Kaspersky test-double package (tests/removal/dpkg_root.py), removed by dpkg.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
VARIANTS = (("1", "light"), ("2", "light"), ("1", "dark"), ("2", "dark"))
SIZE = (760, 560)  # the wizard's own default size, in device-independent pixels


def main(argv: list[str]) -> int:
    if argv[:1] == ["one"]:
        return render(scale=argv[1], scheme=argv[2], out=Path(argv[3]) if len(argv) > 3 else OUT)
    OUT.mkdir(parents=True, exist_ok=True)
    for scale, scheme in VARIANTS:
        with tempfile.TemporaryDirectory() as data:
            env = {
                **os.environ,
                "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
                "QT_SCALE_FACTOR": scale,
                "SWITCHOVER_COLOR_SCHEME": scheme,
                "SWITCHOVER_DATA_DIR": data,
                "PYTHONPATH": str(ROOT),
            }
            subprocess.run([sys.executable, __file__, "one", scale, scheme], env=env, check=True)
    return 0


def render(*, scale: str, scheme: str, out: Path) -> int:
    sys.path.insert(0, str(ROOT))
    from PySide6.QtWidgets import QApplication

    from core.assistant.flow import Stage
    from gui.app import create_application
    from gui.session import demo_machine
    from gui.wizard import SwitchoverWizard
    from gui.workers import wait_for_workers

    app = create_application()
    suffix = f"{scheme}-{int(float(scale) * 100)}"

    def wait(done: Callable[[], bool], seconds: float = 15) -> None:
        end = time.monotonic() + seconds
        while not done():
            if time.monotonic() > end:
                raise TimeoutError("the demo flow did not get there in time")
            app.processEvents()
            time.sleep(0.01)

    def shoot(wizard: SwitchoverWizard, name: str) -> None:
        app.processEvents()
        path = out / f"{name}-{suffix}.png"
        wizard.grab().save(str(path))
        print(path)

    def open_wizard(key: str, delay: float) -> SwitchoverWizard:
        wizard = SwitchoverWizard(demo_machine(key, delay=delay))
        wizard.resize(*SIZE)
        wizard.show()
        wait(lambda: len(wizard.pages) == len(Stage))
        return wizard

    def tick_and_remove(
        wizard: SwitchoverWizard, password: str | None, *, by_hand: bool, shot: str = ""
    ) -> None:
        """Tick the checklist and remove (leaving Prepare starts it when no password is needed);
        `shot` names a picture of the first "Your turn" question."""
        for box in wizard.pages[Stage.PREPARE].boxes.values():
            box.setChecked(True)
        wizard.next()
        page = wizard.pages[Stage.REMOVE]
        if password is not None:
            page.password.setText(password)
            page.start_button.click()
        pictured = not shot

        def ended() -> bool:
            nonlocal pictured
            if page.turn.isVisible():
                if not pictured:
                    shoot(wizard, shot)
                    pictured = True
                (page.turn_done if by_hand else page.turn_skip).click()
            return page.worker is None

        wait(ended)

    home = open_wizard("home", delay=0.3)
    shoot(home, "01-welcome")
    home.next()
    shoot(home, "02-scan")
    wait(lambda: home.currentId() == Stage.FOUND)
    shoot(home, "03-found")
    middle = ((Stage.BAN, "04-ban"), (Stage.ALTERNATIVES, "05-alternatives"), (Stage.PREPARE, "06-prepare"))
    for stage, name in middle:
        home.next()
        wait(lambda stage=stage: home.currentId() == stage)
        shoot(home, name)
    home.session.machine.demo.runner._delay = 0.01
    tick_and_remove(home, None, by_hand=True, shot="07-remove")
    wait(lambda: home.currentId() == Stage.RESTART)  # a finished removal moves on by itself
    shoot(home, "08-restart")
    home.pages[Stage.RESTART].restart_button.click()
    shoot(home, "09-verify")  # the check under way; a clean result then moves on to Done
    wait(lambda: home.currentId() == Stage.DONE)
    shoot(home, "10-done")
    home.close()

    office = open_wizard("office", delay=0.01)
    office.next()
    wait(lambda: office.currentId() == Stage.FOUND)
    shoot(office, "11-office-found")
    for _ in range(3):
        office.next()
    tick_and_remove(office, "not-the-password", by_hand=False)
    shoot(office, "12-office-wrong-password")
    office.next()  # Continue: where the computer stands after the failure
    wait(lambda: office.session.verification is not None)
    shoot(office, "13-office-verify-failed")
    office.close()

    if shutil.which("dpkg-deb") and shutil.which("dpkg"):
        with tempfile.TemporaryDirectory() as folder:
            linux = SwitchoverWizard(linux_machine(Path(folder)))
            linux.resize(*SIZE)
            linux.show()
            wait(lambda: len(linux.pages) == len(Stage))
            linux.next()
            wait(lambda: linux.currentId() == Stage.FOUND)
            shoot(linux, "14-linux-found")
            for _ in range(2):
                linux.next()
            page = linux.pages[Stage.ALTERNATIVES]
            page.segment.setCurrentIndex(page.segment.findData("home"))  # the list has none for Linux
            shoot(linux, "15-linux-alternatives")
            linux.next()
            tick_and_remove(linux, None, by_hand=True, shot="16-linux-leftovers")
            wait(lambda: linux.session.verification is not None)
            shoot(linux, "17-linux-verify")
            linux.next()
            shoot(linux, "18-linux-done")
            linux.close()
    QApplication.processEvents()
    wait_for_workers()
    return 0


def linux_machine(folder: Path):
    """A Linux computer in `folder`: a real dpkg database with Kaspersky's kesl (a test double) and a
    file it leaves behind, scanned by the real adapters and removed by the plan's own dpkg."""
    from tests.removal.dpkg_root import build_deb, install, machine_on, make_root

    root = make_root(folder / "root")
    install(root, build_deb(folder, "kesl"))
    (root / "opt/kaspersky/kesl/trial.log").write_text("left behind\n", encoding="utf-8")
    return machine_on(root, folder)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
