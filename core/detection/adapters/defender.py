"""Microsoft Defender's own view of itself: `Get-MpComputerStatus`, asked through PowerShell or read
from what it printed (a help desk's collection, a demo machine's data).

`Get-MpComputerStatus` also works on Windows Server, where Security Center is absent.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field

from core.detection.adapters.windows import powershell_path
from core.messages import Text
from core.model import Protection
from core.runner import Runner

DEFENDER_STATUS = (
    "Get-MpComputerStatus | Select-Object AMRunningMode, AntivirusEnabled, RealTimeProtectionEnabled"
    " | ConvertTo-Json -Compress"
)
DEFENDER_NAME = "Microsoft Defender Antivirus"


@dataclass(frozen=True)
class DefenderProbe:
    """Defender's status through PowerShell, with a fixed argument list (no user input).

    PowerShell runs by its full System32 path: a bare "powershell.exe" is looked for in the current
    folder and the program's own folder first, where a planted copy would run instead.
    """

    runner: Runner
    powershell: str = field(default_factory=powershell_path)
    timeout_s: float = 60

    def __call__(self) -> Protection:
        argv = [self.powershell, "-NoProfile", "-NonInteractive", "-Command", DEFENDER_STATUS]
        result = self.runner.run(argv, elevated=False, timeout=self.timeout_s, cancel=threading.Event())
        if result.exit_code != 0:
            return Protection((), (Text("defender.not_asked"),))
        return defender_protection(result.output_tail)


def defender_protection(output: str) -> Protection:
    """What the JSON `Get-MpComputerStatus | ConvertTo-Json` printed says; anything else is unreadable."""
    unreadable = Protection((), (Text("defender.unreadable"),))
    try:
        status = json.loads(output)
    except (ValueError, RecursionError):  # JSONDecodeError is a ValueError
        return unreadable
    if not isinstance(status, dict):  # `[]`, `null`, a number: not the object asked for
        return unreadable
    mode = status.get("AMRunningMode")
    if not isinstance(mode, str | None):
        return unreadable
    if (
        mode == "Normal"
        and status.get("AntivirusEnabled") is True
        and status.get("RealTimeProtectionEnabled") is True
    ):
        return Protection((DEFENDER_NAME,))
    if mode and mode != "Normal":
        return Protection((), (Text("defender.mode", {"mode": mode}),))
    return Protection((), (Text("defender.off"),))
