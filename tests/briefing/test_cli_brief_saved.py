"""`switchover brief` uses the answer given once in the assistant, and does not call it a guess.

That answer is about the person at this machine: for another machine's data (offline) it is never
used, nor is this machine's locale (issue 12), so those tests scan this machine live.
"""

from __future__ import annotations

import json

import pytest

from core.cli import main
from core.settings import Settings, save_settings


def brief_json(tmp_path, capsys, *extra: str) -> dict:
    assert main(["brief", "--json", *extra]) == 0  # this machine, live
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
    assert main(["brief"]) == 0
    first_line = capsys.readouterr().out.splitlines()[0]
    assert first_line.startswith("US person: not a US person (your answer saved in the assistant;")
    assert "guess" not in first_line


@pytest.mark.parametrize("saved", ["yes", "no"])
def test_offline_data_never_uses_this_machines_answer_or_locale(tmp_path, capsys, monkeypatch, saved) -> None:
    save_settings(Settings(us_person=saved))
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    monkeypatch.setenv("TZ", "America/Chicago")
    assert main(["brief", "--json", "--root", str(tmp_path), "--os", "linux"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["us_person"] is None and document["us_person_source"] == "unknown"
    assert main(["brief", "--root", str(tmp_path), "--os", "linux"]) == 0
    assert capsys.readouterr().out.startswith("US person: unknown (another machine's data")
    assert main(["brief", "--json", "--us-person", "yes", "--root", str(tmp_path), "--os", "linux"]) == 0
    assert json.loads(capsys.readouterr().out)["us_person_source"] == "given"
