"""Write resources/signatures/literal-keys.json: the literal index's keys of every bundled pattern.

Reading a pattern for its literals costs more than matching with it, and that cost would grow
with every vendor added; so the keys are read here, once per change of the data, and shipped
beside it (the compiled form of the signatures). A pattern the file lacks is still read at run
time, so a stale file only costs time; tests/signatures/test_literal_index.py fails until the
file is written again.

    .venv/bin/python tools/literal_keys.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from core.detection.literal_index import keys_of, keys_to_json  # noqa: E402
from core.detection.signatures import (  # noqa: E402
    LITERAL_KEYS_FILE,
    LITERAL_KEYS_SCHEMA,
    all_patterns,
    build_signature_set,
    bundled_documents,
)


def literal_keys_document() -> dict[str, object]:
    patterns = all_patterns(build_signature_set(bundled_documents()))
    return {
        "schema": LITERAL_KEYS_SCHEMA,
        "comment": "Written by tools/literal_keys.py from the signature files; do not edit.",
        "keys": {pattern: keys_to_json(keys_of(pattern)) for pattern in patterns},
    }


def main() -> int:
    target = REPO / "resources" / "signatures" / LITERAL_KEYS_FILE
    text = json.dumps(literal_keys_document(), indent=1, ensure_ascii=False, sort_keys=False) + "\n"
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
