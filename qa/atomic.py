"""Writing a file so that a reader, or a second glossqa run, sees the old content or the new, never half."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


def write_atomically(path: Path, text: str | Iterable[str]) -> None:
    """Write `text` (or its pieces) to a temporary file beside `path`, then rename it over `path`;
    OSError says why not."""
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.writelines([text] if isinstance(text, str) else text)
        os.replace(temporary, path)
    finally:
        Path(temporary).unlink(missing_ok=True)
