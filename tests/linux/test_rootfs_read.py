"""RootFS.read_bytes: a file is read whole or not at all, never cut short without a word."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from core.detection.adapters.rootfs import RootFS, SkippedFile, read_regular_file
from core.model import Notes

linux_proc = pytest.mark.skipif(
    not sys.platform.startswith("linux") or not Path("/proc/self/status").exists(), reason="Linux /proc"
)


@linux_proc
def test_a_file_larger_than_its_size_said_is_refused_not_truncated() -> None:
    # /proc files are regular files that report size 0 and hold more: exactly a file that "grew"
    # between the size check and the read.
    notes = Notes()
    fs = RootFS("/proc", notes)
    assert fs.read_bytes("/self/status", limit=16) is None
    assert [(n.location, n.message) for n in notes] == [
        ("/self/status", "skipped: it grew past the 16 bytes expected while it was read")
    ]
    assert fs.read_bytes("/self/status").startswith(b"Name:")  # within the limit: whole


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX FIFOs")
def test_the_shared_reader_refuses_fifos_devices_and_links_when_asked(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "fifo")
    (tmp_path / "link").symlink_to(tmp_path / "fifo")
    (tmp_path / "file").write_bytes(b"abc")
    with pytest.raises(SkippedFile, match="not a regular file"):
        read_regular_file(str(tmp_path / "fifo"), 10)
    with pytest.raises(SkippedFile, match="a symbolic link"):
        read_regular_file(str(tmp_path / "link"), 10, follow_links=False)
    with pytest.raises(SkippedFile, match="not a regular file"):
        read_regular_file("/dev/zero", 10)
    with pytest.raises(FileNotFoundError):
        read_regular_file(str(tmp_path / "absent"), 10)
    assert read_regular_file(str(tmp_path / "file"), 3) == b"abc"
