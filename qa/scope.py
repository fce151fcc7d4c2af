"""What a check covers: the files the user named, reported on, and their siblings, read to align them.

A translation is only checkable against its siblings, so when the named paths lie inside a project
(pre-commit passes just the changed files), the other files of their groups are found from the
project root and aligned with them; only the named files are reported on.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

from . import langtags
from .discover import discover
from .group import group_sources, place
from .model import AlignedGroup, SourceFile


@dataclass
class Scope:
    targets: list[Path]  # reported on
    sources: list[SourceFile]  # the targets and their sibling translations, placed, sorted by path
    languages: frozenset[str]  # of every file in the project (of the targets, outside a project)


def find_scope(
    paths: list[Path], config_path: Path | None, layout: str, source_language: str | None = None
) -> Scope:
    """Each file is placed once: with the front-matter layout, placing a file means reading it."""
    targets = _absolute(discover(paths))
    root = project_root(paths, config_path)
    if root is None or not any(_strictly_inside(path, root) for path in paths):
        sources = [place(path, layout) for path in targets]
        return Scope(targets, sources, _languages(sources, source_language))
    everything = {path: place(path, layout) for path in _absolute(discover([root]))}
    placed = {
        **everything,
        **{path: everything.get(path) or place(path, layout) for path in targets},
    }
    wanted = {placed[path].group_key for path in targets}
    groups, _ = group_sources(list(everything.values()), source_language)
    siblings = {
        source.path for group in groups if group.key in wanted for source in group.files.values()
    }
    return Scope(
        targets,
        [placed[path] for path in sorted(siblings | set(targets))],
        _languages(everything.values(), source_language),
    )


def _languages(sources, source_language: str | None) -> frozenset[str]:
    groups, _ = group_sources(list(sources), source_language)
    return frozenset(language for group in groups for language in group.files)


def focus(group: AlignedGroup, reported: set[str]) -> AlignedGroup:
    """The aligned group with only the reported translations left for the rules (the reference stays).

    Siblings still shaped the alignment (the consensus reference, the keys identical in every
    sibling), so a file gets the same diagnostics whether it is checked alone or with all of them.
    """
    keep = [
        document
        for document in group.documents
        if document.path in reported or document is group.reference
    ]
    if len(keep) == len(group.documents):
        return group
    alignments = [
        alignment for alignment in group.alignments if alignment.translation.path in reported
    ]
    return replace(group, documents=keep, alignments=alignments)


def project_root(paths: list[Path], config_path: Path | None) -> Path | None:
    """The first of the config file's folder, the git work tree, the current folder and the folder holding
    the language folders that holds every path."""
    first = Path(os.path.abspath(paths[0]))
    candidates = [
        config_path.resolve().parent if config_path else None,
        _git_top_level(first),
        Path.cwd(),
        _above_language_folder(first),
    ]
    for candidate in candidates:
        if candidate and all(_inside(path, candidate) for path in paths):
            return candidate
    return None


def _git_top_level(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return None


def _above_language_folder(start: Path) -> Path | None:
    """For `site/tr/basics/x.md`, `site`: where the sibling language folders are."""
    for folder in (start, *start.parents):
        if folder.parent != folder and langtags.normalize(folder.name):
            return folder.parent
    return None


def _inside(path: Path, root: Path) -> bool:
    resolved = path.resolve()
    return resolved == root or root in resolved.parents


def _strictly_inside(path: Path, root: Path) -> bool:
    return root in path.resolve().parents


def _absolute(paths: list[Path]) -> list[Path]:
    return sorted({Path(os.path.abspath(path)) for path in paths})
