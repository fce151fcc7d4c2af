"""GitHub Actions workflow commands: each diagnostic becomes an annotation on its file and line.

`::error file=sv/a.md,line=6,col=1,title=link-targets::message`. Severity error is `error`,
warning is `warning`, info is `notice`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..model import Diagnostic, ReportContext

NAME = "github"

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(diagnostic: Diagnostic) -> str:
    properties = {
        "file": diagnostic.path,
        "line": diagnostic.line,
        "col": diagnostic.column,
        "title": diagnostic.rule,
    }
    message = diagnostic.message
    if diagnostic.related:
        message += f" (reference: {diagnostic.related.path}:{diagnostic.related.line})"
    joined = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{COMMANDS[diagnostic.severity]} {joined}::{escape_data(message)}"


def stream(diagnostics: Iterable[Diagnostic], context: ReportContext) -> Iterator[str]:
    for diagnostic in diagnostics:
        yield command(diagnostic) + "\n"


def render(diagnostics: Iterable[Diagnostic], context: ReportContext) -> str:
    return "".join(stream(diagnostics, context))
