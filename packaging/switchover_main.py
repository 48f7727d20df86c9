"""Frozen entry point of both executables: the assistant when started without a command (a
double-click), the command line otherwise (gui.launcher decides, so core never imports gui)."""

import sys

from gui.launcher import main

sys.exit(main(sys.argv[1:]))
