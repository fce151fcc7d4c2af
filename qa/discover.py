"""Find the Markdown files under the paths a user names."""

from __future__ import annotations

import os
import stat
from pathlib import Path

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdx")
# a Markdown page, a rules.yaml or a glossary; the longest Wikipedia article is under 1 MB
MAX_FILE_BYTES = 8 * 1024 * 1024
_KINDS = {
    stat.S_IFIFO: "a FIFO",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
    stat.S_IFDIR: "a folder",
}
SKIPPED_DIRECTORIES = frozenset({"node_modules", "__pycache__", "site-packages"})


def discover(paths: list[Path]) -> list[Path]:
    """Markdown files under `paths`, sorted, each once; hidden and vendored folders are skipped."""
    found: set[Path] = set()
    for path in paths:
        if path.is_file():
            found.add(path)
            continue
        for directory, subdirectories, files in os.walk(path):
            subdirectories[:] = [
                name
                for name in subdirectories
                if not name.startswith(".") and name not in SKIPPED_DIRECTORIES
            ]
            found.update(
                Path(directory, name) for name in files if name.lower().endswith(MARKDOWN_SUFFIXES)
            )
    return sorted(found)


class UnreadableFile(Exception):
    """Why a file is not read: OSError's reason, or not a regular file, or too large."""


def read_regular(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file of at most `limit` bytes, else UnreadableFile.

    Opened without blocking and checked after opening (so a symlink to /dev/zero or a FIFO named
    `x.md` is refused, not read forever), and never read past `limit` (a file that grows meanwhile).
    """
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as error:
        raise UnreadableFile(error.strerror or str(error)) from None
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            kind = _KINDS.get(stat.S_IFMT(status.st_mode), "not a regular file")
            raise UnreadableFile(f"it is {kind}, not a regular file")
        if status.st_size > limit:
            raise UnreadableFile(_too_large(status.st_size, limit))
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(descriptor, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise UnreadableFile(_too_large(size, limit))
        return b"".join(chunks)
    except OSError as error:
        raise UnreadableFile(error.strerror or str(error)) from None
    finally:
        os.close(descriptor)


def _too_large(size: int, limit: int) -> str:
    return f"it is larger than the limit of {limit // (1024 * 1024)} MB ({size:,} bytes)"
