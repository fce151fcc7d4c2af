"""Fold a parsed file into a section tree: each heading owns what follows it up to the next heading."""

from __future__ import annotations

from bisect import bisect_right

from .model import Document, Section, SourceFile
from .parse import ParsedFile


def build_document(source: SourceFile, parsed: ParsedFile) -> Document:
    root = Section(heading=None, line=1, end_line=len(parsed.lines))
    flat = [root]
    stack = [root]
    for heading in sorted(parsed.headings, key=lambda h: h.line):
        section = Section(heading=heading, line=heading.line)
        while stack[-1].heading and stack[-1].level >= heading.level:
            stack.pop()
        stack[-1].children.append(section)
        stack.append(section)
        flat.append(section)
    for section, following in zip(flat, flat[1:] + [None]):
        section.end_line = following.line - 1 if following else len(parsed.lines)

    starts = [section.line for section in flat]

    def owner(line: int) -> Section:
        return flat[max(bisect_right(starts, line) - 1, 0)]

    for block in parsed.blocks:
        owner(block.line).blocks.append(block)
    for link in parsed.links:
        owner(link.line).links.append(link)
    for line, code in parsed.code_blocks:
        owner(line).code_blocks.append(code)
    for section in flat:
        section.blocks.sort(key=lambda block: block.line)
        section.links.sort(key=lambda link: link.line)
    return Document(
        source=source,
        lines=parsed.lines,
        front_matter=parsed.front_matter,
        root=root,
        errors=parsed.errors,
        declared_languages=parsed.declared_languages,
        comments=parsed.comments,
        unclosed_fence=parsed.unclosed_fence,
    )
