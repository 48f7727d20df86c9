"""Shared test set-up: Qt runs offscreen, and no test touches the user's real data folder."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent


def running_as_root() -> bool:
    """POSIX root; False on Windows, which has no uid (a skip condition evaluated as tests are collected)."""
    return hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point Switchover's data folder (journal, cache, logs) at a fresh temporary folder."""
    folder = tmp_path_factory.mktemp("switchover-data")
    monkeypatch.setenv("SWITCHOVER_DATA_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def system_trust_store_undone() -> Iterator[None]:
    """core.advice.updates puts the OS certificate store into `ssl` for the whole process (truststore);
    one test's
    update check must not decide how the next test's TLS works (under Wine, truststore always fails)."""
    yield
    truststore = sys.modules.get("truststore")
    if truststore is not None:
        truststore.extract_from_ssl()


pytest_plugins = ["tests.wine_support"]
