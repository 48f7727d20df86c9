"""The Linux folder bundle, frozen by build.spec: smoke-tested as a user runs it.

Slow (about a minute to build); it catches what only shows frozen: a missing resource, a hidden
import, a Qt plugin or library the spec dropped that is needed after all.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from core import __version__
from tests.conftest import REPO
from tests.packaging.conftest import smoke

pytestmark = pytest.mark.slow

# The bundle is about 93 MB on Linux; a bare PySide6 QWizard bundle is about 166 MB
# (benchmarks/bench_bundle.py measures both). Growth past this needs a reason.
SIZE_BUDGET_MB = 110
EXPORTS = REPO / "tests" / "fixtures" / "windows"


@pytest.fixture(scope="module")
def bundle(linux_artifacts: dict[str, Path]) -> Path:
    return linux_artifacts["bundle"]


def gui_env(data: Path, platform: str = "offscreen") -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": platform, "SWITCHOVER_DATA_DIR": str(data),
            "SWITCHOVER_SMOKE_TEST": "1"}  # fmt: skip


def test_console_executable_runs_the_command_line(bundle: Path) -> None:
    cli = bundle / "switchover-cli"
    version = smoke([str(cli), "--version"])
    assert version.stdout.strip() == f"switchover {__version__}"

    scan = smoke([str(cli), "scan", "--json"], codes=(0, 1))
    assert json.loads(scan.stdout)["schema"] == "switchover.scan/1"

    brief = smoke([str(cli), "brief", "--json"])  # the briefing's data files made it into the bundle
    assert json.loads(brief.stdout)["sections"]


def test_console_executable_scans_a_registry_export(bundle: Path) -> None:
    scan = smoke(
        [str(bundle / "switchover-cli"), "scan", "--json", "--reg", str(EXPORTS / "uninstall-64.reg"),
         "--reg", str(EXPORTS / "services.reg")],
        codes=(1,),
    )  # fmt: skip
    found = json.loads(scan.stdout)
    assert found["machine"]["source"] == "offline"
    assert "Network Agent" in scan.stdout


def test_frozen_catalog_update_checks_the_signature(
    bundle: Path, tampered_catalog: str, tmp_path: Path
) -> None:
    """PyNaCl's Ed25519 check runs frozen: a catalog whose signature does not match is refused."""
    env = {**os.environ, "SWITCHOVER_DATA_DIR": str(tmp_path / "data"), "SWITCHOVER_ALLOW_HTTP_LOOPBACK": "1"}
    refused = smoke(
        [str(bundle / "switchover-cli"), "catalog", "update", "--url", tampered_catalog],
        env=env, codes=(2,), allowed=[r"^switchover: update refused: .*signature"],
    )  # fmt: skip
    assert "signature" in refused.stderr
    assert not (tmp_path / "data" / "updates" / "catalog.json").exists()


@pytest.mark.parametrize("language", ["en", "es"])
def test_windowed_executable_opens_the_demo_without_a_warning(
    bundle: Path, tmp_path: Path, language: str
) -> None:
    env = {**gui_env(tmp_path), "SWITCHOVER_LANG": language}
    shown = smoke([str(bundle / "switchover"), "--demo"], env=env, timeout=60)
    assert "switchover: window shown" in shown.stdout
    assert list((tmp_path / "logs").glob("*.log")), "the assistant writes its log"


def test_bundle_keeps_only_what_it_needs(bundle: Path) -> None:
    size = sum(f.stat().st_size for f in bundle.rglob("*") if f.is_file() and not f.is_symlink())
    assert size < SIZE_BUDGET_MB * 1024 * 1024, f"{size / 1e6:.0f} MB"
    internal = bundle / "_internal"
    translations = {p.name for p in (internal / "PySide6/Qt/translations").iterdir()}
    assert translations == {"qtbase_es.qm"}  # QWizard's buttons in Spanish, nothing else
    plugins = {
        p.relative_to(internal / "PySide6/Qt/plugins").as_posix() for p in internal.rglob("plugins/*/*")
    }
    assert "platforms/libqxcb.so" in plugins and "platforms/libqwayland.so" in plugins
    assert not any("gtk3" in name or name.startswith("imageformats/") for name in plugins)
    assert not list(internal.glob("libgtk-3*")) and not list(internal.glob("libQt6Network*"))
    icu_data = next((internal / "PySide6/Qt/lib").glob("libicudata.so.*"))
    assert icu_data.stat().st_size < 100_000  # the empty ICU data package
    # Build tools and cryptography (a test tool now: PyNaCl checks the signatures) stay out.
    assert not [p.name for p in internal.iterdir() if p.name.split("-")[0] in ("cryptography", "setuptools")]
    # One executable serves both names: the Python archive is in the bundle once.
    assert (bundle / "switchover-cli").resolve() == (bundle / "switchover").resolve()
