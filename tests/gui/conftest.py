"""Wizard fixtures: the real wizard on a demo machine, offscreen, with error boxes turned into failures."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from pytestqt.qtbot import QtBot

from core.assistant.flow import Stage
from gui import errors
from gui.session import demo_machine
from gui.wizard import SwitchoverWizard
from gui.workers import wait_for_workers

FAST = 0.02  # seconds per simulated uninstaller: quick, but still off the GUI thread


@pytest.fixture(autouse=True)
def errors_fail_tests(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[BaseException]]:
    """A page error would show a message box; in tests it is collected and fails the test."""
    seen: list[BaseException] = []
    monkeypatch.setattr(errors, "show_error", lambda _kind, error, _trace: seen.append(error))
    yield seen
    assert not seen, f"the app reported an error: {seen[0]!r}"


@pytest.fixture
def open_wizard(qtbot: QtBot) -> Iterator[Callable[..., SwitchoverWizard]]:
    made: list[SwitchoverWizard] = []

    def make(key: str = "home", *, delay: float = FAST, machine=None) -> SwitchoverWizard:
        wizard = SwitchoverWizard(machine or demo_machine(key, delay=delay))
        qtbot.addWidget(wizard)
        wizard.show()
        qtbot.waitUntil(lambda: len(wizard.pages) == len(Stage))  # later pages are built after showing
        made.append(wizard)
        return wizard

    yield make
    for wizard in made:
        for page in wizard.pages.values():
            stop = getattr(page, "stop", None)
            if stop is not None:
                stop()
    assert wait_for_workers()
