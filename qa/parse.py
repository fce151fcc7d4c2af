"""Parse one file: front matter and Markdown become blocks, headings and links with the file's real lines."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from urllib.parse import unquote

from markdown_it import MarkdownIt
from mdit_py_plugins.admon import admon_plugin
from mdit_py_plugins.footnote import footnote_plugin

from . import langtags, limits, mdx, parse_fast, safe_yaml, targets
from .discover import UnreadableFile, read_regular
from .group import FRONT_MATTER_LANGUAGE_KEYS
from .model import (
    Block,
    FrontMatter,
    FrontMatterEntry,
    Heading,
    Link,
    ParseError,
    SourceFile,
    UnclosedFence,
)

_MARKDOWN = (
    MarkdownIt("commonmark", {"html": True}).use(footnote_plugin).use(admon_plugin).enable("table")
)
_MDX_MARKDOWN = (  # MDX has no indented code blocks
    MarkdownIt("commonmark", {"html": True}).use(footnote_plugin).enable("table").disable("code")
)

PARSERS = ("fast", "reference")
# markdown-it-pyrs when it is installed, markdown-it-py otherwise; GLOSSQA_PARSER=reference forces
# markdown-it-py (the differential check and the tests drive both)
DEFAULT_PARSER = (
    "reference"
    if os.environ.get("GLOSSQA_PARSER") == "reference" or not parse_fast.AVAILABLE
    else "fast"
)

HEADING_ANCHOR = re.compile(r"\s*\{[^{}]*?#([\w:.-]+)[^{}]*\}\s*$")
ATTRIBUTE_LIST = re.compile(r"\{\s*(?:[:.#]|[\w-]+=)[^{}]*\}")
SHORTCODE = re.compile(r"\{\{[<%].*?[%>]\}\}", re.S)
LINK_SHORTCODE = re.compile(r"(\]\(\s*<?[^\s()<>]*?)(\{\{[<%].*?[%>]\}\})")
SHORTCODE_SPACE_ENCODED = "%E2%81%A3"
ICON = re.compile(r":(?:octicons|material|fontawesome|simple)-[\w-]+:")
HTML_LINK = re.compile(r"""\b(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
HTML_TAG = re.compile(r"<[^>]*>")
HTML_HEADING = re.compile(r"<h([1-6])\b([^>]*)>(.*?)</h\1\s*>", re.I | re.S)
HTML_ID = re.compile(r"""\bid\s*=\s*["']([^"']+)["']""", re.I)
MARKDOWN_IN_HTML = re.compile(
    r"\s*<(?:div|details|section|article|span|p)\b[^>]*\bmarkdown\b[^>]*>", re.I
)
# `<div markdown>` inside `<div markdown>`: real pages nest two or three; a run of such lines, each
# opening the next, would otherwise re-parse the rest of the run once per line
MARKDOWN_IN_HTML_DEPTH = 8
TAG_LINE = re.compile(r"^\s*(?:</?[A-Za-z][^>]*>\s*)+$")
CONTENT_TAB = re.compile(r'^(\s*)===\+?\s+"(.*)"\s*$')
SHORT_FENCE_OPENER = re.compile(r"^\s*(?:``|~~)[\w+-]*\s*$")
MANGLED_DELIMITER = re.compile(
    r"^-(?: +-){2,}\s*$"
)  # "- - -", as some translation platforms export "---"
FENCE_RUN = re.compile(r"^\s*(`{2,}|~{2,})")
TOP_LEVEL_KEY = re.compile(r"^([^\s#:'\"-][^:]*?|'[^']*'|\"[^\"]*\")\s*:(?:\s|$)")


@dataclass
class ParsedFile:
    """One file's content, flat; the section stage folds it into a tree."""

    lines: list[str]
    front_matter: FrontMatter | None = None
    headings: list[Heading] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    code_blocks: list[tuple[int, str]] = field(default_factory=list)
    comments: list[tuple[int, str]] = field(default_factory=list)
    errors: list[ParseError] = field(default_factory=list)
    declared_languages: dict[str, str] = field(default_factory=dict)
    unclosed_fence: UnclosedFence | None = None
    short_fences: list[UnclosedFence] = field(
        default_factory=list
    )  # fence lines one backtick short
    parsed_by: str = "reference"  # "fast", or "reference: <why the fast path handed it back>"


def read_bytes(source: SourceFile) -> bytes | ParseError:
    """The file's bytes, or why it cannot be read."""
    try:
        return read_regular(source.path)
    except UnreadableFile as error:
        return ParseError(1, f"cannot read file: {error}")


def decode_text(raw: bytes) -> tuple[str | None, ParseError | None]:
    """The file's text with a BOM and CRLF removed, or why it is no Markdown text."""
    if not raw.strip():
        return None, ParseError(1, "file is empty")
    if b"\0" in raw[:8192]:
        return None, ParseError(1, "file is binary (contains NUL bytes), not Markdown")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        return None, ParseError(
            line, f"invalid UTF-8: byte 0x{raw[error.start]:02x} at offset {error.start}"
        )
    return text.replace("\r\n", "\n").replace("\r", "\n"), None


def parse_text(text: str, source: SourceFile, parser: str | None = None) -> ParsedFile:
    """parser: "fast" (markdown-it-pyrs, falling back to markdown-it-py for a file it cannot read
    exactly as markdown-it-py does) or "reference" (markdown-it-py); DEFAULT_PARSER when None."""
    lines = text.split("\n")
    parsed = ParsedFile(lines=lines)
    if source.declared_by in ("path", "suffix"):
        parsed.declared_languages["path"] = source.language
    body_start = _parse_front_matter(lines, parsed)
    if parsed.front_matter:
        for key in FRONT_MATTER_LANGUAGE_KEYS:
            entry = parsed.front_matter.entries.get(key)
            if entry and isinstance(entry.value, str):
                parsed.declared_languages["front matter"] = (
                    langtags.normalize(entry.value) or entry.value
                )
                break
    body_lines = _content_tabs_unindented(lines[body_start:])
    if mdx.is_mdx(source.display_path):
        body_lines, tag_links = mdx.syntax_blanked(body_lines)
        parsed.links += [
            Link(target, body_start + index + 1, "html") for index, target in tag_links
        ]
    body_lines = [
        _shortcodes_in_links_joined(line) if "{{" in line else line for line in body_lines
    ]
    body_lines = [""] * body_start + body_lines
    is_mdx = mdx.is_mdx(source.display_path)
    if not _collected_fast(body_lines, parsed, is_mdx, parser or DEFAULT_PARSER):
        markdown = _MDX_MARKDOWN if is_mdx else _MARKDOWN
        _collect(markdown.parse("\n".join(body_lines)), parsed)
    if parsed.unclosed_fence is None and parsed.short_fences:
        parsed.unclosed_fence = parsed.short_fences[0]  # every later fence pairs with the wrong one
    return parsed


def _shortcodes_in_links_joined(line: str) -> str:
    """`[x](/docs/{{< param "version" >}}/y)`: a shortcode's spaces would end the link's target, so
    they stand in as an invisible character while markdown-it reads it; `_target` puts them back."""
    for _ in range(8):  # the first shortcode of each target per pass; a target holds few
        joined = LINK_SHORTCODE.sub(
            lambda match: match[1] + match[2].replace(" ", targets.SHORTCODE_SPACE), line
        )
        if joined == line:
            break
        line = joined
    return line


def _target(url: str) -> str:
    """A link's target as written, where a shortcode's spaces were hidden from markdown-it."""
    if SHORTCODE_SPACE_ENCODED in url or targets.SHORTCODE_SPACE in url:
        return unquote(url).replace(targets.SHORTCODE_SPACE, " ")
    return url


def _content_tabs_unindented(lines: list[str]) -> list[str]:
    """MkDocs content tabs (`=== "Label"` and 4-space-indented content) as plain Markdown: the label a
    line of prose, the content dedented, so it is not read as an indented code block."""
    result, indent = [], None
    for line in lines:
        tab = CONTENT_TAB.match(line)
        if tab:
            indent = tab[1] + "    "
            result.append(tab[1] + tab[2])
        elif indent is not None and (line.startswith(indent) or not line.strip()):
            result.append(line[len(indent) :] if line.strip() else line)
        else:
            indent = None
            result.append(line)
    return result


def _unclosed_fence(token, lines: list[str]) -> UnclosedFence | None:
    """The fence if nothing closes it; then the likely culprit is a neighbouring fence one backtick short."""
    start, end = token.map
    closing = lines[end - 1].strip() if end - 1 > start else ""
    if (
        end - 1 > start
        and closing
        and set(closing) == {token.markup[0]}
        and len(closing) >= len(token.markup)
    ):
        return None
    if end < len(lines) and any(line.strip() for line in lines[end:]):
        return None  # ended by its container (a list item, a blockquote), not by the file
    short = token.markup[0] * (len(token.markup) - 1)
    fence_line = start + 1
    for index in range(start + 1, end):
        run = FENCE_RUN.match(lines[index])
        if run and run[1] == short and not lines[index].strip()[len(short) :].strip():
            return UnclosedFence(
                index + 1,
                fence_line,
                f"this fence closes with {len(short)} of the {len(token.markup)} {_fence_char(token)} "
                f"that opened it at line {fence_line}, so the code block runs to the end of the file",
                short_by_one=True,
            )
    for index in range(start - 1, max(start - 40, -1), -1):
        run = FENCE_RUN.match(lines[index])
        if run and run[1] == short:
            return UnclosedFence(
                index + 1,
                fence_line,
                f"this fence opens with {len(short)} {_fence_char(token)}, not {len(token.markup)}, so "
                f"the closing fence at line {fence_line} opens a code block that runs to the end of the file",
                short_by_one=True,
            )
    return UnclosedFence(
        fence_line, fence_line, "this code fence is never closed, so it runs to the end of the file"
    )


def _short_closers(token, lines: list[str]) -> list[UnclosedFence]:
    """Lines inside a fence that would have closed it with one more backtick."""
    short = token.markup[0] * (len(token.markup) - 1)
    start, end = token.map
    return [
        UnclosedFence(
            index + 1,
            index + 1,
            f"this fence closes with {len(short)} of the {len(token.markup)} "
            f"{_fence_char(token)} that opened it at line {start + 1}, so every later fence pairs with the wrong one",
            short_by_one=True,
        )
        for index in range(start + 1, end)
        if lines[index].strip() == short
    ]


def _fence_char(token) -> str:
    return "backticks" if token.markup[0] == "`" else "tildes"


def _parse_front_matter(lines: list[str], parsed: ParsedFile) -> int:
    """Fill parsed.front_matter; return the index of the first body line."""
    opener = lines[0].strip() if lines else ""
    if opener == "+++":
        end = _closing(lines, "+++")
        parsed.errors.append(
            ParseError(1, "TOML front matter (+++) is not supported; use YAML between --- lines")
        )
        return end + 1 if end else 0
    if MANGLED_DELIMITER.match(opener):
        end = _closing_match(lines, MANGLED_DELIMITER)
        if end is None or not _parses_as_mapping("\n".join(lines[1:end])):
            return 0  # a thematic break, not front matter
    elif opener == "---":
        end = _closing(lines, "---", "...")
    else:
        return 0
    if end is None:
        parsed.errors.append(
            ParseError(1, "front matter opened at line 1 is never closed with ---")
        )
        return 0
    block = "\n".join(lines[1:end])
    try:
        metadata = safe_yaml.load(block) if block.strip() else {}
    except safe_yaml.YAMLProblem as error:
        parsed.errors.append(ParseError(1 + error.line, f"malformed front matter: {error.problem}"))
        parsed.front_matter = FrontMatter({}, 1, end + 1)
        return end + 1
    if not isinstance(metadata, dict):
        parsed.errors.append(ParseError(2, "front matter is not a mapping of keys to values"))
        metadata = {}
    key_lines: dict[str, int] = {}
    for index in range(1, end):
        match = TOP_LEVEL_KEY.match(lines[index])
        if match:
            key_lines.setdefault(match[1].strip("'\""), index + 1)
    entries = {
        str(key): FrontMatterEntry(str(key), value, key_lines.get(str(key), 1))
        for key, value in metadata.items()
    }
    parsed.front_matter = FrontMatter(entries, 1, end + 1, lines[0].strip())
    return end + 1


def _parses_as_mapping(block: str) -> bool:
    """Its shape only: a value the constructor rejects is reported when the front matter is read."""
    try:
        return isinstance(safe_yaml.compose(block), safe_yaml.MappingNode)
    except safe_yaml.YAMLProblem:
        return False


def _closing_match(lines: list[str], pattern: re.Pattern) -> int | None:
    for index in range(1, len(lines)):
        if pattern.match(lines[index]):
            return index
    return None


def _closing(lines: list[str], *delimiters: str) -> int | None:
    for index in range(1, len(lines)):
        if lines[index].rstrip() in delimiters:
            return index
    return None


def clean_prose(text: str) -> str:
    """Remove what is markup rather than words: attribute lists, shortcodes, icons, tags."""
    if "{" not in text and ":" not in text and "<" not in text:
        return text  # each of them needs one of these
    for pattern in (SHORTCODE, ATTRIBUTE_LIST, ICON, HTML_TAG):
        if pattern.search(text):
            text = pattern.sub(lambda m: " " + "\n" * m.group(0).count("\n"), text)
    return text


def _collect(tokens, parsed: ParsedFile, depth: int = 0) -> None:
    containers: list[str] = []
    note_start, note = 0, ""
    for index, token in enumerate(tokens):
        kind = token.type
        if kind == "footnote_open":
            note_start, note = len(parsed.links), str((token.meta or {}).get("label", "")) or "?"
        elif kind == "footnote_close":
            parsed.links[note_start:] = [
                replace(link, note=note) for link in parsed.links[note_start:]
            ]
        if kind.endswith("_open") and token.nesting == 1 and kind in _CONTAINER_KINDS:
            containers.append(_CONTAINER_KINDS[kind])
        elif (
            kind.endswith("_close")
            and token.nesting == -1
            and kind.replace("_close", "_open") in _CONTAINER_KINDS
        ):
            containers.pop()
        elif kind == "inline":
            line = token.map[0] + 1 if token.map else 1
            opener = tokens[index - 1]
            if opener.type == "heading_open":
                _add_heading(int(opener.tag[1]), token, line, parsed)
            elif opener.type == "admonition_title_open" and '"' not in tokens[index - 2].info:
                continue  # the title is the admonition type's default name, not the author's words
            else:
                block_kind = containers[-1] if containers else "paragraph"
                _add_inline_block(block_kind, token, line, parsed)
        elif kind in ("fence", "code_block"):
            _add_code(token if kind == "fence" else None, token.map, token.content, parsed)
        elif kind == "html_block":
            _add_html_block(token.content, token.map, parsed, depth, _collect_markdown_in_html)


def _add_code(fence, span: list[int], content: str, parsed: ParsedFile) -> None:
    """A code block; fence: the token (or what stands in for it) when it is a fenced one."""
    if fence is not None:
        if parsed.unclosed_fence is None:
            parsed.unclosed_fence = _unclosed_fence(fence, parsed.lines)
        parsed.short_fences += _short_closers(fence, parsed.lines)
    start = span[0] + 1
    parsed.code_blocks.append((start, content))
    parsed.blocks.append(Block("code", start, span[1], ""))


_CONTAINER_KINDS = {
    "list_item_open": "list_item",
    "th_open": "table_cell",
    "td_open": "table_cell",
    "blockquote_open": "paragraph",
    "admonition_open": "paragraph",
    "footnote_open": "paragraph",
}


def _add_heading(level: int, token, line: int, parsed: ParsedFile) -> None:
    prose, _, inline_code = _inline_prose(token, line, parsed)
    _add_heading_read(level, token.content, line, prose, inline_code, parsed)


def _add_heading_read(
    level: int, text: str, line: int, prose: str, inline_code: tuple[str, ...], parsed: ParsedFile
) -> None:
    """text: the heading's inline source; prose: its words."""
    anchor = None
    match = HEADING_ANCHOR.search(text)
    if match:
        anchor = match[1]
        text = text[: match.start()]
    prose = HEADING_ANCHOR.sub("", prose)
    parsed.headings.append(Heading(level, text.strip(), line, anchor))
    parsed.blocks.append(Block("heading", line, line, prose.strip(), inline_code))
    _note_short_opener(line, parsed)


def _add_inline_block(kind: str, token, line: int, parsed: ParsedFile) -> None:
    prose, end, inline_code = _inline_prose(token, line, parsed)
    end_line = token.map[1] if token.map else end
    _add_prose_block(Block(kind, line, end_line, prose, inline_code), parsed)


def _add_prose_block(block: Block, parsed: ParsedFile) -> None:
    parsed.blocks.append(block)
    _note_short_opener(block.line, parsed)


def _note_short_opener(line: int, parsed: ParsedFile) -> None:
    """A fence opener with 2 backticks is read as text (before `---`, as a setext heading)."""
    if SHORT_FENCE_OPENER.match(parsed.lines[line - 1]):
        parsed.short_fences.append(
            UnclosedFence(
                line,
                line,
                "this line opens a code fence with 2 backticks, not 3,"
                " so every later fence pairs with the wrong one",
                short_by_one=True,
            )
        )


def _inline_prose(token, line: int, parsed: ParsedFile) -> tuple[str, int, tuple[str, ...]]:
    """The words of an inline token, with each link recorded at its own line."""
    pieces: list[str] = []
    inline_code: list[str] = []
    in_autolink = False
    for child in token.children or ():
        kind = child.type
        if kind == "text":
            if not in_autolink:
                pieces.append(child.content)
        elif kind in ("softbreak", "hardbreak"):
            pieces.append("\n")
            line += 1
        elif kind == "code_inline":
            inline_code.append(child.content)
            pieces.append(" ")
        elif kind == "link_open":
            in_autolink = child.markup == "autolink"
            parsed.links.append(
                Link(
                    _target(child.attrs.get("href", "")),
                    line,
                    "autolink" if in_autolink else "link",
                )
            )
        elif kind == "link_close":
            in_autolink = False
        elif kind == "image":
            parsed.links.append(Link(_target(child.attrs.get("src", "")), line, "image"))
            pieces.append(child.content)
        elif kind == "html_inline":
            for match in HTML_LINK.finditer(child.content):
                parsed.links.append(
                    Link(next(g for g in match.groups() if g is not None), line, "html")
                )
            if child.content.startswith("<!--"):
                parsed.comments.append((line, child.content))
            breaks = child.content.count("\n")
            pieces.append(" " + "\n" * breaks)
            line += breaks
        else:
            pieces.append(" " if kind == "footnote_ref" else "")
    return clean_prose("".join(pieces)), line, tuple(inline_code)


def _markdown_in_html(span: list[int], parsed: ParsedFile) -> list[str] | None:
    """`<div markdown>` (MkDocs md_in_html): the lines up to the first blank one are Markdown between
    tags; None when there is a second opening tag on the line, left as HTML rather than loop."""
    first, end = span
    inner = ["" if TAG_LINE.match(line) else line for line in parsed.lines[first:end]]
    inner[0] = MARKDOWN_IN_HTML.sub(lambda tag: " " * len(tag[0]), parsed.lines[first], count=1)
    return None if MARKDOWN_IN_HTML.match(inner[0]) else inner


def _collect_markdown_in_html(span: list[int], parsed: ParsedFile, depth: int) -> None:
    first = span[0]
    inner = _markdown_in_html(span, parsed)
    if inner is None:
        return
    tokens = _MARKDOWN.parse("\n".join(inner))
    for (
        token
    ) in tokens:  # parsed alone, not behind `first` blank lines: a file full of them stays linear
        if token.map:
            token.map = [token.map[0] + first, token.map[1] + first]
    _collect(tokens, parsed, depth + 1)


def _add_html_block(
    content: str, span: list[int], parsed: ParsedFile, depth: int, markdown_in_html
) -> None:
    start = span[0] + 1
    if content.lstrip().startswith("<!--"):
        parsed.comments.append((start, content.strip()))
        return
    if MARKDOWN_IN_HTML.match(content) and depth < MARKDOWN_IN_HTML_DEPTH:
        markdown_in_html(span, parsed, depth)
        return
    for match in HTML_LINK.finditer(content):
        line = start + content.count("\n", 0, match.start())
        parsed.links.append(Link(next(g for g in match.groups() if g is not None), line, "html"))
    for match in HTML_HEADING.finditer(content):
        line = start + content.count("\n", 0, match.start())
        anchor = HTML_ID.search(match[2])
        text = " ".join(HTML_TAG.sub(" ", match[3]).split())
        parsed.headings.append(Heading(int(match[1]), text, line, anchor[1] if anchor else None))
        parsed.blocks.append(Block("heading", line, line, text))
    prose = HTML_HEADING.sub(lambda m: "\n" * m.group(0).count("\n"), content)
    prose = clean_prose(prose)
    if prose.strip():
        parsed.blocks.append(Block("html", start, span[1], prose))


def _collected_fast(body_lines: list[str], parsed: ParsedFile, is_mdx: bool, parser: str) -> bool:
    """Read the body with markdown-it-pyrs into parsed; False (parsed untouched) when the parser is
    the reference or the file holds a construct only markdown-it-py reads right."""
    if parser == "reference" or not parse_fast.AVAILABLE:
        return False
    if parser not in PARSERS:
        raise ValueError(f"unknown parser {parser!r}: expected one of {', '.join(PARSERS)}")
    scratch = ParsedFile(lines=parsed.lines)
    try:
        _collect_fast(body_lines, scratch, is_mdx, 0, 0)
    except parse_fast.Unsupported as why:
        parsed.parsed_by = f"reference: {why}"
        return False
    except (KeyboardInterrupt, SystemExit, limits.TimeLimit):
        raise
    except BaseException as error:  # a Rust panic is a BaseException; the reference still answers
        parsed.parsed_by = f"reference: the fast path failed: {type(error).__name__}: {error}"
        return False
    parsed.headings += scratch.headings
    parsed.blocks += scratch.blocks
    parsed.links += scratch.links
    parsed.code_blocks += scratch.code_blocks
    parsed.comments += scratch.comments
    parsed.short_fences += scratch.short_fences
    parsed.unclosed_fence = scratch.unclosed_fence
    parsed.parsed_by = "fast"
    return True


def _collect_fast(
    body_lines: list[str], parsed: ParsedFile, is_mdx: bool, offset: int, depth: int
) -> None:
    lines = list(body_lines)
    titles = [] if is_mdx else parse_fast.admonitions_unwrapped(lines)
    parse_fast.check_lines(lines)
    for title in titles:
        line = title.line + offset
        _add_prose_block(Block("paragraph", line, line, clean_prose(title.title)), parsed)
    _FastWalk(parse_fast.Tree(lines, is_mdx), parsed, offset, depth).run()


def _plain_text(node) -> bool:
    """Text to both parsers (`\\` before U+3000 is an escape to markdown-it-pyrs only)."""
    return node.name == "text" or (
        node.name == "text_special" and node.meta.get("info") == "escape"
    )


class _FastWalk:
    """A markdown-it-pyrs tree walked in the order of markdown-it-py's token stream, into parsed."""

    def __init__(self, tree: parse_fast.Tree, parsed: ParsedFile, offset: int, depth: int) -> None:
        self.tree = tree
        self.parsed = parsed
        self.offset = offset  # the file line of the tree's first line, less one
        self.depth = depth

    def run(self) -> None:
        footnotes = None
        for node in self.tree.root.children:
            if node.name == "footnote_container":
                footnotes = node
            else:
                self.block(node, [])
        if footnotes is not None:
            self.footnotes(footnotes)

    def span(self, node) -> list[int]:
        first, end = self.tree.span(node)
        return [first + self.offset, end + self.offset]

    def block(self, node, containers: list[str]) -> None:
        name = node.name
        if name == "paragraph":
            self.prose(node.children, node.srcmap, containers)
        elif name in ("heading", "lheading"):
            self.heading(node, containers)
        elif name == "list_item":
            self.list_item(node, [*containers, "list_item"])
        elif name in ("blockquote", "footnote_def"):
            self.blocks(node.children, [*containers, "paragraph"])
        elif name in ("bullet_list", "ordered_list", "table", "thead", "tbody"):
            self.blocks(node.children, containers)
        elif name == "trow":
            row = node.srcmap
            for cell in node.children:
                self.prose(cell.children, (row[0], row[0] + 1), [*containers, "table_cell"])
        elif name == "fence":
            meta = node.meta
            first, end = self.tree.span(node)
            closing = self.tree.body_lines[end - 1].lstrip(" \t>").rstrip(" \t")
            if (
                end - 1 == first
                or closing.strip(meta["marker"])
                or len(closing) < meta["marker_len"]
            ):
                # markdown-it-pyrs ends an unclosed fence at its last line of text, markdown-it-py
                # runs it on over the blank lines after it, up to what ends its container
                raise parse_fast.Unsupported(f"a code fence not closed at line {first + 1}")
            span = [first + self.offset, end + self.offset]
            fence = parse_fast.FenceToken(span[0], span[1], meta["marker"] * meta["marker_len"])
            _add_code(fence, span, meta["content"], self.parsed)
        elif name == "code_block":
            _add_code(None, self.span(node), node.meta["content"], self.parsed)
        elif name == "html_block":
            raw_end = parse_fast.unclosed_raw_html(node.meta["content"])
            if raw_end:  # it runs on to its container's end, which the two parsers see apart
                raise parse_fast.Unsupported(f"an HTML block never closed with {raw_end}")
            _add_html_block(
                self.content(node), self.span(node), self.parsed, self.depth, self.in_html
            )
        elif name not in ("hr", "definition", "footnote_ref_anchor"):
            raise parse_fast.Unsupported(f"block node {name}")

    def content(self, node) -> str:
        """An HTML block's text: where it runs to the end of a text that has no final newline,
        markdown-it-pyrs still ends it with one, markdown-it-py does not."""
        content = node.meta["content"]
        if not content.endswith("\n") or self.tree.source.endswith(b"\n"):
            return content
        if self.tree.span(node)[1] < len(self.tree.body_lines):
            return content
        return content[:-1]

    def blocks(self, nodes, containers: list[str]) -> None:
        for node in nodes:
            self.block(node, containers)

    def list_item(self, node, containers: list[str]) -> None:
        """A tight list's paragraphs have no node: their inline nodes sit in the item."""
        run: list = []
        for child in [*node.children, None]:
            if child is not None and child.name in parse_fast.INLINE_NODES:
                run.append(child)
                continue
            if run:
                self.prose(run, parse_fast.children_span(run), containers)
                run = []
            if child is not None:
                self.block(child, containers)

    def prose(self, nodes, srcmap, containers: list[str]) -> None:
        kind = containers[-1] if containers else "paragraph"
        if srcmap is None:  # an inline footnote: markdown-it-py gives it no lines
            prose, end, inline_code = self.inline(nodes, 1)
            _add_prose_block(Block(kind, 1, end, prose, inline_code), self.parsed)
            return
        first = self.tree.line_of(srcmap[0]) + 1 + self.offset
        end_line = self.tree.line_of(max(srcmap[1] - 1, srcmap[0])) + 1 + self.offset
        prose, _, inline_code = self.inline(nodes, first, trimmed=True)
        _add_prose_block(Block(kind, first, end_line, prose, inline_code), self.parsed)

    def heading(self, node, containers: list[str]) -> None:
        level = node.meta["level"]
        start = node.srcmap[0]
        line = self.tree.line_of(start) + 1 + self.offset
        if node.name == "heading":
            line_end = self.tree.line_starts[self.tree.line_of(start) + 1] - 1
            text = parse_fast.atx_heading_text(self.tree.raw(start, line_end), level)
        else:
            span = parse_fast.children_span(node.children)
            text = self.tree.raw(*span) if span else ""
            if "\n" in text and containers:
                raise parse_fast.Unsupported("a setext heading of several lines in a container")
        prose, _, inline_code = self.inline(node.children, line)
        _add_heading_read(level, text, line, prose, inline_code, self.parsed)

    def inline(self, nodes, line: int, trimmed: bool = False) -> tuple[str, int, tuple[str, ...]]:
        """The words of inline nodes, with each link recorded at its own line, as _inline_prose.
        trimmed: markdown-it-py strips a paragraph's or a cell's text of all whitespace before
        reading it, markdown-it-pyrs only of spaces and tabs (not U+3000, the ideographic space)."""
        pieces: list[str] = []
        inline_code: list[str] = []
        line = self.inline_into(nodes, line, pieces, inline_code)
        if trimmed and pieces:
            if nodes[0].name == "text":
                pieces[0] = pieces[0].lstrip()
                if not pieces[0] and len(nodes) > 1 and nodes[1].name.endswith("break"):
                    # a first line of U+3000 alone: markdown-it-py counts its links a line early
                    raise parse_fast.Unsupported("a paragraph opening with a line of U+3000")
            for back in range(1, len(nodes) + 1):  # the trailing text nodes, one piece each
                if nodes[-back].name == "hardbreak":
                    raise parse_fast.Unsupported("a line break before a last line of U+3000")
                if not _plain_text(nodes[-back]) and nodes[-back].name != "softbreak":
                    break
                pieces[-back] = pieces[-back].rstrip()
                if pieces[-back]:
                    break
        return clean_prose("".join(pieces)), line, tuple(inline_code)

    def inline_into(self, nodes, line: int, pieces: list[str], inline_code: list[str]) -> int:
        links = self.parsed.links
        for node in nodes:
            name = node.name
            if name == "text" or name == "text_special":
                text = node.meta["content"]
                if (
                    "<!-" in text
                ):  # `<!--<!-- x -->`: one comment since CommonMark 0.31, text before
                    raise parse_fast.Unsupported("an HTML comment markdown-it-pyrs reads as text")
                pieces.append(text)
            elif name == "softbreak" or name == "hardbreak":
                pieces.append("\n")
                line += 1
            elif name == "code_inline":
                code = "".join(child.meta["content"] for child in node.children)
                if not code.strip():  # only spaces: markdown-it-pyrs strips one at each end too
                    start, end = node.srcmap
                    marker = node.meta["marker_len"]
                    code = self.tree.raw(start + marker, end - marker).replace("\n", " ")
                inline_code.append(code)
                pieces.append(" ")
            elif name == "em" or name == "strong":
                line = self.inline_into(node.children, line, pieces, inline_code)
            elif name == "link":
                links.append(Link(_target(parse_fast.url(node)), line, "link"))
                line = self.inline_into(node.children, line, pieces, inline_code)
            elif name == "autolink":
                links.append(Link(_target(parse_fast.url(node)), line, "autolink"))
            elif name == "image":
                links.append(Link(_target(parse_fast.url(node)), line, "image"))
                span = parse_fast.children_span(node.children)
                pieces.append(self.tree.raw(*span) if span else "")
            elif name == "html_inline":
                content = node.meta["content"]
                for match in HTML_LINK.finditer(content):
                    links.append(
                        Link(next(g for g in match.groups() if g is not None), line, "html")
                    )
                if content.startswith("<!--"):
                    self.parsed.comments.append((line, content))
                breaks = content.count("\n")
                pieces.append(" " + "\n" * breaks)
                line += breaks
            elif name == "footnote_ref" or name == "footnote_inline":
                pieces.append(" ")
            elif name != "footnote_ref_anchor":
                raise parse_fast.Unsupported(f"inline node {name}")
        return line

    def footnotes(self, container) -> None:
        """markdown-it-py puts footnotes at the end in the order of their first reference."""
        order = parse_fast.footnote_order(self.tree.root)
        definitions = sorted(
            (node for node in container.children if node.meta.get("def_id") in order),
            key=lambda node: order[node.meta["def_id"]],
        )
        for definition in definitions:
            label = definition.meta.get("label")
            note = str(label) or "?"  # an inline footnote has none: markdown-it-py says "None"
            start = len(self.parsed.links)
            self.block(definition, [])
            self.parsed.links[start:] = [
                replace(link, note=note) for link in self.parsed.links[start:]
            ]

    def in_html(self, span: list[int], parsed: ParsedFile, depth: int) -> None:
        inner = _markdown_in_html(span, parsed)
        if inner is not None:
            _collect_fast(inner, parsed, False, span[0], depth + 1)
