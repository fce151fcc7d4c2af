"""Parse one file: front matter and Markdown become blocks, headings and links with the file's real lines."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from urllib.parse import unquote

from markdown_it import MarkdownIt
from mdit_py_plugins.admon import admon_plugin
from mdit_py_plugins.footnote import footnote_plugin

from . import langtags, mdx, safe_yaml, targets
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


def parse_text(text: str, source: SourceFile) -> ParsedFile:
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
    body = "\n" * body_start + "\n".join(body_lines)
    markdown = _MDX_MARKDOWN if mdx.is_mdx(source.display_path) else _MARKDOWN
    _collect(markdown.parse(body), parsed)
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
            # a short opener followed by `---` (front matter in the code) reads as a setext heading
            if SHORT_FENCE_OPENER.match(parsed.lines[line - 1]):
                parsed.short_fences.append(
                    UnclosedFence(
                        line,
                        line,
                        (
                            "this line opens a code fence with 2 backticks, not 3, so every later fence pairs with the wrong one"
                        ),
                        short_by_one=True,
                    )
                )
        elif kind in ("fence", "code_block"):
            if kind == "fence" and parsed.unclosed_fence is None:
                parsed.unclosed_fence = _unclosed_fence(token, parsed.lines)
            if kind == "fence":
                parsed.short_fences += _short_closers(token, parsed.lines)
            start = token.map[0] + 1
            parsed.code_blocks.append((start, token.content))
            parsed.blocks.append(Block("code", start, token.map[1], ""))
        elif kind == "html_block":
            _add_html_block(token, parsed, depth)


_CONTAINER_KINDS = {
    "list_item_open": "list_item",
    "th_open": "table_cell",
    "td_open": "table_cell",
    "blockquote_open": "paragraph",
    "admonition_open": "paragraph",
    "footnote_open": "paragraph",
}


def _add_heading(level: int, token, line: int, parsed: ParsedFile) -> None:
    text = token.content
    anchor = None
    match = HEADING_ANCHOR.search(text)
    if match:
        anchor = match[1]
        text = text[: match.start()]
    prose, _, inline_code = _inline_prose(token, line, parsed)
    prose = HEADING_ANCHOR.sub("", prose)
    parsed.headings.append(Heading(level, text.strip(), line, anchor))
    parsed.blocks.append(Block("heading", line, line, prose.strip(), inline_code))


def _add_inline_block(kind: str, token, line: int, parsed: ParsedFile) -> None:
    prose, end, inline_code = _inline_prose(token, line, parsed)
    end_line = token.map[1] if token.map else end
    parsed.blocks.append(Block(kind, line, end_line, prose, inline_code))


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


def _collect_markdown_in_html(token, parsed: ParsedFile, depth: int) -> None:
    """`<div markdown>` (MkDocs md_in_html): the lines up to the first blank one are Markdown between tags."""
    first, end = token.map
    inner = ["" if TAG_LINE.match(line) else line for line in parsed.lines[first:end]]
    inner[0] = MARKDOWN_IN_HTML.sub(lambda tag: " " * len(tag[0]), parsed.lines[first], count=1)
    if MARKDOWN_IN_HTML.match(inner[0]):
        return  # a second opening tag on the line; leave it as HTML rather than loop
    tokens = _MARKDOWN.parse("\n".join(inner))
    for (
        token
    ) in tokens:  # parsed alone, not behind `first` blank lines: a file full of them stays linear
        if token.map:
            token.map = [token.map[0] + first, token.map[1] + first]
    _collect(tokens, parsed, depth + 1)


def _add_html_block(token, parsed: ParsedFile, depth: int = 0) -> None:
    content = token.content
    start = token.map[0] + 1
    if content.lstrip().startswith("<!--"):
        parsed.comments.append((start, content.strip()))
        return
    if MARKDOWN_IN_HTML.match(content) and depth < MARKDOWN_IN_HTML_DEPTH:
        _collect_markdown_in_html(token, parsed, depth)
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
        parsed.blocks.append(Block("html", start, token.map[1], prose))
