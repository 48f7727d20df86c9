"""Frozen entry point of the windowed executable: the assistant."""

import sys

from gui.launcher import main

sys.exit(main(sys.argv[1:]))
