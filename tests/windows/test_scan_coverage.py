"""Finding 11: "nothing found" only from data that could show it. When the input cannot show the whole
machine, the verdict says so in text and JSON, naming what is missing, with its own exit code (3)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

FIXTURES = REPO / "tests" / "fixtures" / "windows"
INCOMPLETE = 3


def switchover(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "core", *args],
        capture_output=True,
        # JSON is UTF-8 on every OS (docs/cli.md); text follows the output's code page, so a character
        # outside UTF-8 there must not fail the reader thread.
        encoding="utf-8",
        errors="replace",
        cwd=REPO,
        timeout=120,
        check=False,
    )


def missing(done: subprocess.CompletedProcess[str]) -> list[dict[str, str]]:
    coverage = json.loads(done.stdout)["coverage"]
    assert coverage["complete"] is False
    return coverage["missing"]


def test_only_the_64_bit_uninstall_export_names_the_32_bit_view_and_the_services(tmp_path: Path) -> None:
    only_64 = ("--reg", str(FIXTURES / "uninstall-64.reg"))
    done = switchover("scan", "--json", *only_64)
    assert done.returncode in (1, INCOMPLETE), done.stderr
    what = " ".join(m["what"] for m in missing(done))
    assert "32-bit" in what and "Services" in what
    text = switchover("scan", *only_64).stdout
    assert "cannot show the whole machine" in text and "32-bit" in text


def test_a_clean_export_set_without_the_32_bit_view_exits_3(tmp_path: Path) -> None:
    clean = tmp_path / "clean-64.reg"
    clean.write_text(
        "REGEDIT4\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\Notepad++]\r\n"
        '"DisplayName"="Notepad++"\r\n\r\n', encoding="cp1252",
    )  # fmt: skip
    done = switchover("scan", "--reg", str(clean))
    assert done.returncode == INCOMPLETE, done.stdout + done.stderr
    assert "No Kaspersky product is installed" not in done.stdout


def test_an_export_cut_off_mid_entry_says_so(tmp_path: Path) -> None:
    data = (FIXTURES / "uninstall-32.reg").read_bytes()
    cut = tmp_path / "cut.reg"
    cut.write_bytes(data[: len(data) // 2 + 1])  # mid-line, on an odd byte of UTF-16
    done = switchover("scan", "--json", "--reg", str(cut))
    assert any("cut off" in m["why"] and m["location"] == str(cut) for m in missing(done)), done.stdout


def test_a_mounted_windows_disk_with_no_hives_read(tmp_path: Path) -> None:
    (tmp_path / "Windows" / "System32").mkdir(parents=True)
    (tmp_path / "Program Files").mkdir()
    done = switchover("scan", "--json", "--root", str(tmp_path))
    assert done.returncode == INCOMPLETE, done.stdout + done.stderr
    assert any("registry" in m["what"] for m in missing(done))


def test_a_tree_with_no_package_database(tmp_path: Path) -> None:
    (tmp_path / "passwd").write_text("root:x:0:0::/root:/bin/sh\n")  # like --root /etc
    done = switchover("scan", "--json", "--root", str(tmp_path), "--os", "linux")
    assert done.returncode == INCOMPLETE, done.stdout + done.stderr
    assert any("package database" in m["what"] for m in missing(done))


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs are POSIX")
def test_a_dpkg_status_that_is_a_fifo(tmp_path: Path) -> None:
    (tmp_path / "var/lib/dpkg").mkdir(parents=True)
    os.mkfifo(tmp_path / "var/lib/dpkg/status")
    done = switchover("scan", "--json", "--root", str(tmp_path), "--os", "linux")
    assert done.returncode == INCOMPLETE, done.stdout + done.stderr
    assert any("/var/lib/dpkg/status" in m["location"] for m in missing(done))


def test_a_complete_export_set_is_complete() -> None:
    exports = [
        f"--reg={FIXTURES / name}" for name in ("uninstall-64.reg", "uninstall-32.reg", "services.reg")
    ]
    done = switchover("scan", "--json", *exports)
    assert done.returncode == 1, done.stderr
    assert json.loads(done.stdout)["coverage"] == {"complete": True, "missing": []}


def test_one_reg_takes_every_file_a_shell_glob_gives() -> None:
    """`scan --reg *.reg`: the shell hands the files one after another behind a single --reg."""
    names = ("uninstall-64.reg", "uninstall-32.reg", "services.reg")
    done = switchover("scan", "--reg", *(str(FIXTURES / name) for name in names), "--json")
    assert done.returncode == 1, done.stderr
    assert json.loads(done.stdout)["coverage"] == {"complete": True, "missing": []}
