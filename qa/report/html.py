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
import gzip
import json
from importlib import resources

from .. import __version__
from ..model import SEVERITIES, Diagnostic, FileOutline, GroupOutline, ReportContext

NAME = "html"
OUTLINES = True  # the pipeline sends each group's sections and alignment along
LINKS = True  # the CLI finds the repository's web address for links to lines
FORMAT_VERSION = 1


def render(diagnostics: list[Diagnostic], context: ReportContext) -> str:
    index, texts = page_data(diagnostics, context)
    assets = resources.files(__package__) / "assets"
    style = (assets / "report.css").read_text(encoding="utf-8")
    script = (assets / "report.js").read_text(encoding="utf-8")
    blobs = ",\n".join(f'"{blob}"' for blob in texts)
    title = "glossqa report"
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
        f"<title>{title}</title>\n<style>\n{style}</style>\n</head>\n<body>\n"
        f'<noscript><p class="noscript">This report needs JavaScript. glossqa {__version__} '
        f"found {len(diagnostics)} diagnostics.</p></noscript>\n"
        f'<script type="application/octet-stream" id="glossqa-index">{_blob(index)}</script>\n'
        f"<script>\n{script}</script>\n"
        # after the script: the overview is drawn while the browser still reads the texts
        f'<script type="application/json" id="glossqa-texts">[\n{blobs}\n]</script>\n'
        "</body>\n</html>\n"
    )


def page_data(diagnostics: list[Diagnostic], context: ReportContext) -> tuple[dict, list[str]]:
    """The index the page reads on load, and one compressed blob of texts and sections per group."""
    outlines = _with_unplaced(context.outlines, diagnostics, context.files)
    reported = set(context.files) | {d.path for d in diagnostics}
    files: list[FileOutline] = [file for outline in outlines for file in outline.files]
    file_index = {file.path: position for position, file in enumerate(files)}
    languages = sorted(
        {file.language for file in files},
        key=lambda language: (-sum(f.language == language for f in files), language),
    )
    language_index = {language: position for position, language in enumerate(languages)}
    rules = sorted({d.rule for d in diagnostics} | set(context.severities))
    rule_index = {rule: position for position, rule in enumerate(rules)}
    counts = {path: [0, 0, 0] for path in file_index}
    rows: list[list] = []
    diffs = {}  # row -> what changed in the source there (the outdated rule's compact diff)
    for diagnostic in diagnostics:
        if diagnostic.detail and isinstance(diagnostic.detail.get("diff"), str):
            diffs[str(len(rows))] = diagnostic.detail["diff"]
        severity = SEVERITIES.index(diagnostic.severity)
        counts[diagnostic.path][severity] += 1
        related = diagnostic.related
        rows.append(
            [
                file_index[diagnostic.path],
                diagnostic.line,
                diagnostic.column,
                rule_index[diagnostic.rule],
                severity,
                diagnostic.message,
                *([related.path, related.line] if related else []),
            ]
        )
    groups = []
    texts = []
    position = 0
    for outline in outlines:
        members = list(range(position, position + len(outline.files)))
        position += len(outline.files)
        reference = file_index[outline.reference] if outline.reference in file_index else -1
        groups.append([outline.key, reference, members])
        texts.append(_blob(_group_text(outline, file_index)))
    index = {
        "version": FORMAT_VERSION,
        "glossqa": __version__,
        "repository": context.repository,
        "changedSince": context.changed_since,
        "diffs": diffs,
        "unchanged": context.unchanged,
        "failOn": context.fail_on,
        "severities": list(SEVERITIES),
        "languages": languages,
        "rules": rules,
        "groups": groups,
        # path, language, group, counts by severity, reported on (1/0), status
        "files": [
            [
                file.path,
                language_index[file.language],
                group_position,
                counts[file.path],
                int(file.path in reported),
                file.status,
            ]
            for group_position, outline in enumerate(outlines)
            for file in outline.files
        ],
        # file, line, column, rule, severity, message[, related path, related line]
        "diagnostics": rows,
    }
    return index, texts


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
    outlines: list[GroupOutline], diagnostics: list[Diagnostic], files: list[str]
) -> list[GroupOutline]:
    """The outlines, plus a group of its own for each file they do not hold (no outlines were made,
    or a diagnostic names a file outside every group)."""
    placed = {file.path for outline in outlines for file in outline.files}
    languages = {d.path: d.language for d in diagnostics}
    unplaced = sorted((set(files) | set(languages)) - placed)
    return [
        *outlines,
        *(
            GroupOutline(path, None, [FileOutline(path, languages.get(path) or "?", "", [])])
            for path in unplaced
        ),
    ]


def _blob(data: object) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return base64.b64encode(gzip.compress(text.encode("utf-8"), 6, mtime=0)).decode("ascii")
