"""The US-person question is asked once: the person's answer is kept, and shown as theirs next time."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from core.assistant.flow import Stage
from core.settings import load_settings
from tests.gui.walk import next_, scan_to_found


def open_ban_page(qtbot: QtBot, open_wizard):
    wizard = open_wizard("home")
    scan_to_found(qtbot, wizard)
    next_(qtbot, wizard)
    return wizard, wizard.pages[Stage.BAN]


def choose(qtbot: QtBot, ban, value: bool | None) -> None:
    """Pick an answer with the keyboard, as a person would (Up/Down on the focused box)."""
    box = ban.us_person
    box.setFocus()
    target = box.findData(value)
    if box.currentIndex() == target:  # already shown (the guess): step away, then come back to it
        qtbot.keyClick(box, Qt.Key.Key_Up if target else Qt.Key.Key_Down)
    while box.currentIndex() != target:
        qtbot.keyClick(box, Qt.Key.Key_Down if box.currentIndex() < target else Qt.Key.Key_Up)


def test_the_first_time_it_is_a_guess_and_nothing_is_saved(qtbot: QtBot, open_wizard) -> None:
    wizard, ban = open_ban_page(qtbot, open_wizard)
    assert "guess" in ban.guess_note.text()
    next_(qtbot, wizard)  # moving on without answering is not an answer
    assert load_settings().us_person is None


def test_the_answer_is_kept_and_shown_as_the_persons_own_next_time(qtbot: QtBot, open_wizard) -> None:
    wizard, ban = open_ban_page(qtbot, open_wizard)
    guess = ban.us_person.currentData()
    answer = guess is False  # whichever the guess was not
    choose(qtbot, ban, answer)
    assert wizard.session.us_person is answer
    assert "saved" in ban.guess_note.text()
    assert load_settings().us_person_value is answer
    wizard.close()

    again, ban_again = open_ban_page(qtbot, open_wizard)
    assert ban_again.us_person.currentData() is answer
    assert again.session.us_person is answer  # the briefing is tailored to it
    assert "last time" in ban_again.guess_note.text()
    assert "guess" not in ban_again.guess_note.text()


def test_not_sure_is_an_answer_too(qtbot: QtBot, open_wizard) -> None:
    _wizard, ban = open_ban_page(qtbot, open_wizard)
    choose(qtbot, ban, None)
    assert load_settings().us_person == "not_sure"
    _again, ban_again = open_ban_page(qtbot, open_wizard)
    assert ban_again.us_person.currentData() is None
    assert "last time" in ban_again.guess_note.text()
