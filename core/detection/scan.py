"""A scan: run the adapters for the target's OS, then match what they saw."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import UTC, datetime

from core.detection.matcher import match_observations
from core.detection.signatures import SignatureSet, bundled_signatures
from core.model import Kind, Notes, Observation, OsName, ScanResult, Target

Observe = Callable[[Target, Notes], Iterable[Observation]]
Screen = Callable[[Kind, str, Mapping[str, str], frozenset[str]], bool]  # SignatureSet.could_match


def this_os() -> OsName:
    # sys.platform says what platform.system() says, without importing platform (a live scan's start-up).
    if sys.platform == "win32":
        return "windows"
    if sys.platform == "darwin":
        return "macos"
    return "linux"


def this_hostname() -> str:
    """The machine's name as socket.gethostname() gives it: uname's node name where there is one (the
    same gethostname(2) answer, without importing socket), else Windows' own."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket

    return socket.gethostname()


def live_target() -> Target:
    return Target(os=this_os(), live=True)


def observe_machine(target: Target, notes: Notes, screen: Screen | None = None) -> Iterator[Observation]:
    """Everything the adapters for the target's OS can see, live or offline. With a `screen`
    (SignatureSet.could_match) a reader may leave out ordinary items no rule could match."""
    if target.os == "windows":
        from core.detection.adapters import windows

        yield from windows.observe(target, notes)
    elif target.os == "macos":
        from core.detection.adapters import macos

        yield from macos.observe(target, notes)
    else:
        from core.detection.adapters import linux

        yield from linux.observe(target, notes, screen)
    if target.live:
        from core.detection.adapters import processes

        yield from processes.observe(notes)


def scan(
    target: Target,
    *,
    observe: Observe = observe_machine,
    signatures: SignatureSet | None = None,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> ScanResult:
    """Scan the target and group what was found into products, leftovers and other security software."""
    notes = Notes()
    started = now()
    signatures = signatures or bundled_signatures()
    observed: Iterable[Observation]
    if observe is observe_machine:  # the real adapters: they may skip what no rule could match
        observed = observe_machine(target, notes, signatures.could_match)
    else:
        observed = observe(target, notes)
    matched = match_observations(observed, signatures)
    return ScanResult(
        target=target,
        scanned_at=started.isoformat(timespec="seconds").replace("+00:00", "Z"),
        products=matched.products,
        leftovers=matched.leftovers,
        other_security_software=matched.other_security_software,
        notes=tuple(notes),
        hostname=this_hostname() if target.live else notes.machine.get("hostname") or target.hostname,
        os_version=notes.machine.get("os_version"),
        gaps=tuple(notes.gaps),
    )
