"""heading-structure: a translation has the reference's sections, in the same order, levels and ids.

Sections are aligned by what translation leaves alone (level, explicit ids, links, code, numbers,
inline code, block shape), so each defect is one diagnostic, not a cascade:

- a missing section, at the line where it belongs, naming the reference's heading;
- an extra section (not one whose id keeps a source heading's anchor: that section is there, where
  the alignment could not follow it);
- a section that moved, at its heading, naming where the reference has it (not in a glossary that
  each language keeps in its own alphabetical order);
- a heading whose level changed;
- a heading id (`{#id}`) that breaks the source's anchor: one that differs from the source's explicit
  id, or, when the source has none, from the anchor the generator derives from the source heading
  (`## Install using Helm` is `#install-using-helm`; a repeated heading `#further-reading-1`).
  Keeping that English anchor in a translated heading is right (OpenTelemetry, CNCF do it);
- a broken code fence (one that lost a backtick, so it never closes or every later fence pairs with
  the wrong one), once, at the broken fence, for all the sections it swallows.

Fails (reference `en/a.md` has `## Setup {#setup}`, `## Usage` then `## Next steps`):

    ## Installation {#install}
    ### Utilisation
    ## Étapes suivantes {#etapes}

Passes:

    ## Installation {#setup}
    ## Utilisation
    ## Étapes suivantes {#next-steps}
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from .. import fixes
from ..align import merge_point
from ..model import AlignedGroup, Alignment, Document, Problem, Section, SectionPair
from ..slug import anchor_variants, github, page_anchors, rendered_text

ID = "heading-structure"
MIN_SORTED_SIBLINGS = 8
SORTED_SHARE = 0.9  # adjacent titles in order: a few entries out of place still make a sorted list
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
            if pair.titled_lead and pair.translation is not None:
                yield _titled_lead(alignment, pair)
            elif pair.reference is not None and pair.translation is not None:
                yield from _compare_headings(alignment, pair, moved_spans)
            elif pair.reference is not None and pair.reference.heading is not None:
                if _within(pair.reference, missing_spans) or _kept_elsewhere(
                    alignment, pair.reference
                ):
                    continue
                missing_spans.append((pair.reference.line, _subtree_end(pair.reference)))
                yield _missing(alignment, index, pair.reference, unpaired)
            elif pair.translation is not None and pair.translation.heading is not None:
                if _within(pair.translation, extra_spans) or _keeps_source_anchor(
                    alignment, pair.translation
                ):
                    continue
                extra_spans.append((pair.translation.line, _subtree_end(pair.translation)))
                yield Problem(
                    alignment.translation.path,
                    pair.translation.line,
                    f"extra section {_describe(pair.translation)}{_subsections(pair.translation, unpaired)} "
                    f"is not in the source: remove it, or add it to the source first",
                    related=alignment.reference.location(
                        _previous_reference_line(alignment.pairs, index)
                    ),
                )


def _titled_lead(alignment: Alignment, pair: SectionPair) -> Problem:
    ours, theirs = pair.translation, pair.reference
    assert ours is not None and theirs is not None
    line = next((block.line for block in theirs.blocks if block.kind != "heading"), theirs.line)
    return Problem(
        alignment.translation.path,
        ours.line,
        f"heading {_describe(ours)} is not in the source, which keeps this text as its untitled "
        f"introduction (source line {line}): remove the heading",
        related=alignment.reference.location(line),
    )


def _missing(alignment: Alignment, index: int, section: Section, unpaired: set[int]) -> Problem:
    """A missing heading whose text the section before holds (the heading alone was dropped) is
    reported at the paragraph where that text begins; a missing section where it belongs."""
    path, related = alignment.translation.path, alignment.reference.location(section.line)
    before_index = next(
        (
            position
            for position in range(index - 1, -1, -1)
            if alignment.pairs[position].translation is not None
        ),
        None,
    )
    before = alignment.pairs[before_index] if before_index is not None else None
    if before is not None and before.reference is not None and before.translation is not None:
        assert before_index is not None
        earlier = _lost_run(alignment.pairs[before_index + 1 : index])
        later = _lost_run(alignment.pairs[index + 1 :])
        as_text = _left_as_text(before.translation, before.reference, earlier, section, later)
        if as_text is not None:
            text = alignment.translation.lines[as_text - 1].strip().lstrip("#").strip()
            return Problem(
                path,
                as_text,
                f"missing heading {_describe(section)}: line {as_text} is its text without a "
                f"heading mark that works; write it as `{'#' * section.level} {text}`",
                related=related,
            )
        first, second = _joined([before.reference, *earlier]), _joined([section, *later])
        merged = (
            None
            if _placeholder(before.translation, first, second)
            else merge_point(before.translation, first, second, alignment.translation.lines)
        )
        if merged is not None:
            return Problem(
                path,
                merged,
                f"missing heading {_describe(section)}: its text is here, run together with the "
                f"section before; insert the translated heading before line {merged}",
                related=related,
            )
    line, after = _insertion_line(alignment, index)
    where = f"after line {line}" if after else f"before line {line}"
    return Problem(
        path,
        line,
        f"missing section {_describe(section)}{_subsections(section, unpaired)}: translate the "
        f"section at source line {section.line} and insert it {where}",
        related=related,
    )


def _lost_run(pairs: list[SectionPair]) -> list[Section]:
    """The source sections with no counterpart at the start of `pairs`: headings lost in a row."""
    run = []
    for pair in pairs:
        if pair.translation is not None or pair.reference is None:
            break
        run.append(pair.reference)
    return run


def _joined(sections: list[Section]) -> Section:
    """Several source sections read as one: the text a translation runs together under one heading."""
    return Section(
        heading=sections[0].heading,
        line=sections[0].line,
        end_line=sections[-1].end_line,
        blocks=[block for section in sections for block in section.blocks],
        links=[link for section in sections for link in section.links],
    )


def _placeholder(merged: Section, first: Section, second: Section) -> bool:
    """A source section with no text of its own (a heading right over subheadings) whose counterpart
    holds less than half as many blocks as the next section, and none of its links, holds a
    placeholder (`TBD`), not that section's text: the next section is missing, not its heading."""
    ours = [block for block in merged.blocks if block.kind != "heading"]
    if any(block.kind != "heading" for block in first.blocks):
        return False
    theirs = [block for block in second.blocks if block.kind != "heading"]
    targets = {link.target for link in second.links}
    return 2 * len(ours) < len(theirs) and not any(link.target in targets for link in merged.links)


def _left_as_text(
    merged: Section, first: Section, earlier: list[Section], lost: Section, later: list[Section]
) -> int | None:
    """The line of a lost heading's text, when every heading lost in a row kept its text as a line
    of its own (a platform export that dropped the `##`): the merged section then has exactly one
    block more per lost heading than the source's sections together, and the line is the block
    after the text of the sections before it."""
    ours = [block for block in merged.blocks if block.kind != "heading"]
    before = [first, *earlier]
    count_before = sum(1 for part in before for block in part.blocks if block.kind != "heading")
    count_after = sum(
        1 for part in [lost, *later] for block in part.blocks if block.kind != "heading"
    )
    headings = len(earlier) + 1 + len(later)
    if len(ours) != count_before + count_after + headings:
        return None
    candidate = ours[count_before + len(earlier)]
    return candidate.line if candidate.line == candidate.end_line else None


def _compare_headings(
    alignment: Alignment, pair: SectionPair, moved_spans: list[tuple[int, int]]
) -> Iterator[Problem]:
    ours, theirs = pair.translation, pair.reference
    if ours is None or theirs is None or ours.heading is None or theirs.heading is None:
        return
    path, related = alignment.translation.path, alignment.reference.location(theirs.line)
    if pair.moved and not _within(ours, moved_spans) and not _alphabetical(alignment, ours, theirs):
        moved_spans.append((ours.line, _subtree_end(ours)))
        yield Problem(
            path,
            ours.line,
            f"section {_describe(ours)} is out of place: the source has it "
            f"{_reference_neighbour(alignment, theirs)}",
            related=related,
        )
    if ours.level != theirs.level:
        yield Problem(
            path,
            ours.line,
            f"heading level {ours.level} should be {theirs.level}, as the source heading "
            f"{_describe(theirs)} (source line {theirs.line}): write it with {'#' * theirs.level}",
            related=related,
        )
    broken_id = _broken_id(alignment, ours, theirs)
    if broken_id is not None:
        yield broken_id


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
        if pair.translation is not None
        and pair.translation.end_line < min(fence.line, fence.fence_line)
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


def _broken_id(alignment: Alignment, ours: Section, theirs: Section) -> Problem | None:
    """A translation's heading id that breaks the source's anchor: links to the source's explicit id,
    or to the anchor the generator derives from the source heading, no longer reach the section.
    An explicit id equal to that generated anchor keeps it (OpenTelemetry, CNCF)."""
    assert ours.heading is not None and theirs.heading is not None
    promised = (
        frozenset({theirs.heading.anchor})
        if theirs.heading.anchor
        else _generated_anchors(alignment.reference).get(id(theirs), frozenset())
    )
    source = f"the source heading {_describe(theirs)} (source line {theirs.line})"
    line_text = (
        alignment.translation.lines[ours.line - 1]
        if ours.line <= len(alignment.translation.lines)
        else ""
    )
    if ours.heading.anchor is not None:
        if ours.heading.anchor in promised or not promised:
            return None
        if _anchor_of_another_source_heading(alignment, ours.heading.anchor):
            return None  # the section is misplaced, not its id
        wanted = _preferred(promised, theirs.heading.text)
        where = line_text.rfind("{#")
        where = where if where >= 0 else line_text.find(ours.heading.anchor)
        keeps = "has the id" if theirs.heading.anchor else "has the anchor"
        return Problem(
            alignment.translation.path,
            ours.line,
            f"heading id {{#{ours.heading.anchor}}} breaks links to this section: {source} "
            f"{keeps} #{wanted}; write {{#{wanted}}}",
            column=where + 1 if where >= 0 else 1,
            related=alignment.reference.location(theirs.line),
        )
    if theirs.heading.anchor is None or theirs.heading.anchor in anchor_variants(
        rendered_text(ours.heading.text)
    ):
        return None
    return Problem(
        alignment.translation.path,
        ours.line,
        f"heading has no id: {source} has the id #{theirs.heading.anchor}, which links use; "
        f"add {{#{theirs.heading.anchor}}} at the end of the heading",
        column=len(line_text.rstrip()) + 1 if line_text.strip() else 1,
        related=alignment.reference.location(theirs.line),
        fix=fixes.restore_anchor(
            alignment.translation, ours.line, alignment.reference, theirs.line
        ),
    )


_ANCHORS_OF: dict[int, tuple[Document, dict[int, frozenset[str]]]] = {}


def _generated_anchors(document: Document) -> dict[int, frozenset[str]]:
    """The anchors each heading of the source may get, numbered where a heading repeats; once per source."""
    cached = _ANCHORS_OF.get(id(document))
    if cached is not None and cached[0] is document:
        return cached[1]
    headed = [(id(section), section.heading) for section in document.sections if section.heading]
    anchors = dict(
        zip(
            (key for key, _ in headed),
            page_anchors((heading.text, heading.anchor) for _, heading in headed),
        )
    )
    _ANCHORS_OF.clear()
    _ANCHORS_OF[id(document)] = (document, anchors)
    return anchors


def _anchor_of_another_source_heading(alignment: Alignment, anchor: str) -> bool:
    """The id keeps the anchor of a source heading the alignment put elsewhere, and no other
    heading of the translation claims it."""
    return _claims(alignment.translation, anchor) == 1 and any(
        anchor in anchors for anchors in _generated_anchors(alignment.reference).values()
    )


def _claims(document: Document, anchor: str) -> int:
    """How many headings of the page have this anchor, explicit or generated."""
    return sum(
        1
        for section in document.sections
        if section.heading
        and (
            section.heading.anchor == anchor
            or section.heading.anchor is None
            and anchor in anchor_variants(rendered_text(section.heading.text))
        )
    )


def _keeps_source_anchor(alignment: Alignment, section: Section) -> bool:
    """An unpaired translated section whose id is a source heading's anchor: it is that section,
    placed where the alignment could not follow (a glossary sorted in the translation's alphabet),
    not an extra one."""
    anchor = section.heading.anchor if section.heading else None
    return anchor is not None and _anchor_of_another_source_heading(alignment, anchor)


def _kept_elsewhere(alignment: Alignment, section: Section) -> bool:
    """An unpaired source section that a translated heading keeps by its anchor, as an explicit id."""
    anchors = _generated_anchors(alignment.reference).get(id(section), frozenset())
    return any(
        other.heading is not None
        and other.heading.anchor in anchors
        and _claims(alignment.translation, other.heading.anchor) == 1
        for other in alignment.translation.sections
    )


def _preferred(anchors: frozenset[str], text: str) -> str:
    """The anchor to suggest: GitHub's, as Hugo and Docusaurus also write it, else the plainest."""
    github_anchor = github(rendered_text(text))
    return min(
        anchors,
        key=lambda anchor: (
            not anchor.startswith(github_anchor),
            anchor != anchor.lower(),
            "_" in anchor,
            len(anchor),
            anchor,
        ),
    )


def _subtree_end(section: Section) -> int:
    return max(child.end_line for child in section.walk())


def _within(section: Section, spans: list[tuple[int, int]]) -> bool:
    """Inside a section already reported with its subsections."""
    return any(start < section.line <= end for start, end in spans)


def _subsections(section: Section, unpaired: set[int]) -> str:
    count = sum(1 for child in section.walk() if child is not section and id(child) in unpaired)
    return f" (with {count} subsection{'s' if count != 1 else ''})" if count else ""


def _reference_neighbour(alignment: Alignment, section: Section) -> str:
    """Where the source has a moved section, and where that is in the translation."""
    sections = alignment.reference.sections
    position = next(index for index, candidate in enumerate(sections) if candidate is section)
    before = next(
        (s for s in reversed(sections[:position]) if s.heading and s.level <= section.level), None
    )
    if before is None:
        return "before every other section: move it there"
    counterpart = next(
        (
            pair.translation
            for pair in alignment.pairs
            if pair.reference is before and pair.translation is not None and not pair.moved
        ),
        None,
    )
    where = (
        f"move it below line {_last_text_line(alignment, _subtree_end(counterpart))}"
        if counterpart is not None
        else "move it there"
    )
    return f"after {_describe(before)} (source line {before.line}): {where}"


def _insertion_line(alignment: Alignment, index: int) -> tuple[int, bool]:
    """Where the missing section belongs: just before the next section the translation does have,
    else after the last one; True when it goes after the line."""
    pairs = alignment.pairs
    for pair in pairs[index + 1 :]:
        if pair.translation is not None and not pair.moved:
            return pair.translation.line, False
    for pair in reversed(pairs[:index]):
        if pair.translation is not None:
            return _last_text_line(alignment, pair.translation.end_line), True
    return _last_text_line(alignment, len(alignment.translation.lines)), True


def _last_text_line(alignment: Alignment, line: int) -> int:
    """The last line up to `line` with text on it: a file's trailing blank lines are no place to point."""
    lines = alignment.translation.lines
    while line > 1 and line <= len(lines) and not lines[line - 1].strip():
        line -= 1
    return line


def _previous_reference_line(pairs: list[SectionPair], index: int) -> int:
    for pair in reversed(pairs[:index]):
        if pair.reference is not None:
            return pair.reference.line
    return 1


def _alphabetical(alignment: Alignment, ours: Section, theirs: Section) -> bool:
    """A glossary that each language keeps in its own alphabetical order: a section sits where its
    translated title sorts, which is not where the source's sorts; that move is on purpose."""
    return _in_sorted_siblings(alignment.reference, theirs) and _in_sorted_siblings(
        alignment.translation, ours
    )


def _in_sorted_siblings(document: Document, section: Section) -> bool:
    parent = next(
        (s for s in document.sections if any(child is section for child in s.children)), None
    )
    if parent is None or len(parent.children) < MIN_SORTED_SIBLINGS:
        return False
    titles = [_sort_key(child.heading.text) for child in parent.children if child.heading]
    in_order = sum(first <= second for first, second in zip(titles, titles[1:]))
    return in_order >= SORTED_SHARE * (len(titles) - 1)


def _sort_key(text: str) -> str:
    folded = unicodedata.normalize("NFKD", rendered_text(text).casefold())
    return "".join(character for character in folded if not unicodedata.combining(character))
