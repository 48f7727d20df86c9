"""Switchover's Windows icon (.ico) from the PNGs in resources/icons, with no image library.

An .ico may hold PNG images as they are (Windows Vista and later): a 6-byte header, one 16-byte
directory entry per image, then the images.
"""

from __future__ import annotations

import struct
from pathlib import Path

SIZES = (16, 32, 48, 64, 128, 256)


def write_ico(icons: str | Path, destination: str | Path) -> Path:
    images = [(size, (Path(icons) / f"switchover-{size}.png").read_bytes()) for size in SIZES]
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, payload = b"", b""
    for size, png in images:
        side = 0 if size == 256 else size  # 0 stands for 256 in an icon directory
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset + len(payload))
        payload += png
    path = Path(destination)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(header + entries + payload)
    return path
