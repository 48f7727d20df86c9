"""A live scan finds a running process named like a Kaspersky one (footprints.md §3: `kesl`, `klnagent`)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest

from core.detection.scan import live_target, scan
from core.detection.signatures import build_signature_set
from tests.conftest import REPO
from tests.programs import program_path, sleeper
from tests.wine_support import UNDER_WINE

# The data file's rules change while signatures are being written; this test pins its own.
SIGNATURES = build_signature_set(
    [
        (
            "test",
            {
                "schema": "switchover.signatures/1",
                "vendor": "kaspersky",
                "vendor_name": "Kaspersky",
                "origin": "kaspersky",
                "families": [
                    {
                        "id": "kes",
                        "name": "Kaspersky Endpoint Security",
                        "category": "endpoint_security",
                        "rules": [{"kind": "process", "name": r"^kesl(\.exe)?$"}],
                    },
                    {
                        "id": "network-agent",
                        "name": "Kaspersky Security Center Network Agent",
                        "category": "management_agent",
                        "rules": [{"kind": "process", "name": r"^klnagent(\.exe)?$"}],
                    },
                ],
            },
        )
    ]
)


# The names the OS lists them under.
KESL, KLNAGENT = (str(program_path(Path(), n)) for n in ("kesl", "klnagent"))


def _start(folder: Path, name: str) -> subprocess.Popen[bytes]:
    if sys.platform == "win32":  # a real NAME.exe that waits (tests.programs)
        executable = sleeper(folder, name)
        process = subprocess.Popen([str(executable)])
    else:
        executable = folder / name
        shutil.copy(shutil.which("sleep") or "/bin/sleep", executable)
        process = subprocess.Popen([str(executable), "60"])
    # Wait until the OS reports the new name (right after fork it is still python's).
    deadline = time.monotonic() + 5
    while psutil.Process(process.pid).name() != executable.name and time.monotonic() < deadline:
        time.sleep(0.01)
    return process


@pytest.fixture
def kaspersky_processes(tmp_path: Path) -> Iterator[dict[str, int]]:
    processes = {name: _start(tmp_path, name) for name in ("kesl", "klnagent")}
    try:
        yield {name: p.pid for name, p in processes.items()}
    finally:
        for process in processes.values():
            process.kill()
            process.wait()


def test_running_processes_are_found_live(kaspersky_processes: dict[str, int]) -> None:
    result = scan(live_target(), signatures=SIGNATURES)

    found = {
        (p.family, e.location, e.details["pid"])
        for p in [*result.products, *result.leftovers]
        for e in p.evidence
        if e.kind == "process"
    }
    assert {
        ("kes", f"process:{KESL}:{kaspersky_processes['kesl']}", str(kaspersky_processes["kesl"])),
        (
            "network-agent",
            f"process:{KLNAGENT}:{kaspersky_processes['klnagent']}",
            str(kaspersky_processes["klnagent"]),
        ),
    } <= found


def test_a_stopped_process_is_no_longer_found(tmp_path: Path) -> None:
    process = _start(tmp_path, "kesl")
    process.kill()
    process.wait()

    result = scan(live_target(), signatures=SIGNATURES)

    locations = {e.location for p in [*result.products, *result.leftovers] for e in p.evidence}
    assert f"process:{KESL}:{process.pid}" not in locations


def test_a_process_the_os_will_not_describe_is_skipped_and_noted(
    kaspersky_processes: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """psutil raises plain OSErrors on real Windows (psutil issues 1501, 1662, 1675); here one is injected
    for one process. The scan goes on, names the process it skipped, and still finds the other."""
    broken = kaspersky_processes["kesl"]
    name = psutil.Process.name

    def failing_name(self: psutil.Process) -> str:
        if self.pid == broken:
            raise OSError(22, "The parameter is incorrect")
        return name(self)

    monkeypatch.setattr(psutil.Process, "name", failing_name)
    result = scan(live_target(), signatures=SIGNATURES)

    families = {p.family for p in [*result.products, *result.leftovers]}
    assert "network-agent" in families and "kes" not in families
    assert any(f"process {broken}" in note.location for note in result.notes)


@pytest.mark.skipif(not UNDER_WINE, reason="Wine's own psutil OSError (psutil issue 2492) is the real fault")
def test_the_live_scan_survives_psutil_oserrors_from_the_os(kaspersky_processes: dict[str, int]) -> None:
    """Without the lane's shim, psutil raises OSError [WinError 87] for every process on Wine < 9.8 (its
    name too): the command-line scan still finishes with a whole document and names each skipped process."""
    done = subprocess.run(
        [sys.executable, "-m", "core", "scan", "--json"],
        env={**os.environ, "SWITCHOVER_WINLANE_RAW_PSUTIL": "1"},
        cwd=REPO,
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr.decode("utf-8", "replace")
    document = json.loads(done.stdout.decode("utf-8"))
    skipped = [n["location"] for n in document["notes"] if "WinError 87" in n["message"]]
    for pid in kaspersky_processes.values():
        assert any(re.search(rf"\bprocess {pid}\b", location) for location in skipped), skipped
