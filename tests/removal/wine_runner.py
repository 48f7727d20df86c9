"""Test-only runners: Windows exit codes through 8-bit process exit statuses, and Wine.

Neither Linux nor Wine can hand back a code above 255: 1605 arrives as 69. These
runners map the Windows Installer codes back (tests.wine_support.windows_exit_code)
so the product's interpretation is exercised with the codes Windows returns. The
product never does this mapping.
"""

from __future__ import annotations

import dataclasses
import subprocess
import threading
from collections.abc import Sequence

from core.removal.subprocess_runner import SubprocessRunner
from core.runner import RunResult
from tests.wine_support import WinePrefix, require, windows_exit_code


class WindowsCodesRunner:
    """Runs for real, then maps an 8-bit exit status back to the Windows Installer code it stands for."""

    def __init__(self, inner: SubprocessRunner | None = None) -> None:
        self.inner = inner or SubprocessRunner()

    def run(
        self,
        argv: Sequence[str],
        *,
        elevated: bool,
        timeout: float,
        cancel: threading.Event,
        secrets: Sequence[str] = (),
    ) -> RunResult:
        result = self.inner.run(argv, elevated=elevated, timeout=timeout, cancel=cancel, secrets=secrets)
        if result.exit_code is None or result.exit_code < 0:
            return result
        return dataclasses.replace(result, exit_code=windows_exit_code(result.exit_code))


class WineRunner(WindowsCodesRunner):
    """Runs a Windows command line under Wine in the given prefix (`wine C:\\...\\msiexec.exe /x ...`)."""

    def __init__(self, prefix: WinePrefix) -> None:
        super().__init__(SubprocessRunner(env=prefix.env))
        self.prefix = prefix

    def run(
        self,
        argv: Sequence[str],
        *,
        elevated: bool,
        timeout: float,
        cancel: threading.Event,
        secrets: Sequence[str] = (),
    ) -> RunResult:
        # Wine's prefix user is its own administrator: elevation is implicit there.
        result = super().run(
            [require("wine"), *argv], elevated=False, timeout=timeout, cancel=cancel, secrets=secrets
        )
        subprocess.run(
            ["wineserver", "-w"], env=self.prefix.env, capture_output=True, timeout=120, check=False
        )
        return result
