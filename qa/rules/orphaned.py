"""orphaned: a translation whose source file no longer exists.

Reported once per file, at its first line, naming the likely new source when a source file
without a translation in that language has the same structure (a moved or renamed page):
move the translation there, or delete it. Runs when the site has a source language (`source:`
in rules.yaml, or English files) and the article has no file in it.

Fails (`en/old.md` was moved to `en/guide/new.md`; `sv/old.md` stayed):

    sv/old.md: a translation with no en/old.md beside it

Passes:

    sv/guide/new.md: moved along with its source
"""

from __future__ import annotations

from collections.abc import Iterator

from ..group import display_path
from ..model import AlignedGroup, Problem
from ..moves import likely_source

ID = "orphaned"
SEVERITY = "warning"
OPTIONS: dict = {}


def check(group: AlignedGroup, options: dict) -> Iterator[Problem]:
    if group.reference_reason != "no source file" or not group.source_language:
        return
    for document in group.documents:
        moved = likely_source(document, group.source_language)
        hint = (
            f"; its source likely moved to {display_path(moved)}: move the translation along"
            if moved
            else "; move it along with its source, or delete it"
        )
        yield Problem(
            document.path,
            1,
            f"orphaned translation: there is no {group.source_language} source file for it{hint}",
        )
