"""A JSON list of diagnostic objects; the README documents the schema.

Written one diagnostic at a time, exactly as json.dumps(the whole list, indent=2) would write it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from ..model import Diagnostic, ReportContext
from ..paths import json_text

NAME = "json"


def as_dict(diagnostic: Diagnostic) -> dict:
    related = diagnostic.related
    found = {
        "path": diagnostic.path,
        "line": diagnostic.line,
        "column": diagnostic.column,
        "rule": diagnostic.rule,
        "severity": diagnostic.severity,
        "message": diagnostic.message,
        "language": diagnostic.language,
        "related": {"path": related.path, "line": related.line} if related else None,
    }
    if diagnostic.detail is not None:
        found["detail"] = diagnostic.detail
    return found


def stream(diagnostics: Iterable[Diagnostic], context: ReportContext) -> Iterator[str]:
    yield from list_items((as_dict(d) for d in diagnostics), 0)
    yield "\n"


def list_items(items: Iterable[object], depth: int) -> Iterator[str]:
    """A JSON list as json.dumps(list(items), ensure_ascii=False, indent=2) writes it `depth` levels
    deep in a document, one item at a time (lone surrogates escaped: paths.json_text)."""
    indent = "\n" + "  " * (depth + 1)
    separator = "[" + indent
    for item in items:
        yield separator + json_text(
            json.dumps(item, ensure_ascii=False, indent=2).replace("\n", indent)
        )
        separator = "," + indent
    yield "[]" if separator.startswith("[") else "\n" + "  " * depth + "]"


def render(diagnostics: Iterable[Diagnostic], context: ReportContext) -> str:
    return "".join(stream(diagnostics, context))
