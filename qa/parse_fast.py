"""The fast path of parse: markdown-it-pyrs (markdown-it in Rust) read into the same blocks, headings,
links and lines that markdown-it-py gives, or `Unsupported` where it cannot promise that.

markdown-it-py stays the reference (`qa.parse`); this module only answers when its answer is the
reference's. It differs from markdown-it-py in three ways, each handled here:
- it gives byte offsets, not lines: a node's line is found from the body's line starts;
- it has no admonition plugin: admonitions (`!!! note`) at the margin become their dedented content
  before the parse, and their title a block of its own, as the plugin reads them; any other
  admonition (in a list, a quote, after a paragraph line) sends the file to markdown-it-py;
- its tree nests what markdown-it-py keeps flat (a link's text, a tight list item's paragraph), so
  the walk below visits it in the flat stream's order.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate
from typing import Any

from mdit_py_plugins.admon.index import _get_tag, _validate

RustMarkdownIt: Any
try:
    from markdown_it_pyrs import MarkdownIt as RustMarkdownIt
except ImportError:  # no wheel for this platform: markdown-it-py alone does the work
    RustMarkdownIt = None

AVAILABLE = RustMarkdownIt is not None

_MARKDOWN_RULES: list[Any] = [
    "blockquote",
    "code",
    "fence",
    "heading",
    "hr",
    "lheading",
    "list",
    "paragraph",
    "reference",
    "autolink",
    "backticks",
    "emphasis",
    "entity",
    "escape",
    "image",
    "link",
    "newline",
    "html_block",
    "html_inline",
    "table",
    "footnote",
]
if RustMarkdownIt is not None:
    MARKDOWN = RustMarkdownIt("zero").enable_many(_MARKDOWN_RULES)
    MDX_MARKDOWN = RustMarkdownIt("zero").enable_many(  # MDX has no indented code blocks
        [rule for rule in _MARKDOWN_RULES if rule != "code"]
    )

ADMONITION_MARKER = re.compile(r"(\?\?\?\+|\?\?\?|!!!)(.*)$")
ADMONITION_ANYWHERE = re.compile(r"^[\s>*+\-\d.)]*(?:!!!|\?\?\?)")
FENCE_OPENER = re.compile(r"^ {0,3}(`{3,}|~{3,})(.*)$")
HTML_RAW_OPENER = re.compile(r"^ {0,3}<(?:(script|pre|style|textarea)(?:\s|>|$)|(!--))", re.I)
FOOTNOTE_DEFINITION = re.compile(r"^[\s>]*(?:[-*+]\s+|\d+[.)]\s+)?\[\^[^\]]+\]:")
ENCODED_HOST = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:(?://)?[^/?#]*%")
TABLE_DELIMITER_ROW = re.compile(
    r"^[ \t>]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$"
)
LIST_OR_QUOTE = re.compile(r"^[ \t]*(?:[-*+]|\d+[.)]|>)(?:[ \t]|$)")
EMPTY_LIST_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]*$")
INDENTED = re.compile(r"^(?: {4}| {0,3}\t)")
INLINE_MARKUP = re.compile(r"[\\`*_\[\]<&!^]")
CONTAINER_KINDS = {
    "list_item": "list_item",
    "tcell": "table_cell",
    "blockquote": "paragraph",
    "footnote_def": "paragraph",
}
INLINE_NODES = frozenset(
    (
        "text",
        "text_special",
        "softbreak",
        "hardbreak",
        "code_inline",
        "link",
        "autolink",
        "image",
        "html_inline",
        "em",
        "strong",
        "footnote_ref",
        "footnote_inline",
        "footnote_ref_anchor",
    )
)


class Unsupported(Exception):
    """A construct the fast path cannot read exactly as markdown-it-py does."""


class FenceToken:
    """What the fence checks in qa.parse read from a markdown-it-py token."""

    __slots__ = ("map", "markup")

    def __init__(self, start: int, end: int, markup: str) -> None:
        self.map = [start, end]
        self.markup = markup


class AdmonitionTitle:
    __slots__ = ("line", "title")

    def __init__(self, line: int, title: str) -> None:
        self.line = line
        self.title = title


def admonitions_unwrapped(lines: list[str]) -> list[AdmonitionTitle]:
    """Rewrite, in place, each admonition at the margin as mdit-py-plugins' admon reads it: the
    marker line blank, the content dedented to the margin; return the titles it shows. Raise
    Unsupported for an admonition marker anywhere else."""
    titles: list[AdmonitionTitle] = []
    _unwrap_region(lines, 0, len(lines), titles)
    return titles


def _unwrap_region(lines: list[str], start: int, end: int, titles: list[AdmonitionTitle]) -> None:
    index = start
    fence: str | None = None
    raw_end: str | None = None
    while index < end:
        line = lines[index]
        if fence is not None:
            closer = FENCE_OPENER.match(line)
            if closer and closer[1][0] == fence[0] and len(closer[1]) >= len(fence):
                if not closer[2].strip():
                    fence = None
            index += 1
            continue
        if raw_end is not None:
            if raw_end in line.lower():
                raw_end = None
            index += 1
            continue
        opener = FENCE_OPENER.match(line)
        if opener and not (opener[1][0] == "`" and "`" in opener[2]):
            fence = opener[1]
            index += 1
            continue
        raw = HTML_RAW_OPENER.match(line)
        if raw:
            raw_end = "-->" if raw[2] else f"</{raw[1].lower()}>"
            if raw_end in line.lower()[raw.end() :]:
                raw_end = None
            index += 1
            continue
        if not ADMONITION_ANYWHERE.match(line):
            index += 1
            continue
        marker = ADMONITION_MARKER.match(line)
        previous_blank = index == 0 or not lines[index - 1].strip()
        if not marker or not previous_blank or not _validate(marker[2]):
            raise Unsupported(f"admonition marker at line {index + 1} not at a block's start")
        index = _unwrap_admonition(lines, index, end, marker, titles)


def _unwrap_admonition(
    lines: list[str], start: int, end: int, marker: re.Match, titles: list[AdmonitionTitle]
) -> int:
    """One admonition at the margin; return the index of the line after it."""
    params = marker[2]
    spaces = len(params) - len(params.lstrip(" "))
    indent = len(marker[1]) + spaces + (3 - len(marker[1]))
    next_line, was_empty = start, False
    while True:
        next_line += 1
        if next_line >= end:
            break
        line = lines[next_line]
        if "\t" in line[: len(line) - len(line.lstrip())]:
            raise Unsupported(f"tab in an admonition's indentation at line {next_line + 1}")
        columns = len(line) - len(line.lstrip(" "))
        is_empty = columns < indent
        if is_empty and was_empty:
            break
        was_empty = is_empty
        if line.strip() and columns < indent:
            if lines[next_line - 1].strip():
                raise Unsupported(f"admonition ended by a line of text at line {next_line + 1}")
            break
    tags, title = _get_tag(params)
    if title and '"' in params:
        if INLINE_MARKUP.search(title):
            raise Unsupported(f"admonition title with inline markup at line {start + 1}")
        titles.append(AdmonitionTitle(start + 1, title))
    lines[start] = ""
    for index in range(start + 1, next_line):
        line = lines[index]
        lines[index] = line[indent:] if line.strip() else ""
    _unwrap_region(lines, start + 1, next_line, titles)
    return next_line


def unclosed_raw_html(content: str) -> str | None:
    """The end a comment or `<script>`/`<pre>`/`<style>`/`<textarea>` block lacks, if it does."""
    raw = HTML_RAW_OPENER.match(content)
    if raw is None:
        return None
    end = "-->" if raw[2] else f"</{raw[1].lower()}>"
    return None if end in content[raw.end() :].lower() else end


def url(node: Any) -> str:
    """A link's normalized target; markdown-it-py writes a non-ASCII host name in punycode,
    markdown-it-pyrs percent-encodes it."""
    target = node.meta["url"]
    if "%" in target and ENCODED_HOST.match(target):
        raise Unsupported(f"non-ASCII host name in {target}")
    return target


def check_lines(lines: list[str]) -> None:
    """Raise Unsupported for a line the two parsers read differently:
    - a footnote definition ending the paragraph on the line before it (markdown-it-pyrs reads it as
      the paragraph's next line, unless that is a definition too), indented or in a container (it
      reads it as text), holding a footnote reference, or defined twice;
    - a table row after a non-ASCII space (U+3000): markdown-it-py strips it, markdown-it-pyrs not;
    - a table's delimiter row after a list item's or a quote's line: markdown-it-pyrs makes the
      item's line, marker and all, the table's header; or after a line indented as code, which
      markdown-it-py still takes as the header; or after a line with no pipe, which
      markdown-it-pyrs takes as a header of one cell;
    - an empty list item right after a quote: it ends the quote to markdown-it-py, and continues
      its paragraph to markdown-it-pyrs."""
    labels: set[str] = set()
    for index, line in enumerate(lines):
        if "[^" in line and FOOTNOTE_DEFINITION.match(line):
            label = line[: line.index("]:")]
            if label in labels:
                raise Unsupported(f"a footnote defined twice at line {index + 1}")
            labels.add(label)
            if line.count("[^") > 1:
                raise Unsupported(
                    f"a footnote definition that holds a reference at line {index + 1}"
                )
            if not line.startswith("[^"):
                raise Unsupported(f"a footnote definition not at the margin at line {index + 1}")
            previous = lines[index - 1] if index else ""
            if previous.strip() and not FOOTNOTE_DEFINITION.match(previous):
                raise Unsupported(
                    f"footnote definition right after a line of text at line {index + 1}"
                )
        elif line and not line[0].isascii() and line[0].isspace() and line.lstrip().startswith("|"):
            raise Unsupported(f"a table row after a non-ASCII space at line {index + 1}")
        elif index and EMPTY_LIST_ITEM.match(line) and lines[index - 1].lstrip().startswith(">"):
            raise Unsupported(f"an empty list item after a quote at line {index + 1}")
        elif index and "|" in line and "-" in line and TABLE_DELIMITER_ROW.match(line):
            header = lines[index - 1]
            if LIST_OR_QUOTE.match(header) and not line.lstrip().startswith(">"):
                raise Unsupported(f"a table whose header is in a list or quote at line {index}")
            if "|" not in header and header.strip():
                raise Unsupported(f"a table header without a pipe at line {index}")
            if INDENTED.match(header):
                raise Unsupported(f"a table whose header is indented as code at line {index}")


class Tree:
    """A markdown-it-pyrs tree of one body, with what turns its byte offsets into lines."""

    def __init__(self, body_lines: list[str], mdx: bool) -> None:
        self.body_lines = body_lines
        body = "\n".join(body_lines)
        self.source = body.encode()
        lengths = (
            map(len, body_lines) if body.isascii() else (len(line.encode()) for line in body_lines)
        )
        self.line_starts = [0, *accumulate(length + 1 for length in lengths)]
        self.root = (MDX_MARKDOWN if mdx else MARKDOWN).tree(body)

    def line_of(self, offset: int) -> int:
        """The 0-based line holding the byte at offset."""
        return bisect_right(self.line_starts, offset) - 1

    def span(self, node: Any) -> tuple[int, int]:
        """A node's [first, end) 0-based lines, as markdown-it-py's `token.map`."""
        start, end = node.srcmap
        return self.line_of(start), self.line_of(max(end - 1, start)) + 1

    def raw(self, start: int, end: int) -> str:
        return self.source[start:end].decode()


def atx_heading_text(line: str, level: int) -> str:
    """An ATX heading's inline content as markdown-it-py's heading rule cuts it from its line."""
    text = line.lstrip()
    while text.startswith(">"):  # a heading inside a quote
        text = text[1:].lstrip(" ")
    text = text.lstrip()[level:].rstrip(" \t")
    closing = len(text.rstrip("#"))
    if closing > 0 and text[closing - 1] in " \t":
        text = text[:closing]
    elif closing == 0:
        text = ""
    return text.strip()


def children_span(nodes: Any) -> tuple[int, int] | None:
    maps = [node.srcmap for node in nodes if node.srcmap is not None]
    if not maps:
        return None
    return maps[0][0], maps[-1][1]


def footnote_order(root: Any) -> dict[int, int]:
    """Each footnote's position in markdown-it-py's footnote list: the order of first reference."""
    first: dict[int, int] = {}
    for node in root.walk():
        if node.name == "footnote_ref" and node.srcmap is not None:
            position = node.srcmap[0]
        elif node.name == "footnote_inline" and node.srcmap is not None:
            position = node.srcmap[0]
            for inner in node.children:
                if inner.name == "footnote_ref":
                    def_id = inner.meta["def_id"]
                    first[def_id] = min(first.get(def_id, position), position)
            continue
        else:
            continue
        def_id = node.meta["def_id"]
        first[def_id] = min(first.get(def_id, position), position)
    return {
        def_id: rank for rank, (_, def_id) in enumerate(sorted((p, d) for d, p in first.items()))
    }
