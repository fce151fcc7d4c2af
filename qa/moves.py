"""Where the source of an orphaned translation went: the source file with the same structure.

A translation whose source file no longer exists usually follows a page that was moved or
renamed. Its likely new source is a source file that has no translation in that language yet and
matches it through what translation leaves alone (section levels, links, code, numbers): a page
of the same name anywhere, else any page in the same folder or the one above it.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from pathlib import Path, PurePosixPath

from . import langtags
from .discover import discover
from .history import fingerprint, likeness
from .model import Document, SourceFile
from .parse import decode_text, parse_text, read_bytes
from .sections import build_document

SAME_NAME_LIKENESS = 0.3
ANY_NAME_LIKENESS = 0.7
ANY_NAME_SHARED = 8  # features two pages of different names share at least: stubs look alike


def language_root(path: Path, language: str) -> tuple[Path, tuple[str, ...]] | None:
    """The folder above `path`'s language folder, and `path` relative to its language folder."""
    parts = path.parts
    for index in range(len(parts) - 2, -1, -1):
        if langtags.normalize(parts[index]) == language:
            return Path(*parts[:index]), parts[index + 1 :]
    return None


def likely_source(translation: Document, source_language: str) -> Path | None:
    """The source file this orphaned translation most likely follows now, or None."""
    placed = language_root(translation.source.path, translation.language)
    if placed is None:
        return None
    root, relative = placed
    source_folder = root / source_language
    translation_folder = root / translation.source.path.parts[len(root.parts)]
    wanted = fingerprint(translation)
    candidates = [
        path
        for path in _markdown_files(source_folder)
        if not (translation_folder / path.relative_to(source_folder)).exists()
    ]
    name = _page_name(PurePosixPath(*relative))
    same_name = [path for path in candidates if _page_name(PurePosixPath(path)) == name]
    nearby_folder = source_folder.joinpath(*relative[:-2])  # renamed in place, or one level up
    nearby = [path for path in candidates if nearby_folder in path.parents]
    for group, threshold in ((same_name, SAME_NAME_LIKENESS), (nearby, ANY_NAME_LIKENESS)):
        scored = sorted(
            (
                (likeness(wanted, _fingerprint(path)), str(path))
                for path in group
                if group is same_name
                or sum((wanted & _fingerprint(path)).values()) >= ANY_NAME_SHARED
            ),
            key=lambda item: (-item[0], item[1]),
        )
        if scored and scored[0][0] >= threshold:
            return Path(scored[0][1])
    return None


def _page_name(path: PurePosixPath) -> str:
    """`a` for `x/a.md` and for `x/a/index.md`: a page may become a folder and back."""
    stem = path.name.split(".", 1)[0]
    return path.parent.name if stem in ("index", "_index", "README") else stem


@lru_cache(maxsize=64)
def _markdown_files(folder: Path) -> tuple[Path, ...]:
    return tuple(discover([folder])) if folder.is_dir() else ()


@lru_cache(maxsize=4096)
def _fingerprint(path: Path) -> Counter:
    source = SourceFile(path, str(path), str(path), "", "path")
    content = read_bytes(source)
    if not isinstance(content, bytes):
        return Counter()
    text, error = decode_text(content)
    if text is None or error:
        return Counter()
    return fingerprint(build_document(source, parse_text(text, source)))
