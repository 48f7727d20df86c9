"""Workarounds for bugs in the PySide6 release we ship, each with the test that shows it is still needed.

PySide6 6.12.0: `SignalInstance.emit()` returns `True` without giving the caller
a reference. Every discarded result takes one reference from `True` until
Python aborts ("bool_dealloc: deallocating True or False"), in practice after a
few hundred emits (tests/gui/test_pyside_fixes.py reproduces it). `emit` hands
the reference back; on a fixed PySide6 the extra reference on `True` is
harmless (it is immortal in practice).
"""

from __future__ import annotations

import ctypes
from typing import Any

from PySide6.QtCore import SignalInstance

_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None


def emit(signal: SignalInstance, *args: Any) -> None:
    """`signal.emit(*args)`, without PySide6 6.12.0's reference leak on `True`."""
    if signal.emit(*args) is True:
        _incref(True)
