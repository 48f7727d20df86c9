"""A live scan finds a running process named like a Kaspersky one (footprints.md §3: `kesl`, `klnagent`)."""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest

from core.scan import live_target, scan
from core.signatures import build_signature_set

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
                        "rules": [{"kind": "process", "name": "^kesl$"}],
                    },
                    {
                        "id": "network-agent",
                        "name": "Kaspersky Security Center Network Agent",
                        "category": "management_agent",
                        "rules": [{"kind": "process", "name": "^klnagent$"}],
                    },
                ],
            },
        )
    ]
)


def _start(folder: Path, name: str) -> subprocess.Popen[bytes]:
    executable = folder / name
    shutil.copy(shutil.which("sleep") or "/bin/sleep", executable)
    process = subprocess.Popen([str(executable), "60"])
    # Wait until the OS reports the new name (right after fork it is still python's).
    deadline = time.monotonic() + 5
    while psutil.Process(process.pid).name() != name and time.monotonic() < deadline:
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
        ("kes", f"process:kesl:{kaspersky_processes['kesl']}", str(kaspersky_processes["kesl"])),
        (
            "network-agent",
            f"process:klnagent:{kaspersky_processes['klnagent']}",
            str(kaspersky_processes["klnagent"]),
        ),
    } <= found


def test_a_stopped_process_is_no_longer_found(tmp_path: Path) -> None:
    process = _start(tmp_path, "kesl")
    process.kill()
    process.wait()

    result = scan(live_target(), signatures=SIGNATURES)

    locations = {e.location for p in [*result.products, *result.leftovers] for e in p.evidence}
    assert f"process:kesl:{process.pid}" not in locations
