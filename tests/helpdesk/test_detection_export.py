"""Detection exports agree with `scan`: osquery SQL run in SQLite over osquery's tables, patterns
valid ECMAScript (checked by Node's engine), PowerShell lists equal to the signature data."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from core.cli import main
from core.detection.adapters import windows
from core.detection.signatures import bundled_signatures
from core.helpdesk.detection_export import (
    MAX_PATTERN_BYTES,
    POWERSHELL_KINDS,
    detected_rules,
    dotnet_pattern,
    ecmascript_lowered,
    fleet_yaml,
    osquery_pack,
    osquery_patterns,
    osquery_queries,
    powershell_script,
    split_alternatives,
)
from core.model import Notes, Observation, Target
from tests.helpdesk.osquery_tables import clear, database, insert

FIXTURES = Path(__file__).parents[1] / "fixtures" / "windows"
NODE = shutil.which("node")


def fixture_observations() -> list[Observation]:
    exports = tuple(str(p) for p in sorted(FIXTURES.glob("*.reg")))
    return list(windows.observe(Target(os="windows", live=False, registry_exports=exports), Notes()))


def footprint_observations() -> list[Observation]:
    from tests.signatures.test_footprints import CASES

    return [case.observation for case in CASES]


def _scanner_says(obs: Observation) -> str | None:
    rule = bundled_signatures().match(obs)
    return rule.id if rule is not None and rule.family.vendor.origin != "other" else None


def _osquery_says(connection: object, obs: Observation) -> set[str]:
    clear(connection)  # type: ignore[arg-type]
    insert(connection, obs)  # type: ignore[arg-type]
    found: set[str] = set()
    for query in osquery_queries():
        found |= {row[1] for row in connection.execute(query.sql)}  # type: ignore[attr-defined]
    return found


LEFT_OUT = {rule for q in osquery_queries() for rule in q.left_out}


@pytest.mark.parametrize(
    "source", [fixture_observations, footprint_observations], ids=["fixtures", "footprints"]
)
def test_the_osquery_pack_finds_what_scan_finds(source: object) -> None:
    connection = database()
    observations = source()  # type: ignore[operator]
    assert observations
    disagreements = []
    for obs in observations:
        expected = _scanner_says(obs)
        found = _osquery_says(connection, obs)
        missed = expected is not None and not found and expected not in LEFT_OUT
        if (expected is None and found) or missed:
            disagreements.append((obs.kind, obs.name, expected, sorted(found)))
    assert disagreements == []
    assert sum(_scanner_says(o) is not None for o in observations) > 5


def test_the_first_rule_labels_a_row_as_the_matcher_would() -> None:
    connection = database()
    for obs in fixture_observations():
        expected = _scanner_says(obs)
        if expected is not None and expected not in LEFT_OUT:
            assert _osquery_says(connection, obs) == {expected}, obs


def _all_patterns() -> list[str]:
    signatures = bundled_signatures()
    patterns = []
    for rule in detected_rules(signatures):
        patterns += [rule.name.pattern, *(p.pattern for _, p in rule.attributes)]
    for vendor in signatures.vendors:
        patterns += [p.pattern for p in vendor.publishers] if vendor.origin != "other" else []
    return patterns


def test_patterns_are_at_most_256_bytes_and_fold_ascii_only() -> None:
    for pattern in _all_patterns():
        for part in osquery_patterns(pattern):
            assert len(part.encode()) <= MAX_PATTERN_BYTES, part
            unescaped = re.sub(r"\\.", "", part)
            assert not re.search(r"[A-Z]", unescaped), part  # lower(column) folds ASCII, so must the pattern
    assert ecmascript_lowered(r"^(?P<v>Лаб)\b") == r"^(?:[лЛ][аА][бБ])\b"


def test_splitting_keeps_what_matches() -> None:
    pattern = "^(" + "|".join(f"name{n:03d}" for n in range(60)) + r")(\.sys)?$"
    parts = split_alternatives(pattern, 64)
    assert len(parts) > 1 and all(len(p) <= 64 for p in parts)
    for n in range(60):
        for text in (f"name{n:03d}", f"name{n:03d}.sys"):
            assert sum(bool(re.search(p, text)) for p in parts) == 1
    assert not any(re.search(p, "name060") for p in parts)
    with pytest.raises(ValueError):
        split_alternatives("(" + "a" * 300 + ")?", 256)


@pytest.mark.skipif(NODE is None, reason="needs Node.js for an ECMAScript engine")
def test_patterns_are_valid_ecmascript() -> None:
    patterns = [part for pattern in _all_patterns() for part in osquery_patterns(pattern)]
    script = (
        "const ps = JSON.parse(require('fs').readFileSync(0, 'utf8')); const bad = [];"
        "for (const p of ps) { try { new RegExp(p); } catch (e) { bad.push(p + ': ' + e.message); } }"
        "process.stdout.write(JSON.stringify(bad));"
    )
    done = subprocess.run(
        [NODE, "-e", script], input=json.dumps(patterns), capture_output=True, text=True, check=True
    )
    assert json.loads(done.stdout) == []
    # and Python-only syntax is really refused by the same check
    bad = subprocess.run([NODE, "-e", script], input=json.dumps(["(?P<x>a)"]), capture_output=True, text=True)
    assert json.loads(bad.stdout)


def test_the_pack_names_platforms_and_left_out_rules(tmp_path: Path) -> None:
    assert main(["export", "osquery", "--output", str(tmp_path / "pack.conf")]) == 0
    pack = json.loads((tmp_path / "pack.conf").read_text(encoding="utf-8"))
    assert pack == json.loads(json.dumps(osquery_pack()))
    platforms = {q["platform"] for q in pack["queries"].values()}
    assert {"windows", "linux", "darwin", "all"} <= platforms
    tables = {q.table.name for q in osquery_queries()}
    assert all(q.name in pack["queries"] for q in osquery_queries())
    assert {
        "programs",
        "services",
        "registry",
        "processes",
        "deb_packages",
        "rpm_packages",
        "apps",
        "chrome_extensions",
    } <= tables
    for rule in LEFT_OUT:
        assert any(rule in q["description"] for q in pack["queries"].values())


def test_fleet_policies_pass_only_when_nothing_is_found() -> None:
    text = fleet_yaml()
    documents = [d for d in text.split("---\n") if d.strip()]
    specs = []
    for doc in documents:
        spec = {}
        for line in doc.splitlines():
            if line.startswith("  "):
                key, _, value = line.strip().partition(": ")
                spec[key] = json.loads(value)
        specs.append((re.search(r"kind: (\w+)", doc).group(1), spec))
    policies = [s for kind, s in specs if kind == "policy"]
    assert {p["platform"] for p in policies} == {"windows", "darwin", "linux"}
    windows_policy = next(p for p in policies if p["platform"] == "windows")["query"]
    connection = database()
    assert list(connection.execute(windows_policy)) == [(1,)]  # a clean machine passes
    kaspersky = next(o for o in fixture_observations() if _scanner_says(o))
    insert(connection, kaspersky)
    assert list(connection.execute(windows_policy)) == []  # Kaspersky found: the policy fails
    assert len([k for k, _ in specs if k == "query"]) == len(osquery_queries())


def _rule_lines(script: str) -> list[tuple[str, str, str]]:
    return re.findall(r"@\{ Id = '([^']+)'; Kind = '([^']+)';.*?Name = '((?:[^']|'')*)'", script)


@pytest.mark.parametrize("engine", ["intune-detect", "configmgr", "nable", "datto", "ninjaone"])
def test_the_powershell_lists_are_the_signature_data(engine: str) -> None:
    script = powershell_script(engine)
    expected = [
        (r.id, str(r.kind), dotnet_pattern(r.name.pattern))
        for r in detected_rules(bundled_signatures())
        if r.kind in POWERSHELL_KINDS
    ]
    assert [(i, k, n.replace("''", "'")) for i, k, n in _rule_lines(script)] == expected
    assert "OpenBaseKey('LocalMachine', 'Registry64')" in script  # 64-bit view from 32-bit PowerShell
    assert "(?P<" not in script  # .NET spells named groups (?<name>
    assert "@RULES@" not in script and "@MAX_LINE@" not in script


def test_each_tool_gets_its_own_contract(tmp_path: Path) -> None:
    intune = powershell_script("intune-detect")
    assert "$MaxLine = 2048" in intune and re.search(r"exit 1\s+}\s+Write-Output 'No Kaspersky", intune)
    assert "exit 1001" in powershell_script("nable") and "exit 1002" in powershell_script("nable")
    datto = powershell_script("datto")
    assert "'<-Start Result->'" in datto and "'<-End Result->'" in datto
    assert "Ninja-Property-Set kasperskyStatus" in powershell_script("ninjaone")
    assert "'Compliant'" in powershell_script("configmgr")
    remediation = powershell_script("intune-remediate")
    assert "'remove', '--yes', '--silent'" in remediation and "$Rules" not in remediation
    assert main(["export", "intune", "--remediation", "--output", str(tmp_path / "r.ps1")]) == 0
    raw = (tmp_path / "r.ps1").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw and b"\r\r" not in raw


def test_the_remediation_states_the_rescue_checks_done_only_when_exported_so(tmp_path: Path, capsys) -> None:
    """Without --rescued an unattended run of a plan with blocking rescue checks removes nothing (exit 3);
    the administrator who has done them fleet-wide says so once, when exporting."""
    plain = powershell_script("intune-remediate")
    assert "'--rescued'" not in plain and "@RESCUED@" not in plain
    rescued = powershell_script("intune-remediate", rescued=True)
    assert "$arguments += @('--rescued')" in rescued
    assert "(switchover export intune --remediation --rescued)" in rescued
    # The line sits between the arguments and the call, so the call takes it.
    assert (
        rescued.index("$arguments = @(") < rescued.index("'--rescued'") < rescued.index("& $cli @arguments")
    )
    assert main(["export", "intune", "--remediation", "--rescued", "--output", str(tmp_path / "r.ps1")]) == 0
    assert "'--rescued'" in (tmp_path / "r.ps1").read_text(encoding="utf-8-sig")
    assert main(["export", "intune", "--rescued", "--output", str(tmp_path / "d.ps1")]) == 2
    assert "--rescued goes with --remediation" in capsys.readouterr().err
    assert not (tmp_path / "d.ps1").exists()
