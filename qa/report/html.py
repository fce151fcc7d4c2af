"""One self-contained HTML page: an overview per language, a file × language matrix, and a side-by-side
file view of the aligned sections with each diagnostic at its line.

The page makes no request to any host: its CSS and JavaScript (assets/) are inline, its data is
embedded as gzip-compressed JSON in base64 that the browser inflates with DecompressionStream.
The index (files, counts, diagnostics) is one blob read on load; each group's text and sections
are a blob of their own, inflated only when one of its files is opened, and they come after the
script, so the overview is drawn while the browser still reads them. The script puts corpus text into the page with textContent only, never as markup.
"""

from __future__ import annotations

import base64
import json
import zlib
from collections.abc import Iterable, Iterator
from importlib import resources

from .. import __version__
from ..model import SEVERITIES, Diagnostic, FileOutline, GroupOutline, ReportContext

NAME = "html"
OUTLINES = True  # the pipeline sends each group's sections and alignment along
LINKS = True  # the CLI finds the repository's web address for links to lines
FORMAT_VERSION = 1
GZIP_WINDOW = 31  # zlib's wbits for a gzip header (with mtime 0) and trailer
BASE64_SLICE = 3 << 16  # compressed bytes encoded at a time


def stream(diagnostics: Iterable[Diagnostic], context: ReportContext) -> Iterator[str]:
    """The page, its index compressed as it is written: the diagnostics are read twice, once for the
    counts the index starts with, once for its rows."""
    index = _Index(diagnostics, context)
    assets = resources.files(__package__) / "assets"
    style = (assets / "report.css").read_text(encoding="utf-8")
    script = (assets / "report.js").read_text(encoding="utf-8")
    title = "glossqa report"
    yield (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
        f"<title>{title}</title>\n<style>\n{style}</style>\n</head>\n<body>\n"
        f'<noscript><p class="noscript">This report needs JavaScript. glossqa {__version__} '
        f"found {index.count} diagnostics.</p></noscript>\n"
        '<script type="application/octet-stream" id="glossqa-index">'
    )
    yield from _blob_pieces(index.json_pieces(diagnostics))
    # after the script: the overview is drawn while the browser still reads the texts
    yield f'</script>\n<script>\n{script}</script>\n<script type="application/json" id="glossqa-texts">[\n'
    for position, outline in enumerate(index.outlines):
        separator = ",\n" if position else ""
        yield f'{separator}"{_blob(_group_text(outline.whole(), index.file_index))}"'
    yield "\n]</script>\n</body>\n</html>\n"


def render(diagnostics: Iterable[Diagnostic], context: ReportContext) -> str:
    return "".join(stream(diagnostics, context))


def page_data(diagnostics: Iterable[Diagnostic], context: ReportContext) -> tuple[dict, list[str]]:
    """The index the page reads on load, and one compressed blob of texts and sections per group."""
    index = _Index(diagnostics, context)
    data = json.loads("".join(index.json_pieces(diagnostics)))
    return data, [
        _blob(_group_text(outline.whole(), index.file_index)) for outline in index.outlines
    ]


class _Index:
    """What the page's index needs before its rows: per file its counts, the rules, the languages."""

    def __init__(self, diagnostics: Iterable[Diagnostic], context: ReportContext):
        self.context = context
        self.count = 0
        self.counts: dict[str, list[int]] = {}
        rules = set(context.severities)
        languages: dict[str, str | None] = {}  # for a file no outline holds
        for diagnostic in diagnostics:
            self.count += 1
            self.counts.setdefault(diagnostic.path, [0, 0, 0])[
                SEVERITIES.index(diagnostic.severity)
            ] += 1
            rules.add(diagnostic.rule)
            languages[diagnostic.path] = diagnostic.language
        self.outlines = _with_unplaced(context.outlines, languages, context.files)
        self.reported = set(context.files) | set(languages)
        files: list[FileOutline] = [file for outline in self.outlines for file in outline.files]
        self.file_index = {file.path: position for position, file in enumerate(files)}
        self.languages = sorted(
            {file.language for file in files},
            key=lambda language: (-sum(f.language == language for f in files), language),
        )
        self.rules = sorted(rules)

    def json_pieces(self, diagnostics: Iterable[Diagnostic]) -> Iterator[str]:
        """The index as json.dumps(index, sort_keys=True, separators=(",", ":")) writes it."""
        context, file_index = self.context, self.file_index
        rule_index = {rule: position for position, rule in enumerate(self.rules)}
        diffs = {}  # row -> what changed in the source there (the outdated rule's compact diff)
        yield '{"changedSince":' + _json(context.changed_since) + ',"diagnostics":['
        # file, line, column, rule, severity, message[, related path, related line]
        for row, diagnostic in enumerate(diagnostics):
            if diagnostic.detail and isinstance(diagnostic.detail.get("diff"), str):
                diffs[str(row)] = diagnostic.detail["diff"]
            related = diagnostic.related
            yield ("," if row else "") + _json(
                [
                    file_index[diagnostic.path],
                    diagnostic.line,
                    diagnostic.column,
                    rule_index[diagnostic.rule],
                    SEVERITIES.index(diagnostic.severity),
                    diagnostic.message,
                    *([related.path, related.line] if related else []),
                ]
            )
        language_index = {language: position for position, language in enumerate(self.languages)}
        groups = []
        position = 0
        for outline in self.outlines:
            members = list(range(position, position + len(outline.files)))
            position += len(outline.files)
            reference = file_index[outline.reference] if outline.reference in file_index else -1
            groups.append([outline.key, reference, members])
        rest = {
            "diffs": diffs,
            "failOn": context.fail_on,
            # path, language, group, counts by severity, reported on (1/0), status
            "files": [
                [
                    file.path,
                    language_index[file.language],
                    group_position,
                    self.counts.get(file.path, [0, 0, 0]),
                    int(file.path in self.reported),
                    file.status,
                ]
                for group_position, outline in enumerate(self.outlines)
                for file in outline.files
            ],
            "glossqa": __version__,
            "groups": groups,
            "languages": self.languages,
            "repository": context.repository,
            "rules": self.rules,
            "severities": list(SEVERITIES),
            "unchanged": context.unchanged,
            "version": FORMAT_VERSION,
        }
        yield "]," + _json(rest)[1:]


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _group_text(outline: GroupOutline, file_index: dict[str, int]) -> dict:
    return {
        "files": {
            str(file_index[file.path]): {
                "text": file.text,
                "sections": [
                    [section.line, section.end_line, section.level, section.title]
                    for section in file.sections
                ],
            }
            for file in outline.files
        },
        "rows": {
            str(file_index[path]): [[r, t, int(moved)] for r, t, moved in rows]
            for path, rows in outline.rows.items()
        },
    }


def _with_unplaced(
    outlines: list[GroupOutline], languages: dict[str, str | None], files: list[str]
) -> list[GroupOutline]:
    """The outlines, plus a group of its own for each file they do not hold (no outlines were made,
    or a diagnostic names a file outside every group); `languages`: each diagnostic's file's."""
    placed = {file.path for outline in outlines for file in outline.files}
    unplaced = sorted((set(files) | set(languages)) - placed)
    return [
        *outlines,
        *(
            GroupOutline(path, None, [FileOutline(path, languages.get(path) or "?", "", [])])
            for path in unplaced
        ),
    ]


def _blob(data: object) -> str:
    return "".join(_blob_pieces([_json(data)]))


def _blob_pieces(pieces: Iterable[str]) -> Iterator[str]:
    """gzip-compressed (as gzip.compress(text, 6, mtime=0)), then base64, a piece at a time."""
    compressor = zlib.compressobj(6, zlib.DEFLATED, GZIP_WINDOW)
    pending = bytearray()
    for piece in pieces:
        pending += compressor.compress(piece.encode("utf-8"))
        if len(pending) >= BASE64_SLICE:
            whole = len(pending) - len(pending) % 3
            yield base64.b64encode(pending[:whole]).decode("ascii")
            del pending[:whole]
    pending += compressor.flush()
    yield base64.b64encode(pending).decode("ascii")
