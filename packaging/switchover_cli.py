"""Frozen entry point of the console executable: the command line for help-desk scripts."""

import sys

from gui.launcher import main

sys.exit(main(sys.argv[1:]))
