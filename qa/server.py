"""`glossqa server`: the language server (LSP over stdio) that puts glossqa's diagnostics in the editor.

On open, change and save of a Markdown file it checks the editor's text against the file's sibling
translations on disk (qa/buffer.py: the scope pre-commit uses) and publishes that file's
diagnostics: the rule id as `code`, a link to the rule's documentation, the reference's
counterpart as related information. A diagnostic that carries a fix (qa/fixes.py) is offered as a
quick fix: the same edits `glossqa check --fix` writes.

Checks wait until typing pauses (DEBOUNCE_SECONDS) and run in a worker thread, one at a time, so
the editor never waits for one; a result for text that has changed since is dropped.
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from . import __version__
from .buffer import check_buffer
from .catalog import rule_url
from .config import ConfigError, defaults, find_config, load_config
from .discover import MARKDOWN_SUFFIXES
from .model import Diagnostic, Edit, Fix
from .rules import RULES

DEBOUNCE_SECONDS = 0.3
SEVERITIES = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}

log = logging.getLogger(__name__)


@dataclass
class Published:
    """What was last published for a document: at which version, and the fix behind each diagnostic."""

    version: int | None
    lines: list[str]
    fixes: list[tuple[types.Diagnostic, Fix]]


class GlossqaServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("glossqa", __version__)
        self.pending: dict[str, asyncio.Task] = {}
        self.published: dict[str, Published] = {}
        self.checker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="glossqa-check")
        self.reported_errors: set[str] = set()

    def schedule(self, uri: str, delay: float = DEBOUNCE_SECONDS) -> None:
        """Check `uri` once typing has paused for `delay`; a newer change restarts the wait."""
        if not _is_markdown(uri):
            return
        previous = self.pending.pop(uri, None)
        if previous is not None:
            previous.cancel()
        self.pending[uri] = asyncio.get_running_loop().create_task(self._check_later(uri, delay))

    async def _check_later(self, uri: str, delay: float) -> None:
        await asyncio.sleep(delay)
        document = self.workspace.get_text_document(uri)
        version, text = document.version, document.source
        path = Path(to_fs_path(uri) or uri)
        loop = asyncio.get_running_loop()
        try:
            diagnostics = await loop.run_in_executor(self.checker, self._check, path, text)
        except ConfigError as error:
            self._report_once(str(error))
            return
        except Exception as error:  # a bug must not take the server down with it
            log.exception("checking %s failed", path)
            self._report_once(f"checking {path} failed: {error!r}")
            return
        if self.pending.get(uri) is asyncio.current_task():
            del self.pending[uri]
        current = self.workspace.get_text_document(uri)
        if current.version != version or current.source != text:
            return  # the text changed while it was checked: its own check is on the way
        self.publish(uri, version, text, diagnostics)

    def _check(self, path: Path, text: str) -> list[Diagnostic]:
        config_path = find_config(path)
        config = load_config(config_path, RULES) if config_path else defaults(RULES)
        return check_buffer(path, text.encode("utf-8", "surrogatepass"), config)

    def _report_once(self, message: str) -> None:
        log.error(message)
        if message not in self.reported_errors:
            self.reported_errors.add(message)
            self.window_show_message(
                types.ShowMessageParams(type=types.MessageType.Error, message=f"glossqa: {message}")
            )

    def publish(
        self, uri: str, version: int | None, text: str, diagnostics: list[Diagnostic]
    ) -> None:
        lines = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
        codec = self.workspace.position_codec
        published = Published(version, lines, [])
        shown = []
        for diagnostic in diagnostics:
            converted = _to_lsp(diagnostic, lines, codec)
            shown.append(converted)
            if diagnostic.fix is not None:
                published.fixes.append((converted, diagnostic.fix))
        self.published[uri] = published
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, version=version, diagnostics=shown)
        )

    def clear(self, uri: str) -> None:
        task = self.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        self.published.pop(uri, None)
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
        )

    def quick_fixes(self, uri: str, wanted: types.Range) -> list[types.CodeAction]:
        published = self.published.get(uri)
        if published is None:
            return []
        if self.workspace.get_text_document(uri).version != published.version:
            return []  # the edits were computed for older text
        codec = self.workspace.position_codec
        actions = []
        for diagnostic, fix in published.fixes:
            if not _lines_overlap(diagnostic.range, wanted):
                continue
            edits = [_text_edit(edit, published.lines, codec) for edit in fix.edits]
            actions.append(
                types.CodeAction(
                    title=f"glossqa: {fix.description}",
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[diagnostic],
                    is_preferred=fix.safe,
                    edit=types.WorkspaceEdit(changes={uri: edits}),
                )
            )
        return actions


def _is_markdown(uri: str) -> bool:
    return uri.startswith("file:") and uri.lower().endswith(MARKDOWN_SUFFIXES)


def _position(line: int, column: int, lines: list[str], codec) -> types.Position:
    """A 1-based line and code-point column as an LSP position in the client's units (UTF-16 by default)."""
    index = min(max(line - 1, 0), len(lines) - 1)
    text = lines[index]
    return types.Position(line=index, character=codec.client_num_units(text[: max(column - 1, 0)]))


def _to_lsp(diagnostic: Diagnostic, lines: list[str], codec) -> types.Diagnostic:
    line_text = lines[min(max(diagnostic.line - 1, 0), len(lines) - 1)]
    related = None
    if diagnostic.related:
        reference = Path(diagnostic.related.path).resolve()
        where = diagnostic.related.line - 1
        related = [
            types.DiagnosticRelatedInformation(
                location=types.Location(
                    uri=from_fs_path(str(reference)) or reference.as_uri(),
                    range=types.Range(
                        start=types.Position(line=where, character=0),
                        end=types.Position(line=where + 1, character=0),
                    ),
                ),
                message="the counterpart in the reference translation",
            )
        ]
    return types.Diagnostic(
        range=types.Range(
            start=_position(diagnostic.line, diagnostic.column, lines, codec),
            end=_position(diagnostic.line, len(line_text) + 1, lines, codec),
        ),
        message=diagnostic.message,
        severity=SEVERITIES[diagnostic.severity],
        code=diagnostic.rule,
        code_description=types.CodeDescription(href=rule_url(diagnostic.rule)),
        source="glossqa",
        related_information=related,
    )


def _text_edit(edit: Edit, lines: list[str], codec) -> types.TextEdit:
    return types.TextEdit(
        range=types.Range(
            start=_position(edit.line, edit.column, lines, codec),
            end=_position(edit.end_line, edit.end_column, lines, codec),
        ),
        new_text=edit.text,
    )


def _lines_overlap(first: types.Range, second: types.Range) -> bool:
    return first.start.line <= second.end.line and second.start.line <= first.end.line


server = GlossqaServer()


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: GlossqaServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, delay=0)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: GlossqaServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: GlossqaServer, params: types.DidSaveTextDocumentParams) -> None:
    """A saved file may be another open file's sibling: check every open file again."""
    for uri in list(ls.workspace.text_documents):
        ls.schedule(uri, delay=0 if uri == params.text_document.uri else DEBOUNCE_SECONDS)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: GlossqaServer, params: types.DidCloseTextDocumentParams) -> None:
    ls.clear(params.text_document.uri)


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
)
def code_action(ls: GlossqaServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    return ls.quick_fixes(params.text_document.uri, params.range)


def serve() -> None:
    server.start_io()
