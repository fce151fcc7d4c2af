"""`glossqa status [PATHS]`: per language, how many translations are up to date, outdated,
missing or orphaned; per file with `--files`. A report: it always exits 0.

`FileStatus` is the plain data the views share: the text, JSON and Markdown output here, and any
dashboard that renders the same model.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path, PurePosixPath

from . import history, langtags
from .config import Config
from .group import display_path, group_sources
from .history import Base
from .model import Document, Group, SourceFile
from .moves import language_root, likely_source
from .parse import decode_text, parse_text, read_bytes
from .rules import outdated
from .scope import find_scope
from .sections import build_document

STATES = ("up-to-date", "outdated", "missing", "orphaned", "unknown")
STATE_NAMES = {
    "up-to-date": "up to date",
    "outdated": "outdated",
    "missing": "missing",
    "orphaned": "orphaned",
    "unknown": "base unknown",
}


@dataclass(frozen=True)
class FileStatus:
    """One translation (or a missing one) and where it stands against its source."""

    path: str  # the translation; for a missing one, where it would be
    language: str
    state: str  # one of STATES
    source: str | None  # the source file, None for an orphan
    sections: int = 0  # outdated source sections
    base: str | None = None  # short hash of the base, when known
    base_how: str = ""  # "recorded" or "inferred"
    note: str = ""  # why the base is unknown, or where an orphan's source went


def file_statuses(paths: list[Path], config: Config) -> list[FileStatus]:
    scope = find_scope(paths, config.path, config.layout, config.source)
    targets = {display_path(path) for path in scope.targets}
    groups, _ = group_sources(scope.sources, config.source)
    source_language = langtags.site_source(config.source, scope.languages)
    if source_language is None:
        return []
    histories = history.configure(None)
    options = config.rules[outdated.ID].options if outdated.ID in config.rules else outdated.OPTIONS
    languages = sorted(
        {
            language
            for group in groups
            for language in group.files
            if not langtags.is_in(language, source_language)
        }
    )
    statuses = []
    for group in groups:
        if any(source.display_path in targets for source in group.files.values()):
            statuses += group_statuses(group, source_language, languages, _read, histories, options)
    return sorted(statuses, key=lambda status: (status.language, status.path))


def group_statuses(
    group: Group,
    source_language: str,
    languages: list[str],
    read: Callable[[SourceFile], Document | None],
    histories: history.Histories,
    options: dict,
) -> list[FileStatus]:
    """Where each of one article's translations stands, and the `languages` it lacks; `read` gives
    a file's document (None when it cannot be read). The check's workers call this with the
    documents they parsed, for the report's status column."""
    keys = outdated.commit_keys(options)
    statuses = []
    source = next(
        (file for tag, file in group.files.items() if langtags.is_in(tag, source_language)),
        None,
    )
    if source is None:
        for orphan in group.files.values():
            document = read(orphan)
            moved = likely_source(document, source_language) if document else None
            statuses.append(
                FileStatus(
                    orphan.display_path,
                    orphan.language,
                    "orphaned",
                    None,
                    note=f"source likely moved to {display_path(moved)}" if moved else "",
                )
            )
        return statuses
    reference = read(source)
    for language in languages:
        found = group.files.get(language)
        if found is None:
            statuses.append(
                FileStatus(
                    _missing_path(source, language), language, "missing", source.display_path
                )
            )
            continue
        file = found
        translation = read(file)
        if reference is None or translation is None:
            statuses.append(
                FileStatus(
                    file.display_path,
                    language,
                    "unknown",
                    source.display_path,
                    note="unreadable",
                )
            )
            continue
        repository = histories.for_file(source.path)
        base = history.find_base(repository, translation, reference, keys)
        statuses.append(_judged(file, source, reference, repository, base, options))
    return statuses


def _judged(
    file: SourceFile, source: SourceFile, reference: Document, repository, base: Base, options: dict
) -> FileStatus:
    if base.commit is None or repository is None:
        return FileStatus(
            file.display_path,
            file.language,
            "unknown",
            source.display_path,
            note=base.problem or "no recorded commit and no git history",
        )
    found = outdated.outdated_changes(repository, base, reference, options["skip-markers"])
    short = base.commit.short
    if found is None:
        return FileStatus(
            file.display_path,
            file.language,
            "unknown",
            source.display_path,
            base=short,
            base_how=base.how,
            note="the source did not exist at the base commit",
        )
    old, changed = found
    count = len(changed) + (len(outdated.front_matter_changes(old, reference)) if old else 0)
    return FileStatus(
        file.display_path,
        file.language,
        "outdated" if count else "up-to-date",
        source.display_path,
        sections=count,
        base=short,
        base_how=base.how,
    )


def _missing_path(source: SourceFile, language: str) -> str:
    placed = language_root(Path(source.display_path), source.language)
    if placed is None:
        return f"{source.display_path} ({language})"
    root, relative = placed
    return PurePosixPath(root.as_posix(), language, *relative).as_posix()


def _read(file: SourceFile) -> Document | None:
    content = read_bytes(file)
    if not isinstance(content, bytes):
        return None
    text, error = decode_text(content)
    if text is None or error:
        return None
    return build_document(file, parse_text(text, file))


def summary(statuses: list[FileStatus]) -> dict[str, dict[str, int]]:
    """language -> state -> files, plus `outdated-sections`."""
    table: dict[str, Counter] = {}
    for status in statuses:
        row = table.setdefault(status.language, Counter())
        row[status.state] += 1
        row["outdated-sections"] += status.sections
    return {
        language: {key: row[key] for key in (*STATES, "outdated-sections")}
        for language, row in sorted(table.items())
    }


def render(statuses: list[FileStatus], form: str, files: bool) -> str:
    table = summary(statuses)
    if form == "json":
        document: dict = {"languages": table}
        if files:
            document["files"] = [asdict(status) for status in statuses]
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    if form == "markdown":
        return _markdown(table, statuses if files else [])
    return _text(table, statuses if files else [])


def _cells(row: dict[str, int]) -> list[str]:
    outdated_cell = str(row["outdated"])
    if row["outdated"]:
        sections = row["outdated-sections"]
        outdated_cell += f" ({sections} section{'s' if sections != 1 else ''})"
    return [
        str(row["up-to-date"]),
        outdated_cell,
        str(row["missing"]),
        str(row["orphaned"]),
        str(row["unknown"]),
    ]


def _text(table: dict[str, dict[str, int]], statuses: list[FileStatus]) -> str:
    header = ["language", "up to date", "outdated", "missing", "orphaned", "base unknown"]
    rows = [header] + [[language, *_cells(row)] for language, row in table.items()]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in rows
    ]
    for status in statuses:
        lines.append(_file_line(status))
    return "\n".join(lines) + "\n"


def _markdown(table: dict[str, dict[str, int]], statuses: list[FileStatus]) -> str:
    lines = [
        "| language | up to date | outdated | missing | orphaned | base unknown |",
        "|---|---|---|---|---|---|",
    ]
    lines += [
        f"| {language} | " + " | ".join(_cells(row)) + " |" for language, row in table.items()
    ]
    if statuses:
        lines += [
            "",
            "| file | language | status | sections | base | note |",
            "|---|---|---|---|---|---|",
        ]
        for status in statuses:
            base = f"{status.base} ({status.base_how})" if status.base else ""
            lines.append(
                f"| `{status.path}` | {status.language} | {STATE_NAMES[status.state]} | "
                f"{status.sections or ''} | {base} | {status.note} |"
            )
    return "\n".join(lines) + "\n"


def _file_line(status: FileStatus) -> str:
    text = f"{status.path}: {STATE_NAMES[status.state]}"
    if status.sections:
        text += f", {status.sections} section{'s' if status.sections != 1 else ''}"
    if status.base:
        text += f" (base {status.base}, {status.base_how})"
    if status.note:
        text += f": {status.note}"
    return text
