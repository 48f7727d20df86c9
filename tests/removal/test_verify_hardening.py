"""The protection probe: PowerShell by its full path, and any answer it prints read without a crash."""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.detection.adapters.windows import powershell_path
from core.messages import Text
from core.removal.subprocess_runner import SubprocessRunner
from core.removal.verify import DEFENDER_NAME, DefenderProbe, Protection
from core.runner import RunResult
from tests.removal.doubles import uninstaller


class Answering:
    """A runner that records what it was asked to run and answers with fixed output."""

    def __init__(self, output: str, exit_code: int = 0) -> None:
        self.output, self.exit_code = output, exit_code
        self.argv: list[Sequence[str]] = []

    def run(
        self,
        argv: Sequence[str],
        *,
        elevated: bool,
        timeout: float,
        cancel: threading.Event,
        secrets: Sequence[str] = (),
    ) -> RunResult:
        self.argv.append(list(argv))
        return RunResult(self.exit_code, output_tail=self.output)


def test_powershell_runs_by_its_full_system_path_not_a_bare_name() -> None:
    # A bare "powershell.exe" is found in the current folder or the app's folder before System32.
    runner = Answering(json.dumps({"AMRunningMode": "Normal"}))
    DefenderProbe(runner)()
    program = runner.argv[0][0]
    assert program == powershell_path()
    assert program.lower().endswith("\\system32\\windowspowershell\\v1.0\\powershell.exe")
    assert program[1:3] == ":\\"  # absolute, with its drive


@pytest.mark.parametrize(
    "printed",
    [
        "[]",
        "null",
        "42",
        '"Normal"',
        "true",
        '[{"AMRunningMode": "Normal"}]',
        '{"AMRunningMode": ["Normal"]}',
    ],
)
def test_an_answer_that_is_not_a_status_object_is_unknown_not_a_crash(tmp_path: Path, printed: str) -> None:
    # a stand-in for powershell.exe, a real process printing what a broken or hostile one might
    powershell = uninstaller(tmp_path, "powershell", f"print({printed!r})\n")
    result = DefenderProbe(SubprocessRunner(), powershell=str(powershell))()
    assert result == Protection((), (Text("defender.unreadable"),))


def test_a_deeply_nested_answer_is_unknown_not_a_crash() -> None:
    result = DefenderProbe(Answering("[" * 100_000), powershell="ps")()
    assert not result.protected and "could not be read" in result.notes[0].say()


def test_flags_that_only_look_true_do_not_count_as_protection() -> None:
    status = {"AMRunningMode": "Normal", "AntivirusEnabled": "False", "RealTimeProtectionEnabled": "False"}
    assert not DefenderProbe(Answering(json.dumps(status)), powershell="ps")().protected


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=10,
)
_STATUSISH = st.fixed_dictionaries(
    {},
    optional={
        "AMRunningMode": st.sampled_from(["Normal", "Passive Mode", "EDR Block Mode", ""]) | _JSON,
        "AntivirusEnabled": _JSON,
        "RealTimeProtectionEnabled": _JSON,
    },
)


@given(answer=_JSON | _STATUSISH, exit_code=st.sampled_from([0, 0, 1]))
def test_any_json_answer_gives_a_protection_verdict(answer: object, exit_code: int) -> None:
    result = DefenderProbe(Answering(json.dumps(answer), exit_code), powershell="ps")()
    assert isinstance(result, Protection)
    assert result.active in ((), (DEFENDER_NAME,))
    assert all(isinstance(note.say(), str) for note in result.notes)
    if result.protected:
        assert isinstance(answer, dict) and answer["AntivirusEnabled"] is True


@given(st.text(max_size=200))
def test_any_text_answer_gives_a_protection_verdict(printed: str) -> None:
    assert isinstance(DefenderProbe(Answering(printed), powershell="ps")(), Protection)
