"""The folder bundle that home users double-click: build it with build.spec, then smoke-test it.

Slow (about half a minute to build); it catches what only shows frozen: a missing
resource, a hidden import, a Qt plugin the spec excluded.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from core import __version__
from tests.conftest import REPO

SIZE_BUDGET_MB = 220  # the bundle is about 185 MB on Linux today; growth past this needs a reason


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pyinstaller")
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "ERROR",
         "--distpath", str(out / "dist"), "--workpath", str(out / "build"), "build.spec"],
        cwd=REPO, check=True, capture_output=True, timeout=900,
    )  # fmt: skip
    return out / "dist" / "switchover"


@pytest.mark.slow
def test_console_executable_runs_the_command_line(bundle: Path) -> None:
    cli = bundle / "switchover-cli"
    version = subprocess.run([str(cli), "--version"], capture_output=True, text=True, timeout=60, check=True)
    assert version.stdout.strip() == f"switchover {__version__}"

    scan = subprocess.run([str(cli), "scan", "--json"], capture_output=True, text=True, timeout=60)
    assert scan.returncode in (0, 1), scan.stderr
    assert json.loads(scan.stdout)["schema"] == "switchover.scan/1"

    brief = subprocess.run([str(cli), "brief", "--json"], capture_output=True, text=True, timeout=60)
    assert brief.returncode == 0, brief.stderr  # the briefing's data files made it into the bundle
    assert json.loads(brief.stdout)["sections"]


@pytest.mark.slow
def test_windowed_executable_opens_the_demo_without_errors(bundle: Path, tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SWITCHOVER_DATA_DIR": str(tmp_path)}
    gui = subprocess.Popen(
        [str(bundle / "switchover"), "--demo"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _, stderr = gui.communicate(timeout=4)
        pytest.fail(f"the assistant exited early with {gui.returncode}: {stderr}")
    except subprocess.TimeoutExpired:
        gui.kill()
        _, stderr = gui.communicate()
    assert "Traceback" not in stderr
    assert list((tmp_path / "logs").glob("*.log")), "the assistant writes its log"


@pytest.mark.slow
def test_bundle_stays_within_its_size_budget(bundle: Path) -> None:
    size = sum(f.stat().st_size for f in bundle.rglob("*") if f.is_file() and not f.is_symlink())
    assert size < SIZE_BUDGET_MB * 1024 * 1024, f"{size / 1e6:.0f} MB"
    translations = {p.name for p in (bundle / "_internal/PySide6/Qt/translations").iterdir()}
    assert "qtbase_es.qm" in translations  # QWizard's buttons in Spanish
    assert not any(name.startswith("qtbase_de") for name in translations)  # unshipped languages dropped
