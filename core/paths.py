"""Where Switchover keeps its own files: the journal, cached downloads, logs, reports."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def data_dir() -> Path:
    """The user's data folder for Switchover; SWITCHOVER_DATA_DIR overrides it (tests, portable runs)."""
    override = os.environ.get("SWITCHOVER_DATA_DIR")
    if override:
        folder = Path(override)
    elif sys.platform == "win32":
        folder = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local") / "Switchover"
    elif sys.platform == "darwin":
        folder = Path.home() / "Library" / "Application Support" / "Switchover"
    else:
        folder = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "switchover"
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)  # private: the journal steers a resumed run
    return folder


def demo_journal_path(key: str) -> Path:
    """A simulated machine's journal (core.assistant.demo), kept apart from this computer's
    (core.removal.journal)."""
    return data_dir() / "demo" / f"journal-{key}.jsonl"
