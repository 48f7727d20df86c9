"""Finding 13: the start-up entries are written through unique temporary files that follow no link."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from core.removal.resume import MacLaunchAgent, XdgAutostart, resume_command

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX symbolic links")


@pytest.mark.parametrize(
    "make", [lambda home: XdgAutostart(home / "config"), lambda home: MacLaunchAgent(home)]
)
def test_a_link_planted_at_the_old_temporary_name_is_never_written_through(make, tmp_path: Path) -> None:
    entry = make(tmp_path)
    entry.path.parent.mkdir(parents=True)
    victim = tmp_path / "victim"
    victim.write_text("someone's file\n")
    entry.path.with_suffix(".tmp").symlink_to(victim)

    entry.register(resume_command())

    assert victim.read_text() == "someone's file\n"
    assert not entry.path.is_symlink() and entry.registered() == resume_command()
    assert [p for p in entry.path.parent.iterdir() if p.name.endswith(".tmp") and not p.is_symlink()] == []
