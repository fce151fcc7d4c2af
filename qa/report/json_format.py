"""A JSON list of diagnostic objects; the README documents the schema."""

from __future__ import annotations

import json

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


def render(diagnostics: list[Diagnostic], context: ReportContext) -> str:
    return (
        json_text(json.dumps([as_dict(d) for d in diagnostics], ensure_ascii=False, indent=2))
        + "\n"
    )
