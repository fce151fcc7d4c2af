"""suppression: directives in HTML comments that silence named rules, and mistakes in them.

A directive is an HTML comment that names the rules it silences (comma- or space-separated);
an optional reason follows ` -- `:

    <!-- glossqa-disable-next-line untranslated -- brand name, stays English -->
    <!-- glossqa-disable link-targets, heading-structure -->  ...  <!-- glossqa-enable link-targets, heading-structure -->
    <!-- glossqa-disable-file declared-language -->

`disable-next-line` covers the next non-blank line; `disable` covers up to the matching `enable`
(or the end of the file); `disable-file` covers the whole file, front matter included. A
directive silences diagnostics in its own file only. A directive without a rule is refused:
a blanket silence would also hide the next, unrelated problem on those lines.

A directive that is malformed (unknown verb or rule, no rule, `enable` without `disable`) or
that silences nothing (the problem it was written for is gone) gets a `suppression` diagnostic,
so stale directives do not pile up. Rules switched off (rules.yaml, --ignore) are not reported
as silencing nothing.

Fails (nothing on the next line is untranslated):

    <!-- glossqa-disable-next-line untranslated -->
    ## Förstå mjuk försäljning

Passes:

    <!-- glossqa-disable-next-line untranslated -- the product is called Soft Sell -->
    ## Förstå Soft Sell
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .model import Diagnostic, Document
from .prose import column_of

ID = "suppression"
SEVERITY = "warning"

COMMENT = re.compile(r"<!--(.*?)-->", re.S)
DIRECTIVE = re.compile(r"\s*(glossqa-\S*)(.*)", re.S)
VERBS = ("disable-next-line", "disable", "enable", "disable-file")
REASON_SEPARATOR = re.compile(r"\s--\s|\s--$")


@dataclass
class Span:
    """Lines first..last of one file where one rule is silenced, and whether it silenced anything."""

    rule: str
    first: int
    last: int
    directive: str
    line: int
    column: int
    used: bool = False


@dataclass
class _FileDirectives:
    spans: list[Span] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)


def apply(
    diagnostics: list[Diagnostic], documents: list[Document], known: set[str], enabled: set[str]
) -> list[Diagnostic]:
    """The diagnostics no directive silences, plus a diagnostic for each faulty or unused directive.

    `known` is every id a directive may name; `enabled` those that ran, so that a directive for a
    switched-off rule is not called unused.
    """
    directives = {
        document.path: _read_directives(document, known)
        for document in documents
        if document.comments
    }
    if not directives:
        return diagnostics
    kept = []
    for diagnostic in diagnostics:
        span = _covering(directives.get(diagnostic.path), diagnostic)
        if span is None:
            kept.append(diagnostic)
        else:
            span.used = True
    for document in documents:
        found = directives.get(document.path)
        if not found:
            continue
        kept.extend(found.problems)
        kept.extend(
            _problem(
                document,
                span.line,
                span.column,
                f"{span.directive!r} silences nothing: "
                f"no {span.rule} diagnostic {_where(span, document)}",
            )
            for span in found.spans
            if not span.used and span.rule in enabled
        )
    return kept


def _covering(found: _FileDirectives | None, diagnostic: Diagnostic) -> Span | None:
    spans = found.spans if found else ()
    return next(
        (
            span
            for span in spans
            if span.rule == diagnostic.rule and span.first <= diagnostic.line <= span.last
        ),
        None,
    )


def _read_directives(document: Document, known: set[str]) -> _FileDirectives:
    found = _FileDirectives()
    open_spans: dict[str, Span] = {}
    last_line = len(document.lines)
    for start, text in document.comments:
        for comment in COMMENT.finditer(text):
            match = DIRECTIVE.match(comment[1])
            if not match:
                continue
            line = start + text.count("\n", 0, comment.start())
            column = column_of(document, line, comment[0].split("\n")[0])
            end_line = start + text.count("\n", 0, comment.end())
            word, rest = match[1], REASON_SEPARATOR.split(match[2], maxsplit=1)[0]
            verb = word.removeprefix("glossqa-")
            if verb not in VERBS:
                known_verbs = ", ".join(f"glossqa-{name}" for name in VERBS)
                found.problems.append(
                    _problem(
                        document, line, column, f"unknown directive {word!r} (known: {known_verbs})"
                    )
                )
                continue
            rules = [rule for rule in re.split(r"[\s,]+", rest.strip()) if rule]
            if not rules:
                found.problems.append(
                    _problem(
                        document,
                        line,
                        column,
                        f"{word!r} names no rule: name the rules it silences, "
                        f"e.g. <!-- {word} untranslated -->",
                    )
                )
                continue
            for rule in rules:
                directive = f"{word} {rule}"
                if rule not in known:
                    found.problems.append(
                        _problem(
                            document,
                            line,
                            column,
                            f"{word!r} names unknown rule {rule!r} (known: {', '.join(sorted(known))})",
                        )
                    )
                elif verb == "disable-next-line":
                    target = _next_content_line(document, end_line)
                    if target is None:
                        found.problems.append(
                            _problem(document, line, column, f"{directive!r} has no line after it")
                        )
                    else:
                        found.spans.append(Span(rule, target, target, directive, line, column))
                elif verb == "disable-file":
                    found.spans.append(Span(rule, 1, last_line, directive, line, column))
                elif verb == "disable":
                    if rule in open_spans:
                        found.problems.append(
                            _problem(
                                document,
                                line,
                                column,
                                f"{directive!r}: {rule} is already disabled since line {open_spans[rule].line}",
                            )
                        )
                        continue
                    open_spans[rule] = Span(rule, line, last_line, directive, line, column)
                    found.spans.append(open_spans[rule])
                elif rule in open_spans:
                    open_spans.pop(rule).last = line
                else:
                    found.problems.append(
                        _problem(
                            document,
                            line,
                            column,
                            f"{directive!r} has no earlier 'glossqa-disable {rule}' to end",
                        )
                    )
    return found


def _next_content_line(document: Document, after: int) -> int | None:
    for index in range(after, len(document.lines)):
        if document.lines[index].strip():
            return index + 1
    return None


def _where(span: Span, document: Document) -> str:
    if span.first == span.last:
        return f"on line {span.first}"
    if span.first == 1 and span.last == len(document.lines) and "disable-file" in span.directive:
        return "in this file"
    return f"between lines {span.first} and {span.last}"


def _problem(document: Document, line: int, column: int, message: str) -> Diagnostic:
    return Diagnostic(document.path, line, column, ID, SEVERITY, message, document.language)
