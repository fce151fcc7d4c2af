"""The whole check, top to bottom: scope, group, parse, build sections, align, run rules, apply suppressions."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from . import suppress
from .align import align_group
from .config import Config
from .group import display_path, group_files
from .model import Diagnostic, Document, Group, Problem
from .parse import parse_text, read_text
from .rules import RULES
from .scope import find_scope, focus
from .sections import build_document

PARSE_ERROR = "parse-error"


@dataclass
class Result:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: int = 0
    groups: int = 0
    paths: list[str] = field(default_factory=list)  # the files reported on


def check_paths(paths: list[Path], config: Config, progress: Callable[[int, int], None] | None = None) -> Result:
    scope = find_scope(paths, config.path, config.layout)
    targets = {display_path(path) for path in scope.targets}
    groups, _unplaced = group_files(scope.files, config.layout)
    groups = [group for group in groups if any(source.display_path in targets for source in group.files.values())]
    reported = {source.display_path for group in groups for source in group.files.values()} & targets
    result = Result(files=len(reported), groups=len(groups), paths=sorted(reported))
    for done, group in enumerate(groups, 1):
        result.diagnostics.extend(d for d in check_group(group, config, reported) if d.path in reported)
        if progress:
            progress(done, len(groups))
    result.diagnostics.sort(key=Diagnostic.sort_key)
    return result


def check_group(group: Group, config: Config, reported: set[str] | None = None) -> list[Diagnostic]:
    documents: list[Document] = []
    diagnostics: list[Diagnostic] = []
    for source in group.files.values():
        text, error = read_text(source)
        if error:
            diagnostics.append(_parse_error(source.display_path, source.language, error))
            continue
        document = build_document(source, parse_text(text, source))
        diagnostics.extend(_parse_error(document.path, document.language, e) for e in document.errors)
        documents.append(document)
    languages = {document.path: document.language for document in documents}
    aligned = align_group(group.key, documents, config.source, config.identical_keys, config.translated_keys)
    if reported is not None:
        aligned = focus(aligned, reported)
    for rule_id, settings in config.rules.items():
        if settings.enabled:
            diagnostics.extend(_stamp(problem, rule_id, settings.severity, languages)
                               for problem in RULES[rule_id].check(aligned, settings.options))
    enabled = {rule_id for rule_id, settings in config.rules.items() if settings.enabled} | {PARSE_ERROR}
    return suppress.apply(diagnostics, documents, set(config.rules) | {PARSE_ERROR}, enabled)


def _stamp(problem: Problem, rule: str, severity: str, languages: dict[str, str]) -> Diagnostic:
    return Diagnostic(problem.path, problem.line, problem.column, rule, severity, problem.message,
                      problem.language or languages.get(problem.path), problem.related)


def _parse_error(path: str, language: str, error) -> Diagnostic:
    return Diagnostic(path, error.line, 1, PARSE_ERROR, "error", error.reason, language)
