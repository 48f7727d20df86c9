"""Shared test set-up: Qt runs offscreen, and no test touches the user's real data folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point Switchover's data folder (journal, cache, logs) at a fresh temporary folder."""
    folder = tmp_path_factory.mktemp("switchover-data")
    monkeypatch.setenv("SWITCHOVER_DATA_DIR", str(folder))
    return folder


pytest_plugins = ["tests.wine_support"]
