"""Frozen records written out by hand: the data types a live scan makes before it prints anything.

A dataclass writes its methods as source text and compiles them when its module is imported:
about a millisecond a class, after importing dataclasses and inspect (another 11 ms). On the
path of `switchover scan` that was more than the scan's own work (benchmarks/bench_scan.py), so
the types on that path declare `__slots__` and an `__init__`, and `Record` gives them what a
frozen dataclass would: equality and hashing by value, a repr, no assignment after `__init__`,
`replace`, and copying and pickling by value. Everywhere else, dataclasses stay the rule.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (4 ms); mypy reads it the same
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, Self


class Record:
    """A value: its fields are its `__slots__`, set once by `__init__` (with `object.__setattr__`)."""

    __slots__: tuple[str, ...] = ()

    def _values(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__ or not isinstance(other, Record):
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__name__}({fields})"

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"cannot assign to field {name!r} of a frozen {type(self).__name__}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field {name!r} of a frozen {type(self).__name__}")

    def __reduce__(self) -> tuple[Callable[..., Record], tuple[type[Record], dict[str, object]]]:
        return (_rebuild, (type(self), {name: getattr(self, name) for name in self.__slots__}))

    def replace(self, **changes: Any) -> Self:
        """A copy with some fields changed (what dataclasses.replace does for a dataclass)."""
        values: dict[str, Any] = {name: getattr(self, name) for name in self.__slots__}
        unknown = set(changes) - set(values)
        if unknown:
            raise TypeError(f"{type(self).__name__} has no field {', '.join(sorted(unknown))}")
        values.update(changes)
        return type(self)(**values)


def _rebuild(kind: type[Record], values: dict[str, object]) -> Record:
    """A record from its fields by name (copy and pickle): `__slots__` need not be in `__init__`'s order."""
    return kind(**values)
