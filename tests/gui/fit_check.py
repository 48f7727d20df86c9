"""Run by test_fits_the_screen.py in its own process (the scale factor is fixed when Qt starts):
walk both demo machines and print, as JSON, every window or text that does not fit the screen."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable

from PySide6.QtWidgets import QApplication, QLabel, QWidget

from core.flow import Stage
from gui.app import create_application
from gui.session import demo_machine
from gui.wizard import SwitchoverWizard
from gui.workers import wait_for_workers


def main() -> int:
    app = create_application()
    problems: list[str] = []
    free = app.primaryScreen().availableGeometry()

    def wait(done: Callable[[], bool]) -> None:
        end = time.monotonic() + 15
        while not done():
            if time.monotonic() > end:
                raise TimeoutError("the demo flow did not get there in time")
            app.processEvents()
            time.sleep(0.01)

    def check(window: QWidget, where: str) -> None:
        app.processEvents()
        frame = window.frameGeometry()
        if not free.contains(frame):
            problems.append(f"{where}: window {frame.getRect()} outside the screen {free.getRect()}")
        for label in window.findChildren(QLabel):
            if not label.isVisible() or not label.text():
                continue
            if label.wordWrap() and label.height() < label.heightForWidth(label.width()):
                problems.append(f"{where}: text cut off: {label.text()[:60]!r}")
            elif not label.wordWrap() and label.width() < label.minimumSizeHint().width():
                problems.append(f"{where}: text too narrow: {label.text()[:60]!r}")

    def walk(key: str, password: str | None) -> None:
        wizard = SwitchoverWizard(demo_machine(key, delay=0.01))
        wizard.show()
        wait(lambda: len(wizard.pages) == len(Stage))
        check(wizard, f"{key} WELCOME")
        wizard.next()
        wait(lambda: wizard.currentId() == Stage.FOUND)
        check(wizard, f"{key} FOUND")
        found = wizard.pages[Stage.FOUND]
        found.show_details()
        wait(found.details.isVisible)
        check(found.details, f"{key} details dialog")
        found.details.close()
        for stage in (Stage.BAN, Stage.ALTERNATIVES, Stage.PREPARE):
            wizard.next()
            check(wizard, f"{key} {stage.name}")
        for box in wizard.pages[Stage.PREPARE].boxes.values():
            box.setChecked(True)
        wizard.next()
        page = wizard.pages[Stage.REMOVE]
        if password is not None:
            check(wizard, f"{key} REMOVE")
            page.password.setText(password)
            page.start_button.click()
        wait(lambda: page.turn.isVisible() or page.worker is None)
        if page.turn.isVisible():
            check(wizard, f"{key} REMOVE your turn")
            wizard.close()  # the question box must fit too
            wait(lambda: wizard.close_question is not None and wizard.close_question.isVisible())
            check(wizard.close_question, f"{key} close question")
            wizard.close_question.reject()
            page.turn_done.click()
        wait(lambda: wizard.currentId() == Stage.RESTART)
        check(wizard, f"{key} RESTART")
        wizard.pages[Stage.RESTART].restart_button.click()
        wait(lambda: wizard.currentId() == Stage.DONE)
        check(wizard, f"{key} DONE")
        wizard.close()

    walk("home", None)
    walk("office", "demo-uninstall-2024")
    QApplication.processEvents()
    wait_for_workers()
    print(json.dumps({"screen": free.getRect(), "problems": problems}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
