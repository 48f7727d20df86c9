"""A scanned machine's files, seen from its root: "/" when live, or a mounted disk or copied tree.

Paths are spelt as the scanned machine spells them ("/opt/kaspersky"). Symbolic links
resolve inside the root, the way a chroot would, so an absolute link on a mounted disk
never reaches the host's own files and a link loop ends in a note instead of a hang.
Everything that cannot be read becomes a note; nothing here raises on a bad tree.
"""

from __future__ import annotations

import errno
import os
import posixpath
import stat
from collections import deque
from collections.abc import Iterator

from core.model import Notes

MAX_LINKS = 40  # what Linux allows before ELOOP
MAX_ENTRIES = 20_000  # per folder: more than that in a known place is broken or hostile
MAX_FILE_BYTES = 64 * 1024 * 1024


class SkippedFile(Exception):
    """A file that was not read; the message is the note to record ("skipped: not a regular file")."""


def read_regular_file(host: str, limit: int, *, follow_links: bool = True) -> bytes:
    """The whole content of the regular file at `host`, at most `limit` bytes; never blocks, never truncates.

    Opened without blocking (a FIFO planted where a file should be must not hang the scan), checked
    on the open descriptor (fstat: a link swapped in after a check by path changes nothing) to be a
    regular file no larger than `limit`, then read with a bound: a file that grew past `limit`
    after the check is refused, not silently cut. `follow_links=False` refuses a symbolic link
    where the platform can tell (O_NOFOLLOW). Raises FileNotFoundError when the file is absent
    and SkippedFile for everything else.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    if not follow_links:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(host, flags)
    except FileNotFoundError:
        raise
    except OSError as error:
        if not follow_links and error.errno in (errno.ELOOP, errno.EMLINK):
            raise SkippedFile("skipped: a symbolic link") from None
        raise SkippedFile(f"cannot be read: {error.strerror or error}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise SkippedFile("skipped: not a regular file")
        if info.st_size > limit:
            raise SkippedFile(f"skipped: {info.st_size} bytes is more than the {limit} expected")
        data = _read_to_end(fd, limit + 1, info.st_size + 1)
    except OSError as error:
        raise SkippedFile(f"cannot be read: {error.strerror or error}") from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise SkippedFile(f"skipped: it grew past the {limit} bytes expected while it was read")
    return data


def _read_to_end(fd: int, most: int, expected: int) -> bytes:
    """Up to `most` bytes, read until the end of the file; straight from the descriptor (a buffered
    file object costs a scan of a few hundred small files more than their reading)."""
    chunks: list[bytes] = []
    left = most
    while left > 0:
        chunk = os.read(fd, min(left, max(expected, 64 * 1024)))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


class RootFS:
    """The scanned machine's files, read from the host folder that is its root."""

    def __init__(self, root: str, notes: Notes) -> None:
        self.root = root  # the host folder that is the scanned machine's "/"
        self.notes = notes
        # Folders already resolved (machine path -> host path): the files of one folder are read one
        # after another, and resolving each from "/" again costs a system call per path component.
        self._folders: dict[str, str] = {}

    def resolve(self, path: str) -> str | None:
        """The host path for a machine path, with every link followed inside the root; None if missing."""
        parent, _, name = path.rpartition("/")
        if not parent or name in ("", ".", ".."):
            return self._resolve_fully(path)
        base = self._folders.get(parent)
        if base is None:
            base = self._resolve_fully(parent)
            if base is None:
                return None
            self._folders[parent] = base
        host = os.path.join(base, name)
        info = self._lstat(host, path)
        if info is None:
            return None
        return self._resolve_fully(path) if stat.S_ISLNK(info.st_mode) else host

    def _lstat(self, host: str, path: str) -> os.stat_result | None:
        """The entry itself (a link is not followed); None when missing or unreadable (noted)."""
        try:
            return os.lstat(host)
        except (FileNotFoundError, NotADirectoryError):
            return None
        except OSError as error:
            self.notes.skip(path, f"cannot be read: {error.strerror or error}")
            return None

    def _resolve_fully(self, path: str) -> str | None:
        resolved: list[str] = []
        pending = deque(path.split("/"))
        links = 0
        while pending:
            part = pending.popleft()
            if part in ("", "."):
                continue
            if part == "..":
                if resolved:
                    resolved.pop()
                continue
            host = os.path.join(self.root, *resolved, part)
            info = self._lstat(host, path)
            if info is None:
                return None
            if not stat.S_ISLNK(info.st_mode):
                resolved.append(part)
                continue
            links += 1
            if links > MAX_LINKS:
                self.notes.skip(path, "skipped: symbolic link loop")
                return None
            try:
                target = os.readlink(host)
            except OSError as error:
                self.notes.skip(path, f"cannot be read: {error.strerror or error}")
                return None
            if target.startswith("/"):
                resolved.clear()
            pending.extendleft(reversed(target.split("/")))
        return os.path.join(self.root, *resolved)

    def link_target(self, path: str) -> str | None:
        """What a symbolic link points at, as written; None if the path is not a link."""
        parent = self.resolve(posixpath.dirname(path))
        if parent is None:
            return None
        try:
            return os.readlink(os.path.join(parent, posixpath.basename(path)))
        except OSError:
            return None

    def kind(self, path: str) -> str | None:
        """ "dir", "file" (regular), "other", or None when the path does not exist."""
        host = self.resolve(path)
        if host is None:
            return None
        try:
            mode = os.stat(host).st_mode
        except OSError:
            return None
        if stat.S_ISDIR(mode):
            return "dir"
        return "file" if stat.S_ISREG(mode) else "other"

    def list_dir(self, path: str) -> list[str]:
        """The names in a folder, sorted; none when it is absent or unreadable (noted)."""
        return [name for name, _ in self.entries(path)]

    def entries(self, path: str) -> list[tuple[str, str | None]]:
        """The names in a folder, sorted, each with its kind as the folder listing tells it ("dir",
        "file", "other"), or None for a symbolic link, which only `kind` can follow inside the root."""
        host = self.resolve(path)
        if host is None:
            return []
        found: list[tuple[str, str | None]] = []
        try:
            with os.scandir(host) as entries:
                for entry in entries:
                    if len(found) >= MAX_ENTRIES:
                        self.notes.skip(path, f"only the first {MAX_ENTRIES} entries were read")
                        break
                    found.append((entry.name, _listed_kind(entry)))
        except NotADirectoryError:
            return []
        except OSError as error:
            self.notes.skip(path, f"cannot be read: {error.strerror or error}")
            return []
        return sorted(found)

    def read_bytes(self, path: str, limit: int = MAX_FILE_BYTES) -> bytes | None:
        """A regular file's content, or None (absent, not a regular file, too large, unreadable: noted)."""
        host = self.resolve(path)
        if host is None:
            return None
        try:
            return read_regular_file(host, limit)
        except FileNotFoundError as error:  # gone since resolve() saw it
            self.notes.skip(path, f"cannot be read: {error.strerror or error}")
        except SkippedFile as why:
            self.notes.skip(path, str(why))
        return None

    def regular_file(self, path: str) -> str | None:
        """The host path of a regular file (for readers that open it themselves, like sqlite)."""
        host = self.resolve(path)
        if host is None:
            return None
        try:
            mode = os.stat(host).st_mode
        except OSError as error:
            self.notes.skip(path, f"cannot be read: {error.strerror or error}")
            return None
        if not stat.S_ISREG(mode):
            self.notes.skip(path, "skipped: not a regular file")
            return None
        return host

    def walk(self, path: str, depth: int, *, into_bundles: bool = False) -> Iterator[tuple[str, str]]:
        """(machine path, kind) for everything up to `depth` levels below `path`.

        Bounded by depth, never by following links out of the root; bundles (a name
        with a dot-suffix like ".app" or ".kext" that is a folder) are reported but
        not entered unless `into_bundles`.
        """
        if depth <= 0:
            return
        for name, listed in self.entries(path):
            child = posixpath.join(path, name)
            # The listing's own type where it gives one (no system call per entry); a link is followed.
            kind = listed or self.kind(child)
            if kind is None:
                continue
            yield child, kind
            if kind == "dir" and (into_bundles or not _is_bundle(name)):
                yield from self.walk(child, depth - 1, into_bundles=into_bundles)


def _listed_kind(entry: os.DirEntry[str]) -> str | None:
    """What the listing says the entry is, without following it; None for a link or when unsure."""
    try:
        if entry.is_symlink():
            return None
        if entry.is_dir(follow_symlinks=False):
            return "dir"
        return "file" if entry.is_file(follow_symlinks=False) else "other"
    except OSError:
        return None  # kind() looks again, and says why if it cannot


def _is_bundle(name: str) -> bool:
    return posixpath.splitext(name)[1] in {".app", ".kext", ".pkg", ".plugin", ".bundle", ".framework"}


def machine_root(root: str | None) -> str:
    """The host folder to scan: the offline tree, or "/" live."""
    return os.path.abspath(root) if root else "/"
