"""What changed in substance between two revisions of one document, section by section.

Cosmetic edits compare equal: emphasis and list-marker style (the parser keeps words, not markup),
whitespace and reflow, shortcode delimiters (a shortcode counts by its name and arguments), a link
rewritten to an equivalent target (relative or absolute, with or without `.md`, `index`, a trailing
slash or a language prefix) and front-matter keys that carry no text.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from . import langtags
from .align import align_sections, neutral_target
from .model import Block, Document, Section, SourceFile
from .parse import SHORTCODE, parse_text
from .sections import build_document

KIND_NAMES = {
    "paragraph": "paragraph",
    "list_item": "list item",
    "table_cell": "table cell",
    "code": "code block",
    "html": "HTML block",
}
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
PAGE_SUFFIXES = ("/index.md", "/_index.md", "/README.md", "/index.html", ".md", ".mdx", ".html")


@dataclass(frozen=True)
class Change:
    """One source section that changed in substance between two revisions."""

    old: Section | None  # None: the section was added
    new: Section | None  # None: the section was removed
    kinds: tuple[str, ...]  # "section added", "paragraph changed", "heading renamed", ...


def parse_revision(text: str, like: SourceFile) -> Document:
    """A document from text of another revision, placed like `like` (same path and language)."""
    return build_document(like, parse_text(text.replace("\r\n", "\n").lstrip("\ufeff"), like))


def match_sections(
    old: list[Section], new: list[Section]
) -> list[tuple[Section | None, Section | None]]:
    """Pair two revisions' sections: same heading text first, renamed headings by position and
    shape, the rest as added or removed."""
    old_keys = [_heading_key(section) for section in old]
    new_keys = [_heading_key(section) for section in new]
    pairs: list[tuple[Section | None, Section | None]] = []
    matcher = difflib.SequenceMatcher(None, old_keys, new_keys, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pairs += zip(old[i1:i2], new[j1:j2])
        elif tag == "delete":
            pairs += [(section, None) for section in old[i1:i2]]
        elif tag == "insert":
            pairs += [(None, section) for section in new[j1:j2]]
        elif i2 - i1 == j2 - j1 and all(a.level == b.level for a, b in zip(old[i1:i2], new[j1:j2])):
            pairs += zip(old[i1:i2], new[j1:j2])
        else:
            for pair in align_sections(old[i1:i2], new[j1:j2]):
                pairs.append((pair.reference, pair.translation))
    return pairs


def changes(old: Document, new: Document) -> list[Change]:
    """The sections of `new` (and removed ones of `old`) that differ in substance, in `new`'s order."""
    found = []
    old_site, new_site = (site_directories(old), old.lines), (site_directories(new), new.lines)
    for before, after in match_sections(old.sections, new.sections):
        if before is None and after is not None:
            if after.heading is not None or _content(after, *new_site)[1]:
                found.append(Change(None, after, ("section added",)))
        elif after is None and before is not None:
            if before.heading is not None or _content(before, *old_site)[1]:
                found.append(Change(before, None, ("section removed",)))
        elif before is not None and after is not None:
            kinds = section_changes(before, after, old_site, new_site)
            if kinds:
                found.append(Change(before, after, kinds))
    return found


def section_changes(
    before: Section,
    after: Section,
    old_site: tuple[tuple[str, ...], list[str]],
    new_site: tuple[tuple[str, ...], list[str]],
) -> tuple[str, ...]:
    """What changed in one section's own content (not its subsections); () when nothing did.
    The sites are each revision's link folders and lines."""
    heading_before, blocks_before, links_before = _content(before, *old_site)
    heading_after, blocks_after, links_after = _content(after, *new_site)
    kinds: list[str] = []
    if heading_before != heading_after:
        kinds.append("heading renamed")
    if before.level != after.level and before.heading and after.heading:
        kinds.append("heading level changed")
    matcher = difflib.SequenceMatcher(None, blocks_before, blocks_after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        removed, added = blocks_before[i1:i2], blocks_after[j1:j2]
        for kind in dict.fromkeys(block[0] for block in removed + added):
            gone = [text for block_kind, text in removed if block_kind == kind]
            new = [text for block_kind, text in added if block_kind == kind]
            for old_text, new_text in zip(gone, new):
                extended = kind != "code" and new_text.startswith(old_text.rstrip(". "))
                kinds.append(f"{KIND_NAMES[kind]} {'extended' if extended else 'changed'}")
            kinds += [f"{KIND_NAMES[kind]} removed"] * (len(gone) > len(new))
            kinds += [f"{KIND_NAMES[kind]} added"] * (len(new) > len(gone))
    if not _same_links(links_before, links_after):
        kinds.append("link changed")
    return tuple(dict.fromkeys(kinds))


def _heading_key(section: Section) -> tuple:
    if section.heading is None:
        return (0, "")
    return (section.level, section.heading.anchor or " ".join(section.heading.text.split()))


def _shortcodes(lines: list[str], block: Block) -> str:
    """The shortcodes a block's lines hold, whatever their delimiters: an added
    `{{% include note.md %}}` is content, `{{< x >}}` for `{{% x %}}` is not."""
    raw = "\n".join(lines[block.line - 1 : block.end_line])
    if "{{" not in raw:
        return ""
    return "|".join(" ".join(match[2:-2].strip("<>% ").split()) for match in SHORTCODE.findall(raw))


def _content(
    section: Section, site: tuple[str, ...], lines: list[str] | None = None
) -> tuple[str, list[tuple[str, str]], list[frozenset[str]]]:
    heading = ""
    blocks: list[tuple[str, str]] = []
    code = iter(section.code_blocks)
    for block in section.blocks:
        if block.kind == "heading":
            heading = " ".join(block.text.split()) + "|" + "|".join(block.inline_code)
        elif block.kind == "code":
            content = next(code, "")
            lines = [line.rstrip() for line in content.strip("\n").split("\n")]
            blocks.append(("code", "\n".join(lines)))
        else:
            words = " ".join(block.text.split())
            spans = "|".join(" ".join(code_span.split()) for code_span in block.inline_code)
            shortcodes = _shortcodes(lines, block) if lines is not None else ""
            if words or spans or shortcodes:
                key = (
                    words
                    + ("|" + spans if spans else "")
                    + ("|" + shortcodes if shortcodes else "")
                )
                blocks.append((block.kind, key))
    links = [equivalent_targets(link.target, site) for link in section.links]
    return heading, blocks, links


def _same_links(first: list[frozenset[str]], second: list[frozenset[str]]) -> bool:
    if len(first) != len(second):
        return False
    return all(a & b for a, b in zip(sorted(first, key=sorted), sorted(second, key=sorted))) or all(
        a & b for a, b in zip(first, second)
    )


def site_directories(document: Document) -> tuple[str, ...]:
    """The site folders a relative link in `document` may be resolved from: its file's folder and
    its page's URL folder (Hugo serves `docs/a/b.md` at `/docs/a/b/`)."""
    parts = PurePosixPath(document.path).parts
    for index, part in enumerate(parts[:-1]):
        if langtags.normalize(part) == document.language:
            parts = parts[index + 1 :]
            break
    else:
        parts = parts[-1:]
    folder = "/" + "/".join(parts[:-1])
    name = parts[-1] if parts else ""
    stem = name.rsplit(".", 1)[0]
    if stem in ("index", "_index", "README") or not stem:
        return (folder,)
    return (folder, posixpath.join(folder, stem))


def equivalent_targets(target: str, site: tuple[str, ...]) -> frozenset[str]:
    """Every spelling-independent form a link target may stand for; two links are equivalent when
    their forms meet."""
    target = target.strip()
    path, hash_, fragment = target.partition("#")
    path = path.split("?", 1)[0]
    if SCHEME.match(path) or path.startswith("//"):
        return frozenset({target})
    if not path:
        return frozenset({"#" + fragment})
    path = neutral_target(path)
    folders = ("/",) if path.startswith("/") else site
    forms = set()
    for folder in folders:
        resolved = posixpath.normpath(posixpath.join(folder, path))
        for suffix in PAGE_SUFFIXES:
            if resolved.endswith(suffix):
                resolved = resolved[: -len(suffix)]
                break
        forms.add(resolved.rstrip("/") + hash_ + fragment)
    return frozenset(forms)


def compact_diff(
    old: Document | None,
    old_section: Section | None,
    new: Document | None,
    new_section: Section | None,
    limit: int = 40,
) -> str:
    """A unified diff of one section's own lines (not its subsections), at most `limit` lines."""
    before = _own_lines(old, old_section)
    after = _own_lines(new, new_section)
    diff = list(
        difflib.unified_diff(before, after, "source at base", "source now", n=1, lineterm="")
    )
    if len(diff) > limit:
        diff = diff[:limit] + [f"... {len(diff) - limit} more lines"]
    return "\n".join(diff)


def _own_lines(document: Document | None, section: Section | None) -> list[str]:
    if document is None or section is None:
        return []
    start, end = section.line, section.end_line
    if section.heading is None and document.front_matter:
        start = document.front_matter.end_line + 1
    return document.lines[start - 1 : end]
