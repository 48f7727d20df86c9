"""Detection for the tools IT already runs, generated from the signatures (never written by hand).

Every output is built here from `core.detection.signatures.SignatureSet` (Kaspersky and its successors, in
match order), so it follows the signature files:

- osquery: a query pack, one query per osquery table, each row labelled with the signature rule
  that matched. Patterns go to osquery's `regex_match` (ECMAScript syntax), at most 256 bytes each
  (longer alternations are split), on `lower(column)`: SQLite's `lower` folds ASCII only, so the
  patterns are lowered the same way and any other cased letter becomes a class of both cases.
- Fleet: the same queries, and policies that pass (return a row) when no Kaspersky is found.
- PowerShell for Intune Remediations, ConfigMgr and RMM tools (N-able, Datto, NinjaOne): one
  detection core (`resources/detection/detect.ps1`) with the rules as data and an ending per tool.

Rules that an engine cannot express exactly (an attribute it has no column for, or a publisher
it cannot read) are left out of that engine and listed in its description, never approximated.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from itertools import pairwise

from core.detection.signatures import Rule, SignatureSet, bundled_signatures
from core.model import Kind

MAX_PATTERN_BYTES = 256  # osquery's regex_match refuses longer patterns
MAX_INTUNE_LINE = 2048  # Intune keeps the last line of output, up to 2,048 characters
DRIVER_TYPES = ("KERNEL_DRIVER", "FILE_SYSTEM_DRIVER")  # osquery services.service_type for drivers


@dataclass(frozen=True)
class Table:
    """Where osquery shows one kind of observation: the table, its name column, its attribute columns."""

    name: str
    platform: str  # osquery pack platform: windows, linux, darwin, posix or all
    column: str  # what the observation's name is matched against
    attributes: dict[str, str]  # observation attribute -> column
    extra_names: tuple[str, ...] = ()  # further columns that can hold the observation's name
    where: str = ""  # constraints osquery needs (registry keys, file paths) or the kind implies
    publisher: str | None = None  # the column holding the Publisher


_VENDOR_KEYS = " OR ".join(
    f"key LIKE '{key}'"
    for key in (
        r"HKEY_LOCAL_MACHINE\SOFTWARE\KasperskyLab",
        r"HKEY_LOCAL_MACHINE\SOFTWARE\KasperskyLab\protected",
        r"HKEY_LOCAL_MACHINE\SOFTWARE\KasperskyLab\InstalledProducts",
        r"HKEY_LOCAL_MACHINE\SOFTWARE\KasperskyLab\Components\%\Connectors",
        r"HKEY_LOCAL_MACHINE\SOFTWARE\WOW6432Node\KasperskyLab",
        r"HKEY_LOCAL_MACHINE\SOFTWARE\WOW6432Node\KasperskyLab\protected",
        r"HKEY_LOCAL_MACHINE\SOFTWARE\WOW6432Node\KasperskyLab\InstalledProducts",
        r"HKEY_LOCAL_MACHINE\SOFTWARE\WOW6432Node\KasperskyLab\Components\%\Connectors",
        r"HKEY_USERS\%\Software\KasperskyLab",
        r"HKEY_USERS\%\Software\KasperskyLab\protected",
    )
)
# The folders core/detection/adapters/windows.py, linux.py and macos.py look in, as osquery file globs.
_PATHS = " OR ".join(
    f"path LIKE '{glob}'"
    for glob in (
        r"C:\Program Files\%",
        r"C:\Program Files\%\%",
        r"C:\Program Files (x86)\%",
        r"C:\Program Files (x86)\%\%",
        r"C:\ProgramData\%",
        r"C:\ProgramData\%\%",
        r"C:\Windows\System32\drivers\%",
        r"C:\Users\%\AppData\Local\%\%",
        r"C:\Users\%\AppData\Roaming\%\%",
        "/opt/%",
        "/opt/%/%",
        "/var/opt/%",
        "/etc/opt/%",
        "/Library/Application Support/%",
        "/Applications/%",
    )
)

TABLES: dict[Kind, tuple[Table, ...]] = {
    Kind.UNINSTALL_ENTRY: (
        Table(
            "programs",
            "windows",
            "name",
            {
                "DisplayVersion": "version",
                "UninstallString": "uninstall_string",
                "InstallLocation": "install_location",
            },
            extra_names=("identifying_number",),
            publisher="publisher",
        ),
    ),
    Kind.SERVICE: (
        Table(
            "services",
            "windows",
            "name",
            {"DisplayName": "display_name", "ImagePath": "path"},
            where="service_type NOT IN ('KERNEL_DRIVER', 'FILE_SYSTEM_DRIVER')",
        ),
        Table("systemd_units", "linux", "id", {}),
    ),
    Kind.DRIVER: (
        Table(
            "services",
            "windows",
            "name",
            {"DisplayName": "display_name", "ImagePath": "path"},
            where="service_type IN ('KERNEL_DRIVER', 'FILE_SYSTEM_DRIVER')",
        ),
    ),
    Kind.PROCESS: (Table("processes", "all", "name", {"exe": "path"}),),
    Kind.VENDOR_KEY: (
        Table("registry", "windows", "name", {}, where=f"type = 'subkey' AND ({_VENDOR_KEYS})"),
    ),
    Kind.SECURITY_CENTER: (Table("windows_security_products", "windows", "name", {}),),
    Kind.BROWSER_EXTENSION: (
        Table("chrome_extensions", "all", "identifier", {"name": "name"}),
        Table("firefox_addons", "all", "identifier", {"name": "name"}),
    ),
    Kind.PATH: (Table("file", "all", "path", {}, where=f"({_PATHS})"),),
    Kind.PACKAGE: (Table("deb_packages", "linux", "name", {}), Table("rpm_packages", "linux", "name", {})),
    Kind.APP_BUNDLE: (Table("apps", "darwin", "bundle_identifier", {"CFBundleName": "bundle_name"}),),
    Kind.LAUNCHD_JOB: (Table("launchd", "darwin", "label", {}),),
    Kind.PKG_RECEIPT: (Table("package_receipts", "darwin", "package_id", {}),),
    Kind.KEXT: (Table("kernel_extensions", "darwin", "name", {}),),
    Kind.SYSTEM_EXTENSION: (Table("system_extensions", "darwin", "identifier", {"teamID": "team"}),),
}


def detected_rules(signatures: SignatureSet) -> Iterator[Rule]:
    """Kaspersky's and its successors' rules, in the matcher's order."""
    for kind in Kind:
        for rule in signatures.rules_by_kind.get(kind, ()):
            if rule.family.vendor.origin != "other":
                yield rule


# --- patterns for osquery (ECMAScript, ASCII case folding) -------------------------------------

_GROUP_NAME = re.compile(r"\(\?P<\w+>")


def ecmascript_lowered(pattern: str) -> str:
    """The Python pattern as ECMAScript that matches the lowered (ASCII-folded) text the same way."""
    pattern = _GROUP_NAME.sub("(?:", pattern)
    out: list[str] = []
    index, in_class = 0, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\" and index + 1 < len(pattern):
            escape = pattern[index + 1]
            out.append({"A": "^", "Z": "$"}.get(escape, "\\" + escape) if not in_class else "\\" + escape)
            index += 2
            continue
        if char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class:
            in_class = False
        out.append(_folded(char, in_class))
        index += 1
    return "".join(out)


def _folded(char: str, in_class: bool) -> str:
    if char.isascii():
        return char.lower()
    lower, upper = char.lower(), char.upper()
    if lower == upper or len(lower) != 1 or len(upper) != 1:
        return char
    both = f"{lower}{upper}"
    return both if in_class else f"[{both}]"


def split_alternatives(pattern: str, limit: int = MAX_PATTERN_BYTES) -> list[str]:
    """The pattern as one or more patterns of at most `limit` bytes whose union matches the same.

    A top-level alternation is split between its alternatives; otherwise the first group, when it
    is an alternation with no quantifier after it (`^(a|b|c)(\\.sys)?$`), is split, the rest of
    the pattern kept around each part. Anything else over the limit raises ValueError.
    """
    if len(pattern.encode()) <= limit:
        return [pattern]
    prefix, parts, suffix = _alternation(pattern)
    chunks: list[str] = []
    current: list[str] = []
    for part in parts:
        candidate = f"{prefix}{'|'.join([*current, part])}{suffix}"
        if current and len(candidate.encode()) > limit:
            chunks.append(f"{prefix}{'|'.join(current)}{suffix}")
            current = [part]
        else:
            current.append(part)
    chunks.append(f"{prefix}{'|'.join(current)}{suffix}")
    if len(parts) < 2 or any(len(c.encode()) > limit for c in chunks):
        raise ValueError(f"pattern longer than {limit} bytes cannot be split: {pattern[:60]}…")
    return chunks


def _alternation(pattern: str) -> tuple[str, list[str], str]:
    """(prefix, alternatives, suffix) such that prefix + "|".join(alternatives) + suffix is the pattern."""
    whole = _top_level(pattern)
    if len(whole) > 1:
        return "(?:", whole, ")"
    opening = _first_group(pattern)
    if opening is not None:
        start, end = opening
        inner = pattern[start + 1 : end]
        body = inner[2:] if inner.startswith("?:") else inner
        after = pattern[end + 1 : end + 2]
        if after not in ("?", "*", "+", "{") and not body.startswith("?"):
            return pattern[:start] + "(?:", _top_level(body), ")" + pattern[end + 1 :]
    return "", [pattern], ""


def _structure(text: str) -> Iterator[tuple[int, str, int]]:
    """(index, character, depth before it) for each ( ) | outside escapes and character classes."""
    depth, index, in_class = 0, 0, False
    while index < len(text):
        char = text[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char in "()|":
            yield index, char, depth
            depth += {"(": 1, ")": -1}.get(char, 0)
        index += 1


def _first_group(pattern: str) -> tuple[int, int] | None:
    """Where the first top-level group opens and closes."""
    start = None
    for index, char, depth in _structure(pattern):
        if char == "(" and depth == 0:
            start = index
        elif char == ")" and depth == 1 and start is not None:
            return start, index
    return None


def _top_level(text: str) -> list[str]:
    """The text split at each | that no group encloses."""
    cuts = [index for index, char, depth in _structure(text) if char == "|" and depth == 0]
    bounds = [-1, *cuts, len(text)]
    return [text[a + 1 : b] for a, b in pairwise(bounds)]


def osquery_patterns(pattern: str) -> list[str]:
    return split_alternatives(ecmascript_lowered(pattern))


# --- SQL ---------------------------------------------------------------------------------------


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _matches(column: str, pattern: str) -> str:
    tests = [
        f"regex_match(lower(coalesce({column}, '')), {_literal(p)}, 0) IS NOT NULL"
        for p in osquery_patterns(pattern)
    ]
    return tests[0] if len(tests) == 1 else "(" + " OR ".join(tests) + ")"


def _rule_condition(rule: Rule, table: Table) -> str | None:
    """The SQL that is true where the rule matches a row of `table`, or None when it cannot be said."""
    names = [_matches(c, rule.name.pattern) for c in (table.column, *table.extra_names)]
    parts = [names[0] if len(names) == 1 else "(" + " OR ".join(names) + ")"]
    for attribute, pattern in rule.attributes:
        column = table.attributes.get(attribute)
        if column is None:
            return None
        parts.append(_matches(column, pattern.pattern))
    if rule.publisher != "ignored":
        if table.publisher is None:
            if rule.publisher == "required":
                return None
        else:
            cleaned = f"trim({table.publisher}, ' \"''«»“”')"
            vendor = (
                "(" + " OR ".join(_matches(cleaned, p.pattern) for p in rule.family.vendor.publishers) + ")"
            )
            empty = f"trim(coalesce({table.publisher}, '')) = ''"
            parts.append(vendor if rule.publisher == "required" else f"({empty} OR {vendor})")
    return " AND ".join(parts)


@dataclass(frozen=True)
class Query:
    name: str
    table: Table
    sql: str
    rules: tuple[str, ...]
    left_out: tuple[str, ...]  # rule ids this engine cannot express


def osquery_queries(signatures: SignatureSet | None = None) -> list[Query]:
    """One query per osquery table; each row says which signature rule matched it (first in order)."""
    signatures = signatures or bundled_signatures()
    by_table: dict[tuple[str, str], list[tuple[Rule, str | None]]] = {}
    tables: dict[tuple[str, str], Table] = {}
    for rule in detected_rules(signatures):
        for table in TABLES.get(rule.kind, ()):
            key = (table.name, str(rule.kind))
            tables[key] = table
            by_table.setdefault(key, []).append((rule, _rule_condition(rule, table)))
    queries = []
    for key, rules in by_table.items():
        table = tables[key]
        usable = [(r, c) for r, c in rules if c is not None]
        if not usable:
            continue
        cases = " ".join(f"WHEN {c} THEN {_literal(r.id)}" for r, c in usable)
        families = " ".join(f"WHEN {_literal(r.id)} THEN {_literal(r.family.name)}" for r, _ in usable)
        where = f" WHERE {table.where}" if table.where else ""
        # Generated for other engines from signature data; every value in it went through _literal.
        inner = f"SELECT {table.column} AS found, CASE {cases} END AS rule FROM {table.name}{where}"  # noqa: S608
        sql = f"SELECT found, rule, CASE rule {families} END AS family FROM ({inner}) WHERE rule IS NOT NULL;"  # noqa: S608
        name = f"kaspersky_{key[1]}_{table.name}"
        left_out = tuple(r.id for r, c in rules if c is None)
        queries.append(Query(name, table, sql, tuple(r.id for r, _ in usable), left_out))
    return queries


def osquery_pack(signatures: SignatureSet | None = None) -> dict[str, object]:
    """An osquery query pack (the JSON `osqueryctl`/`--pack` reads)."""
    from core import __version__

    queries = osquery_queries(signatures)
    return {
        "platform": "all",
        "version": "4.0.0",
        "discovery": [],
        "queries": {
            q.name: {
                "query": q.sql,
                "interval": 86400,
                "platform": q.table.platform,
                "snapshot": True,
                "description": f"Kaspersky software or its successors in {q.table.name}, from Switchover "
                f"{__version__} signatures ({len(q.rules)} rules"
                + (f"; not expressible here: {', '.join(q.left_out)}" if q.left_out else "")
                + ")",
                "value": "Kaspersky no longer receives updates for US customers; plan its removal.",
            }
            for q in queries
        },
    }


def fleet_yaml(signatures: SignatureSet | None = None) -> str:
    """Fleet (fleetdm) queries and policies, as `fleetctl apply -f` reads them.

    A Fleet policy passes when its query returns a row, so each policy asks that none of the
    platform's detection queries finds anything.
    """
    queries = osquery_queries(signatures)
    documents = []
    for q in queries:
        spec = {"name": q.name, "query": q.sql, "description": f"Kaspersky software in {q.table.name}"}
        documents.append(_yaml("query", spec))
    for platform, label in (("windows", "Windows"), ("darwin", "macOS"), ("linux", "Linux")):
        found = [q.sql.rstrip(";") for q in queries if q.table.platform in (platform, "all")]
        sql = "SELECT 1 WHERE " + " AND ".join(f"NOT EXISTS ({s})" for s in found) + ";"
        spec = {
            "name": f"No Kaspersky software ({label})",
            "query": sql,
            "platform": platform,
            "description": "Passes when no Kaspersky product, successor or leftover is found.",
            "resolution": "Run Switchover on the device: switchover remove --silent (see docs/help-desk.md).",
        }
        documents.append(_yaml("policy", spec))
    return "".join(documents)


def _yaml(kind: str, spec: dict[str, str]) -> str:
    # JSON strings are valid YAML scalars: quoting every value keeps SQL and backslashes intact.
    lines = ["---", "apiVersion: v1", f"kind: {kind}", "spec:"]
    lines += [f"  {key}: {json.dumps(value, ensure_ascii=False)}" for key, value in spec.items()]
    return "\n".join(lines) + "\n"


# --- PowerShell for Intune, ConfigMgr and RMM tools ---------------------------------------------

POWERSHELL_KINDS = (Kind.UNINSTALL_ENTRY, Kind.SERVICE, Kind.DRIVER, Kind.VENDOR_KEY, Kind.PROCESS)
ENDINGS = ("intune-detect", "intune-remediate", "configmgr", "nable", "datto", "ninjaone")


def dotnet_pattern(pattern: str) -> str:
    """Python's `(?P<name>` is .NET's `(?<name>`; the rest of the signature syntax is common to both."""
    return re.sub(r"\(\?P<(\w+)>", r"(?<\1>", pattern)


def _ps(text: str) -> str:
    """A single-quoted PowerShell string: each quote PowerShell accepts (' and the curly ones) doubled."""
    return "'" + re.sub("(['\u2018\u2019\u201a\u201b])", r"\1\1", text) + "'"


def powershell_rules(signatures: SignatureSet | None = None) -> str:
    """The rules as PowerShell data: one hashtable per rule, and the vendors' publisher patterns."""
    signatures = signatures or bundled_signatures()
    lines = ["$Rules = @("]
    for rule in detected_rules(signatures):
        if rule.kind not in POWERSHELL_KINDS:
            continue
        attributes = "; ".join(f"{_ps(a)} = {_ps(dotnet_pattern(p.pattern))}" for a, p in rule.attributes)
        lines.append(
            f"    @{{ Id = {_ps(rule.id)}; Kind = {_ps(str(rule.kind))}; Family = {_ps(rule.family.name)}; "
            f"Vendor = {_ps(rule.family.vendor.id)}; Name = {_ps(dotnet_pattern(rule.name.pattern))}; "
            f"Publisher = {_ps(rule.publisher)}; Attributes = @{{ {attributes} }} }}"
        )
    lines.append(")")
    lines.append("$Publishers = @{")
    for vendor in signatures.vendors:
        if vendor.origin != "other":
            patterns = ", ".join(_ps(dotnet_pattern(p.pattern)) for p in vendor.publishers)
            lines.append(f"    {_ps(vendor.id)} = @({patterns})")
    lines.append("}")
    return "\n".join(lines)


def powershell_script(ending: str, signatures: SignatureSet | None = None, *, rescued: bool = False) -> str:
    """The detection core with the rules filled in and the tool's ending (see ENDINGS).

    `rescued` (remediation only): the administrator states, for every device the script reaches, that
    the plans' blocking rescue checks are done, as `switchover remove --rescued` does on one machine."""
    from core import __version__

    if ending not in ENDINGS:
        raise ValueError(f"unknown script: {ending}")
    if rescued and ending != "intune-remediate":
        raise ValueError("--rescued belongs to the remediation script only")
    folder = resources.files("resources.detection")
    tail = folder.joinpath(f"{ending}.ps1").read_text(encoding="utf-8")
    if ending == "intune-remediate":  # it runs Switchover, which scans for itself
        how = "--remediation --rescued" if rescued else "--remediation"
        said = (
            "$arguments += @('--rescued')  # exported with --rescued: every device's rescue checks are done"
            if rescued
            else "# Rescue checks are confirmed on each device (export with --rescued to state them done)."
        )
        return f"# Generated by Switchover {__version__} (switchover export intune {how}).\n" + tail.replace(
            "# @RESCUED@", said
        )
    core = folder.joinpath("detect.ps1").read_text(encoding="utf-8")
    body = core.replace("# @RULES@", powershell_rules(signatures)).replace("@VERSION@", __version__)
    return body.replace("@MAX_LINE@", str(MAX_INTUNE_LINE)) + "\n" + tail
