"""Artifacts built once per test session by the same code as `python3 tasks.py package`
(packaging/build.py), and a smoke-test runner that fails on any unexpected output.

The smoke tests follow qutebrowser's release checks: a frozen program must not only exit as
expected, it must say nothing it was not expected to say (no warning, no traceback on stderr).
"""

from __future__ import annotations

import http.server
import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO
from tests.wine_support import require

PACKAGING = REPO / "packaging"
if str(PACKAGING) not in sys.path:
    sys.path.insert(0, str(PACKAGING))


def build(targets: Sequence[str], dist: Path, work: Path, env: dict[str, str] | None = None) -> list[Path]:
    """Run packaging/build.py for `targets`; the artifacts' paths, as it prints them."""
    done = subprocess.run(
        [sys.executable, str(PACKAGING / "build.py"), "--dist", str(dist), "--work", str(work), *targets],
        cwd=REPO, env=env or os.environ.copy(), capture_output=True, text=True, timeout=1800, check=False,
    )  # fmt: skip
    assert done.returncode == 0, f"packaging/build.py {' '.join(targets)} failed:\n{done.stderr[-6000:]}"
    return [Path(line) for line in done.stdout.splitlines() if line.strip()]


def smoke(
    command: Sequence[str],
    *,
    env: dict[str, str] | None = None,
    codes: Sequence[int] = (0,),
    allowed: Sequence[str] = (),
    timeout: float = 120,
) -> subprocess.CompletedProcess[str]:
    """Run an artifact's program; fail on an unexpected exit code or on any stderr line that no
    pattern in `allowed` (each with its reason at the call site) matches, and on a traceback anywhere."""
    done = subprocess.run(
        list(command), env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True,
        errors="replace", timeout=timeout, check=False,
    )  # fmt: skip
    assert done.returncode in codes, f"{command[0]} exited {done.returncode}:\n{done.stdout}\n{done.stderr}"
    unexpected = [
        line for line in done.stderr.splitlines()
        if line.strip() and not any(re.search(pattern, line) for pattern in allowed)
    ]  # fmt: skip
    assert not unexpected, "unexpected output on stderr:\n" + "\n".join(unexpected)
    assert "Traceback" not in done.stdout + done.stderr
    return done


@pytest.fixture(scope="session")
def linux_artifacts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The Linux folder bundle, .deb and tarball, as `tasks.py package` builds them."""
    if not sys.platform.startswith("linux"):
        pytest.skip("the Linux artifacts are built on Linux")
    require("dpkg-deb")
    out = tmp_path_factory.mktemp("linux-package")
    paths = build(["bundle", "deb", "tarball"], out / "dist", out / "work")
    bundle, deb, tarball = paths
    assert bundle.is_dir() and deb.suffix == ".deb" and tarball.name.endswith(".tar.gz")
    return {"bundle": bundle, "deb": deb, "tarball": tarball}


@pytest.fixture
def tampered_catalog(tmp_path: Path) -> Iterator[str]:
    """A web server on 127.0.0.1 serving the bundled catalog with a signature that does not match."""
    (tmp_path / "catalog.json").write_bytes((REPO / "resources/catalog/catalog.json").read_bytes())
    (tmp_path / "catalog.json.sig").write_bytes(b"\x01" * 64)

    class Files(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: Any) -> None:
            super().__init__(*args, directory=str(tmp_path))

        def log_message(self, *args: Any) -> None:  # quiet: the test reads the program's output
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Files)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/catalog.json"
    finally:
        server.shutdown()
        server.server_close()
