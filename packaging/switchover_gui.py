"""Frozen entry point of the windowed executable: the assistant."""

import sys

from core.cli import main

sys.exit(main(sys.argv[1:]))
