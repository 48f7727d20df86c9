"""Frozen entry point of both executables: the assistant when started without a command (a
double-click), the command line otherwise (core.cli decides)."""

import sys

from core.cli import main

sys.exit(main(sys.argv[1:]))
