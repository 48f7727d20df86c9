"""The elevated helper: the only part of Switchover that runs with administrator rights.

The window and the command line run as the user. For the plan's machine-scope steps they start
`switchover elevated-helper` through the platform's elevation (pkexec, sudo, macOS's `sudo -A`, UAC).
The helper takes only flags from its command line (never a plan, a path or a command): it scans this
machine itself, plans, and runs only the machine-scope steps of its own plan, with its own journal in
a folder only administrators can write (`machine_data_dir`). The uninstall password comes on its
standard input. It answers with one `switchover.helper-result/1` JSON line on its standard output.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from core.removal.executor import RunReport
    from core.removal.subprocess_runner import Elevation

HELPER_RESULT = "switchover.helper-result/1"
HELPER_COMMAND = "elevated-helper"
# pkexec's own exit codes when the person dismissed the dialog (126) or polkit refused (127)
PKEXEC_REFUSED = (126, 127)
FILE_ATTRIBUTE_REPARSE_POINT = 0x400


class MachineFolderError(Exception):
    """The machine-scope folder is not one only administrators can write: nothing was run."""


def is_elevated() -> bool:
    """Does this process have administrator rights (root; an elevated Windows token)?"""
    if sys.platform == "win32":
        import ctypes

        return bool(ctypes.windll.shell32.IsUserAnAdmin())  # type: ignore[attr-defined]
    return os.geteuid() == 0


def machine_data_dir() -> Path:
    """The helper's folder (journal, lock): only administrators can write it (ensure_machine_folder).

    Windows: Switchover in ProgramData, as Windows locates it (not %ProgramData%, which a user can set
    for themselves). POSIX: /var/lib/switchover.
    """
    if sys.platform == "win32":
        from core.removal.windows_acl import program_data

        return program_data() / "Switchover"
    return Path("/var/lib/switchover")


def ensure_machine_folder(folder: Path) -> Path:
    """Make (or check) the machine-scope folder: a real folder, not a link, that only administrators
    can write. POSIX: owned by root, mode 0700. Windows: made with an administrators-only access list;
    one already there must be owned by an administrator principal and writable by no one else.
    Raises MachineFolderError otherwise, so a planted one is never used."""
    try:
        if sys.platform == "win32":
            from core.removal.windows_acl import make_admin_only_folder

            make_admin_only_folder(folder)
        else:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = os.lstat(folder)
    except OSError as error:
        raise MachineFolderError(f"cannot make {folder} ({error.strerror or error})") from error
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISDIR(info.st_mode):
        raise MachineFolderError(f"{folder} is not a folder (a link?): nothing was run")
    if sys.platform == "win32":
        from core.removal.windows_acl import admin_only_problem

        if getattr(info, "st_file_attributes", 0) & FILE_ATTRIBUTE_REPARSE_POINT:
            raise MachineFolderError(f"{folder} is a reparse point (a junction or link): nothing was run")
        try:
            problem = admin_only_problem(folder)
        except OSError as error:
            problem = f"cannot read the access list of {folder} ({error})"
        if problem:
            raise MachineFolderError(
                f"{problem}: nothing was run. An administrator can delete the folder; Switchover then "
                "makes it again, for administrators only."
            )
        return folder
    if info.st_uid != 0:
        raise MachineFolderError(f"{folder} belongs to user id {info.st_uid}, not root: nothing was run")
    if info.st_mode & 0o077:
        os.chmod(folder, 0o700)  # root's own folder with loose bits: make it private again
    return folder


def helper_command() -> tuple[str, ...]:
    """How the window and the command line start the helper. Frozen: the installation's console program
    by absolute path, the very program the .deb's polkit action names (/opt/switchover/switchover-cli,
    packaging/linux/elevated-helper.policy), so polkit shows Switchover's own message;
    on Windows the console program gives the helper the console it asks the password in. From a
    checkout: this python with `-m core` (docs/security.md, the developer path)."""
    from core.removal.resume import self_command

    if getattr(sys, "frozen", False):
        return (str(console_program(Path(sys.executable))),)
    return self_command()


def console_program(executable: Path) -> Path:
    """The console program beside a frozen `executable`, links resolved (/usr/bin/switchover is a link
    into /opt/switchover); the executable itself where there is none (the macOS .app has one program)."""
    real = executable.resolve()
    console = real.with_name("switchover-cli.exe" if sys.platform == "win32" else "switchover-cli")
    return console if console.exists() else real


def helper_arguments(*, silent: bool, confirmed: Collection[str], language: str) -> list[str]:
    """The helper's flags: what the person chose, never what to run."""
    args = [HELPER_COMMAND, "--language", language]
    if silent:
        args.append("--silent")
    for step_id in sorted(confirmed):
        args += ["--rescued-confirmed", step_id]
    return args


def result_document(report: RunReport) -> dict[str, Any]:
    """The helper's answer to its parent (docs/cli.md, switchover.helper-result/1)."""
    return {
        "schema": HELPER_RESULT,
        "status": report.status,
        "message": report.message,
        "run_id": report.run_id,
        "reboot_started": report.reboot_started,
        "steps": [
            {"id": e.step_id, "status": e.status, "message": e.message, "exit_code": e.exit_code}
            for e in report.steps
        ],
    }


def report_from_document(document: dict[str, Any]) -> RunReport:
    """The helper's answer read back; ValueError when it is not one."""
    from core.removal.executor import RunReport, StepEvent

    if not isinstance(document, dict) or document.get("schema") != HELPER_RESULT:
        raise ValueError("not a switchover.helper-result/1 document")
    status = document.get("status")
    if status not in ("removed", "failed", "reboot_needed", "cancelled"):
        raise ValueError(f"unknown status {status!r}")
    steps = tuple(
        StepEvent(str(s["id"]), s["status"], str(s.get("message", "")), s.get("exit_code"))
        for s in document.get("steps", [])
    )
    return RunReport(
        document.get("run_id"),
        status,
        str(document.get("message", "")),
        steps,
        bool(document.get("reboot_started")),
    )


def failed_report(message: str) -> RunReport:
    from core.removal.executor import RunReport

    return RunReport(None, "cancelled", message)


@dataclass(frozen=True)
class HelperLauncher:
    """Starts the helper through `elevation` and reads its answer.

    `command` is how this installation starts the helper (`helper_command`): the frozen console program,
    or the venv's python with `-m core` (the developer path). On Windows (`Uac`) the helper
    is started through ShellExecuteEx "runas" (core.removal.subprocess_runner.relaunch_elevated).
    """

    elevation: Elevation
    command: tuple[str, ...]

    def run(
        self, *, password: str | None, silent: bool, confirmed: Collection[str], language: str
    ) -> RunReport:
        argv = [*self.command, *helper_arguments(silent=silent, confirmed=confirmed, language=language)]
        from core.removal.subprocess_runner import Uac

        if isinstance(self.elevation, Uac):
            return _run_through_uac(argv)
        refusal = self.elevation.acquire()
        if refusal:
            return failed_report(f"Nothing was removed: {refusal}.")
        return _run_piped(self.elevation.wrap(argv), password)


def _run_piped(argv: Sequence[str], password: str | None) -> RunReport:
    """POSIX: the password on the helper's stdin (never argv, never the environment); its last
    stdout line is its answer; its stderr (progress) goes to ours."""
    try:
        done = subprocess.run(
            list(argv),
            input=(password or "") + "\n",
            stdout=subprocess.PIPE,
            stderr=None,
            text=True,
            cwd=_helper_folder(),
            check=False,
        )
    except OSError as error:
        return failed_report(f"Nothing was removed: the elevated helper could not start ({error}).")
    if done.returncode in PKEXEC_REFUSED and not done.stdout.strip():
        return failed_report(
            "Nothing was removed: administrator rights were refused (the prompt was dismissed or not "
            "allowed). Run the removal again and allow it to go on."
        )
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    try:
        return report_from_document(json.loads(lines[-1]))
    except (IndexError, ValueError, KeyError, TypeError):
        return failed_report(
            f"The elevated helper ended without an answer (exit code {done.returncode}); run "
            "'switchover remove --resume' to see what is left."
        )


def _helper_folder() -> str:
    """Where the helper starts: the filesystem's root for the installed one; from a checkout (the
    developer path, `python -m core`) the checkout, so that `core` is found (pkexec clears PYTHONPATH)."""
    if getattr(sys, "frozen", False):
        return os.path.abspath(os.sep)
    return str(Path(__file__).resolve().parents[2])


def _run_through_uac(argv: Sequence[str]) -> RunReport:
    """Windows: ShellExecuteEx gives the elevated process neither our handles nor a pipe (the AppInfo
    service starts it, not us), so the helper asks for a password itself in its own administrator
    window, and answers through its exit code: 0 removed, 4 restart needed, 3 not removed."""
    from core.removal.executor import RunReport
    from core.removal.subprocess_runner import relaunch_elevated

    outcome = relaunch_elevated(argv)
    if isinstance(outcome, str):
        return failed_report(f"Nothing was removed: {outcome}.")
    statuses = {0: "removed", 4: "reboot_needed"}
    status = statuses.get(outcome, "failed")
    return RunReport(None, status, f"The administrator window ended (exit code {outcome}).")  # type: ignore[arg-type]
