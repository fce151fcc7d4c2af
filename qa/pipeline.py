"""The whole check, top to bottom: scope, group, (cache lookup,) parse, build sections, align, run rules, apply suppressions."""

from __future__ import annotations

import gc
import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import history, langid, langtags, limits, parallel, suppress
from .align import align_group
from .cache import Cache
from .config import Config
from .group import display_path, group_sources
from .model import (
    AlignedGroup,
    Diagnostic,
    Document,
    FileOutline,
    Group,
    GroupOutline,
    ParseError,
    Problem,
    SectionOutline,
    SourceFile,
)
from .parse import decode_text, parse_text, read_bytes
from .rules import RULES
from .scope import find_scope, focus
from .sections import build_document

PARSE_ERROR = "parse-error"
TOO_SLOW = (
    "checking this file and its translations took more than {:g} s of processor time; skipped"
)
YOUNG_COLLECTION_THRESHOLD = (
    50_000  # allocations between garbage collections; Python's default is 700
)


@dataclass
class Result:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: int = 0
    groups: int = 0
    paths: list[str] = field(default_factory=list)  # the files reported on
    notes: list[str] = field(default_factory=list)  # what the user should know about the run itself
    outlines: list[GroupOutline] = field(default_factory=list)  # when asked for, in group order


def check_paths(
    paths: list[Path],
    config: Config,
    progress: Callable[[int, int], None] | None = None,
    jobs: int = 1,
    cache: Cache | None = None,
    shard: tuple[int, int] | None = None,
    outline: bool = False,
) -> Result:
    """Check group by group, in `jobs` processes; only the diagnostics travel back, merged and sorted at the end.

    With `outline`, each group's files and aligned sections travel back too, for reports that show them.
    """
    scope = find_scope(
        paths,
        config.path,
        config.layout,
        config.source,
        config.exclude,
        config.respect_gitignore,
    )
    targets = {display_path(path) for path in scope.targets}
    groups, unplaced = group_sources(scope.sources, config.source)
    source_language = langtags.site_source(config.source, scope.languages)
    groups = [
        replace(group, source_language=source_language)
        for group in groups
        if any(source.display_path in targets for source in group.files.values())
    ]
    if shard:
        index, count = shard
        groups = groups[index - 1 :: count]
    reported = {
        source.display_path for group in groups for source in group.files.values()
    } & targets
    result = Result(files=len(reported), groups=len(groups), paths=sorted(reported))
    result.notes = layout_notes(
        groups,
        [source for source in unplaced if source.display_path in targets],
        config,
        source_language,
    )
    tasks = [
        (group, frozenset(source.display_path for source in group.files.values()) & reported)
        for group in groups
    ]
    languages = {source.language for group in groups for source in group.files.values()}
    result.notes += _read_history(groups, config, cache)
    forking_cold = (
        jobs > 1 and len(tasks) > 1 and (cache is None or not cache.holds_at_least(len(tasks) // 2))
    )
    with _fewer_collections(), _shared_with_workers(forking_cold, languages, len(tasks)):
        for done, (diagnostics, group_outline) in enumerate(
            parallel.run(_check_task, tasks, jobs, (config, cache, outline)), 1
        ):
            result.diagnostics.extend(diagnostics)
            if group_outline:
                result.outlines.append(group_outline)
            if progress:
                progress(done, len(groups))
    result.diagnostics = _summarized(result.diagnostics, config)
    result.diagnostics.sort(key=Diagnostic.sort_key)
    result.outlines.sort(key=lambda group_outline: group_outline.key)
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


def layout_notes(
    groups: list[Group], unplaced: list[SourceFile], config: Config, source_language: str | None
) -> list[str]:
    """Why files were left out or groups went unchecked: never a silent "0 files"."""
    notes = []
    tried = (
        f"layout '{config.layout}'"
        if config.layout != "auto"
        else "a language folder (sv/x.md, pages.de/x.md, i18n/fr/...), a language suffix "
        "(x.sv.md, index.zh-CN.md), a source beside its translations, front matter (lang:)"
    )
    if unplaced:
        first = unplaced[0].display_path
        if not any(len(group.files) > 1 for group in groups):
            notes.append(
                f"found {len(unplaced)} Markdown files but no translations among them: the language "
                f"of none could be told (tried {tried}); first: {first}"
            )
        else:
            were = "file was" if len(unplaced) == 1 else "files were"
            notes.append(
                f"{len(unplaced)} Markdown {were} not checked: the language could not be told "
                f"(tried {tried}); first: {first}"
            )
    if source_language:
        lacking = [
            group
            for group in groups
            if not any(langtags.is_in(tag, source_language) for tag in group.files)
        ]
        if lacking:
            given = f"--source {config.source}: " if config.source else ""
            have = "has" if len(lacking) == 1 else "have"
            notes.append(
                f"{given}{len(lacking)} of {len(groups)} articles {have} no {source_language} "
                "file (deleted or moved?), so their translations were not compared with a source; "
                f"first: {next(iter(lacking[0].files.values())).display_path}"
            )
    return notes


def _summarized(diagnostics: list[Diagnostic], config: Config) -> list[Diagnostic]:
    """A rule may look at all of its diagnostics across the site (`summarize`): what one language
    team does in many files is a convention, said once."""
    for rule_id, settings in config.rules.items():
        summarize = getattr(RULES[rule_id], "summarize", None)
        if settings.enabled and summarize:
            own = [d for d in diagnostics if d.rule == rule_id]
            diagnostics = [d for d in diagnostics if d.rule != rule_id] + summarize(
                own, settings.options
            )
    return diagnostics


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
def _shared_with_workers(forking_cold: bool, languages: set[str], groups: int) -> Iterator[None]:
    """Map the word tables (and load langdetect's profiles, if a language has no table and the run
    is big) before workers fork, so that they share one copy instead of loading one each. Not when most groups will come
    from the cache: then only the few workers that check a group load them.

    Frozen objects are left alone by the garbage collector, which would otherwise write to every
    shared page it visits and so copy it into each worker.
    """
    if not forking_cold:
        yield
        return
    langid.preload(languages, groups)
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _check_task(
    task: tuple[Group, frozenset[str]], config: Config, cache: Cache | None, outline: bool
) -> tuple[list[Diagnostic], GroupOutline | None]:
    group, reported = task
    if not outline:
        return check_group(group, config, reported, cache), None
    outlines: list[GroupOutline] = []
    diagnostics = check_group(group, config, reported, cache, outlines=outlines)
    return diagnostics, outlines[0] if outlines else None  # none when the group ran out of time


def check_group(
    group: Group,
    config: Config,
    reported: frozenset[str] | None = None,
    cache: Cache | None = None,
    buffers: dict[str, bytes] | None = None,
    outlines: list[GroupOutline] | None = None,
) -> list[Diagnostic]:
    """The diagnostics of one group's reported files (all its files when `reported` is None).

    `buffers` (display path -> content) stand in for files on disk: an editor's unsaved text.
    Given `outlines`, the group's outline is appended to it (the cache holds diagnostics only, so
    a cached group is parsed and aligned again for it, without running the rules).
    """
    buffers = buffers or {}
    contents = {
        source.display_path: buffers[source.display_path]
        if source.display_path in buffers
        else read_bytes(source)
        for source in group.files.values()
    }
    key = (
        cache.key(group, contents, reported if reported is not None else frozenset(contents))
        if cache
        else ""
    )
    cached = cache.load(key) if cache else None
    if cached is not None:
        if outlines is not None:
            outlines.append(outline_group(_parse_and_align(group, contents, config)[2], group))
        return cached
    try:
        with limits.processor_time(limits.GROUP_SECONDS):
            checked = _check_contents(group, contents, config, reported, outlines)
    except limits.TimeLimit:
        return [  # not cached: another machine may finish it
            _parse_error(
                source.display_path,
                source.language,
                ParseError(1, TOO_SLOW.format(limits.GROUP_SECONDS)),
            )
            for source in group.files.values()
            if reported is None or source.display_path in reported
        ]
    diagnostics = [d for d in checked if reported is None or d.path in reported]
    if cache:
        cache.store(key, diagnostics)
    return diagnostics


def _check_contents(
    group: Group,
    contents: dict[str, bytes | ParseError],
    config: Config,
    reported: frozenset[str] | None,
    outlines: list[GroupOutline] | None = None,
) -> list[Diagnostic]:
    documents, diagnostics, aligned = _parse_and_align(group, contents, config)
    if outlines is not None:
        outlines.append(outline_group(aligned, group))
    languages = {document.path: document.language for document in documents}
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


def _parse_and_align(
    group: Group, contents: dict[str, bytes | ParseError], config: Config
) -> tuple[list[Document], list[Diagnostic], AlignedGroup]:
    documents: list[Document] = []
    diagnostics: list[Diagnostic] = []
    for source in group.files.values():
        content = contents[source.display_path]
        text, error = decode_text(content) if isinstance(content, bytes) else (None, content)
        if error:
            diagnostics.append(_parse_error(source.display_path, source.language, error))
            continue
        assert text is not None, "decode_text gives the text or why there is none"
        document = build_document(source, parse_text(text, source))
        diagnostics.extend(
            _parse_error(document.path, document.language, e) for e in document.errors
        )
        documents.append(document)
    aligned = align_group(
        group.key, documents, group.source_language, config.identical_keys, config.translated_keys
    )
    return documents, diagnostics, aligned


def outline_group(aligned: AlignedGroup, group: Group) -> GroupOutline:
    """The group's files (an unreadable one without lines or sections) and its alignments by section index."""
    files = {
        document.path: FileOutline(
            document.path,
            document.language,
            "\n".join(document.lines),
            [
                SectionOutline(
                    section.line,
                    section.end_line,
                    section.level,
                    section.heading.text if section.heading else "",
                )
                for section in document.sections
            ],
        )
        for document in aligned.documents
    }
    rows = {}
    for alignment in aligned.alignments:
        reference_index = {id(s): i for i, s in enumerate(alignment.reference.sections)}
        translation_index = {id(s): i for i, s in enumerate(alignment.translation.sections)}
        rows[alignment.translation.path] = [
            (
                reference_index[id(pair.reference)] if pair.reference else -1,
                translation_index[id(pair.translation)] if pair.translation else -1,
                pair.moved,
            )
            for pair in alignment.pairs
        ]
    return GroupOutline(
        aligned.key,
        aligned.reference.path if aligned.reference else None,
        [
            files.get(path) or FileOutline(path, language, "", [])
            for path, language in sorted(
                (source.display_path, source.language) for source in group.files.values()
            )
        ],
        rows,
    )


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
        problem.fix,
        problem.detail,
    )


def _parse_error(path: str, language: str, error) -> Diagnostic:
    return Diagnostic(path, error.line, 1, PARSE_ERROR, "error", error.reason, language)
