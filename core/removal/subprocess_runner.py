"""The real `Runner`: a program without a shell, with a timeout, cancellable, its process tree ended cleanly.

Elevation is the platform's own, behind `Elevation`: UAC on Windows, sudo or pkexec
on Linux, the administrator prompt on macOS. It is asked once per run: `acquire()`
runs before the first elevated command and its answer is kept. sudo and pkexec are
started from their system paths, never found through PATH: a `sudo` a user put in
~/.local/bin would be handed the password. Programs start in their own folder (or
the filesystem's root), never in whatever folder Switchover was started from.
"""

from __future__ import annotations

import contextlib
import logging
import os
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import IO, Protocol

import psutil

from core.exit_codes import ERROR_CANCELLED
from core.removal.guard import is_system_msiexec
from core.removal.secrets import scrub
from core.removal.windows_cmdline import msiexec_command_line
from core.runner import RunResult

log = logging.getLogger(__name__)

TAIL_LINES = 40
TAIL_BYTES = 64 * 1024  # what is kept of the output, however much a program prints
LINE_CHARS = 2000  # a kept line longer than this keeps its end
GRACE_S = 3.0  # between asking a process tree to stop and killing it


class Elevation(Protocol):
    def acquire(self) -> str | None:
        """Ask for administrator rights; None when granted, else a message for the person."""
        ...

    def wrap(self, argv: Sequence[str]) -> list[str]:
        """argv as it must be started to run elevated."""
        ...


@dataclass(frozen=True)
class AlreadyElevated:
    """Root, or an elevated Windows process: nothing to ask."""

    def acquire(self) -> str | None:
        return None

    def wrap(self, argv: Sequence[str]) -> list[str]:
        return list(argv)


SYSTEM_SUDO = "/usr/bin/sudo"
SYSTEM_PKEXEC = "/usr/bin/pkexec"


@dataclass(frozen=True)
class Sudo:
    """sudo asks once (`sudo -v` caches the credential); later commands use `-n` and never prompt."""

    sudo: str = SYSTEM_SUDO

    def acquire(self) -> str | None:
        if not _is_program(self.sudo):
            return f"sudo is not installed at {self.sudo}; run Switchover as root"
        done = subprocess.run([self.sudo, "-v"], cwd=os.sep, check=False)
        return None if done.returncode == 0 else "administrator rights were refused (sudo)"

    def wrap(self, argv: Sequence[str]) -> list[str]:
        return [self.sudo, "-n", "--", *argv]


@dataclass(frozen=True)
class Pkexec:
    """polkit's graphical prompt (pkexec exits 126 when the dialog is dismissed, 127 when refused)."""

    pkexec: str = SYSTEM_PKEXEC

    def acquire(self) -> str | None:
        if _is_program(self.pkexec):
            return None
        return f"pkexec is not installed at {self.pkexec}; run Switchover with sudo"

    def wrap(self, argv: Sequence[str]) -> list[str]:
        return [self.pkexec, *argv]

    def refusal(self, exit_code: int) -> str | None:
        """pkexec's own answer when the person did not grant the rights (it then started nothing)."""
        if exit_code == 126:
            return "administrator rights were refused (the polkit dialog was dismissed); nothing was run"
        if exit_code == 127:  # also when no polkit daemon or agent answers (a bare or remote session)
            return (
                "administrator rights were not granted (polkit refused, or no polkit agent is running "
                "in this session); nothing was run: run Switchover with sudo"
            )
        return None


@dataclass(frozen=True)
class MacAdministratorPrompt:
    """macOS: sudo with the system's password dialog as its askpass helper (`sudo -A`).

    No shell sees a command (unlike osascript's `do shell script`); sudo caches the
    credential, so the dialog shows once per run and later commands use `-n`.
    """

    sudo: str = "/usr/bin/sudo"

    def acquire(self) -> str | None:
        env = {**os.environ, "SUDO_ASKPASS": _askpass_helper()}
        done = subprocess.run([self.sudo, "-A", "-v"], env=env, cwd=os.sep, check=False)
        return None if done.returncode == 0 else "administrator rights were refused"

    def wrap(self, argv: Sequence[str]) -> list[str]:
        return [self.sudo, "-n", "--", *argv]


def _askpass_helper() -> str:
    """The askpass dialog, executable (package data may lose its mode bits when installed)."""
    from importlib import resources

    helper = resources.files("resources.macos").joinpath("askpass.applescript")
    path = str(helper)
    if not os.access(path, os.X_OK):
        os.chmod(path, os.stat(path).st_mode | stat.S_IXUSR)
    return path


@dataclass(frozen=True)
class Uac:
    """Windows: a process is elevated as a whole. The machine-scope steps run in the elevated helper,
    started once through the UAC prompt (`relaunch_elevated`, core.removal.elevated_helper)."""

    def acquire(self) -> str | None:
        import ctypes

        if ctypes.windll.shell32.IsUserAnAdmin():  # type: ignore[attr-defined]
            return None
        return "this step needs administrator rights: start Switchover as administrator"

    def wrap(self, argv: Sequence[str]) -> list[str]:
        return list(argv)


def relaunch_elevated(argv: Sequence[str]) -> int | str:
    """Windows only: run argv once through the UAC prompt (ShellExecuteEx "runas") and wait.

    Returns its exit code, or a message when the prompt was declined or could not be shown.
    """
    import ctypes
    from ctypes import wintypes

    class ShellExecuteInfo(ctypes.Structure):
        _fields_ = [
            ("cbSize", wintypes.DWORD),
            ("fMask", wintypes.ULONG),
            ("hwnd", wintypes.HWND),
            ("lpVerb", wintypes.LPCWSTR),
            ("lpFile", wintypes.LPCWSTR),
            ("lpParameters", wintypes.LPCWSTR),
            ("lpDirectory", wintypes.LPCWSTR),
            ("nShow", ctypes.c_int),
            ("hInstApp", wintypes.HINSTANCE),
            ("lpIDList", ctypes.c_void_p),
            ("lpClass", wintypes.LPCWSTR),
            ("hkeyClass", wintypes.HKEY),
            ("dwHotKey", wintypes.DWORD),
            ("hIconOrMonitor", wintypes.HANDLE),
            ("hProcess", wintypes.HANDLE),
        ]

    see_mask_nocloseprocess, sw_shownormal, infinite = 0x40, 1, 0xFFFFFFFF
    info = ShellExecuteInfo(
        cbSize=ctypes.sizeof(ShellExecuteInfo),
        fMask=see_mask_nocloseprocess,
        lpVerb="runas",
        lpFile=argv[0],
        lpParameters=subprocess.list2cmdline(argv[1:]),
        nShow=sw_shownormal,
    )
    windll = ctypes.windll  # type: ignore[attr-defined]
    if not windll.shell32.ShellExecuteExW(ctypes.byref(info)):
        code = ctypes.GetLastError()  # type: ignore[attr-defined]
        if code == ERROR_CANCELLED:
            return "administrator rights were refused (the UAC prompt was declined)"
        return f"could not ask for administrator rights (Windows error {code})"
    windll.kernel32.WaitForSingleObject(info.hProcess, infinite)
    exit_code = wintypes.DWORD()
    windll.kernel32.GetExitCodeProcess(info.hProcess, ctypes.byref(exit_code))
    windll.kernel32.CloseHandle(info.hProcess)
    return int(exit_code.value)


def platform_elevation() -> Elevation:
    """This machine's way to run a command as administrator."""
    if sys.platform == "win32":
        return Uac()
    if os.geteuid() == 0:
        return AlreadyElevated()
    if sys.platform == "darwin":
        return MacAdministratorPrompt()
    from core.console import stdin_is_console

    if stdin_is_console() and _is_program(SYSTEM_SUDO):
        return Sudo()
    return Pkexec()


def _is_program(path: str) -> bool:
    return os.path.isfile(path) and os.access(path, os.X_OK)


def working_folder(program: str) -> str:
    """Where a program starts: its own folder, which the guard checked (uninstallers look for their
    files beside them), else the filesystem's root; never the caller's folder, which a user may own."""
    folder = os.path.dirname(program)
    if os.path.isabs(program) and os.path.isdir(folder):
        return folder
    return os.path.abspath(os.sep)


class SubprocessRunner:
    """Runs programs for real. One instance per run: elevation is asked at most once."""

    def __init__(
        self,
        *,
        elevation: Elevation | None = None,
        env: Mapping[str, str] | None = None,
        poll_s: float = 0.1,
        on_start: Callable[[int, float], None] | None = None,
    ) -> None:
        """`on_start(pid, start_time)` hears of every program started (the journal records it, so that a
        resume after a crash waits for an uninstaller still running)."""
        self._on_start = on_start
        self._elevation = elevation
        self._env = dict(env) if env is not None else None
        self._poll_s = poll_s
        self._elevation_error: str | None = None
        self._elevation_asked = False
        self._lock = threading.Lock()

    def run(
        self,
        argv: Sequence[str],
        *,
        elevated: bool,
        timeout: float,
        cancel: threading.Event,
        secrets: Sequence[str] = (),
    ) -> RunResult:
        command = list(argv)
        from core.removal.guard import is_absolute_here, running_os

        if not command or not is_absolute_here(command[0], running_os()):
            # Popen would search PATH for a bare name (and on Linux `C:\\...\\msiexec.exe` is one).
            program = command[0] if command else ""
            return RunResult(None, error=f"{program!r} is not an absolute path here; it was not started")
        if elevated:
            error = self._acquire()
            if error:
                return RunResult(None, error=error)
            command = self._elevation.wrap(command) if self._elevation else command
        try:
            process = subprocess.Popen(
                _windows_installer_line(command),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                env=self._env,
                cwd=working_folder(argv[0]),
                start_new_session=sys.platform != "win32",  # the tree can be ended without touching us
            )
        except OSError as error:
            return RunResult(None, error=f"{argv[0]}: could not start ({error.strerror or error})")
        if self._on_start is not None:
            _report_start(process, self._on_start)
        tail = _Tail(TAIL_BYTES)
        reader = threading.Thread(target=_read_output, args=(process.stdout, tail), daemon=True)
        reader.start()
        deadline = time.monotonic() + timeout
        timed_out = cancelled = False
        while process.poll() is None:
            if cancel.is_set():
                cancelled = True
            elif time.monotonic() >= deadline:
                timed_out = True
            if cancelled or timed_out:
                end_tree(process.pid)
                break
            cancel.wait(self._poll_s)
        process.wait()
        # A program that started something in the background (a service, a helper) may leave it
        # holding the pipe open: wait a little for the last output, never for that. The reader
        # closes the pipe itself when it ends.
        reader.join(timeout=GRACE_S)
        output = tail.text(secrets)
        if cancelled or timed_out:
            return RunResult(None, timed_out=timed_out, cancelled=cancelled, output_tail=output)
        refused = getattr(self._elevation, "refusal", None) if elevated else None
        refusal = refused(process.returncode) if refused is not None else None
        if refusal:
            return RunResult(None, error=refusal, output_tail=output)
        return RunResult(process.returncode, output_tail=output)

    def _acquire(self) -> str | None:
        with self._lock:
            if not self._elevation_asked:
                self._elevation_asked = True
                if self._elevation is None:
                    self._elevation_error = "this step needs administrator rights and none are available"
                else:
                    self._elevation_error = self._elevation.acquire()
            return self._elevation_error


def _report_start(process: subprocess.Popen[bytes], on_start: Callable[[int, float], None]) -> None:
    try:
        started = psutil.Process(process.pid).create_time()
    except psutil.Error:  # already gone: nothing is left to wait for
        return
    try:
        on_start(process.pid, started)
    except Exception:  # a record that cannot be written must not orphan the child: it is waited for here
        log.warning("could not record the start of PID %d", process.pid, exc_info=True)


class _Tail:
    """The last `limit` bytes a program printed: bounded however much it prints, and without a newline."""

    def __init__(self, limit: int) -> None:
        self._limit = limit
        self._data = bytearray()
        self._cut = False  # bytes before the kept ones were dropped
        self._lock = threading.Lock()

    def add(self, chunk: bytes) -> None:
        with self._lock:
            self._data += chunk
            if len(self._data) > self._limit:
                del self._data[: len(self._data) - self._limit]
                self._cut = True

    def text(self, secrets: Sequence[str]) -> str:
        """The last lines, secrets scrubbed; never a piece of a secret that the cut split."""
        with self._lock:
            text, cut = self._data.decode("utf-8", errors="replace"), self._cut
        # The kept bytes may start inside a secret, and scrubbing misses such a piece: drop the
        # partial first line (a secret holds no newline) or, with no newline, a secret's length.
        newline = text.find("\n") if cut else -1
        text = scrub(text[newline + 1 :], secrets)
        if cut and newline < 0:
            text = text[max((len(s) for s in secrets), default=0) :]
        lines = text.splitlines(keepends=True)[-TAIL_LINES:]
        return "".join(line if len(line) <= LINE_CHARS else "…" + line[-LINE_CHARS:] for line in lines)


def _read_output(stream: IO[bytes] | None, tail: _Tail) -> None:
    if stream is None:
        return
    try:
        # read1: whatever is there, so a program that prints without newlines is still read in pieces
        while chunk := stream.read1(65536):  # type: ignore[attr-defined]
            tail.add(chunk)
    except (OSError, ValueError):
        pass
    finally:
        stream.close()


def end_tree(pid: int) -> None:
    """Ask the process and all its descendants to stop, then kill what is left after a grace period."""
    try:
        root = psutil.Process(pid)
        tree = [*root.children(recursive=True), root]
    except psutil.NoSuchProcess:
        return
    for proc in tree:
        with contextlib.suppress(psutil.NoSuchProcess):
            proc.terminate()
    _, alive = psutil.wait_procs(tree, timeout=GRACE_S)
    for proc in alive:
        with contextlib.suppress(psutil.NoSuchProcess):
            proc.kill()
    psutil.wait_procs(alive, timeout=GRACE_S)


def _windows_installer_line(command: list[str]) -> list[str] | str:
    """On Windows, msiexec gets a command line written by its own quoting rules (a string: CreateProcess
    takes it as it is, no shell involved); every other program gets its argument list."""
    if sys.platform != "win32" or not is_system_msiexec(command[0]):
        return command
    return msiexec_command_line(command)
