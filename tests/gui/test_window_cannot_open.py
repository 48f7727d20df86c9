"""When Qt cannot open a window at all, the person is told why and what still works, on the terminal."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO


def test_a_missing_platform_plugin_is_explained_on_stderr(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "no-such-platform", "SWITCHOVER_DATA_DIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "core"], cwd=REPO, env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode != 0
    assert "Switchover could not open its window" in done.stderr
    assert "switchover scan" in done.stderr
    assert "no-such-platform" in (tmp_path / "logs" / "switchover.log").read_text(encoding="utf-8")
