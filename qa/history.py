"""The git history of a project, read once per run, and the base of each translation.

`git log` runs once per repository and run (its result is kept in the cache folder under the
repository's HEAD, so the next run with the same HEAD reads a file instead); file contents at a
commit come from one `git cat-file --batch` process per worker, never one process per file.

The base of a translation is the source revision it was translated from:
- the commit recorded in its front matter (`default_lang_commit`, `l10n.sourceCommit` or
  glossqa's `source-commit`; abbreviated hashes and trailing YAML comments are fine), else
- the source revision, among those since the translation's file was created, that the
  translation matches best through what translation leaves alone (structure, links, code,
  numbers). When several match equally well, a later one is the base only if a translation
  commit after it changed the sections that revision changed, by more than a typo fix.
"""

from __future__ import annotations

import difflib
import json
import os
import re
import subprocess
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .align import align_sections, section_anchors
from .atomic import write_atomically
from .model import Document, SourceFile
from .revisions import changes, match_sections, parse_revision

RULES = ("outdated",)  # the rules whose results depend on the history
HEX = re.compile(r"^[0-9a-fA-F]{7,40}$")
LOG_FORMAT = "%x1e%H%x1f%P%x1f%ct%x1f%cs%x1f%B%x1f"
RECORD_SEPARATOR, FIELD_SEPARATOR = "\x1e", "\x1f"
TYPO_SIMILARITY = 0.9  # a translation edit keeping this much of a section's text is a typo fix
MAX_CANDIDATES = 60  # source revisions weighed when inferring a base
PARSED_KEPT = 256  # revisions kept parsed per process


@dataclass(frozen=True)
class Commit:
    hash: str
    parents: tuple[str, ...]
    time: int
    date: str  # YYYY-MM-DD, the committer date
    message: str
    paths: tuple[str, ...]

    @property
    def short(self) -> str:
        return self.hash[:7]

    @property
    def subject(self) -> str:
        return self.message.split("\n", 1)[0].strip()

    def as_dict(self) -> dict:
        return {"hash": self.short, "date": self.date, "subject": self.subject}


@dataclass(frozen=True)
class Base:
    """The source revision a translation follows, or why there is none."""

    commit: Commit | None
    how: str  # "recorded", "inferred", or "" when unknown
    line: int = 1  # where the recorded commit is written, for diagnostics about it
    problem: str = ""


class History:
    def __init__(self, root: Path, head: str, shallow: bool, commits: list[Commit]):
        self.root = root
        self.head = head
        self.shallow = shallow
        self.commits = commits  # newest first, as `git log` lists them
        self.by_hash = {commit.hash: commit for commit in commits}
        self.by_path: dict[str, list[Commit]] = {}
        for commit in commits:
            for path in commit.paths:
                self.by_path.setdefault(path, []).append(commit)
        self._sorted_hashes = sorted(self.by_hash)
        self._ancestors: dict[str, frozenset[str]] = {}
        self._blobs = BlobReader(root)
        self._documents: dict[tuple[str, str, str], Document | None] = {}

    def relative(self, path: Path) -> str | None:
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return None

    def resolve(self, prefix: str) -> Commit | None:
        """The commit a full or abbreviated hash names; None when none or several do."""
        prefix = prefix.lower()
        if prefix in self.by_hash:
            return self.by_hash[prefix]
        from bisect import bisect_left

        index = bisect_left(self._sorted_hashes, prefix)
        found = [
            hash_ for hash_ in self._sorted_hashes[index : index + 2] if hash_.startswith(prefix)
        ]
        return self.by_hash[found[0]] if len(found) == 1 else None

    def ancestors(self, commit: Commit) -> frozenset[str]:
        """The commit and everything reachable from it."""
        known = self._ancestors.get(commit.hash)
        if known is None:
            seen = {commit.hash}
            stack = [commit.hash]
            while stack:
                for parent in self.by_hash[stack.pop()].parents:
                    if parent in self.by_hash and parent not in seen:
                        seen.add(parent)
                        stack.append(parent)
            known = self._ancestors[commit.hash] = frozenset(seen)
        return known

    def commits_since(self, base: Commit, path: str) -> list[Commit]:
        """Commits after `base` (not reachable from it) that changed `path`, newest first."""
        reachable = self.ancestors(base)
        return [commit for commit in self.by_path.get(path, ()) if commit.hash not in reachable]

    def document_at(self, commit: Commit, path: str, like: SourceFile) -> Document | None:
        """The file at a commit, parsed; kept, since each translation of a page asks again."""
        key = (commit.hash, path, like.display_path)
        if key not in self._documents:
            if len(self._documents) >= PARSED_KEPT:
                self._documents.pop(next(iter(self._documents)))
            text = self.text_at(commit, path)
            self._documents[key] = parse_revision(text, like) if text is not None else None
        return self._documents[key]

    def text_at(self, commit: Commit, path: str) -> str | None:
        data = self._blobs.read(commit.hash, path)
        return data.decode("utf-8", "replace") if data is not None else None

    def created(self, path: str) -> Commit | None:
        """The oldest commit that touched `path`."""
        touching = self.by_path.get(path)
        return touching[-1] if touching else None


class BlobReader:
    """One `git cat-file --batch` per process (a forked worker starts its own)."""

    def __init__(self, root: Path):
        self.root = root
        self._process: subprocess.Popen | None = None
        self._pid = 0

    def read(self, commit: str, path: str) -> bytes | None:
        if "\n" in path:
            return None
        process = self._start()
        assert process.stdin is not None and process.stdout is not None
        process.stdin.write(f"{commit}:{path}\n".encode("utf-8", "surrogateescape"))
        process.stdin.flush()
        header = process.stdout.readline().split()
        if len(header) != 3 or header[1] != b"blob":
            return None
        data = process.stdout.read(int(header[2]))
        process.stdout.read(1)
        return data

    def _start(self) -> subprocess.Popen:
        if self._process is None or self._pid != os.getpid():
            self._process = subprocess.Popen(
                ["git", "-C", str(self.root), "cat-file", "--batch"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
            )
            self._pid = os.getpid()
        return self._process


@dataclass
class Histories:
    """Every repository this process has read, by work-tree root; what could not be read, said once."""

    cache_directory: Path | None = None
    loaded: dict[Path, History | None] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)
    _roots: dict[Path, Path | None] = field(default_factory=dict)

    def for_file(self, path: Path) -> History | None:
        root = self._root_of(path.resolve().parent)
        if (
            root is None
        ):  # not said: most runs outside git need no history; status names it per file
            return None
        if root not in self.loaded:
            self.loaded[root] = self._load(root)
        return self.loaded[root]

    def _root_of(self, folder: Path) -> Path | None:
        if folder not in self._roots:
            if (folder / ".git").exists():
                self._roots[folder] = folder
            elif folder.parent == folder:
                self._roots[folder] = None
            else:
                self._roots[folder] = self._root_of(folder.parent)
        return self._roots[folder]

    def _load(self, root: Path) -> History | None:
        try:
            head, shallow = _git(root, "rev-parse", "HEAD", "--is-shallow-repository").split()
        except (OSError, subprocess.CalledProcessError, ValueError):
            self._notice(
                f"{root}: git history unreadable (no commit yet?): bases come only from recorded commits"
            )
            return None
        if shallow == "true":
            self._notice(
                f"{root}: shallow clone: commits before its first are unknown; "
                "fetch the full history (git fetch --unshallow) for every base to be found"
            )
        cached = self._cached(head)
        if cached is None:
            cached = _read_log(root)
            self._store(head, cached)
        return History(root, head, shallow == "true", cached)

    def _cached(self, head: str) -> list[Commit] | None:
        if self.cache_directory is None:
            return None
        entry = self.cache_directory / "history" / f"{head}.json"
        try:
            rows = json.loads(entry.read_bytes())
            commits = [
                Commit(row[0], tuple(row[1]), row[2], row[3], row[4], tuple(row[5])) for row in rows
            ]
            os.utime(entry)
        except (OSError, ValueError, TypeError, IndexError):
            return None
        return commits

    def _store(self, head: str, commits: list[Commit]) -> None:
        if self.cache_directory is None:
            return
        folder = self.cache_directory / "history"
        rows = [
            [c.hash, list(c.parents), c.time, c.date, c.message, list(c.paths)] for c in commits
        ]
        try:
            folder.mkdir(parents=True, exist_ok=True)
            write_atomically(folder / f"{head}.json", json.dumps(rows, ensure_ascii=False))
        except OSError:
            pass

    def _notice(self, text: str) -> None:
        if text not in self.notices:
            self.notices.append(text)


HISTORIES = Histories()


def configure(cache_directory: Path | None) -> Histories:
    """Start a run: histories are read afresh (HEAD may have moved) and cached in `cache_directory`."""
    global HISTORIES
    HISTORIES = Histories(cache_directory)
    return HISTORIES


def _git(root: Path, *arguments: str) -> str:
    return subprocess.run(
        ["git", "-C", str(root), *arguments],
        check=True,
        capture_output=True,
    ).stdout.decode("utf-8", "surrogateescape")


def _read_log(root: Path) -> list[Commit]:
    output = _git(
        root, "log", "-z", "--name-only", "--no-renames", f"--format={LOG_FORMAT}", "HEAD"
    )
    commits = []
    for record in output.split(RECORD_SEPARATOR)[1:]:
        hash_, parents, time, date, message, rest = record.split(FIELD_SEPARATOR, 5)
        paths = tuple(path.lstrip("\n") for path in rest.split("\0") if path.strip("\n"))
        commits.append(
            Commit(hash_, tuple(parents.split()), int(time), date, message.strip(), paths)
        )
    return commits


def recorded_commit(document: Document, keys: list[str]) -> tuple[str, int] | None:
    """The commit written in the front matter under one of `keys` (a dotted key is nested), and its line.

    Read from the file's lines, not the parsed YAML: `1234567` would be a number there. A key
    inside a fenced code block further down is never the front matter's.
    """
    front_matter = document.front_matter
    if front_matter is None:
        return None
    lines = document.lines[front_matter.line : front_matter.end_line - 1]
    for key in keys:
        *parents, last = key.split(".")
        pattern = re.compile(
            r"^(\s*)" + re.escape(last) + r"""\s*:\s*["']?([0-9a-fA-F]{4,40})["']?\s*(?:#.*)?$"""
        )
        for offset, line in enumerate(lines):
            match = pattern.match(line)
            if match and (bool(parents) == bool(match[1])):
                return match[2].lower(), front_matter.line + offset + 1
    return None


def find_base(
    history: History | None,
    translation: Document,
    source: Document,
    keys: list[str],
) -> Base:
    recorded = recorded_commit(translation, keys)
    if recorded is not None:
        value, line = recorded
        if history is None:
            return Base(
                None,
                "",
                line,
                f"recorded source commit {value} cannot be looked up without git history",
            )
        commit = history.resolve(value) if HEX.match(value) else None
        if commit is None:
            reason = "shallow clone" if history.shallow else "not in this repository's history"
            return Base(None, "", line, f"recorded source commit {value} is unknown ({reason})")
        return Base(commit, "recorded", line)
    if history is None:
        return Base(None, "")
    return infer_base(history, translation, source)


def infer_base(history: History, translation: Document, source: Document) -> Base:
    translation_path = history.relative(translation.source.path)
    source_path = history.relative(source.source.path)
    if translation_path is None or source_path is None:
        return Base(None, "")
    created = history.created(translation_path)
    if created is None:
        return Base(None, "", problem="the translation is not committed yet")
    candidates = [created, *reversed(history.commits_since(created, source_path))]
    candidates = candidates[-MAX_CANDIDATES:]
    wanted = fingerprint(translation)
    revisions: list[tuple[Commit, Document, float]] = []
    for commit in candidates:
        document = history.document_at(commit, source_path, source.source)
        if document is None:
            continue
        revisions.append((commit, document, likeness(wanted, fingerprint(document))))
    if not revisions:
        return Base(None, "", problem="the source did not exist when the translation was created")
    best = max(score for _, _, score in revisions)
    tied = [(commit, document) for commit, document, score in revisions if score >= best - 1e-9]
    base_commit, base_document = tied[0]
    for commit, document in tied[1:]:
        if _translation_followed(
            history, translation_path, translation, base_document, commit, document
        ):
            base_commit, base_document = commit, document
    return Base(base_commit, "inferred")


def fingerprint(document: Document) -> Counter:
    """What translation leaves alone, as a multiset: section levels, links, code, numbers and shape."""
    features: Counter = Counter()
    for section in document.sections:
        anchors = section_anchors(section)
        features[("level", anchors.level)] += 1
        features.update(("link", link) for link in anchors.links)
        features.update(("code", code) for code in anchors.code)
        features.update(("token", token) for token in anchors.tokens)
        features[("shape", anchors.level, anchors.shape)] += 1
    return features


def likeness(first: Counter, second: Counter) -> float:
    union = sum((first | second).values())
    return sum((first & second).values()) / union if union else 1.0


def _translation_followed(
    history: History,
    translation_path: str,
    translation: Document,
    old_source: Document,
    commit: Commit,
    new_source: Document,
) -> bool:
    """Whether a translation commit after `commit` changed, by more than a typo fix, the sections
    that `commit` changed in the source."""
    changed_source = {id(change.new) for change in changes(old_source, new_source) if change.new}
    if not changed_source:
        return True
    reachable = history.ancestors(commit)
    later = [c for c in history.by_path.get(translation_path, ()) if c.hash not in reachable]
    for translation_commit in later:
        after_text = history.text_at(translation_commit, translation_path)
        parent = translation_commit.parents[0] if translation_commit.parents else None
        before_text = (
            history.text_at(history.by_hash[parent], translation_path)
            if parent in history.by_hash
            else None
        )
        if after_text is None or before_text is None:
            continue
        after = parse_revision(after_text, translation.source)
        before = parse_revision(before_text, translation.source)
        touched = [
            new
            for old, new in match_sections(before.sections, after.sections)
            if new is not None and _substantive_edit(before, old, after, new)
        ]
        if not touched:
            continue
        counterpart = {
            id(pair.translation): pair.reference
            for pair in align_sections(new_source.sections, after.sections)
            if pair.translation is not None
        }
        if any(id(counterpart.get(id(section))) in changed_source for section in touched):
            return True
    return False


def _substantive_edit(before: Document, old, after: Document, new) -> bool:
    if old is None:
        return True
    old_text = "\n".join(before.lines[old.line - 1 : old.end_line])
    new_text = "\n".join(after.lines[new.line - 1 : new.end_line])
    if old_text == new_text:
        return False
    if len(old.blocks) != len(new.blocks):
        return True
    return (
        difflib.SequenceMatcher(None, old_text, new_text, autojunk=False).ratio() < TYPO_SIMILARITY
    )
