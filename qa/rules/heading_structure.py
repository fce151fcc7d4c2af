"""heading-structure: a translation has the reference's headings, in number, level and order.

Sections are aligned by what translation leaves alone (level, explicit ids, links, code), so one
missing section is one diagnostic, not a cascade. Explicit heading ids (`{#id}`) must be identical.

Fails (reference `en/a.md` has `## Setup {#setup}` then `## Usage`):

    ## Installation {#install}
    ### Utilisation

Passes:

    ## Installation {#setup}
    ## Utilisation
"""

from __future__ import annotations

from typing import Iterator

from ..model import AlignedGroup, Problem, Section

ID = "heading-structure"
SEVERITY = "error"
OPTIONS: dict = {}


def check(group: AlignedGroup, options: dict) -> Iterator[Problem]:
    for alignment in group.alignments:
        reference, translation = alignment.reference, alignment.translation
        pairs = alignment.pairs
        for index, pair in enumerate(pairs):
            ours, theirs = pair.translation, pair.reference
            if theirs is not None and ours is not None:
                if ours.heading is None or theirs.heading is None:
                    continue
                if ours.level != theirs.level:
                    yield Problem(translation.path, ours.line,
                                  f"heading level {ours.level} differs from the reference's level {theirs.level} "
                                  f"({_describe(theirs)})", related=reference.location(theirs.line))
                if theirs.heading.anchor != ours.heading.anchor and (theirs.heading.anchor or ours.heading.anchor):
                    yield Problem(translation.path, ours.line,
                                  f"heading id {_anchor(ours)} differs from the reference's {_anchor(theirs)}",
                                  related=reference.location(theirs.line))
            elif theirs is not None and theirs.heading is not None:
                line = _insertion_line(pairs, index, translation_length=len(translation.lines))
                yield Problem(translation.path, line,
                              f"missing section: the reference has {_describe(theirs)}",
                              related=reference.location(theirs.line))
            elif ours is not None and ours.heading is not None:
                yield Problem(translation.path, ours.line,
                              f"extra section {_describe(ours)} has no counterpart in the reference",
                              related=reference.location(_previous_reference_line(pairs, index)))


def _describe(section: Section) -> str:
    return f"{'#' * section.level} {section.heading.text}"


def _anchor(section: Section) -> str:
    return f"{{#{section.heading.anchor}}}" if section.heading.anchor else "(none)"


def _insertion_line(pairs, index: int, translation_length: int) -> int:
    """Where the missing section belongs: just before the next section the translation does have."""
    for pair in pairs[index + 1:]:
        if pair.translation is not None:
            return pair.translation.line
    for pair in reversed(pairs[:index]):
        if pair.translation is not None:
            return pair.translation.end_line
    return translation_length


def _previous_reference_line(pairs, index: int) -> int:
    for pair in reversed(pairs[:index]):
        if pair.reference is not None:
            return pair.reference.line
    return 1
