"""How commands print: JSON documents for scripts, one per run, on stdout."""

from __future__ import annotations

import json
import sys


def write_json(document: dict[str, object]) -> None:
    json.dump(document, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
