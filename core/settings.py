"""Answers the person gave once, kept for next time: `settings.json` in Switchover's data folder.

Only what the core or the command line needs lives here; the assistant keeps its
window geometry in QSettings. The file is `switchover.settings/1`: one JSON
object, written atomically (temporary file, fsync, rename). A missing file, a
damaged one or an unknown value reads as "never answered", never as an error:
the worst case is being asked again.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, get_args

from core.files import atomic_write
from core.paths import data_dir

SCHEMA = "switchover.settings/1"

# The person's own answer to "are you a US person?"; "not_sure" is an answer too (no guess replaces it).
UsPersonAnswer = Literal["yes", "no", "not_sure"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Settings:
    us_person: UsPersonAnswer | None = None  # None: never answered, so a guess may be shown as a guess

    @property
    def us_person_value(self) -> bool | None:
        """The saved answer as the briefing takes it (None for "not sure" or never answered)."""
        return {"yes": True, "no": False}.get(self.us_person or "")


def us_person_answer(value: bool | None) -> UsPersonAnswer:
    """The answer to save for a yes / no / not sure choice."""
    return "not_sure" if value is None else ("yes" if value else "no")


def settings_path() -> Path:
    return data_dir() / "settings.json"


def load_settings(path: Path | None = None) -> Settings:
    """The saved settings; the defaults when there are none or the file cannot be used."""
    path = path or settings_path()
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        log.warning("ignoring the settings file %s: %s", path, error)
        return Settings()
    if not isinstance(document, dict) or document.get("schema") != SCHEMA:
        log.warning("ignoring the settings file %s: not %s", path, SCHEMA)
        return Settings()
    us_person = document.get("us_person")
    return Settings(us_person=us_person if us_person in get_args(UsPersonAnswer) else None)


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write the settings atomically. Raises OSError when the folder cannot be written."""
    path = path or settings_path()
    document = {"schema": SCHEMA, "us_person": settings.us_person}
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, (json.dumps(document, indent=2, sort_keys=True) + "\n").encode("utf-8"))
