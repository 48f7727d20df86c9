"""Finding 20: control characters read from the machine (U+202E and the other bidirectional and invisible
format controls) never reach the terminal in text output; they are shown as visible escapes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from core.detection.adapters.registry_export import REG_SZ, RegValue
from tests.conftest import REPO
from tests.windows.render import render_export

UNINSTALL = "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall"
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
# The export parser already skips values with C0 controls (a note says so); these pass it, as would
# anything the live registry holds.
HOSTILE = "Kaspersky Free\u202eexe.tab\u2066\u200b"


def _export(tmp_path: Path) -> Path:
    key = f"{UNINSTALL}\\{{2F2A4B3C-1111-2222-3333-444455556666}}"
    values = [
        ("DisplayName", RegValue(REG_SZ, HOSTILE)),
        ("Publisher", RegValue(REG_SZ, "AO Kaspersky Lab")),
        ("DisplayVersion", RegValue(REG_SZ, "21.3\u202e")),
        ("UninstallString", RegValue(REG_SZ, "MsiExec.exe /X{2F2A4B3C-1111-2222-3333-444455556666}")),
    ]
    path = tmp_path / "uninstall.reg"
    path.write_bytes(render_export([(key, values)]))
    return path


def test_scan_and_plan_text_show_no_raw_control_characters(tmp_path: Path) -> None:
    export = _export(tmp_path)
    for command in ("scan", "plan"):
        done = subprocess.run(
            [sys.executable, "-m", "core", command, "--reg", str(export)],
            capture_output=True, cwd=REPO, check=False, timeout=120,
        )  # fmt: skip
        text = done.stdout.decode("utf-8").replace("\r\n", "\n")  # Windows ends lines with CR LF
        assert "Kaspersky Free" in text, text
        raw = [c for c in text if (ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) < 0xA0 or c in BIDI]
        assert raw == [], (command, text)
        assert "Kaspersky Free\\u202eexe.tab" in text  # visible, so a technician sees the trick


def test_printable_escapes_every_terminal_control_and_keeps_text() -> None:
    from core.terminal_text import printable

    assert printable("a\x1b[2Jb\rc\x08d\x07e\x9bf") == "a\\x1b[2Jb\\x0dc\\x08d\\x07e\\x9bf"
    assert printable("line one\n\tline two, для Windows") == "line one\n\tline two, для Windows"
