"""`glossqa server` through a real LSP client over stdio (pytest-lsp): initialize, didOpen, didChange,
published diagnostics, a code action, didSave, shutdown."""

import asyncio
import sys

import pytest
import pytest_lsp
from conftest import article, write_corpus
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

SOURCE = article("Soft sell", "# Soft sell\n\n## Setup {#setup}\n\nSee [x](/x).\n")
TRANSLATION = article("Mjuk försäljning", "# Mjuk försäljning\n\n## Installation\n\nSe [x](/x).\n")
HEADING_LINE = 5  # 0-based: "## Installation" after the three front-matter lines and the title


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=[sys.executable, "-m", "qa", "server"]),
)
async def client(lsp_client: LanguageClient, tmp_path):
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities("visual-studio-code"),
            root_uri=tmp_path.as_uri(),
        )
    )
    yield
    await lsp_client.shutdown_session()


@pytest.fixture
def site(tmp_path):
    return write_corpus(
        tmp_path,
        {
            "rules.yaml": "rules:\n  declared-language: false\n  untranslated: false\n",
            "en/a.md": SOURCE,
            "sv/a.md": TRANSLATION,
        },
    )


async def diagnostics_where(client: LanguageClient, uri: str, condition) -> list[types.Diagnostic]:
    """Wait (up to 60 s) until the diagnostics published for `uri` satisfy `condition`."""
    for _ in range(1200):
        if uri in client.diagnostics and condition(list(client.diagnostics[uri])):
            return list(client.diagnostics[uri])
        await asyncio.sleep(0.05)
    raise AssertionError(f"published for {uri}: {client.diagnostics.get(uri)}")


def open_document(client: LanguageClient, path, text: str) -> str:
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri, language_id="markdown", version=1, text=text
            )
        )
    )
    return uri


def change(client: LanguageClient, uri: str, version: int, text: str) -> None:
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


def apply(text: str, edits: list[types.TextEdit]) -> str:
    """A client applying single-line text edits (ASCII lines, so UTF-16 units are characters)."""
    lines = text.split("\n")
    for edit in sorted(
        edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True
    ):
        start, end = edit.range.start, edit.range.end
        assert start.line == end.line
        line = lines[start.line]
        lines[start.line] = line[: start.character] + edit.new_text + line[end.character :]
    return "\n".join(lines)


@pytest.mark.asyncio
async def test_open_publishes_the_files_diagnostics_with_rule_link_and_reference(
    client: LanguageClient, site
):
    uri = open_document(client, site / "sv/a.md", TRANSLATION)
    found = await diagnostics_where(client, uri, lambda found: len(found) > 0)
    assert len(found) == 1
    [diagnostic] = found
    assert diagnostic.code == "heading-structure"
    assert diagnostic.source == "glossqa"
    assert diagnostic.severity == types.DiagnosticSeverity.Error
    assert diagnostic.message == "heading id (none) differs from the reference's {#setup}"
    assert diagnostic.range.start == types.Position(line=HEADING_LINE, character=0)
    assert diagnostic.range.end == types.Position(
        line=HEADING_LINE, character=len("## Installation")
    )
    assert diagnostic.code_description.href.endswith("README.md#heading-structure")
    [related] = diagnostic.related_information
    assert related.location.uri == (site / "en/a.md").as_uri()
    assert related.location.range.start.line == HEADING_LINE


@pytest.mark.asyncio
async def test_quick_fix_then_unsaved_changes_are_checked(client: LanguageClient, site):
    uri = open_document(client, site / "sv/a.md", TRANSLATION)
    [diagnostic] = await diagnostics_where(client, uri, lambda found: len(found) > 0)

    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=diagnostic.range,
            context=types.CodeActionContext(diagnostics=[diagnostic]),
        )
    )
    [action] = actions
    assert action.kind == types.CodeActionKind.QuickFix
    assert action.title == "glossqa: restore the heading id {#setup}"
    fixed = apply(TRANSLATION, action.edit.changes[uri])
    assert "## Installation {#setup}\n" in fixed

    # typing: several quick changes, only the last text counts; the file on disk is never written
    change(client, uri, 2, TRANSLATION.replace("Se [x]", "Se [y]"))
    change(client, uri, 3, fixed.replace("Se [x](/x)", "Se [x](/elsewhere)"))
    found = await diagnostics_where(
        client, uri, lambda found: [d.code for d in found] == ["link-targets"]
    )
    assert "leads to '/elsewhere', the source's to '/x'" in found[0].message
    assert found[0].range.start.line == HEADING_LINE + 2
    change(client, uri, 4, fixed)
    await diagnostics_where(client, uri, lambda found: found == [])
    assert (site / "sv/a.md").read_text(encoding="utf-8") == TRANSLATION


@pytest.mark.asyncio
async def test_saving_a_sibling_checks_the_open_translation_again(client: LanguageClient, site):
    uri = open_document(client, site / "sv/a.md", TRANSLATION)
    await diagnostics_where(client, uri, lambda found: len(found) == 1)
    source = SOURCE.replace(" {#setup}", "")
    (site / "en/a.md").write_text(source, encoding="utf-8")
    source_uri = open_document(client, site / "en/a.md", source)
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=source_uri))
    )
    await diagnostics_where(client, uri, lambda found: found == [])


@pytest.mark.asyncio
async def test_a_broken_rules_yaml_is_shown_once_and_the_server_goes_on(
    client: LanguageClient, site
):
    (site / "rules.yaml").write_text("rules:\n  no-such-rule: true\n")
    uri = open_document(client, site / "sv/a.md", TRANSLATION)
    change(client, uri, 2, TRANSLATION + "\n")
    for _ in range(1200):
        if client.messages:
            break
        await asyncio.sleep(0.05)
    await asyncio.sleep(1)  # the second check has had its time
    [message] = client.messages
    assert message.type == types.MessageType.Error
    assert "rules.yaml:2: invalid config: unknown rule 'no-such-rule'" in message.message
    (site / "rules.yaml").write_text("rules:\n  declared-language: false\n  untranslated: false\n")
    change(client, uri, 3, TRANSLATION)
    await diagnostics_where(
        client, uri, lambda found: [d.code for d in found] == ["heading-structure"]
    )


@pytest.mark.asyncio
async def test_positions_are_in_utf16_units(client: LanguageClient, site):
    """Python counts code points, LSP clients UTF-16 units: an emoji is one and two."""
    heading = "## Installation 🚀"
    text = TRANSLATION.replace("## Installation", heading)
    uri = open_document(client, site / "sv/a.md", text)
    [diagnostic] = await diagnostics_where(client, uri, lambda found: len(found) > 0)
    units = len(heading.encode("utf-16-le")) // 2
    assert units == len(heading) + 1
    assert diagnostic.range.end == types.Position(line=HEADING_LINE, character=units)
    [action] = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=diagnostic.range,
            context=types.CodeActionContext(diagnostics=[diagnostic]),
        )
    )
    [edit] = action.edit.changes[uri]
    assert edit.range.start == types.Position(line=HEADING_LINE, character=units)
    assert edit.new_text == " {#setup}"
