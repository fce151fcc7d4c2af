"""Baselines: record today's diagnostics so that only new ones fail.

A diagnostic is recognised by its file, rule, message and the text of its line (whitespace
collapsed), never by its line number, so it still matches after unrelated edits move it. Identical
diagnostics are matched by count: a baseline holding two hides two, and a third one is new.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from .atomic import write_atomically
from .discover import UnreadableFile, read_regular
from .model import Diagnostic
from .paths import json_text

FORMAT_KEY = "glossqa-baseline"
FORMAT_VERSION = 1

Identity = tuple[str, str, str, str]  # path, rule, message, line text


class BaselineError(Exception):
    def __init__(self, path: Path, reason: str):
        self.path, self.reason = path, reason
        super().__init__(f"{path}: {reason}")


class LineTexts:
    """The text of the lines diagnostics point at, read once per file as they come in report order
    (sorted by path): only the last file read is held, not the whole site."""

    def __init__(self) -> None:
        self._path: str | None = None
        self._lines: list[str] = []

    def __call__(self, path: str, line: int) -> str:
        if path != self._path:
            try:
                self._lines = (
                    read_regular(Path(path)).decode("utf-8-sig", errors="replace").splitlines()
                )
            except UnreadableFile:
                self._lines = []
            self._path = path
        lines = self._lines
        return " ".join(lines[line - 1].split()) if 0 < line <= len(lines) else ""


def identity(diagnostic: Diagnostic, texts: LineTexts, base: Path) -> Identity:
    """What recognises a diagnostic across edits; its path is relative to `base`."""
    path = PurePosixPath(os.path.relpath(os.path.abspath(diagnostic.path), base)).as_posix()
    return path, diagnostic.rule, diagnostic.message, texts(diagnostic.path, diagnostic.line)


def fingerprints(diagnostics: Iterable[Diagnostic]) -> list[str]:
    """A stable hash per diagnostic, numbered among identical ones (for SARIF partialFingerprints)."""
    found = Fingerprints()
    return [found.of(diagnostic) for diagnostic in diagnostics]


class Fingerprints:
    """Fingerprints one diagnostic at a time, in report order."""

    def __init__(self) -> None:
        self.texts, self.seen, self.base = LineTexts(), Counter[str](), Path.cwd()

    def of(self, diagnostic: Diagnostic) -> str:
        digest = hashlib.sha256(
            "\0".join(identity(diagnostic, self.texts, self.base)).encode(
                "utf-8", "surrogateescape"
            )
        ).hexdigest()[:32]
        self.seen[digest] += 1
        return f"{digest}:{self.seen[digest]}"


def write(path: Path, diagnostics: list[Diagnostic]) -> None:
    """Record the diagnostics in `path`, atomically: a reader sees the old file or the new one."""
    base = path.resolve().parent
    texts = LineTexts()
    entries = []
    for diagnostic in diagnostics:
        where, rule, message, text = identity(diagnostic, texts, base)
        entries.append(
            {"path": where, "rule": rule, "message": message, "line": diagnostic.line, "text": text}
        )
    document = {FORMAT_KEY: FORMAT_VERSION, "diagnostics": entries}
    try:
        write_atomically(path, json_text(json.dumps(document, ensure_ascii=False, indent=2)) + "\n")
    except OSError as error:
        raise BaselineError(path, f"cannot write baseline: {error.strerror or error}") from None


def load(path: Path) -> Counter[Identity]:
    try:
        text = read_regular(path).decode("utf-8-sig")
    except (UnreadableFile, UnicodeDecodeError) as error:
        raise BaselineError(path, f"cannot read baseline: {error}") from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise BaselineError(
            path, f"broken baseline: invalid JSON at line {error.lineno}: {error.msg}"
        ) from None
    except RecursionError:
        raise BaselineError(path, "broken baseline: nested too deep") from None
    except ValueError as error:  # an integer of more digits than Python converts
        raise BaselineError(path, f"broken baseline: {error}") from None
    if not isinstance(document, dict) or document.get(FORMAT_KEY) != FORMAT_VERSION:
        raise BaselineError(
            path,
            f'not a glossqa baseline: expected an object with "{FORMAT_KEY}": {FORMAT_VERSION}; '
            "write one with --write-baseline",
        )
    entries = document.get("diagnostics")
    if not isinstance(entries, list):
        raise BaselineError(path, 'broken baseline: "diagnostics" must be a list')
    recorded: Counter[Identity] = Counter()
    for index, entry in enumerate(entries):
        fields = [
            entry.get(name) if isinstance(entry, dict) else None
            for name in ("path", "rule", "message", "text")
        ]
        if not all(isinstance(value, str) for value in fields):
            raise BaselineError(
                path,
                f"broken baseline: diagnostic {index + 1} needs string fields path, rule, message and text",
            )
        path_, rule, message, text = (str(value) for value in fields)
        recorded[(path_, rule, message, text)] += 1
    return recorded


def hide(
    diagnostics: list[Diagnostic], recorded: Counter[Identity], baseline: Path
) -> tuple[list[Diagnostic], int]:
    """The diagnostics the baseline does not hold, and how many it hid."""
    hider = Hider(recorded, baseline)
    kept = [diagnostic for diagnostic in diagnostics if not hider.hides(diagnostic)]
    return kept, len(diagnostics) - len(kept)


class Hider:
    """Hides, one diagnostic at a time in report order, those the baseline holds, as many of each as it holds."""

    def __init__(self, recorded: Counter[Identity], baseline: Path):
        self.remaining = Counter(recorded)
        self.base, self.texts = baseline.resolve().parent, LineTexts()

    def hides(self, diagnostic: Diagnostic) -> bool:
        key = identity(diagnostic, self.texts, self.base)
        if self.remaining[key] > 0:
            self.remaining[key] -= 1
            return True
        return False
