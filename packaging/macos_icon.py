"""Switchover's macOS icon (.icns) from the PNGs in resources/icons, with no image library.

An .icns file is a header ("icns", total length) and one (type, length, PNG) block per size;
macOS 10.7 and later read PNG payloads.
"""

from __future__ import annotations

import struct
from pathlib import Path

TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08"}


def write_icns(icons: str | Path, destination: str | Path) -> str:
    blocks = b""
    for size, kind in TYPES.items():
        png = (Path(icons) / f"switchover-{size}.png").read_bytes()
        blocks += kind + struct.pack(">I", len(png) + 8) + png
    path = Path(destination)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"icns" + struct.pack(">I", len(blocks) + 8) + blocks)
    return str(path)
