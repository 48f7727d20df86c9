"""`python -m core scan --json --reg FILE...` as a separate process: the JSON contract and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema

from tests.windows.test_windows_adapter import FIXTURES, WINE_EXPORTS

REPO = FIXTURES.parent.parent.parent

# The switchover.scan/1 fields that scripts rely on (issue 2, "Command-line contract").
_EVIDENCE = {"type": "object", "required": ["kind", "location"], "properties": {"kind": {"type": "string"}}}
_PRODUCT = {
    "type": "object",
    "required": ["name", "family", "version", "origin", "scope", "evidence"],
    "properties": {
        "origin": {"enum": ["kaspersky", "successor", "other"]},
        "scope": {"enum": ["machine", "user"]},
        "evidence": {"type": "array", "minItems": 1, "items": _EVIDENCE},
    },
}
SCAN_SCHEMA = {
    "type": "object",
    "required": ["schema", "products", "other_security_software", "leftovers", "notes", "machine"],
    "properties": {
        "schema": {"const": "switchover.scan/1"},
        "products": {"type": "array", "items": _PRODUCT},
        "leftovers": {"type": "array", "items": _PRODUCT},
        "other_security_software": {"type": "array", "items": _PRODUCT},
    },
}


def switchover(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "core", *args],
        cwd=REPO,
        capture_output=True,
        encoding="utf-8",  # JSON is UTF-8 on every OS (docs/cli.md)
        errors="replace",
        timeout=60,
        check=False,
    )


def test_scan_json_of_wine_exports() -> None:
    done = switchover("scan", "--json", *(arg for path in WINE_EXPORTS for arg in ("--reg", path)))
    assert done.returncode == 1, done.stderr
    document = json.loads(done.stdout)
    jsonschema.validate(document, SCAN_SCHEMA)
    assert document["machine"] == {
        "os": "windows",
        "source": "offline",
        "hostname": None,
        "root": None,
        "registry_exports": list(WINE_EXPORTS),
        "bundle": None,
        "os_version": None,  # these exports hold no ComputerName or Windows NT\\CurrentVersion key
    }
    products = {p["family"]: p for p in document["products"]}
    assert {"kes", "network-agent", "consumer"} <= products.keys()
    agent = products["network-agent"]
    assert agent["origin"] == "kaspersky" and agent["version"] == "10.3.407"
    locations = {(e["kind"], e["location"]) for e in agent["evidence"]}
    assert (
        "uninstall_entry",
        r"HKEY_LOCAL_MACHINE\Software\Wow6432Node\Microsoft\Windows\CurrentVersion\Uninstall"
        r"\{BCF4CF24-88AB-45E1-A6E6-40C8278A70C5}",
    ) in locations
    assert ("service", r"HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Services\klnagent") in locations
    assert all("360" not in p["name"] for p in document["products"] + document["leftovers"])


def test_scan_of_an_export_without_kaspersky_exits_0(tmp_path: Path) -> None:
    clean = tmp_path / "clean.reg"
    # every key a whole machine's exports hold (issue 9 #11: else the verdict is "incomplete", exit 3)
    keys = (
        "SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\Vendor",
        "SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\Vendor",
        "SYSTEM\\CurrentControlSet\\Services\\Tcpip",
    )
    blocks = "".join(f'[HKEY_LOCAL_MACHINE\\{key}]\r\n"a"="b"\r\n\r\n' for key in keys)
    clean.write_text(f"REGEDIT4\r\n\r\n{blocks}", encoding="cp1252")
    done = switchover("scan", "--json", "--reg", str(clean))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["products"] == []


def test_unreadable_export_exits_2_with_one_line(tmp_path: Path) -> None:
    binary = tmp_path / "photo.reg"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    done = switchover("scan", "--json", "--reg", str(FIXTURES / "services.reg"), "--reg", str(binary))
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1
    assert done.stderr.startswith(f"switchover: {binary}: not a registry export")
