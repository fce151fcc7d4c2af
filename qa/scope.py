"""What a check covers: the files the user named, reported on, and their siblings, read to align them.

A translation is only checkable against its siblings, so when the named paths lie inside a project
(pre-commit passes just the changed files), the other files of their groups are found from the
project root and aligned with them; only the named files are reported on.
"""

from __future__ import annotations

import os
from collections.abc import Set
from dataclasses import dataclass, replace
from pathlib import Path

from . import langtags
from .discover import discover
from .exclude import without_excluded
from .group import group_sources, place
from .model import AlignedGroup, SourceFile


@dataclass
class Scope:
    targets: list[Path]  # reported on
    sources: list[SourceFile]  # the targets and their sibling translations, placed, sorted by path
    languages: frozenset[str]  # of every file in the project (of the targets, outside a project)


def find_scope(
    paths: list[Path],
    config_path: Path | None,
    layout: str,
    source_language: str | None = None,
    exclude: list[str] | None = None,
    respect_gitignore: bool = False,
) -> Scope:
    """Each file is placed once: with the front-matter layout, placing a file means reading it.

    Files that `exclude` globs (relative to the config file's folder) or git ignores are not read.
    """
    base = config_path.resolve().parent if config_path else None

    def kept(found: list[Path]) -> list[Path]:
        return without_excluded(found, base, exclude or [], respect_gitignore)

    targets = kept(_absolute(discover(paths)))
    root = project_root(paths, config_path)
    if root is None or not any(_strictly_inside(path, root) for path in paths):
        sources = [place(path, layout) for path in targets]
        return Scope(targets, sources, _languages(sources, source_language))
    everything = {path: place(path, layout) for path in kept(_absolute(discover([root])))}
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


def focus(group: AlignedGroup, reported: Set[str]) -> AlignedGroup:
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
    """Where the siblings of the checked paths are looked for: the first of the config file's
    folder, the git work tree, the folder holding the language folders (`site` for
    `site/sv/x.md`, when it holds two languages) and the folder common to the checked paths that
    holds every path. Never a folder above all of these: run outside any project, glossqa reads
    nothing beyond the paths it was given and their own language folders."""
    first = Path(os.path.abspath(paths[0]))
    candidates = [
        config_path.resolve().parent if config_path else None,
        _git_top_level(first),
        _above_language_folder(first),
        _common_folder(paths),
    ]
    for candidate in candidates:
        if candidate and all(_inside(path, candidate) for path in paths):
            return candidate
    return None


def cache_root(paths: list[Path], config_path: Path | None) -> Path:
    """Where the result cache goes by default: the config file's folder, the git work tree, or here."""
    if config_path:
        return config_path.resolve().parent
    return _git_top_level(Path(os.path.abspath(paths[0]))) or Path.cwd()


def _common_folder(paths: list[Path]) -> Path | None:
    folders = [
        resolved if resolved.is_dir() else resolved.parent
        for resolved in (path.resolve() for path in paths)
    ]
    try:
        return Path(os.path.commonpath(folders))
    except ValueError:  # different drives
        return None


def _git_top_level(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return None


def _above_language_folder(start: Path) -> Path | None:
    """For `site/tr/basics/x.md`, `site`: where the sibling language folders are. Only a folder
    that holds another language folder too, so `/home/it` (a user named like Italian) is none."""
    for folder in (start, *start.parents):
        if folder.parent != folder and langtags.normalize(folder.name):
            return folder.parent if _holds_two_languages(folder.parent) else None
    return None


def _holds_two_languages(folder: Path) -> bool:
    try:
        names = [entry.name for entry in os.scandir(folder) if entry.is_dir()]
    except OSError:
        return False
    return sum(1 for name in names if langtags.normalize(name)) >= 2


def _inside(path: Path, root: Path) -> bool:
    resolved = path.resolve()
    return resolved == root or root in resolved.parents


def _strictly_inside(path: Path, root: Path) -> bool:
    return root in path.resolve().parents


def _absolute(paths: list[Path]) -> list[Path]:
    return sorted({Path(os.path.abspath(path)) for path in paths})
