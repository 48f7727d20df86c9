"""The answers kept for next time: one small JSON file, written atomically, forgiving when damaged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.settings import SCHEMA, Settings, load_settings, save_settings, settings_path, us_person_answer


def test_nothing_saved_reads_as_never_answered(private_data_dir: Path) -> None:
    assert not settings_path().exists()
    assert load_settings() == Settings(us_person=None)
    assert load_settings().us_person_value is None


@pytest.mark.parametrize(
    ("choice", "saved", "value"), [(True, "yes", True), (False, "no", False), (None, "not_sure", None)]
)
def test_an_answer_survives_a_restart(
    private_data_dir: Path, choice: bool | None, saved: str, value: bool | None
) -> None:
    save_settings(Settings(us_person=us_person_answer(choice)))

    assert settings_path() == private_data_dir / "settings.json"
    document = json.loads(settings_path().read_text(encoding="utf-8"))
    assert document == {"schema": SCHEMA, "us_person": saved}
    again = load_settings()
    assert again.us_person == saved  # "not sure" is an answer too: no guess replaces it
    assert again.us_person_value is value
    assert [p.name for p in private_data_dir.iterdir()] == ["settings.json"]  # no temporary file left


@pytest.mark.parametrize(
    "text",
    [
        "{not json",
        "[]",
        json.dumps({"schema": "someone.else/1", "us_person": "yes"}),
        json.dumps({"schema": SCHEMA, "us_person": "maybe"}),
        json.dumps({"schema": SCHEMA, "us_person": True}),
    ],
)
def test_a_damaged_or_foreign_file_means_asking_again(private_data_dir: Path, text: str) -> None:
    settings_path().write_text(text, encoding="utf-8")
    assert load_settings() == Settings()


def test_saving_replaces_the_whole_file(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "settings.json"
    save_settings(Settings(us_person="yes"), path)
    save_settings(Settings(us_person="no"), path)
    assert load_settings(path).us_person == "no"
    assert sorted(p.name for p in path.parent.iterdir()) == ["settings.json"]


def test_a_folder_that_cannot_be_written_raises(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    with pytest.raises(OSError):
        save_settings(Settings(us_person="yes"), blocker / "settings.json")
