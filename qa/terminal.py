"""What glossqa shows a person at a terminal: colour, a progress bar, a closing summary."""

from __future__ import annotations

import os
import time
from collections.abc import Mapping
from typing import TextIO

from .model import SEVERITIES

PROGRESS_MIN_GROUPS = 50  # shorter runs finish before a bar would help
PROGRESS_INTERVAL = 0.1  # seconds between redraws
BAR_WIDTH = 30


def use_color(choice: str, stream: TextIO, environ=os.environ) -> bool:
    """--color always/never wins; else NO_COLOR (non-empty) turns colour off, FORCE_COLOR on, else a terminal decides."""
    if choice != "auto":
        return choice == "always"
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR"):
        return True
    return _is_terminal(stream) and environ.get("TERM") != "dumb"


class Progress:
    """A one-line bar on a terminal's stderr, redrawn at most every PROGRESS_INTERVAL and erased at the end."""

    def __init__(self, stream: TextIO):
        self.stream = stream
        self.enabled = _is_terminal(stream)
        self.drawn_at = 0.0
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or total < PROGRESS_MIN_GROUPS:
            return
        now = time.monotonic()
        if done < total and now - self.drawn_at < PROGRESS_INTERVAL:
            return
        self.drawn_at = now
        filled = BAR_WIDTH * done // total
        self.stream.write(f"\r[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {done}/{total} groups")
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            self.stream.write("\r\033[K")
            self.stream.flush()


def summary(files: int, groups: int, severities: Mapping[str, int], hidden: int = 0) -> str:
    """severities: how many diagnostics of each."""
    counts = {severity: severities.get(severity, 0) for severity in SEVERITIES}
    text = (
        f"glossqa: {_plural(files, 'file')} in {_plural(groups, 'group')}: "
        f"{_plural(counts['error'], 'error')}, {_plural(counts['warning'], 'warning')}, {counts['info']} info"
    )
    if hidden:
        text += f" ({hidden} more hidden by the baseline)"
    return text


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _is_terminal(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())
