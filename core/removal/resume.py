"""Start Switchover once after the restart, to finish a removal and verify it.

One small adapter per platform, each writing the platform's own start-up entry:
- Windows: a value under HKCU\\...\\RunOnce. Its name starts with "!" so Windows
  deletes it only after the command has run (KB 314866): a crash at logon leaves
  it for the next one.
- macOS: a LaunchAgent plist with RunAtLoad, loaded at the next login.
- Linux: an XDG autostart `.desktop` entry (Desktop Application Autostart spec).
The macOS and Linux entries are not one-shot by themselves: `switchover remove
--resume` calls `unregister()` once the run is final.
"""

from __future__ import annotations

import os
import plistlib
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from core import REVERSE_DOMAIN
from core.files import atomic_write
from core.model import OsName

ENTRY_NAME = "switchover-resume"
LAUNCH_AGENT_LABEL = f"{REVERSE_DOMAIN}.resume"


class Autostart(Protocol):
    def register(self, argv: Sequence[str], *, terminal: bool = True) -> None:
        """Start argv once at the next login (in a terminal for the command line, not for the assistant).

        Raises OSError when it cannot be written.
        """
        ...

    def unregister(self) -> None: ...

    def registered(self) -> tuple[str, ...] | None:
        """The command that would start, or None."""
        ...


def self_command(*args: str) -> tuple[str, ...]:
    """How to start this installation's command line (frozen or not) with args."""
    if getattr(sys, "frozen", False):
        return (sys.executable, *args)
    return (sys.executable, "-m", "core", *args)


def resume_command() -> tuple[str, ...]:
    """How to start `switchover remove --resume` from this installation."""
    return self_command("remove", "--resume")


@dataclass(frozen=True)
class XdgAutostart:
    config_home: Path

    @property
    def path(self) -> Path:
        return self.config_home / "autostart" / f"{ENTRY_NAME}.desktop"

    def register(self, argv: Sequence[str], *, terminal: bool = True) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        text = (
            "[Desktop Entry]\n"
            "Type=Application\n"
            "Name=Switchover: finish removing Kaspersky\n"
            f"Exec={desktop_exec(argv)}\n"
            f"Terminal={'true' if terminal else 'false'}\n"
            "X-GNOME-Autostart-enabled=true\n"
        )
        atomic_write(self.path, text.encode("utf-8"))  # a new, randomly named file: it follows no link

    def unregister(self) -> None:
        self.path.unlink(missing_ok=True)

    def registered(self) -> tuple[str, ...] | None:
        try:
            lines = self.path.read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            return None
        exec_line = next((line[5:] for line in lines if line.startswith("Exec=")), None)
        return parse_desktop_exec(exec_line) if exec_line is not None else None


_DESKTOP_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def desktop_exec(argv: Sequence[str]) -> str:
    """argv as a Desktop Entry Exec value: arguments with reserved characters are double-quoted,
    with `"`, `` ` ``, `$` and `\\` escaped by a backslash; `%` is doubled (field codes)."""
    parts = []
    for arg in argv:
        arg = arg.replace("%", "%%")
        if arg and not (set(arg) & _DESKTOP_RESERVED):
            parts.append(arg)
            continue
        escaped = "".join("\\" + c if c in '"`$\\' else c for c in arg)
        parts.append(f'"{escaped}"')
    # The .desktop file format then escapes backslashes once more in string values.
    return " ".join(parts).replace("\\", "\\\\")


def parse_desktop_exec(value: str) -> tuple[str, ...]:
    """The inverse of `desktop_exec`, as a launcher reads it."""
    value = value.replace("\\\\", "\\")
    args: list[str] = []
    current: list[str] = []
    quoted = started = False
    i = 0
    while i < len(value):
        c = value[i]
        if quoted and c == "\\" and i + 1 < len(value):
            current.append(value[i + 1])
            i += 2
            continue
        if c == '"':
            quoted, started = not quoted, True
        elif c == " " and not quoted:
            if started or current:
                args.append("".join(current))
            current, started = [], False
        else:
            current.append(c)
        i += 1
    if started or current:
        args.append("".join(current))
    return tuple(a.replace("%%", "%") for a in args)


@dataclass(frozen=True)
class MacLaunchAgent:
    home: Path

    @property
    def path(self) -> Path:
        return self.home / "Library" / "LaunchAgents" / f"{LAUNCH_AGENT_LABEL}.plist"

    def register(self, argv: Sequence[str], *, terminal: bool = True) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        document = {"Label": LAUNCH_AGENT_LABEL, "ProgramArguments": list(argv), "RunAtLoad": True}
        atomic_write(self.path, plistlib.dumps(document))

    def unregister(self) -> None:
        self.path.unlink(missing_ok=True)

    def registered(self) -> tuple[str, ...] | None:
        try:
            document = plistlib.loads(self.path.read_bytes())
        except FileNotFoundError:
            return None
        return tuple(document.get("ProgramArguments", ()))


RUN_ONCE_KEY = r"Software\Microsoft\Windows\CurrentVersion\RunOnce"
RUN_ONCE_VALUE = "!SwitchoverResume"


@dataclass(frozen=True)
class WindowsRunOnce:
    """The current user's RunOnce key (the resumed run needs the user's desktop, and HKCU needs no rights)."""

    def register(self, argv: Sequence[str], *, terminal: bool = True) -> None:
        if sys.platform != "win32":  # inline, so that mypy reads winreg as Windows' own
            raise OSError("the RunOnce key exists only on Windows")
        import winreg

        with winreg.CreateKey(winreg.HKEY_CURRENT_USER, RUN_ONCE_KEY) as key:
            winreg.SetValueEx(key, RUN_ONCE_VALUE, 0, winreg.REG_SZ, subprocess.list2cmdline(argv))

    def unregister(self) -> None:
        if sys.platform != "win32":  # inline, so that mypy reads winreg as Windows' own
            raise OSError("the RunOnce key exists only on Windows")
        import winreg

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_ONCE_KEY, 0, winreg.KEY_SET_VALUE) as key:
                winreg.DeleteValue(key, RUN_ONCE_VALUE)
        except FileNotFoundError:
            pass

    def registered(self) -> tuple[str, ...] | None:
        if sys.platform != "win32":  # inline, so that mypy reads winreg as Windows' own
            raise OSError("the RunOnce key exists only on Windows")
        import winreg

        from core.removal.windows_cmdline import split_command_line

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_ONCE_KEY) as key:
                value, _ = winreg.QueryValueEx(key, RUN_ONCE_VALUE)
        except FileNotFoundError:
            return None
        return tuple(split_command_line(value))


def autostart_for(os_name: OsName) -> Autostart:
    if os_name == "windows":
        return WindowsRunOnce()
    if os_name == "macos":
        return MacLaunchAgent(Path.home())
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return XdgAutostart(Path(config))
