"""macOS artifact: Switchover-VERSION.dmg holding Switchover.app (build.spec makes the .app).

Built and smoke-tested by the GitHub Actions workflow on a macOS runner (.github/workflows/ci.yml):
it cannot be built on Linux. hdiutil is macOS's own disk-image tool.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import release


def build_dmg(app: Path, dist: Path) -> Path:
    dmg = dist / f"{release.NAME}-{release.VERSION}.dmg"
    dmg.unlink(missing_ok=True)
    subprocess.run(
        ["/usr/bin/hdiutil", "create", "-volname", release.NAME, "-srcfolder", str(app), "-format", "UDZO",
         "-ov", str(dmg)],
        check=True, capture_output=True,
    )  # fmt: skip
    return dmg
