"""Running processes, read live with psutil. Command lines are not read: they can hold passwords.

One process that cannot be read never stops the scan: it ends (NoSuchProcess), it is not ours to read
(AccessDenied: its name still counts), or the OS answers with an error psutil does not translate, which
real Windows does (psutil issues 1501, 1662, 1675). Such a process is skipped and noted.
"""

from __future__ import annotations

from collections.abc import Iterator

import psutil

from core.model import Kind, Notes, Observation

LOCATION = "running processes"


def observe(notes: Notes) -> Iterator[Observation]:
    try:
        pids = psutil.pids()
    except (OSError, psutil.Error) as error:
        notes.skip(LOCATION, f"the list of running processes could not be read: {error}")
        return
    for pid in pids:
        try:
            observation = _observe_one(pid, notes)
        except (psutil.NoSuchProcess, psutil.ZombieProcess):
            continue  # it ended while the scan ran
        except (OSError, psutil.Error) as error:
            notes.skip(f"{LOCATION}: process {pid}", f"could not be read: {error}")
            continue
        if observation is not None:
            yield observation


def _observe_one(pid: int, notes: Notes) -> Observation | None:
    process = psutil.Process(pid)
    with process.oneshot():
        name = process.name()
        if not name:
            return None
        attributes = {"pid": str(pid)}
        try:
            exe = process.exe()
        except psutil.AccessDenied:  # a protected process: its name alone is evidence
            exe = ""
        except OSError as error:  # its name is still evidence; say why the path is missing
            notes.skip(f"{LOCATION}: process {pid} ({name})", f"its program path could not be read: {error}")
            exe = ""
        if exe:
            attributes["exe"] = exe
    return Observation(Kind.PROCESS, f"process:{name}:{pid}", name, attributes)
