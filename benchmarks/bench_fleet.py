"""How long `switchover fleet summarize` takes over 1,000 scan and removal documents (target: under 2 s).

Makes the documents from a real scan of the Wine fixtures (each with its own machine name, a tenth
of them removal reports), then times summarize plus every output format, best of three runs.

    .venv/bin/python benchmarks/bench_fleet.py [COUNT]
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.helpdesk.fleet import summarize, to_csv, to_html, to_json_lines
from tests.helpdesk.documents import office_scan, removal_report


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    with tempfile.TemporaryDirectory() as folder:
        for n in range(count):
            name = f"PC-{n:04d}"
            document = removal_report("removed", name) if n % 10 == 0 else office_scan(name)
            Path(folder, f"{name}.json").write_text(json.dumps(document), encoding="utf-8")
        size = sum(p.stat().st_size for p in Path(folder).iterdir())
        timings = []
        for _ in range(3):
            started = time.perf_counter()
            summary = summarize([folder])
            read = time.perf_counter()
            for render in (to_csv, to_json_lines, to_html):
                render(summary)
            timings.append((read - started, time.perf_counter() - started))
        reading, total = min(timings)
        print(
            f"{count} documents ({size / 1e6:.1f} MB): read and counted in {reading:.2f} s, "
            f"with CSV, JSON Lines and HTML in {total:.2f} s ({len(summary.needing_work)} need work)"
        )


if __name__ == "__main__":
    main()
