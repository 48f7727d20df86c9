"""`scan` into a pipe or a file, whatever the output encoding: names outside the ANSI code page survive.

On Windows the child's stdout is a pipe, so Python encodes it in the ANSI code page (cp1252 on Wine's and
most Western machines); PYTHONIOENCODING=cp1252 makes any OS behave the same way.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from core.detection.adapters.registry_export import REG_SZ, RegValue
from tests.windows.render import render_export

REPO = Path(__file__).resolve().parent.parent.parent
NAME = "Kaspersky Endpoint Security 10 для Windows"
CODE = "{A1B2C3D4-0000-0000-0000-000000000001}"
UNINSTALL = rf"HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\{CODE}"
ENCODINGS = [
    pytest.param({}, id="the-system-default"),
    pytest.param({"PYTHONIOENCODING": "cp1252"}, id="cp1252"),
]


@pytest.fixture
def cyrillic_export(tmp_path: Path) -> Path:
    export = tmp_path / "uninstall.reg"
    export.write_bytes(
        render_export(
            [
                (
                    UNINSTALL,
                    [
                        ("DisplayName", RegValue(REG_SZ, NAME)),
                        ("Publisher", RegValue(REG_SZ, "Kaspersky Lab")),
                        ("DisplayVersion", RegValue(REG_SZ, "10.3.0.6294")),
                        (
                            "UninstallString",
                            RegValue(REG_SZ, f"MsiExec.exe /X{CODE}"),
                        ),
                    ],
                )
            ]
        )
    )
    return export


def scan(export: Path, *options: str, env: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    environment = {k: v for k, v in os.environ.items() if k not in ("PYTHONIOENCODING", "PYTHONUTF8")}
    return subprocess.run(
        [sys.executable, "-m", "core", "scan", *options, "--reg", str(export)],
        cwd=REPO,
        env={**environment, **env},
        capture_output=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("env", ENCODINGS)
def test_json_is_whole_utf8_and_the_exit_code_says_found(cyrillic_export: Path, env: dict[str, str]) -> None:
    done = scan(cyrillic_export, "--json", env=env)
    assert done.returncode == 1, done.stderr.decode("utf-8", "replace")
    document = json.loads(done.stdout.decode("utf-8"))
    assert [p["name"] for p in document["products"]] == [NAME]


@pytest.mark.parametrize("env", ENCODINGS)
def test_text_output_never_dies_on_a_name_it_cannot_encode(
    cyrillic_export: Path, env: dict[str, str]
) -> None:
    done = scan(cyrillic_export, env=env)
    assert done.returncode == 1, done.stderr.decode("utf-8", "replace")
    assert b"Traceback" not in done.stderr
    assert b"Kaspersky Endpoint Security 10 " in done.stdout and b"Windows" in done.stdout
