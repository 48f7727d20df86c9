"""Finding 12: scan and remove agree on leftovers. Pieces with no uninstaller of their own make `scan` exit 1;
`remove` then plans the guided clean-up step for them instead of saying "Nothing to remove"."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.removal.live_linux import LiveLinux

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="a live Linux machine of the test's own")


def test_leftovers_alone_get_the_guided_clean_up_step(tmp_path: Path) -> None:
    machine = LiveLinux(tmp_path)
    (machine.root / "opt/kaspersky/kesl/bin").mkdir(parents=True)  # what an uninstaller left behind
    scanned = machine.switchover("scan")
    assert scanned.returncode == 1 and "Leftovers" in scanned.stdout, scanned.stdout

    removed = machine.switchover("remove", "--yes")
    assert "Nothing to remove" not in removed.stdout, removed.stdout
    assert "Remove what the uninstallers left behind" in removed.stdout
    assert "/opt/kaspersky" in removed.stdout  # what is left is named
