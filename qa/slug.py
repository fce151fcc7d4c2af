"""The anchors static-site generators derive from a heading's text.

A heading has no single anchor: each generator slugifies its own way, and a site's links follow
whichever one builds it. `anchor_variants` gives every anchor a heading may have, so a fragment or an
explicit id is right when it equals any of them.

- GitHub, github-slugger (Docusaurus, Astro/Starlight, VitePress) and Hugo's default (goldmark,
  `autoHeadingIDType: github`): lower case, punctuation dropped, each space a hyphen, any script kept.
- Hugo's `github-ascii` and Python-Markdown's `toc` (MkDocs' default): the same, reduced to ASCII.
- Hexo (`hexo-util` slugize): case kept, each run of spaces and punctuation one hyphen.

Every generator slugifies the heading as rendered (`[Go](/docs/go/)` is "Go", a trailing Hugo
attribute block `{.notranslate lang=en}` is no text), and numbers a repeated anchor on a page:
the second "Further reading" is `further-reading-1` (Python-Markdown: `further-reading_1`).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import cache
from urllib.parse import unquote

from markdown_it import MarkdownIt

_GITHUB_DROPPED = re.compile(r"[^\w\- ]", re.UNICODE)
_MKDOCS_DROPPED = re.compile(r"[^\w\s-]")
_MKDOCS_JOINED = re.compile(r"[-\s]+")
_HEXO_SEPARATORS = re.compile(r"""[\s~`!@#$%^&*()\-_+=\[\]{}|\\;:"'<>,.?/]+""")
_ATTRIBUTE_BLOCK = re.compile(r"\s*\{\s*(?:[#.][^{}]*|[^{}=\s]+=[^{}]*)\}\s*$")  # not `{object}`
_RENDERED_KINDS = ("text", "code_inline")


def github(text: str) -> str:
    return _GITHUB_DROPPED.sub("", text.strip().lower()).replace(" ", "-")


def ascii_folded(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _MKDOCS_JOINED.sub("-", _MKDOCS_DROPPED.sub("", folded).strip().lower())


def hexo(text: str) -> str:
    return _HEXO_SEPARATORS.sub("-", text.strip()).strip("-")


def anchor_variants(text: str) -> frozenset[str]:
    """Every anchor a generator may give a heading with this text (empty ones left out)."""
    variants = {github(text), ascii_folded(text), hexo(text), hexo(text).lower()}
    return frozenset(variant for variant in variants if variant)


def normalize_fragment(fragment: str) -> str:
    """A link fragment as a generator's anchor would spell it: percent-decoded, without the `#`."""
    return unquote(fragment.removeprefix("#")).strip()


def rendered_text(markdown: str) -> str:
    """A heading's text as a generator slugifies it: inline markup, link targets, HTML tags and a
    trailing attribute block (`{#id .class lang=en}`) removed."""
    markdown = _ATTRIBUTE_BLOCK.sub("", markdown)
    if not any(mark in markdown for mark in "[]<>`*_&\\"):
        return markdown.strip()
    tokens = _inline_parser().parseInline(markdown)
    children = tokens[0].children if tokens and tokens[0].children else []
    return "".join(
        child.content if child.type in _RENDERED_KINDS else " " * (child.type == "softbreak")
        for child in children
    ).strip()


def page_anchors(headings: Iterable[tuple[str, str | None]]) -> list[frozenset[str]]:
    """The anchors each heading of one page may get, in page order, from its Markdown text and its
    explicit id (or None). An explicit id is the heading's only anchor and takes that name; a
    generated anchor already taken is numbered (`-1`, `-2`; `_1` for Python-Markdown)."""
    taken: Counter[str] = Counter()
    found = []
    for text, explicit in headings:
        if explicit:
            taken[explicit] += 1
            found.append(frozenset({explicit}))
            continue
        anchors = set()
        for variant in anchor_variants(rendered_text(text)):
            repeat = taken[variant]
            taken[variant] += 1
            anchors |= {f"{variant}-{repeat}", f"{variant}_{repeat}"} if repeat else {variant}
        found.append(frozenset(anchors))
    return found


@cache
def _inline_parser() -> MarkdownIt:
    return MarkdownIt("commonmark")
