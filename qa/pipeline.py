"""The whole check, top to bottom: scope, group, (cache lookup,) parse, build sections, align, run rules, apply suppressions."""

from __future__ import annotations

import gc
import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from . import history, langid, parallel, suppress
from .align import align_group
from .cache import Cache
from .config import Config
from .group import display_path, group_sources
from .model import Diagnostic, Document, Group, ParseError, Problem
from .parse import decode_text, parse_text, read_bytes
from .rules import RULES
from .scope import find_scope, focus
from .sections import build_document

PARSE_ERROR = "parse-error"
YOUNG_COLLECTION_THRESHOLD = (
    50_000  # allocations between garbage collections; Python's default is 700
)


@dataclass
class Result:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: int = 0
    groups: int = 0
    paths: list[str] = field(default_factory=list)  # the files reported on
    notices: list[str] = field(default_factory=list)  # said once per run, e.g. no git history


def check_paths(
    paths: list[Path],
    config: Config,
    progress: Callable[[int, int], None] | None = None,
    jobs: int = 1,
    cache: Cache | None = None,
) -> Result:
    """Check group by group, in `jobs` processes; only the diagnostics travel back, merged and sorted at the end."""
    scope = find_scope(paths, config.path, config.layout)
    targets = {display_path(path) for path in scope.targets}
    groups, _unplaced = group_sources(scope.sources)
    groups = [
        group
        for group in groups
        if any(source.display_path in targets for source in group.files.values())
    ]
    reported = {
        source.display_path for group in groups for source in group.files.values()
    } & targets
    result = Result(files=len(reported), groups=len(groups), paths=sorted(reported))
    tasks = [
        (group, frozenset(source.display_path for source in group.files.values()) & reported)
        for group in groups
    ]
    languages = {source.language for group in groups for source in group.files.values()}
    result.notices = _read_history(groups, config, cache)
    forking_cold = (
        jobs > 1 and len(tasks) > 1 and (cache is None or not cache.holds_at_least(len(tasks) // 2))
    )
    with _fewer_collections(), _shared_with_workers(forking_cold, languages):
        for done, diagnostics in enumerate(
            parallel.run(_check_task, tasks, jobs, (config, cache)), 1
        ):
            result.diagnostics.extend(diagnostics)
            if progress:
                progress(done, len(groups))
    result.diagnostics.sort(key=Diagnostic.sort_key)
    if cache:
        cache.prune()
    return result


def _read_history(groups: list[Group], config: Config, cache: Cache | None) -> list[str]:
    """Read the git history once, before workers fork, for the rules that compare with it; their
    results then depend on HEAD too, so the cache key does."""
    histories = history.configure(cache.directory if cache else None)
    if not any(
        settings.enabled for rule_id, settings in config.rules.items() if rule_id in history.RULES
    ):
        return []
    for group in groups:
        for source in group.files.values():
            histories.for_file(source.path)
    if cache:
        heads = sorted(f"{root}={found.head}" for root, found in histories.loaded.items() if found)
        cache.salt = hashlib.blake2b("\0".join([cache.salt, *heads]).encode()).hexdigest()
    return histories.notices


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """Parsing makes millions of short-lived objects and next to no reference cycles: collect less often.

    Worth a few per cent of a run; workers forked meanwhile inherit it.
    """
    thresholds = gc.get_threshold()
    gc.set_threshold(YOUNG_COLLECTION_THRESHOLD, *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


@contextmanager
def _shared_with_workers(forking_cold: bool, languages: set[str]) -> Iterator[None]:
    """Load the word tables (and langdetect's profiles, if a language has no table) before workers
    fork, so that they share one copy instead of loading one each. Not when most groups will come
    from the cache: then only the few workers that check a group load them.

    Frozen objects are left alone by the garbage collector, which would otherwise write to every
    shared page it visits and so copy it into each worker.
    """
    if not forking_cold:
        yield
        return
    langid.preload(languages)
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _check_task(
    task: tuple[Group, frozenset[str]], config: Config, cache: Cache | None
) -> list[Diagnostic]:
    group, reported = task
    return check_group(group, config, reported, cache)


def check_group(
    group: Group, config: Config, reported: frozenset[str] | None = None, cache: Cache | None = None
) -> list[Diagnostic]:
    """The diagnostics of one group's reported files (all its files when `reported` is None)."""
    contents = {source.display_path: read_bytes(source) for source in group.files.values()}
    key = (
        cache.key(group, contents, reported if reported is not None else frozenset(contents))
        if cache
        else ""
    )
    cached = cache.load(key) if cache else None
    if cached is not None:
        return cached
    diagnostics = [
        d
        for d in _check_contents(group, contents, config, reported)
        if reported is None or d.path in reported
    ]
    if cache:
        cache.store(key, diagnostics)
    return diagnostics


def _check_contents(
    group: Group,
    contents: dict[str, bytes | ParseError],
    config: Config,
    reported: frozenset[str] | None,
) -> list[Diagnostic]:
    documents: list[Document] = []
    diagnostics: list[Diagnostic] = []
    for source in group.files.values():
        content = contents[source.display_path]
        text, error = decode_text(content) if isinstance(content, bytes) else (None, content)
        if error:
            diagnostics.append(_parse_error(source.display_path, source.language, error))
            continue
        document = build_document(source, parse_text(text, source))
        diagnostics.extend(
            _parse_error(document.path, document.language, e) for e in document.errors
        )
        documents.append(document)
    languages = {document.path: document.language for document in documents}
    aligned = align_group(
        group.key, documents, config.source, config.identical_keys, config.translated_keys
    )
    if reported is not None:
        aligned = focus(aligned, reported)
    for rule_id, settings in config.rules.items():
        if settings.enabled:
            diagnostics.extend(
                _stamp(problem, rule_id, settings.severity, languages)
                for problem in RULES[rule_id].check(aligned, settings.options)
            )
    enabled = {rule_id for rule_id, settings in config.rules.items() if settings.enabled} | {
        PARSE_ERROR
    }
    return suppress.apply(diagnostics, documents, set(config.rules) | {PARSE_ERROR}, enabled)


def _stamp(problem: Problem, rule: str, severity: str, languages: dict[str, str]) -> Diagnostic:
    return Diagnostic(
        problem.path,
        problem.line,
        problem.column,
        rule,
        severity,
        problem.message,
        problem.language or languages.get(problem.path),
        problem.related,
        problem.detail,
    )


def _parse_error(path: str, language: str, error) -> Diagnostic:
    return Diagnostic(path, error.line, 1, PARSE_ERROR, "error", error.reason, language)
