"""Score detection on the corpus in tests/corpus: planted Kaspersky items found, decoys flagged.

Each scan in the manifest runs offline through the real adapters and the bundled signatures.
An item counts as found when it is evidence of a Kaspersky product or leftover (same kind,
location and name, without regard to case); anything else reported as Kaspersky is a false
positive, whether the manifest lists it as a decoy or not.

    .venv/bin/python tools/score_corpus.py [--corpus tests/corpus] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from core.model import Target  # noqa: E402
from core.scan import scan  # noqa: E402

Item = tuple[str, str, str]  # kind, location, name (casefolded)


@dataclass(frozen=True)
class Score:
    planted: frozenset[Item]
    decoys: frozenset[Item]
    flagged: frozenset[Item]  # everything the scans report as Kaspersky's

    @property
    def found(self) -> frozenset[Item]:
        return self.planted & self.flagged

    @property
    def missed(self) -> frozenset[Item]:
        return self.planted - self.flagged

    @property
    def false_positives(self) -> frozenset[Item]:
        return self.flagged - self.planted

    @property
    def decoys_flagged(self) -> frozenset[Item]:
        return self.decoys & self.flagged


def _item(kind: str, location: str, name: str) -> Item:
    return (kind, location.casefold(), name.casefold())


def score(corpus: Path) -> Score:
    """Scan a copy of the corpus with its empty folders made again (git keeps none)."""
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "corpus"
        shutil.copytree(corpus, copy, symlinks=True)
        listed = copy / "empty-folders.txt"
        if listed.exists():
            for name in listed.read_text(encoding="utf-8").splitlines():
                (copy / name).mkdir(parents=True, exist_ok=True)
        return _score(copy)


def _score(corpus: Path) -> Score:
    manifest = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))
    flagged: set[Item] = set()
    for spec in manifest["scans"].values():
        target = Target(
            os=spec["os"],
            live=False,
            root=str(corpus / spec["root"]) if spec.get("root") else None,
            registry_exports=tuple(str(corpus / name) for name in spec.get("reg", [])),
        )
        result = scan(target)
        for product in [*result.products, *result.leftovers]:
            if product.origin == "kaspersky":
                flagged.update(_item(str(e.kind), e.location, e.name) for e in product.evidence)
    return Score(
        planted=frozenset(_item(p["kind"], p["location"], p["name"]) for p in manifest["planted"]),
        decoys=frozenset(_item(d["kind"], d["location"], d["name"]) for d in manifest["decoys"]),
        flagged=frozenset(flagged),
    )


def report(result: Score, *, verbose: bool) -> str:
    by_kind = Counter(kind for kind, _, _ in result.planted)
    found_by_kind = Counter(kind for kind, _, _ in result.found)
    lines = [
        f"found {len(result.found)}/{len(result.planted)} planted Kaspersky items",
        f"false positives: {len(result.false_positives)} "
        f"({len(result.decoys_flagged)} of {len(result.decoys)} decoys flagged)",
        "by kind: " + ", ".join(f"{kind} {found_by_kind[kind]}/{n}" for kind, n in sorted(by_kind.items())),
    ]
    if verbose or result.missed or result.false_positives:
        lines += [f"  missed: {item}" for item in sorted(result.missed)]
        lines += [f"  false positive: {item}" for item in sorted(result.false_positives)]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--corpus", type=Path, default=REPO / "tests" / "corpus")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    result = score(args.corpus)
    print(report(result, verbose=args.verbose))
    return 0 if not result.missed and not result.false_positives else 1


if __name__ == "__main__":
    sys.exit(main())
