"""The fixture generator, run with real Wine in a temporary folder, reproduces the committed exports."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from core.detection.scan import scan
from core.model import Target
from tests.windows.test_windows_adapter import FIXTURES, WINE_EXPORTS
from tests.wine_support import require

GENERATOR = FIXTURES.parent.parent.parent / "tools" / "make_windows_fixtures.py"


def _summary(exports: tuple[str, ...]) -> set[tuple[str, str, str | None]]:
    result = scan(Target(os="windows", live=False, registry_exports=exports))
    return {(p.family, p.name, p.version) for p in [*result.products, *result.leftovers]}


@pytest.mark.wine
@pytest.mark.slow
def test_regenerated_exports_scan_like_the_committed_ones(tmp_path: Path) -> None:
    require("wine")
    require("wixl")
    done = subprocess.run(
        [sys.executable, str(GENERATOR), "--out", str(tmp_path)], capture_output=True, text=True, timeout=900
    )
    assert done.returncode == 0, done.stderr
    fresh = tuple(str(tmp_path / Path(path).name) for path in WINE_EXPORTS)
    assert _summary(fresh) == _summary(WINE_EXPORTS)
    assert {"kes", "network-agent", "consumer"} <= {family for family, _, _ in _summary(fresh)}
