"""Finding 19: the password read from --password-env leaves no trace in any uninstaller's environment."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from core.removal.secrets import read_password
from core.removal.subprocess_runner import SubprocessRunner
from tests.removal.doubles import calls, uninstaller


def test_the_variable_is_gone_before_any_uninstaller_starts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("KL_UNINSTALL_PASSWORD", "Tr1cky-pass")
    secret = read_password(env="KL_UNINSTALL_PASSWORD")
    assert secret is not None and secret.value == "Tr1cky-pass"
    assert "KL_UNINSTALL_PASSWORD" not in os.environ
    child = uninstaller(tmp_path / "bin", "uninstall", "log(env=dict(os.environ))\n")
    SubprocessRunner().run([str(child)], elevated=False, timeout=30, cancel=threading.Event())
    [call] = calls(child)
    assert "KL_UNINSTALL_PASSWORD" not in call["env"]
    assert not any("Tr1cky-pass" in value for value in call["env"].values())
