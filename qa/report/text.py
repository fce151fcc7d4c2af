"""`path:line:col: severity rule-id message`, one diagnostic a line."""

from __future__ import annotations

from ..model import Diagnostic

NAME = "text"


def line(diagnostic: Diagnostic) -> str:
    text = f"{diagnostic.path}:{diagnostic.line}:{diagnostic.column}: {diagnostic.severity} {diagnostic.rule} {diagnostic.message}"
    if diagnostic.related:
        text += f" (reference: {diagnostic.related.path}:{diagnostic.related.line})"
    return text


def render(diagnostics: list[Diagnostic], summary) -> str:
    return "".join(line(diagnostic) + "\n" for diagnostic in diagnostics)
