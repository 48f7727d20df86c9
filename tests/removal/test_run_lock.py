"""Finding 6: one removal at a time. A second run is refused and names the run that holds the lock; a lock
left by a dead process or an earlier boot is taken over."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from core.cli import main
from core.removal.runlock import RunLock, RunLockBusy
from tests.conftest import REPO

HOLD = (
    "import sys, time\n"
    "from pathlib import Path\n"
    "from core.removal.runlock import RunLock\n"
    "with RunLock(Path(sys.argv[1])):\n"
    "    print('held', flush=True)\n"
    "    time.sleep(60)\n"
)


def _holder(lock: Path) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(lock)], cwd=REPO, stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None and process.stdout.readline().strip() == "held"
    return process


def _end(process: subprocess.Popen[str]) -> None:
    process.kill()
    process.wait()
    if process.stdout:
        process.stdout.close()


def test_a_second_remove_is_refused_naming_the_run_that_holds_the_lock(
    private_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _holder(private_data_dir / "run.lock")
    try:
        assert main(["remove", "--resume"]) == 2
        err = capsys.readouterr().err
        assert f"PID {first.pid}" in err and "already running" in err
        assert not (private_data_dir / "journal.jsonl").exists()  # it wrote nothing
    finally:
        _end(first)
    # the holder is dead (killed, not ended cleanly): its lock is taken over
    assert main(["remove", "--resume"]) == 0
    assert "Nothing to resume" in capsys.readouterr().out


def test_a_lock_record_from_another_boot_or_a_dead_pid_is_taken_over(tmp_path: Path) -> None:
    lock = tmp_path / "run.lock"
    stale = {"pid": 1, "boot_id": "an-earlier-boot", "started_at": "2026-11-30T10:00:00Z"}
    lock.write_text(json.dumps(stale))
    with RunLock(lock) as held:
        assert held.took_over is not None and held.took_over.pid == 1
        record = json.loads(lock.read_bytes().lstrip(b"\0"))
        assert record["pid"] != 1 and record["boot_id"] != "an-earlier-boot"


def test_the_lock_is_exclusive_between_processes(tmp_path: Path) -> None:
    lock = tmp_path / "run.lock"
    first = _holder(lock)
    try:
        started = time.monotonic()
        with pytest.raises(RunLockBusy) as refused, RunLock(lock):
            pass
        assert time.monotonic() - started < 5  # refused at once, never a hang
        assert refused.value.holder is not None and refused.value.holder.pid == first.pid
    finally:
        _end(first)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX symbolic links")
def test_a_link_at_the_lock_name_is_refused(tmp_path: Path) -> None:
    (tmp_path / "elsewhere").write_text("x")
    (tmp_path / "run.lock").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(RunLockBusy, match="symbolic link"), RunLock(tmp_path / "run.lock"):
        pass
    assert (tmp_path / "elsewhere").read_text() == "x"
