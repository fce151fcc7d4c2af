"""The result cache: each group's diagnostics, stored under a hash of everything that decides them.

The key covers glossqa itself (its version, the bytes of its code and word tables, the versions of
the parsers it uses), the effective config (rules, severities, options as prepared — so a
glossary file's terms too —, source, layout, identical and translated keys), every sibling's path,
language and content, and which of the group's files are reported on. A group whose key is found
is not read further than hashing. Entries are written atomically; one that cannot be read or
does not look right is a miss, so the cache can only make a run faster, never change its output.
Each run removes the entries no run has used for 30 days.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import sys
import time
from dataclasses import asdict
from pathlib import Path

from . import __version__
from .atomic import write_atomically
from .config import Config
from .model import Diagnostic, Edit, Fix, Group, Location, ParseError

DEFAULT_DIRECTORY = ".glossqa_cache"
DEPENDENCIES = (
    "markdown-it-py",
    "markdown-it-pyrs",
    "mdit-py-plugins",
    "python-frontmatter",
    "PyYAML",
    "langdetect",
)
ENTRY_SUFFIX = ".json"
UNUSED_FOR_DAYS = 30  # entries of old versions, configs and file contents go after this
IGNORE_EVERYTHING = "# glossqa's result cache: safe to delete, never to commit\n*\n"


class Cache:
    def __init__(self, directory: Path, config: Config):
        self.directory = directory
        self.salt = _digest(_glossqa_fingerprint(), _config_fingerprint(config))

    def key(
        self, group: Group, contents: dict[str, bytes | ParseError], reported: frozenset[str]
    ) -> str:
        """contents: display path -> the file's bytes, or why it could not be read."""
        parts = [self.salt, group.key, group.source_language or "", *sorted(reported)]
        for source in group.files.values():
            content = contents[source.display_path]
            parts += [
                source.display_path,
                source.language,
                source.group_key,
                source.declared_by,
                content.reason
                if isinstance(content, ParseError)
                else hashlib.blake2b(content).hexdigest(),
            ]
        return _digest(*parts)

    def load(self, key: str) -> list[Diagnostic] | None:
        entry = self._entry(key)
        try:
            rows = json.loads(entry.read_bytes())["diagnostics"]
            diagnostics = [_diagnostic(row) for row in rows]
        except (OSError, ValueError, TypeError, KeyError, RecursionError):
            return None
        try:
            os.utime(entry)  # an entry in use is never pruned
        except OSError:
            pass
        return diagnostics

    def prune(self, unused_for_days: float = UNUSED_FOR_DAYS) -> int:
        """Remove entries no run has used for `unused_for_days`; how many were removed."""
        oldest = time.time() - unused_for_days * 86400
        removed = 0
        try:
            buckets = [bucket.path for bucket in os.scandir(self.directory) if bucket.is_dir()]
        except OSError:
            return 0
        for bucket in buckets:
            try:
                for entry in os.scandir(bucket):
                    if entry.name.endswith(ENTRY_SUFFIX) and entry.stat().st_mtime < oldest:
                        os.unlink(entry.path)
                        removed += 1
            except OSError:
                continue
        return removed

    def store(self, key: str, diagnostics: list[Diagnostic]) -> None:
        """Best effort: a cache that cannot be written only costs time."""
        entry = self._entry(key)
        try:
            if not self.directory.is_dir():
                self.directory.mkdir(parents=True, exist_ok=True)
                write_atomically(self.directory / ".gitignore", IGNORE_EVERYTHING)
            entry.parent.mkdir(exist_ok=True)
            write_atomically(
                entry,
                json.dumps({"diagnostics": [_row(d) for d in diagnostics]}),
            )
        except OSError:
            pass

    def holds_at_least(self, count: int) -> bool:
        """Whether the folder holds `count` entries (of any config or version): a hint that a run will be mostly warm."""
        found = 0
        try:
            for bucket in os.scandir(self.directory):
                if bucket.is_dir():
                    found += sum(
                        1 for entry in os.scandir(bucket.path) if entry.name.endswith(ENTRY_SUFFIX)
                    )
                    if found >= count:
                        return True
        except OSError:
            pass
        return found >= count

    def _entry(self, key: str) -> Path:
        return self.directory / key[:2] / (key[2:] + ENTRY_SUFFIX)


def _row(diagnostic: Diagnostic) -> list:
    related = diagnostic.related
    return [
        diagnostic.path,
        diagnostic.line,
        diagnostic.column,
        diagnostic.rule,
        diagnostic.severity,
        diagnostic.message,
        diagnostic.language,
        [related.path, related.line] if related else None,
        _fix_row(diagnostic.fix),
        diagnostic.detail,
    ]


def _diagnostic(row: list) -> Diagnostic:
    path, line, column, rule, severity, message, language, related, fix, detail = row
    if not (
        all(isinstance(text, str) for text in (path, rule, severity, message))
        and all(type(number) is int for number in (line, column))
        and isinstance(language, (str, type(None)))
        and isinstance(detail, (dict, type(None)))
    ):
        raise TypeError("not a diagnostic")
    if related is not None:
        related_path, related_line = related
        if not isinstance(related_path, str) or type(related_line) is not int:
            raise TypeError("not a location")
        related = Location(related_path, related_line)
    return Diagnostic(
        path, line, column, rule, severity, message, language, related, _fix(fix), detail
    )


def _fix_row(fix: Fix | None) -> list | None:
    if fix is None:
        return None
    return [
        fix.description,
        [[e.line, e.column, e.end_line, e.end_column, e.text] for e in fix.edits],
        fix.safe,
    ]


def _fix(row: list | None) -> Fix | None:
    if row is None:
        return None
    description, edits, safe = row
    if not isinstance(description, str) or not isinstance(safe, bool):
        raise TypeError("not a fix")
    return Fix(description, tuple(_edit(*edit) for edit in edits), safe)


def _edit(line: int, column: int, end_line: int, end_column: int, text: str) -> Edit:
    if not all(type(n) is int for n in (line, column, end_line, end_column)) or not isinstance(
        text, str
    ):
        raise TypeError("not an edit")
    return Edit(line, column, end_line, end_column, text)


def _glossqa_fingerprint() -> str:
    """glossqa's version and the bytes of its package, so a changed rule or word table never reuses old results."""
    return _fingerprint_of(__version__)


@functools.lru_cache(maxsize=4)
def _fingerprint_of(version: str) -> str:
    """Hashed once per process: the code a process runs does not change under it."""
    from importlib import metadata  # 20-50 ms to import: only for a run that uses the cache

    package = Path(__file__).resolve().parent
    digest = hashlib.blake2b(f"{version} {sys.version_info[:2]}".encode())
    for name in DEPENDENCIES:
        try:
            digest.update(f"{name} {metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(name.encode())
    for path in sorted(package.rglob("*")):
        if (
            path.is_file()
            and "__pycache__" not in path.parts
            and not path.name.startswith("wordtables-")  # built from the word tables hashed here
        ):
            digest.update(str(path.relative_to(package)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _config_fingerprint(config: Config) -> str:
    settings = {
        "source": config.source,
        "layout": config.layout,
        "identical-keys": config.identical_keys,
        "translated-keys": config.translated_keys,
        "rules": {rule_id: asdict(rule) for rule_id, rule in config.rules.items()},
    }
    return json.dumps(settings, sort_keys=True, ensure_ascii=False, default=_sorted_repr)


def _sorted_repr(value) -> object:
    return sorted(map(repr, value)) if isinstance(value, (set, frozenset)) else repr(value)


def _digest(*parts: str) -> str:
    return hashlib.blake2b("\0".join(parts).encode("utf-8", "surrogateescape")).hexdigest()


def default_directory(root: Path | None) -> Path:
    """DEFAULT_DIRECTORY in the project root (the config file's folder, the git work tree, or here)."""
    return (root or Path.cwd()) / DEFAULT_DIRECTORY
