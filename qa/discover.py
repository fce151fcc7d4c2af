"""Find the Markdown files under the paths a user names."""

from __future__ import annotations

import os
from pathlib import Path

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdx")
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
