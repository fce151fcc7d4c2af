"""Group sibling translations: decide each file's language and the article it translates."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path, PurePosixPath

from . import langtags, safe_yaml
from .discover import UnreadableFile, read_regular
from .model import Group, SourceFile

LAYOUTS = ("auto", "directory", "suffix", "front-matter")
FRONT_MATTER_LANGUAGE_KEYS = ("lang", "language", "locale")
FRONT_MATTER_GROUP_KEYS = ("translationKey", "translation_key", "translation-key", "ref")


def display_path(path: Path) -> str:
    return PurePosixPath(os.path.relpath(path)).as_posix()


def group_files(
    paths: list[Path], layout: str = "auto", source_language: str | None = None
) -> tuple[list[Group], list[SourceFile]]:
    """Groups of sibling translations, and the files whose language could not be told."""
    return group_sources([place(path, layout) for path in paths], source_language)


def group_sources(
    sources: list[SourceFile], source_language: str | None = None
) -> tuple[list[Group], list[SourceFile]]:
    """group_files for files already placed, in the order given (the first of two same-language claims wins).

    A file whose path names no language is the source of the translations whose article key is its
    path: `pages/common/tar.md` beside `pages.de/common/tar.md` (tldr), `source/docs/x.md` beside
    `source/ja/docs/x.md` (Hexo), `index.md` beside `index.zh-CN.md` (dumi). It takes the configured
    source language, English by default, unless the group already has a file in that language.
    """
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
    language = langtags.normalize(source_language or "en") or "en"
    still_unplaced = []
    source_folders = set()
    for source in unplaced:
        beside = groups.get(source.display_path)
        if beside is None or any(_holds_source(other, language) for other in beside):
            still_unplaced.append(source)
            continue
        beside[language] = replace(source, language=language, declared_by="beside")
        source_folders.add(PurePosixPath(source.display_path).parent)
    unplaced, still_unplaced = still_unplaced, []
    for source in unplaced:
        # a source page with no translation yet, in a folder of sources placed beside theirs
        if PurePosixPath(source.display_path).parent in source_folders:
            groups[source.display_path] = {
                language: replace(source, language=language, declared_by="beside")
            }
        else:
            still_unplaced.append(source)
    ordered = [Group(key, dict(sorted(files.items()))) for key, files in sorted(groups.items())]
    return ordered, still_unplaced


def _holds_source(tag: str, language: str) -> bool:
    # Traditional Chinese is a language of its own beside a `zh` source, not a regional `zh`.
    return langtags.is_in(tag, language) and tag not in ("zh-Hant", "zh-TW")


def place(path: Path, layout: str) -> SourceFile:
    shown = display_path(path)
    relative = PurePosixPath(shown)
    # A language folder wins over a name suffix: `pages.ko/common/trunk.io.md` is Korean.
    if layout in ("auto", "directory"):
        found = _from_directory(relative)
        if found:
            return SourceFile(path, shown, found[1], found[0], "path")
    if layout in ("auto", "suffix"):
        found = _from_suffix(relative)
        if found:
            return SourceFile(path, shown, found[1], found[0], "suffix")
    if layout in ("auto", "front-matter"):
        found = _from_front_matter(path, relative)
        if found:
            return SourceFile(path, shown, found[1], found[0], "front matter")
    return SourceFile(path, shown, shown, "", "")


NAME_SUFFIXES = frozenset({"io"})  # `socket.io.md`, `trunk.io.md`: a domain, not Ido


def _from_suffix(relative: PurePosixPath) -> tuple[str, str] | None:
    stem, dot, tag = relative.stem.rpartition(".")
    language = langtags.normalize(tag) if dot and stem and tag not in NAME_SUFFIXES else None
    if not language:
        return None
    return language, str(relative.with_name(stem + relative.suffix))


def _from_directory(relative: PurePosixPath) -> tuple[str, str] | None:
    """A language folder (`sv/x.md`, `content/pt_BR/x.md`) or a folder with a language suffix
    (`pages.de/common/tar.md`, whose source is `pages/common/tar.md`)."""
    parts = relative.parts
    for index, segment in enumerate(parts[:-1]):
        language = langtags.normalize(segment)
        if language:
            return language, "/".join(_source_folders(parts[:index], parts[index + 1 :]))
        stem, dot, tag = segment.rpartition(".")
        language = langtags.normalize(tag) if dot and stem else None
        if language:
            return language, "/".join((*parts[:index], stem, *parts[index + 1 :]))
    return None


DOCUSAURUS_PLUGIN_FOLDERS = {
    "docusaurus-plugin-content-docs": ("docs",),
    "docusaurus-plugin-content-blog": ("blog",),
    "docusaurus-plugin-content-pages": ("src", "pages"),
}


def _source_folders(before: tuple[str, ...], after: tuple[str, ...]) -> tuple[str, ...]:
    """The path of the source a file under a language folder translates: the same path without the
    language folder, except for Docusaurus, whose `i18n/fr/docusaurus-plugin-content-docs/current/x.md`
    translates `docs/x.md`."""
    if before[-1:] == ("i18n",) and after and after[0] in DOCUSAURUS_PLUGIN_FOLDERS:
        rest = after[1:]
        if after[0] == "docusaurus-plugin-content-docs" and rest[:1] == ("current",):
            rest = rest[1:]
        return (*before[:-1], *DOCUSAURUS_PLUGIN_FOLDERS[after[0]], *rest)
    return (*before, *after)


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
