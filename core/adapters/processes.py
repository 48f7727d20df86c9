"""Running processes, read live with psutil. Command lines are not read: they can hold passwords."""

from __future__ import annotations

from collections.abc import Iterator

import psutil

from core.model import Kind, Notes, Observation


def observe(notes: Notes) -> Iterator[Observation]:
    for proc in psutil.process_iter(["name", "exe"]):
        info = proc.info
        name = info.get("name")
        if not name:
            continue
        attributes = {"pid": str(proc.pid)}
        if info.get("exe"):
            attributes["exe"] = info["exe"]
        yield Observation(Kind.PROCESS, f"process:{name}:{proc.pid}", name, attributes)
