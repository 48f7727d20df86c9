"""osquery's tables in SQLite, with osquery's own column names, filled from observations as osquery
would show the same machine; and `regex_match` as osquery defines it (ECMAScript; here Python's
engine with ASCII classes, which agrees on the syntax the exports emit)."""

from __future__ import annotations

import re
import sqlite3
from functools import cache

from core.model import Kind, Observation

SCHEMA = {
    "programs": "name, version, publisher, identifying_number, install_location, uninstall_string",
    "services": "name, display_name, path, service_type, start_type",
    "systemd_units": "id, description, fragment_path",
    "processes": "pid, name, path",
    "registry": "key, path, name, type, data",
    "windows_security_products": "type, name, state",
    "chrome_extensions": "browser_type, identifier, name, version, path",
    "firefox_addons": "identifier, name, version, path",
    "file": "path, directory, filename, type",
    "deb_packages": "name, version",
    "rpm_packages": "name, version",
    "apps": "bundle_identifier, bundle_name, path",
    "launchd": "label, path",
    "package_receipts": "package_id, version",
    "kernel_extensions": "name, version, path",
    "system_extensions": "identifier, team, state",
}
_DRIVER_TYPES = {"1": "KERNEL_DRIVER", "2": "FILE_SYSTEM_DRIVER"}


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.ASCII)


def regex_match(text: str | None, pattern: str, index: int) -> str | None:
    if text is None:
        return None
    found = _compiled(pattern).search(text)
    return found.group(index) if found else None


def database() -> sqlite3.Connection:
    connection = sqlite3.connect(":memory:")
    connection.create_function("regex_match", 3, regex_match, deterministic=True)
    for table, columns in SCHEMA.items():
        connection.execute(f"CREATE TABLE {table} ({columns})")
    return connection


def insert(connection: sqlite3.Connection, obs: Observation) -> None:
    """The rows osquery would show for this observation."""
    a = obs.attributes
    rows: list[tuple[str, dict[str, str | None]]] = []
    if obs.kind is Kind.UNINSTALL_ENTRY:
        rows.append(
            (
                "programs",
                {
                    "name": obs.name,
                    "version": a.get("DisplayVersion"),
                    "publisher": a.get("Publisher"),
                    "identifying_number": a.get("ProductCode"),
                    "install_location": a.get("InstallLocation"),
                    "uninstall_string": a.get("UninstallString"),
                },
            )
        )
    elif obs.kind in (Kind.SERVICE, Kind.DRIVER):
        kind = _DRIVER_TYPES.get(
            a.get("Type", ""), "KERNEL_DRIVER" if obs.kind is Kind.DRIVER else "OWN_PROCESS"
        )
        rows.append(
            (
                "services",
                {
                    "name": obs.name,
                    "display_name": a.get("DisplayName"),
                    "path": a.get("ImagePath"),
                    "service_type": kind,
                },
            )
        )
        if obs.kind is Kind.SERVICE:
            rows.append(("systemd_units", {"id": obs.name}))
    elif obs.kind is Kind.PROCESS:
        rows.append(("processes", {"name": obs.name, "path": a.get("exe")}))
    elif obs.kind is Kind.VENDOR_KEY:
        # osquery runs as SYSTEM: a user's keys are under HKEY_USERS\<SID>, never HKEY_CURRENT_USER
        location = obs.location.replace("HKEY_CURRENT_USER", "HKEY_USERS\\S-1-5-21-1-2-3-1001", 1)
        parts = location.split("\\")
        at = max((i for i, p in enumerate(parts) if p == obs.name), default=-1)
        key = "\\".join(parts[:at]) if at > 0 else "HKEY_LOCAL_MACHINE\\SOFTWARE\\KasperskyLab"
        rows.append(("registry", {"key": key, "path": location, "name": obs.name, "type": "subkey"}))
    elif obs.kind is Kind.SECURITY_CENTER:
        rows.append(("windows_security_products", {"type": "Antivirus", "name": obs.name}))
    elif obs.kind is Kind.BROWSER_EXTENSION:
        table = "firefox_addons" if a.get("browser") == "firefox" else "chrome_extensions"
        rows.append((table, {"identifier": obs.name, "name": a.get("name")}))
    elif obs.kind is Kind.PATH:
        rows.append(("file", {"path": obs.name}))
    elif obs.kind is Kind.PACKAGE:
        rows += [("deb_packages", {"name": obs.name}), ("rpm_packages", {"name": obs.name})]
    elif obs.kind is Kind.APP_BUNDLE:
        rows.append(("apps", {"bundle_identifier": obs.name, "bundle_name": a.get("CFBundleName")}))
    elif obs.kind is Kind.LAUNCHD_JOB:
        rows.append(("launchd", {"label": obs.name}))
    elif obs.kind is Kind.PKG_RECEIPT:
        rows.append(("package_receipts", {"package_id": obs.name}))
    elif obs.kind is Kind.KEXT:
        rows.append(("kernel_extensions", {"name": obs.name}))
    elif obs.kind is Kind.SYSTEM_EXTENSION:
        rows.append(("system_extensions", {"identifier": obs.name, "team": a.get("teamID")}))
    for table, values in rows:
        columns = ", ".join(values)
        marks = ", ".join("?" for _ in values)
        sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"  # noqa: S608 (names from SCHEMA)
        connection.execute(sql, tuple(values.values()))


def clear(connection: sqlite3.Connection) -> None:
    for table in SCHEMA:
        connection.execute(f"DELETE FROM {table}")  # noqa: S608 (names from SCHEMA)
