"""Check one file's unsaved text (an editor's buffer, stdin) against its sibling translations on disk.

The same scope as pre-commit: the file's group is found from the project root, the siblings are
read from disk, and only the file itself is reported on. A path that is not on disk yet is checked
alone.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from . import langtags
from .config import Config
from .group import display_path, group_sources, place
from .model import Diagnostic, Group
from .pipeline import check_group
from .scope import find_scope


def check_buffer(path: Path, content: bytes, config: Config) -> list[Diagnostic]:
    absolute = Path(os.path.abspath(path))
    shown = display_path(absolute)
    group = _group_of(absolute, shown, config)
    if group is None:
        return []  # excluded by rules.yaml or .gitignore
    diagnostics = check_group(group, config, frozenset({shown}), buffers={shown: content})
    return sorted(diagnostics, key=Diagnostic.sort_key)


def _group_of(path: Path, shown: str, config: Config) -> Group | None:
    if path.is_file():
        scope = find_scope(
            [path],
            config.path,
            config.layout,
            config.source,
            config.exclude,
            config.respect_gitignore,
        )
        if not scope.targets:
            return None
        groups, _ = group_sources(scope.sources, config.source)
        source_language = langtags.site_source(config.source, scope.languages)
        for group in groups:
            if any(source.display_path == shown for source in group.files.values()):
                return replace(group, source_language=source_language)
    source = place(path, config.layout)
    return Group(source.group_key or shown, {source.language or "und": source})
