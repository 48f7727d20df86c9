"""linux adapter: placeholder until the adapter lands."""

from __future__ import annotations

from collections.abc import Iterator

from core.model import Notes, Observation, Target


def observe(target: Target, notes: Notes) -> Iterator[Observation]:
    return iter(())
