"""core/ never imports Qt, and the scan path stays light (no Qt, no requests)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO

BLOCK_QT = """
import importlib, pkgutil, sys
class NoQt:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6', 'gui'):
            raise ImportError('core must not import ' + name)
sys.meta_path.insert(0, NoQt())
import core
for module in pkgutil.walk_packages(core.__path__, 'core.'):
    if module.name != 'core.__main__':
        importlib.import_module(module.name)
print('ok')
"""

SCAN_IMPORTS = """
import sys
from core.cli import main
main(['scan', '--json'])
heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'requests', 'jsonschema', 'gui'))
print('HEAVY', heavy, file=sys.stderr)
"""


def test_every_core_module_imports_without_qt() -> None:
    done = subprocess.run([sys.executable, "-c", BLOCK_QT], cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_scan_path_imports_neither_qt_nor_requests() -> None:
    done = subprocess.run([sys.executable, "-c", SCAN_IMPORTS], cwd=REPO, capture_output=True, text=True)
    assert "HEAVY []" in done.stderr, done.stderr
