"""`glossqa stamp FILE...`: record in a translation the source commit it now follows.

The commit is the last one that changed the translation's source file. It is written under the
key the file already uses (one of the `outdated` rule's `commit-keys` or its `source-commit-key`),
else under `source-commit-key`, added as the last front-matter line (a front matter is created
when there is none). Only the hash changes: the key, its quoting and a trailing comment stay, and
so does every other byte. Files are written atomically.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from . import history
from .atomic import write_atomically
from .group import display_path, group_sources
from .history import History
from .scope import find_scope


@dataclass(frozen=True)
class Stamped:
    path: str
    commit: str  # the full hash written, or "" when nothing was
    reason: str  # why not, or what was done


def stamp(paths: list[Path], config, keys: list[str], own_key: str) -> list[Stamped]:
    scope = find_scope(paths, config.path, config.layout, config.source)
    groups, _ = group_sources(scope.sources, config.source)
    source_language = config.source or "en"
    wanted = {path.resolve() for path in paths}
    histories = history.configure(None)
    results = []
    for group in groups:
        source = next(
            (f for tag, f in group.files.items() if tag.split("-")[0] == source_language), None
        )
        for file in group.files.values():
            if file.path.resolve() not in wanted or file is source:
                continue
            if source is None:
                results.append(Stamped(file.display_path, "", f"no {source_language} source file"))
                continue
            repository = histories.for_file(source.path)
            results.append(
                _stamp_one(file.path, file.display_path, source.path, repository, keys, own_key)
            )
    for path in paths:
        if path.resolve() not in {s.path.resolve() for g in groups for s in g.files.values()}:
            results.append(Stamped(display_path(path), "", "not a translation glossqa can place"))
    return sorted(results, key=lambda stamped: stamped.path)


def _stamp_one(
    path: Path,
    shown: str,
    source_path: Path,
    repository: History | None,
    keys: list[str],
    own_key: str,
) -> Stamped:
    if repository is None:
        return Stamped(shown, "", "no git history to take the source commit from")
    relative = repository.relative(source_path)
    touching = repository.by_path.get(relative or "")
    if not touching:
        return Stamped(shown, "", f"{display_path(source_path)} is not committed")
    commit = touching[0]
    committed = repository.text_at(commit, relative or "")
    if committed is None or committed.encode() != source_path.read_bytes():
        return Stamped(
            shown, "", f"{display_path(source_path)} has uncommitted changes: commit them first"
        )
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    updated = with_commit(text, commit.hash, keys, own_key)
    if updated != text:
        write_atomically(path, updated)
        return Stamped(shown, commit.hash, "stamped")
    return Stamped(shown, commit.hash, "already stamped")


def with_commit(text: str, commit: str, keys: list[str], own_key: str) -> str:
    """`text` with `commit` recorded in its front matter; every other byte as it was."""
    lines = text.splitlines(keepends=True)
    newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    first = lines[0].lstrip("\ufeff").rstrip("\r\n") if lines else ""
    if first != "---":
        bom = "\ufeff" if text.startswith("\ufeff") else ""
        return f"{bom}---{newline}{own_key}: {commit}{newline}---{newline}" + text[len(bom) :]
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip("\r\n") in ("---", "...")), None)
    if end is None:
        return text
    for key in [*keys, own_key]:
        last = key.split(".")[-1]
        nested = "." in key
        pattern = re.compile(
            r"^(\s*)(" + re.escape(last) + r"""\s*:\s*["']?)([0-9a-fA-F]*)(["']?\s*(?:#.*)?)$"""
        )
        for index in range(1, end):
            body = lines[index].rstrip("\r\n")
            match = pattern.match(body)
            if match and bool(match[1]) == nested:
                ending = lines[index][len(body) :]
                lines[index] = match[1] + match[2] + commit + match[4] + ending
                return "".join(lines)
    *parents, last = own_key.split(".")
    if parents:
        addition = f"{parents[0]}:{newline}  {last}: {commit}{newline}"
        for index in range(1, end):
            if re.match(re.escape(parents[0]) + r"\s*:\s*(?:#.*)?$", lines[index].rstrip("\r\n")):
                lines.insert(index + 1, f"  {last}: {commit}{newline}")
                return "".join(lines)
    else:
        addition = f"{own_key}: {commit}{newline}"
    if end > 0 and not lines[end - 1].endswith(("\n", "\r")):
        lines[end - 1] += newline
    lines.insert(end, addition)
    return "".join(lines)
