"""`python -m core`: the program's entry, not part of the library. Like the installed `switchover`,
it starts above both faces (gui.launcher), which opens the window or runs the command; the rest
of core never imports gui (tests/core/test_boundaries.py)."""

import sys

from gui.launcher import main

sys.exit(main())
