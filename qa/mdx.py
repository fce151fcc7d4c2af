"""MDX as Markdown: the JavaScript in an `.mdx` file blanked out, every line and column kept.

MDX (Docusaurus, Astro/Starlight, Next.js sites such as nodejs.org) mixes Markdown with JSX:
- `import`/`export` blocks at the top level are JavaScript, never prose;
- `{expressions}` in text and in attributes (`length={3}`) are JavaScript too; an attribute's
  expression becomes a quoted value, so the component stays one HTML tag to markdown-it and its
  `href=` still counts as a link;
- components (`<PackageManagerTabs>`, `<Since v="4.0" />`) are read as HTML: their tags and
  attributes are syntax, the text between them is prose; a line of tags alone (with no `href`,
  and not an HTML heading's `<h2>`) is blanked, so what the component wraps is read as Markdown,
  as MDX reads it;
- indentation never makes a code block (MDX has none), and a fence may be indented inside a
  component, so such a fence line is moved to the margin.
"""

from __future__ import annotations

import re

ESM_START = re.compile(r"^(?:import|export)\b")
TAG_LINE = re.compile(r"^\s*(?:</?[A-Za-z][\w.:-]*(?:\s[^<>]*)?/?>\s*)+$")
LINK_ATTRIBUTE = re.compile(r"\b(?:href|src)\s*=", re.I)
TAG_LINK = re.compile(r"""\b(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
OPEN_TAG_START = re.compile(r"^\s*<[A-Za-z][\w.:-]*")
TAG_END = re.compile(r"""^(?:[^"'>]|"[^"]*"|'[^']*')*>""")
FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})")
HEADING_TAG = re.compile(r"^\s*</?h[1-6]\b", re.I)  # `<h2>` renders a heading in MDX too
ATTRIBUTE_NAME = re.compile(r"([\w:-]+)\s*=\s*$")
STRING_LITERAL = re.compile(r"""^\s*(?:"[^"]*"|'[^']*')\s*$""")


def is_mdx(path: str) -> bool:
    return path.lower().endswith(".mdx")


def syntax_blanked(lines: list[str]) -> tuple[list[str], list[tuple[int, str]]]:
    """The lines with MDX's JavaScript and multi-line tags replaced by spaces, fences moved to the
    margin; and the (line index, target) of the links those tags held."""
    result = list(lines)
    fence: str | None = None
    in_esm = False
    prose_lines: list[int] = []
    for index, line in enumerate(result):
        opener = FENCE.match(line)
        if fence is not None:
            if opener and opener[2][0] == fence[0] and len(opener[2]) >= len(fence):
                fence = None
                result[index] = line.lstrip()
            continue
        if opener:
            fence = opener[2]
            result[index] = line.lstrip()
            continue
        if in_esm or ESM_START.match(line):
            in_esm = bool(line.strip())
            result[index] = " " * len(line) if line.strip() else line
            continue
        prose_lines.append(index)
    _expressions_blanked(result, prose_lines)
    links = _multi_line_tags_blanked(result, prose_lines)
    for index in prose_lines:
        line = result[index]
        if TAG_LINE.match(line) and not LINK_ATTRIBUTE.search(line) and not HEADING_TAG.match(line):
            result[index] = " " * len(line)  # the component's content is Markdown, as MDX reads it
    return result, links


def _multi_line_tags_blanked(lines: list[str], prose_lines: list[int]) -> list[tuple[int, str]]:
    """A tag whose attributes run over several lines (`<img` ... `/>`) is blanked, since Markdown
    would read its `>` line as a quote; its `href`/`src` targets are returned with their lines."""
    links: list[tuple[int, str]] = []
    wanted = set(prose_lines)
    index = 0
    while index < len(lines):
        opened = OPEN_TAG_START.match(lines[index]) if index in wanted else None
        if not opened or TAG_END.search(lines[index][opened.end() :]):
            index += 1
            continue
        end = index + 1
        while end < len(lines) and end in wanted and not TAG_END.search(lines[end]):
            end += 1
        if end >= len(lines) or end not in wanted:
            index += 1
            continue
        for line in range(index, end + 1):
            for match in TAG_LINK.finditer(lines[line]):
                links.append((line, next(group for group in match.groups() if group is not None)))
            lines[line] = " " * len(lines[line])
        index = end + 1
    return links


def _expressions_blanked(lines: list[str], prose_lines: list[int]) -> None:
    """Blank every `{...}` outside code spans on the given lines; an expression may span lines."""
    depth, start = 0, None  # start: (line index, column) of the open expression's `{`
    quoted_attribute = False
    for index in prose_lines:
        chars = list(lines[index])
        column = 0
        in_code = False
        while column < len(chars):
            char = chars[column]
            if char == "`" and depth == 0:
                in_code = not in_code
            elif in_code:
                pass
            elif char == "{":
                if depth == 0:
                    start = (index, column)
                    name = ATTRIBUTE_NAME.search("".join(chars[:column]))
                    quoted_attribute = name is not None
                depth += 1
            elif char == "}" and depth > 0:
                depth -= 1
                if depth == 0 and start is not None:
                    _blank(lines, chars, index, start, column, quoted_attribute)
            column += 1
        lines[index] = "".join(chars)  # an unclosed `{` stays literal text


def _blank(
    lines: list[str],
    chars: list[str],
    end_index: int,
    start: tuple[int, int],
    end_column: int,
    quoted_attribute: bool,
) -> None:
    start_index, start_column = start
    if start_index == end_index:
        inner = "".join(chars[start_column + 1 : end_column])
        if quoted_attribute and STRING_LITERAL.match(inner):
            chars[start_column] = chars[end_column] = " "  # href={"/x"} is href="/x"
            return
        if quoted_attribute and '"' not in inner:
            chars[start_column] = chars[end_column] = '"'
            return
        replacement = '""' if quoted_attribute else ""
        width = end_column - start_column + 1
        chars[start_column : end_column + 1] = list(replacement.ljust(width))
        return
    first = lines[start_index]
    lead = '""' if quoted_attribute else ""
    lines[start_index] = first[:start_column] + lead.ljust(len(first) - start_column)
    for middle in range(start_index + 1, end_index):
        lines[middle] = " " * len(lines[middle])
    chars[: end_column + 1] = [" "] * (end_column + 1)
