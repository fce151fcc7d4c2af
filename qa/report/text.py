"""`path:line:col: severity rule-id message`, one diagnostic a line; coloured when the context asks."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..model import Diagnostic, ReportContext

NAME = "text"

BOLD, DIM, RESET = "\033[1m", "\033[2m", "\033[0m"
SEVERITY_COLORS = {"error": "\033[1;31m", "warning": "\033[33m", "info": "\033[36m"}


def line(diagnostic: Diagnostic, color: bool = False) -> str:
    def paint(code: str, text: str) -> str:
        return f"{code}{text}{RESET}" if color else text

    where = paint(BOLD, f"{diagnostic.path}:{diagnostic.line}:{diagnostic.column}:")
    text = (
        f"{where} {paint(SEVERITY_COLORS[diagnostic.severity], diagnostic.severity)} "
        f"{paint(DIM, diagnostic.rule)} {diagnostic.message}"
    )
    if diagnostic.related:
        text += paint(DIM, f" (reference: {diagnostic.related.path}:{diagnostic.related.line})")
    return text


def stream(diagnostics: Iterable[Diagnostic], context: ReportContext) -> Iterator[str]:
    for diagnostic in diagnostics:
        yield line(diagnostic, context.color) + "\n"


def render(diagnostics: Iterable[Diagnostic], context: ReportContext) -> str:
    return "".join(stream(diagnostics, context))
