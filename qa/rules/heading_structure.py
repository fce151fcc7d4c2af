"""heading-structure: a translation has the reference's sections, in the same order, levels and ids.

Sections are aligned by what translation leaves alone (level, explicit ids, links, code, numbers,
inline code, block shape), so each defect is one diagnostic, not a cascade:

- a missing section, at the line where it belongs, naming the reference's heading;
- an extra section;
- a section that moved, at its heading, naming where the reference has it;
- a heading whose level or explicit id (`{#id}`) changed;
- a broken code fence (one that lost a backtick, so it never closes or every later fence pairs with
  the wrong one), once, at the broken fence, for all the sections it swallows.

Fails (reference `en/a.md` has `## Setup {#setup}` then `## Usage`):

    ## Installation {#install}
    ### Utilisation

Passes:

    ## Installation {#setup}
    ## Utilisation
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .. import fixes
from ..model import AlignedGroup, Alignment, Problem, Section, SectionPair

ID = "heading-structure"
SEVERITY = "error"
OPTIONS: dict = {}


def check(group: AlignedGroup, options: dict) -> Iterator[Problem]:
    for alignment in group.alignments:
        swallowed = _swallowed(alignment)
        if swallowed is not None:
            yield _swallowing_fence(alignment, swallowed)
        moved_spans: list[tuple[int, int]] = []
        missing_spans: list[tuple[int, int]] = []
        extra_spans: list[tuple[int, int]] = []
        pairs = alignment.pairs[: swallowed.start] if swallowed else alignment.pairs
        unpaired = {
            id(section)
            for pair in pairs
            for section in (pair.reference, pair.translation)
            if section is not None and (pair.reference is None or pair.translation is None)
        }
        for index, pair in enumerate(pairs):
            if pair.reference is not None and pair.translation is not None:
                yield from _compare_headings(alignment, pair, moved_spans)
            elif pair.reference is not None and pair.reference.heading is not None:
                if _within(pair.reference, missing_spans):
                    continue
                missing_spans.append((pair.reference.line, _subtree_end(pair.reference)))
                yield Problem(
                    alignment.translation.path,
                    _insertion_line(alignment, index),
                    f"missing section: the reference has {_describe(pair.reference)}"
                    f"{_subsections(pair.reference, unpaired)}",
                    related=alignment.reference.location(pair.reference.line),
                )
            elif pair.translation is not None and pair.translation.heading is not None:
                if _within(pair.translation, extra_spans):
                    continue
                extra_spans.append((pair.translation.line, _subtree_end(pair.translation)))
                yield Problem(
                    alignment.translation.path,
                    pair.translation.line,
                    f"extra section {_describe(pair.translation)}{_subsections(pair.translation, unpaired)} "
                    f"has no counterpart in the reference",
                    related=alignment.reference.location(
                        _previous_reference_line(alignment.pairs, index)
                    ),
                )


def _compare_headings(
    alignment: Alignment, pair: SectionPair, moved_spans: list[tuple[int, int]]
) -> Iterator[Problem]:
    ours, theirs = pair.translation, pair.reference
    if ours is None or theirs is None or ours.heading is None or theirs.heading is None:
        return
    path, related = alignment.translation.path, alignment.reference.location(theirs.line)
    if pair.moved and not _within(ours, moved_spans):
        moved_spans.append((ours.line, _subtree_end(ours)))
        yield Problem(
            path,
            ours.line,
            f"section {_describe(ours)} moved: the reference has it "
            f"{_reference_neighbour(alignment, theirs)}",
            related=related,
        )
    if ours.level != theirs.level:
        yield Problem(
            path,
            ours.line,
            f"heading level {ours.level} differs from the reference's level {theirs.level} "
            f"({_describe(theirs)})",
            related=related,
        )
    if theirs.heading.anchor != ours.heading.anchor and (
        theirs.heading.anchor or ours.heading.anchor
    ):
        yield Problem(
            path,
            ours.line,
            f"heading id {_anchor(ours)} differs from the reference's {_anchor(theirs)}",
            related=related,
            fix=fixes.restore_anchor(
                alignment.translation, ours.line, alignment.reference, theirs.line
            )
            if ours.heading.anchor is None
            else None,
        )


@dataclass(frozen=True)
class Swallowed:
    """What an unclosed fence in the translation takes: every pair from `start` on."""

    start: int
    holder: Section  # the translation's section where the fence opens
    counterpart: Section | None  # the reference's section holding the fence that was broken


def _swallowed(alignment: Alignment) -> Swallowed | None:
    """Everything from the translation's section where the fence opens: the swallowed text may have
    put that section out of alignment, so its counterpart is the first reference section left."""
    fence = alignment.translation.unclosed_fence
    if fence is None or alignment.reference.unclosed_fence is not None:
        return None
    pairs = alignment.pairs
    intact = [
        index
        for index, pair in enumerate(pairs)
        if pair.translation is not None and pair.translation.end_line < fence.fence_line
    ]
    start = intact[-1] + 1 if intact else 0
    holder = next(
        (pair.translation for pair in pairs[start:] if pair.translation is not None), None
    )
    counterpart = next(
        (pair.reference for pair in pairs[start:] if pair.reference is not None), None
    )
    return Swallowed(start, holder, counterpart) if holder is not None else None


def _swallowing_fence(alignment: Alignment, swallowed: Swallowed) -> Problem:
    fence = alignment.translation.unclosed_fence
    assert fence is not None, "called only for a translation with an unclosed fence"
    lost = [
        pair.reference
        for pair in alignment.pairs[swallowed.start :]
        if pair.reference is not None
        and pair.reference is not swallowed.counterpart
        and pair.reference.heading is not None
    ]
    message = f"broken code fence: {fence.reason}"
    if lost:
        shown = ", ".join(_describe(section) for section in lost[:3]) + (
            ", ..." if len(lost) > 3 else ""
        )
        message += f", swallowing {len(lost)} section{'s' if len(lost) != 1 else ''} of the reference ({shown})"
    return Problem(
        alignment.translation.path,
        fence.line,
        message,
        related=alignment.reference.location(_reference_fence_line(fence.fence_line, swallowed)),
        fix=fixes.lengthen_fence(alignment.translation, fence),
    )


def _reference_fence_line(fence_line: int, swallowed: Swallowed) -> int:
    """The reference's fence that the broken one translates: same section, same place among its code blocks."""
    if swallowed.counterpart is None:
        return 1
    ours = [block.line for block in swallowed.holder.blocks if block.kind == "code"]
    theirs = [block.line for block in swallowed.counterpart.blocks if block.kind == "code"]
    ordinal = sum(1 for line in ours if line < fence_line)
    return theirs[min(ordinal, len(theirs) - 1)] if theirs else swallowed.counterpart.line


def _describe(section: Section) -> str:
    return f"{'#' * section.level} {section.heading.text if section.heading else ''}"


def _anchor(section: Section) -> str:
    anchor = section.heading.anchor if section.heading else None
    return f"{{#{anchor}}}" if anchor else "(none)"


def _subtree_end(section: Section) -> int:
    return max(child.end_line for child in section.walk())


def _within(section: Section, spans: list[tuple[int, int]]) -> bool:
    """Inside a section already reported with its subsections."""
    return any(start < section.line <= end for start, end in spans)


def _subsections(section: Section, unpaired: set[int]) -> str:
    count = sum(1 for child in section.walk() if child is not section and id(child) in unpaired)
    return f" (with {count} subsection{'s' if count != 1 else ''})" if count else ""


def _reference_neighbour(alignment: Alignment, section: Section) -> str:
    sections = alignment.reference.sections
    position = next(index for index, candidate in enumerate(sections) if candidate is section)
    before = next(
        (s for s in reversed(sections[:position]) if s.heading and s.level <= section.level), None
    )
    return f"after {_describe(before)}" if before else "before every other section"


def _insertion_line(alignment: Alignment, index: int) -> int:
    """Where the missing section belongs: just before the next section the translation does have."""
    pairs = alignment.pairs
    for pair in pairs[index + 1 :]:
        if pair.translation is not None and not pair.moved:
            return pair.translation.line
    for pair in reversed(pairs[:index]):
        if pair.translation is not None:
            return pair.translation.end_line
    return len(alignment.translation.lines)


def _previous_reference_line(pairs: list[SectionPair], index: int) -> int:
    for pair in reversed(pairs[:index]):
        if pair.reference is not None:
            return pair.reference.line
    return 1
