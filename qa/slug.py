"""The anchors static-site generators derive from a heading's text.

A heading has no single anchor: each generator slugifies its own way, and a site's links follow
whichever one builds it. `anchor_variants` gives every anchor a heading may have, so a fragment or an
explicit id is right when it equals any of them.

- GitHub, github-slugger (Docusaurus, Astro/Starlight, VitePress) and Hugo's default (goldmark,
  `autoHeadingIDType: github`): lower case, punctuation dropped, each space a hyphen, any script kept.
- Hugo's `github-ascii` and Python-Markdown's `toc` (MkDocs' default): the same, reduced to ASCII.
- Hexo (`hexo-util` slugize): case kept, each run of spaces and punctuation one hyphen.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import unquote

_GITHUB_DROPPED = re.compile(r"[^\w\- ]", re.UNICODE)
_MKDOCS_DROPPED = re.compile(r"[^\w\s-]")
_MKDOCS_JOINED = re.compile(r"[-\s]+")
_HEXO_SEPARATORS = re.compile(r"""[\s~`!@#$%^&*()\-_+=\[\]{}|\\;:"'<>,.?/]+""")


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
