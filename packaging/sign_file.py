"""Sign one Windows file in place: makensis runs this on the uninstaller before it embeds it
(`!uninstfinalize` in packaging/windows/switchover.nsi), with the build's signing settings."""

import sys
from pathlib import Path

import windows

if __name__ == "__main__":
    windows.sign(Path(sys.argv[1]), description=sys.argv[2])
