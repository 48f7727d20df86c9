"""`switchover brief` uses the answer given once in the assistant, and does not call it a guess."""

from __future__ import annotations

import json

import pytest

from core.cli import main
from core.settings import Settings, save_settings


def brief_json(tmp_path, capsys, *extra: str) -> dict:
    assert main(["brief", "--json", *extra, "--root", str(tmp_path), "--os", "linux"]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize(("saved", "value"), [("yes", True), ("no", False), ("not_sure", None)])
def test_a_saved_answer_is_used_and_not_called_a_guess(tmp_path, capsys, saved: str, value) -> None:
    save_settings(Settings(us_person=saved))
    document = brief_json(tmp_path, capsys)
    assert document["us_person"] is value
    assert document["us_person_guessed"] is False
    assert document["us_person_source"] == "saved"


def test_the_option_wins_over_the_saved_answer(tmp_path, capsys) -> None:
    save_settings(Settings(us_person="no"))
    document = brief_json(tmp_path, capsys, "--us-person", "yes")
    assert document["us_person"] is True
    assert document["us_person_source"] == "given"


def test_without_a_saved_answer_it_is_a_guess(tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    monkeypatch.setenv("TZ", "America/Chicago")
    document = brief_json(tmp_path, capsys)
    assert document["us_person"] is True
    assert document["us_person_guessed"] is True
    assert document["us_person_source"] == "guessed"


def test_text_output_says_where_the_answer_came_from(tmp_path, capsys) -> None:
    save_settings(Settings(us_person="no"))
    assert main(["brief", "--root", str(tmp_path), "--os", "linux"]) == 0
    first_line = capsys.readouterr().out.splitlines()[0]
    assert first_line.startswith("US person: not a US person (your answer saved in the assistant;")
    assert "guess" not in first_line
