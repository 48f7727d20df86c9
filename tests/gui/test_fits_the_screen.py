"""Fits any screen: at 200% on a 1366×768 laptop (683×384 device-independent pixels) every page and
dialog of both demo flows stays on the screen, and no text is cut off."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import REPO

LAPTOP = {
    "synchronousWindowSystemEvents": False,
    "windowFrameMargins": True,
    "screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96, "dpr": 1}],
}


@pytest.mark.parametrize("scale", ["1", "2"])
def test_every_page_and_dialog_fits_a_small_laptop(tmp_path, scale: str) -> None:
    config = tmp_path / "screen.json"
    config.write_text(json.dumps(LAPTOP), encoding="utf-8")
    env = {
        **os.environ,
        # Relative, so no drive letter's colon splits Qt's platform options on Windows.
        "QT_QPA_PLATFORM": f"offscreen:configfile={config.name}",
        "QT_SCALE_FACTOR": scale,
        "SWITCHOVER_DATA_DIR": str(tmp_path / "data"),
        "PYTHONPATH": str(REPO),
    }
    done = subprocess.run(
        [sys.executable, "-m", "tests.gui.fit_check"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["screen"][2:] == [1366 // int(scale), 768 // int(scale)]
    assert result["problems"] == []
