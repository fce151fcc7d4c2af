"""Group sibling translations: decide each file's language and the article it translates."""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

from . import langtags, safe_yaml
from .discover import UnreadableFile, read_regular
from .model import Group, SourceFile

LAYOUTS = ("auto", "directory", "suffix", "front-matter")
FRONT_MATTER_LANGUAGE_KEYS = ("lang", "language", "locale")
FRONT_MATTER_GROUP_KEYS = ("translationKey", "translation_key", "translation-key", "ref")


def display_path(path: Path) -> str:
    return PurePosixPath(os.path.relpath(path)).as_posix()


def group_files(paths: list[Path], layout: str = "auto") -> tuple[list[Group], list[SourceFile]]:
    """Groups of sibling translations, and the files whose language could not be told."""
    return group_sources([place(path, layout) for path in paths])


def group_sources(sources: list[SourceFile]) -> tuple[list[Group], list[SourceFile]]:
    """group_files for files already placed, in the order given (the first of two same-language claims wins)."""
    groups: dict[str, dict[str, SourceFile]] = {}
    unplaced: list[SourceFile] = []
    for source in sources:
        if source.language == "":
            unplaced.append(source)
            continue
        members = groups.setdefault(source.group_key, {})
        if source.language in members:
            # Two files claim the same language for one article: keep both visible as separate groups.
            groups.setdefault(f"{source.group_key}#{source.display_path}", {})[source.language] = (
                source
            )
        else:
            members[source.language] = source
    ordered = [Group(key, dict(sorted(files.items()))) for key, files in sorted(groups.items())]
    return ordered, unplaced


def place(path: Path, layout: str) -> SourceFile:
    shown = display_path(path)
    relative = PurePosixPath(shown)
    if layout in ("auto", "suffix"):
        found = _from_suffix(relative)
        if found:
            return SourceFile(path, shown, found[1], found[0], "suffix")
    if layout in ("auto", "directory"):
        found = _from_directory(relative)
        if found:
            return SourceFile(path, shown, found[1], found[0], "path")
    if layout in ("auto", "front-matter"):
        found = _from_front_matter(path, relative)
        if found:
            return SourceFile(path, shown, found[1], found[0], "front matter")
    return SourceFile(path, shown, shown, "", "")


def _from_suffix(relative: PurePosixPath) -> tuple[str, str] | None:
    stem, dot, tag = relative.stem.rpartition(".")
    language = langtags.normalize(tag) if dot else None
    if not language:
        return None
    return language, str(relative.with_name(stem + relative.suffix))


def _from_directory(relative: PurePosixPath) -> tuple[str, str] | None:
    parts = relative.parts
    for index, segment in enumerate(parts[:-1]):
        language = langtags.normalize(segment)
        if language:
            return language, "/".join(parts[:index] + parts[index + 1 :])
    return None


def _from_front_matter(path: Path, relative: PurePosixPath) -> tuple[str, str] | None:
    metadata = read_front_matter_head(path)
    for key in FRONT_MATTER_LANGUAGE_KEYS:
        value = metadata.get(key)
        language = langtags.normalize(value) if isinstance(value, str) else None
        if language:
            break
    else:
        return None
    for key in FRONT_MATTER_GROUP_KEYS:
        if isinstance(metadata.get(key), (str, int)):
            return language, f"{relative.parent}/{metadata[key]}"
    stem = relative.stem
    for separator in "-_.":
        head, sep, tag = stem.rpartition(separator)
        if sep and langtags.normalize(tag) == language:
            stem = head
            break
    return language, str(relative.with_name(stem + relative.suffix))


def read_front_matter_head(path: Path, max_lines: int = 200) -> dict:
    """The YAML front matter of a file, read cheaply; {} when there is none or it is broken."""
    try:
        lines = read_regular(path).decode("utf-8-sig", errors="replace").splitlines()
        if not lines or lines[0].rstrip() != "---":
            return {}
        collected = []
        for line in lines[1 : max_lines + 1]:
            if line.rstrip() in ("---", "..."):
                break
            collected.append(line)
        metadata = safe_yaml.load("\n".join(collected))
    except (UnreadableFile, UnicodeDecodeError, safe_yaml.YAMLProblem):
        return {}
    return metadata if isinstance(metadata, dict) else {}
