"""A compact Markdown summary for a CI job summary ($GITHUB_STEP_SUMMARY) or a pull-request comment:
totals, a table per rule and per language, the first findings with links to their lines, and a
line saying what was left out (findings past the first, lines a --changed-since run did not show).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from urllib.parse import quote

from ..model import SEVERITIES, Diagnostic, ReportContext

NAME = "markdown"
LINKS = True  # the CLI finds the repository's web address for links to lines
FIRST = 50  # findings listed one by one; a job summary is capped at 1 MiB
MARKS = {"error": "🔴", "warning": "🟡", "info": "🔵"}
SPECIAL = re.compile(r"([\\`*_\[\]|~@#])")  # markup, table cells, mentions and issue links


def escape(text: str) -> str:
    """Corpus text as literal Markdown: no markup, no HTML, one line."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return SPECIAL.sub(r"\\\1", " ".join(text.split()))


def stream(diagnostics: Iterable[Diagnostic], context: ReportContext) -> Iterator[str]:
    yield render(diagnostics, context)


def render(diagnostics: Iterable[Diagnostic], context: ReportContext) -> str:
    """Read once: the totals are counted and the first findings kept as the diagnostics go by."""
    counts: Counter[str] = Counter()
    by_rule: Counter[tuple[str, str]] = Counter()
    by_language: Counter[tuple[str, str]] = Counter()
    rest: Counter[str] = Counter()
    paths, rest_paths = set(context.files), set()
    shown: list[Diagnostic] = []
    failing = 0
    for diagnostic in diagnostics:
        counts[diagnostic.severity] += 1
        by_rule[diagnostic.rule, diagnostic.severity] += 1
        by_language[diagnostic.language or "?", diagnostic.severity] += 1
        failing += context.fails(diagnostic)
        paths.add(diagnostic.path)
        if len(shown) < FIRST:
            shown.append(diagnostic)
        else:
            rest[diagnostic.severity] += 1
            rest_paths.add(diagnostic.path)
    found = counts.total()
    lines = [
        f"## glossqa: {_totals(counts) if found else 'no findings'} in {_plural(len(paths), 'file')}",
        "",
    ]
    if context.changed_since:
        lines += [
            f"Only findings on lines changed since `{escape(context.changed_since)}` and those about "
            f"a whole file; **{_plural(context.unchanged, 'more finding')}** on unchanged lines "
            "not shown.",
            "",
        ]
    if found:
        verdict = f"{_plural(failing, 'finding')} fail" if failing else "No finding fails"
        lines += [f"{verdict} the check (failing from `{context.fail_on}` up).", ""]
        lines += _table("Rule", by_rule, code=True)
        lines += _table("Language", by_language, code=False)
        lines += [
            f"### {'The first ' if len(shown) < found else ''}{_plural(len(shown), 'finding')}",
            "",
        ]
        lines += [_item(d, context.repository) for d in shown]
        lines.append("")
        if rest:
            lines += [
                f"…and {_plural(rest.total(), 'more finding')} ({_totals(rest)}) "
                f"in {_plural(len(rest_paths), 'file')}, not listed here: see the full "
                "report (the HTML report or the annotations).",
                "",
            ]
    return "\n".join(lines).rstrip("\n") + "\n"


def _totals(counts: Counter) -> str:
    return (
        ", ".join(
            _plural(counts[severity], severity) for severity in SEVERITIES if counts[severity]
        )
        or "no findings"
    )


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def _table(title: str, counts: Counter, code: bool) -> list[str]:
    keys = sorted(
        {key for key, _ in counts}, key=lambda key: (-sum(counts[key, s] for s in SEVERITIES), key)
    )
    rows = [
        f"| {title} | " + " | ".join(f"{s}s" for s in SEVERITIES) + " |",
        "| --- | " + " | ".join("---:" for _ in SEVERITIES) + " |",
    ]
    for key in keys:
        name = f"`{key}`" if code else escape(key)
        rows.append(f"| {name} | " + " | ".join(f"{counts[key, s]:,}" for s in SEVERITIES) + " |")
    return [*rows, ""]


def _item(diagnostic: Diagnostic, repository: str | None) -> str:
    place = f"{diagnostic.path}:{diagnostic.line}"
    where = (
        f"[{escape(place)}]({repository}/{quote(diagnostic.path)}#L{diagnostic.line})"
        if repository
        else escape(place)
    )
    return (
        f"- {MARKS[diagnostic.severity]} {where} `{diagnostic.rule}` {escape(diagnostic.message)}"
    )
