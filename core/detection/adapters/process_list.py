"""Processes from a saved list, as Windows' own tools write it:

    Get-CimInstance Win32_Process | Select-Object Name, ProcessId, ExecutablePath |
        Export-Csv -NoTypeInformation -Encoding UTF8 processes.csv

One observation per row, the same as a live scan's (core/detection/adapters/processes.py). Rows
without a name or with a process id that is not a number are noted and skipped.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from core.detection.adapters.rootfs import SkippedFile, read_regular_file
from core.model import Kind, Notes, Observation

MAX_BYTES = 8 << 20  # a list of a few thousand processes is far smaller


def read_process_list(path: str, notes: Notes) -> Iterator[Observation]:
    try:
        data = read_regular_file(path, MAX_BYTES)
    except SkippedFile as skipped:
        notes.skip(path, str(skipped))
        return
    except OSError as error:
        notes.skip(path, f"could not be read ({error.strerror or error})")
        return
    yield from process_observations(data.decode("utf-8-sig", errors="replace"), source=path, notes=notes)


def process_observations(text: str, *, source: str, notes: Notes) -> Iterator[Observation]:
    rows = csv.DictReader(io.StringIO(text, newline=""))  # csv reads the line ends itself
    try:
        yield from _rows(rows, source, notes)
    except csv.Error as error:
        notes.skip(source, f"the process list is damaged ({error}); the rest was skipped")


def _rows(rows: csv.DictReader[str], source: str, notes: Notes) -> Iterator[Observation]:
    if rows.fieldnames is None or not {"Name", "ProcessId"} <= set(rows.fieldnames):
        notes.skip(source, "not a process list: the columns Name and ProcessId are missing")
        return
    for number, row in enumerate(rows, start=2):
        name, pid = (row.get("Name") or "").strip(), (row.get("ProcessId") or "").strip()
        if not name or not pid.isdigit():
            notes.skip(f"{source}:{number}", "a row without a process name or id was skipped")
            continue
        attributes = {"pid": pid}
        if exe := (row.get("ExecutablePath") or "").strip():
            attributes["exe"] = exe
        yield Observation(Kind.PROCESS, f"process:{name}:{pid}", name, attributes)
