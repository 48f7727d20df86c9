"""The executor speaks the run's language to people and English to the journal (a record for help desks)."""

from __future__ import annotations

import ast
import json
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from core import exit_codes, messages
from core.assistant.demo import demo_machines
from core.detection.scan import scan
from core.messages import texts
from core.removal.executor import RunReport, StepEvent, execute_plan
from core.removal.journal import Journal
from core.removal.plan import plan_removal
from core.runner import RunResult
from tests.removal.doubles import ScriptPlan, step

EXECUTOR = Path(__file__).resolve().parents[2] / "core" / "removal" / "executor.py"


@pytest.fixture
def strict(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, str]]]:
    """Collects every sentence asked for in a language that has no translation for it."""
    missing: list[tuple[str, str]] = []

    def untranslated(text: str, language: str) -> str:
        missing.append((language, text))
        return text

    monkeypatch.setattr(messages, "_untranslated", untranslated)
    yield missing


def demo_run(tmp_path: Path, language: str, **kwargs) -> tuple[RunReport, list[StepEvent], list[dict]]:
    home = demo_machines()["home"]
    plan = plan_removal(scan(home.target, observe=home.observe), language=language)
    events: list[StepEvent] = []
    report = execute_plan(
        plan,
        runner=home.runner,
        journal=Journal(tmp_path / "journal.jsonl"),
        password=None,
        cancel=kwargs.pop("cancel", threading.Event()),
        on_event=events.append,
        confirm_manual=kwargs.pop("confirm_manual", lambda s: s.phase == "rescue"),
        guard=home.guard,
        language=language,
    )
    journal = (tmp_path / "journal.jsonl").read_text(encoding="utf-8")
    records = [json.loads(line) for line in journal.splitlines()]
    return report, events, records


def test_a_spanish_run_on_the_demo_machine_shows_spanish_messages(tmp_path: Path, strict) -> None:
    report, events, records = demo_run(tmp_path, "es")
    said = {e.message for e in events}
    assert {"hecho a mano", "quitado", "quitado; hace falta reiniciar para terminar (3010)"} <= said
    assert "no hace falta: lo que respalda salió bien" in said and "opcional, y no elegido" in said
    assert report.status == "reboot_needed"
    assert report.message == "reinicie el equipo para terminar; Switchover lo comprueba después"
    english = set(texts("en").values()) | {"removed", "removed; a restart is needed to finish (3010)"}
    assert not said & english and report.message not in english
    assert strict == []
    # The journal is a record for help desks: English, whatever the person read.
    ended = [r["message"] for r in records if r["type"] == "step_ended"]
    assert "done by hand" in ended and "removed" in ended and "hecho a mano" not in ended
    assert [r["message"] for r in records if r["type"] == "run_ended"] == [
        "restart the computer to finish; Switchover verifies after it"
    ]


def test_an_english_run_is_what_it_always_was(tmp_path: Path) -> None:
    report, events, _ = demo_run(tmp_path, "en", cancel=threading.Event())
    assert report.message == "restart the computer to finish; Switchover verifies after it"
    assert {"done by hand", "removed", "not needed: what it falls back from went well"} <= {
        e.message for e in events
    }


def test_a_stopped_spanish_run_quotes_the_step_the_spanish_way(tmp_path: Path, strict) -> None:
    cancel = threading.Event()
    cancel.set()
    report, events, records = demo_run(tmp_path, "es", cancel=cancel)
    title = "Exporte sus contraseñas de Kaspersky Password Manager"  # the plan's first step, in Spanish
    assert events[0].message == "cancelado antes de empezar"
    assert report.message == f"detenido en «{title}»: cancelado antes de empezar"
    assert events[1].message == f"no se ejecutó: «{title}» no terminó"
    run_ended = next(r for r in records if r["type"] == "run_ended")
    # English words around the plan's own title: the journal keeps the plan as it was made.
    assert run_ended["message"] == f"stopped at '{title}': cancelled before it started"
    assert strict == []


class ExitsWith:
    """A runner whose every program ends with `code` after printing `output`."""

    def __init__(self, code: int, output: str = "") -> None:
        self.code, self.output = code, output

    def run(
        self,
        argv: Sequence[str],
        *,
        elevated: bool,
        timeout: float,
        cancel: threading.Event,
        secrets: Sequence[str] = (),
    ) -> RunResult:
        return RunResult(self.code, output_tail=self.output)


@pytest.mark.parametrize(
    ("program", "code", "english", "spanish"),
    [
        ("/opt/kaspersky/uninstall", 7, "the uninstaller failed with exit code 7", "el desinstalador falló"),
        ("/usr/bin/dpkg", 2, "dpkg stopped with a fatal error (2)", "dpkg se detuvo con un error grave"),
        ("C:\\KL\\setup.exe", 1603, "fatal error (1603)", "Kaspersky rechaza la eliminación"),
    ],
)
def test_a_failed_uninstaller_is_explained_in_the_run_language(
    tmp_path: Path, strict, program: str, code: int, english: str, spanish: str
) -> None:
    plan = ScriptPlan((step("uninstall:x", [program, "--remove"], title="Quitar X"),))
    for language, expected in (("en", english), ("es", spanish)):
        report = execute_plan(
            plan,
            runner=ExitsWith(code, "boom"),
            journal=Journal(tmp_path / f"{language}.jsonl"),
            password=None,
            cancel=threading.Event(),
            on_event=lambda _event: None,
            confirm_manual=lambda _step: True,
            guard=lambda *_: None,
            language=language,
        )
        message = report.steps[0].message
        assert (
            expected in message and ("— it said: boom." if language == "en" else "— dijo: boom.") in message
        )
        assert report.message.startswith("'Quitar X' failed: " if language == "en" else "«Quitar X» falló: ")
        lines = (tmp_path / f"{language}.jsonl").read_text(encoding="utf-8").splitlines()
        journaled = [json.loads(line) for line in lines]
        assert english in next(r for r in journaled if r["type"] == "step_ended")["message"]
    assert strict == []


def test_an_unknown_code_is_named_in_every_language() -> None:
    meaning = exit_codes.interpret("other", 7)
    assert (
        meaning.outcome == "failed" and "7" in meaning.message.say("en") and "7" in meaning.message.say("es")
    )


def test_every_executor_message_has_a_spanish_entry() -> None:
    english, spanish = texts("en"), texts("es")
    asked = {
        node.args[0].value
        for node in ast.walk(ast.parse(EXECUTOR.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and (getattr(node.func, "attr", None) == "say" or getattr(node.func, "id", None) == "phrase")
        and node.args
        and isinstance(node.args[0], ast.Constant)
    }
    assert asked and all(key.startswith("run.") for key in asked)
    assert asked - english.keys() == set() and asked - spanish.keys() == set()
    assert {key for key in english if key.startswith("run.")} == asked  # nothing stale
    # The exit-code meanings are core.exit_codes' texts, kept by id like the executor's.
    meanings = [m.message for m in exit_codes._WINDOWS_INSTALLER.values()]
    meanings += [exit_codes.interpret("dpkg", 2).message, exit_codes.interpret("apt", 100).message]
    meanings += [exit_codes.LOCKED_HINT, exit_codes.interpret("other", 7).message]
    assert [m.key for m in meanings if m.key not in english or m.key not in spanish] == []
