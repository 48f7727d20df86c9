"""Scan and removal documents for the help-desk tests, made by scanning the Wine fixtures for real."""

from __future__ import annotations

import copy
from functools import cache
from pathlib import Path
from typing import Any

from core.detection.scan import scan
from core.model import Target

FIXTURES = Path(__file__).parents[1] / "fixtures" / "windows"
OFFICE = ("uninstall-32.reg", "uninstall-64.reg", "kasperskylab.reg", "services.reg", "user-kasperskylab.reg")
HOSTILE = '<script>alert("x")</script>&<img src=x onerror=alert(1)>'


@cache
def _office() -> dict[str, Any]:
    exports = tuple(str(FIXTURES / n) for n in OFFICE)
    return scan(Target(os="windows", live=False, registry_exports=exports)).to_json()


def office_scan(hostname: str | None = "PC-042") -> dict[str, Any]:
    document = copy.deepcopy(_office())
    document["machine"]["hostname"] = hostname
    return document


def clean_scan(hostname: str) -> dict[str, Any]:
    document = office_scan(hostname)
    document["products"], document["leftovers"] = [], []
    document["summary"].update(kaspersky_products=0, successor_products=0, leftovers=0)
    return document


def removal_report(status: str, hostname: str = "PC-043") -> dict[str, Any]:
    """A finished removal as the assistant saves it (switchover.report/1)."""
    return {
        "schema": "switchover.report/1",
        "switchover_version": "0.1.0",
        "written_at": "2026-12-01T10:00:00+00:00",
        "demo_machine": None,
        "scan": office_scan(hostname),
        "plan": {"schema": "switchover.plan/1", "steps": [{"title": "Remove Kaspersky Security Cloud"}]},
        "run": {"status": status, "message": f"run {status}"},
        "verification": {"status": status, "summary": [f"verified: {status}"], "after_restart": False},
    }
