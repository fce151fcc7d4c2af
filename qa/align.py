"""Choose each group's reference and pair every translation's sections with the reference's."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from . import langtags, slug
from .model import AlignedGroup, Alignment, Block, Document, Section, SectionPair

GAP = -0.45
MOVE_THRESHOLD = 0.64  # same level, shape, size and number of subsections, with nothing else that tells them apart
NUMBER = re.compile(r"\d+(?:[.,:]\d+)*")
SMALL_SHARE = 0.01
SWAP_MARGIN = 0.3  # of a likeness summed over two pairs, 0 to 2
PROSE_MOVE_LIKENESS = 0.75
MISMATCHED_ID = 1.5  # as sure as an id that matches
COMMON_NAME_SECTIONS = 4  # headings enough to tell a name most of them share
NAME = re.compile(r"\b(?:[A-Z][\w.+-]*[A-Z0-9][\w.+-]*|[A-Z][a-z]{2,}\w*|\w*\d\w*)\b")
BLOCK_KINDS = ("paragraph", "list_item", "table_cell", "code", "html")
LOCALE_PREFIX = re.compile(r"^/([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)(?=/)")


def neutral_target(target: str) -> str:
    """A link target with a leading locale segment removed, for matching across languages."""
    match = LOCALE_PREFIX.match(target)
    if match and langtags.normalize(match[1]):
        return target[match.end() :]
    return target


def choose_reference(
    documents: list[Document], source: str | None, identical: frozenset[str] = frozenset()
) -> tuple[Document | None, str]:
    if not documents:
        return None, ""
    if source:
        wanted = langtags.normalize(source) or source
        for document in sorted(documents, key=lambda document: document.language != wanted):
            if langtags.is_in(document.language, wanted):
                return document, "source language"
        return None, "no source file"
    for document in sorted(documents, key=lambda document: document.language != "en"):
        if langtags.is_english(document.language):
            return document, "English"
    if len(documents) == 1:
        return documents[0], "consensus"
    signatures = [_document_signature(document, identical) for document in documents]
    agreement = [
        sum(_agreement(signature, other) for other in signatures) for signature in signatures
    ]
    best = max(range(len(documents)), key=lambda i: (agreement[i], -i))
    return documents[best], "consensus"


def _document_signature(document: Document, identical: frozenset[str]) -> tuple:
    """What siblings should share, part by part; the sibling agreeing most with the others is the consensus."""
    sections = tuple(
        (a.level, a.heading_id, a.links, a.code) for a in map(section_anchors, document.sections)
    )
    front_matter = document.front_matter
    entries = front_matter.entries if front_matter else {}
    values = tuple(
        repr(entries[key].value) if key in entries else None for key in sorted(identical)
    )
    well_formed = (
        front_matter.delimiter if front_matter else None,
        document.unclosed_fence is None,
    )
    return sections, tuple(entries), values, well_formed


def _agreement(first: tuple, second: tuple) -> float:
    (sections_a, *rest_a), (sections_b, *rest_b) = first, second
    same_sections = sum(a == b for a, b in zip(sections_a, sections_b)) / max(
        len(sections_a), len(sections_b), 1
    )
    return same_sections + sum(a == b for a, b in zip(rest_a, rest_b))


def identical_keys(
    documents: list[Document], configured: list[str], translated: list[str]
) -> frozenset[str]:
    """Keys that must stay identical: the configured ones, plus any untranslated key that every sibling
    has with one value, allowing one outlier among four or more: the outlier is the drift to report."""
    keys = set(configured)
    with_front_matter = [
        d.front_matter.entries for d in documents if d.front_matter and not d.errors
    ]
    allowed_outliers = 1 if len(with_front_matter) >= 4 else 0
    if len(with_front_matter) >= 2:
        for key in {key for entries in with_front_matter for key in entries} - set(translated):
            values = Counter(
                repr(entries[key].value) if key in entries else None
                for entries in with_front_matter
            )
            value, count = values.most_common(1)[0]
            if value is not None and count >= len(with_front_matter) - allowed_outliers:
                keys.add(key)
    return frozenset(keys)


def align_group(
    key: str,
    documents: list[Document],
    source: str | None,
    configured_identical: list[str],
    translated: list[str],
) -> AlignedGroup:
    must_match = identical_keys(documents, configured_identical, translated)
    reference, reason = choose_reference(documents, source, must_match)
    alignments = []
    if reference is not None:
        for document in documents:
            if document is not reference:
                alignments.append(
                    Alignment(
                        reference, document, align_sections(reference.sections, document.sections)
                    )
                )
    return AlignedGroup(
        key=key,
        documents=documents,
        reference=reference,
        reference_reason=reason,
        alignments=alignments,
        identical_keys=must_match,
        translated_keys=frozenset(translated) - frozenset(configured_identical),
        source_language=source,
        configured_identical_keys=frozenset(configured_identical),
    )


@dataclass(frozen=True)
class Anchors:
    """What translation leaves alone in a section: the evidence for pairing sections across languages."""

    level: int
    heading_id: str | None
    links: frozenset[str]
    code: frozenset[str]
    tokens: frozenset[str]  # numbers and inline code in the prose
    shape: tuple[int, ...]  # how many blocks of each kind
    subsections: int
    names: frozenset[str]
    slugs: frozenset[str] = frozenset()  # the anchors generators derive from the heading's text
    share: float = 0.0  # of the prose of the sections aligned with it: translation keeps proportions  # heading words that translation tends to keep: names, acronyms, numbers


def _with_shares(sections: list[Section]) -> list[Anchors]:
    """Each section's anchors, with its share of the prose, and without the heading names that
    most headings of the file have (`Node.js®` in every heading tells none of them apart)."""
    anchors = [section_anchors(section) for section in sections]
    sizes = [sum(len(block.text) for block in section.blocks) for section in sections]
    total = sum(sizes) or 1
    titled = sum(1 for section in sections if section.heading)
    counts = Counter(name for anchor in anchors for name in anchor.names)
    common = frozenset(
        name
        for name, count in counts.items()
        if titled >= COMMON_NAME_SECTIONS and count > titled / 2
    )
    return [
        replace(anchor, share=size / total, names=anchor.names - common)
        for anchor, size in zip(anchors, sizes)
    ]


def section_anchors(section: Section) -> Anchors:
    blocks = [block for block in section.blocks if block.kind != "heading"]
    tokens = {code for block in blocks for code in block.inline_code}
    tokens.update(number for block in blocks for number in NUMBER.findall(block.text))
    return Anchors(
        level=section.level,
        heading_id=section.heading.anchor if section.heading else None,
        links=frozenset(neutral_target(link.target) for link in section.links),
        code=frozenset(code.strip() for code in section.code_blocks),
        tokens=frozenset(tokens),
        shape=tuple(sum(1 for block in blocks if block.kind == kind) for kind in BLOCK_KINDS),
        subsections=len(section.children),
        names=frozenset(NAME.findall(section.heading.text)) if section.heading else frozenset(),
        slugs=slug.anchor_variants(slug.rendered_text(section.heading.text))
        if section.heading
        else frozenset(),
    )


def similarity(first: Anchors, second: Anchors) -> float:
    """How alike two sections look through what translation leaves alone, about -1.5 to 1.5."""
    if first.heading_id and first.heading_id == second.heading_id:
        return 1.5
    if _keeps_anchor(first, second) or _keeps_anchor(second, first):
        return 1.5
    score = 0.3 if first.level == second.level else -0.3
    if first.heading_id or second.heading_id:
        score -= 0.5 if first.heading_id and second.heading_id else 0.4
    score += _overlap(first.links, second.links, 0.9)
    score += _overlap(first.code, second.code, 0.4)
    score += _overlap(first.tokens, second.tokens, 0.3)
    if first.names & second.names:
        score += 0.5 * len(first.names & second.names) / min(len(first.names), len(second.names))
    score += 0.1 if first.subsections == second.subsections else -0.1
    ratio = max(first.share, second.share, SMALL_SHARE) / max(
        min(first.share, second.share), SMALL_SHARE
    )
    score += 0.2 if ratio < 1.25 else 0.05 if ratio < 1.5 else -0.15 if ratio < 2 else -0.3
    if first.shape == second.shape:
        score += 0.15
    elif sum(abs(a - b) for a, b in zip(first.shape, second.shape)) <= max(
        1, sum(first.shape) // 3
    ):
        score -= 0.1
    else:
        score -= 0.25
    return score


def _pairing_score(first: Anchors, second: Anchors, source_anchors: frozenset[str]) -> float:
    """The similarity, except that a translated heading whose id keeps the anchor of another
    source heading is that other section (a glossary sorted in the translation's alphabet keeps
    its English ids): it pairs with no section but that one."""
    names_another = (
        second.heading_id in source_anchors
        and first.heading_id != second.heading_id
        and not _keeps_anchor(second, first)
    )
    return -MISMATCHED_ID if names_another else similarity(first, second)


def _links_of_one_section(anchors) -> frozenset[str]:
    """Link targets that only one section of a file has."""
    counts = Counter(target for anchor in anchors for target in anchor.links)
    return frozenset(target for target, count in counts.items() if count == 1)


def _keeps_anchor(first: Anchors, second: Anchors) -> bool:
    """An explicit id on one side that keeps the anchor the other side's heading generates."""
    return bool(first.heading_id and not second.heading_id and first.heading_id in second.slugs)


def _overlap(first: frozenset, second: frozenset, weight: float) -> float:
    """Shared evidence counts for, evidence on one side only counts against."""
    if not first and not second:
        return 0.0
    if not first or not second:
        return -weight / 2
    return weight * len(first & second) / len(first | second) - weight / 3


def align_sections(reference: list[Section], translation: list[Section]) -> list[SectionPair]:
    """The untitled lead sections pair; the rest by Needleman-Wunsch over section anchors, then
    unpaired sections that match each other are moves, and neighbours that match crosswise swapped."""
    titled = _titled_lead(reference, translation)
    if titled is not None:
        return titled
    if (
        reference
        and translation
        and reference[0].heading is None
        and translation[0].heading is None
    ):
        return [
            SectionPair(reference[0], translation[0]),
            *align_sections(reference[1:], translation[1:]),
        ]
    _score, pairs = _needleman_wunsch(reference, translation)
    ref_anchors = dict(zip(map(id, reference), _with_shares(reference)))
    tr_anchors = dict(zip(map(id, translation), _with_shares(translation)))
    pairs = _pair_moves(pairs, ref_anchors, tr_anchors)
    pairs = _prose_moves(pairs, reference, translation)
    pairs = _merged_pairs(pairs, reference)
    return _swapped_pairs(pairs, reference, translation)


def _needleman_wunsch(
    reference: list[Section], translation: list[Section]
) -> tuple[float, list[SectionPair]]:
    ref_anchors = _with_shares(reference)
    tr_anchors = _with_shares(translation)
    source_anchors = frozenset(
        name for anchor in ref_anchors for name in (anchor.heading_id, *anchor.slugs) if name
    )
    rows, cols = len(reference), len(translation)
    score = [[0.0] * (cols + 1) for _ in range(rows + 1)]
    step = [[""] * (cols + 1) for _ in range(rows + 1)]
    for i in range(1, rows + 1):
        score[i][0], step[i][0] = i * GAP, "up"
    for j in range(1, cols + 1):
        score[0][j], step[0][j] = j * GAP, "left"
    for i in range(1, rows + 1):
        for j in range(1, cols + 1):
            diagonal = score[i - 1][j - 1] + _pairing_score(
                ref_anchors[i - 1], tr_anchors[j - 1], source_anchors
            )
            up = score[i - 1][j] + GAP
            left = score[i][j - 1] + GAP
            score[i][j], step[i][j] = max(
                (diagonal, "diag"), (up, "up"), (left, "left"), key=lambda c: c[0]
            )
    pairs: list[SectionPair] = []
    i, j = rows, cols
    while i or j:
        move = step[i][j]
        if move == "diag":
            pairs.append(SectionPair(reference[i - 1], translation[j - 1]))
            i, j = i - 1, j - 1
        elif move == "up":
            pairs.append(SectionPair(reference[i - 1], None))
            i -= 1
        else:
            pairs.append(SectionPair(None, translation[j - 1]))
            j -= 1
    pairs.reverse()
    return score[rows][cols], pairs


def content_blocks(section: Section) -> list[Block]:
    return [block for block in section.blocks if block.kind != "heading"]


def _lead_position(sections: list[Section]) -> int | None:
    """Where the untitled lead's text sits: the root, or the title (a level-1 heading) that opens the file."""
    if not sections or sections[0].heading is not None:
        return None
    if content_blocks(sections[0]) or len(sections) < 2 or sections[1].level != 1:
        return 0
    return 1


def _as_lead(section: Section, share: float) -> Anchors:
    """A section's text seen as a lead: its heading, if any, set aside."""
    return replace(
        section_anchors(section),
        level=0,
        heading_id=None,
        names=frozenset(),
        subsections=0,
        share=share,
    )


def _share(section: Section, sections: list[Section]) -> float:
    total = sum(len(block.text) for other in sections for block in content_blocks(other)) or 1
    return sum(len(block.text) for block in content_blocks(section)) / total


def _titled_lead(reference: list[Section], translation: list[Section]) -> list[SectionPair] | None:
    """A translation that put a heading over (part of) the reference's untitled lead: the lead pairs
    with the text before and under that heading, when that explains the two files better than the
    heading being a section of its own."""
    at = _lead_position(reference)
    if at is None or at >= len(translation) - 1 or not content_blocks(reference[at]):
        return None
    lead, holder, titled = reference[at], translation[at], translation[at + 1]
    if (
        holder.level != lead.level
        or len(content_blocks(holder)) >= len(content_blocks(lead))
        or titled.heading is None
        or titled.level <= holder.level
        or not content_blocks(titled)
    ):
        return None
    merged = Section(
        heading=titled.heading,
        line=titled.line,
        end_line=titled.end_line,
        blocks=content_blocks(holder) + titled.blocks,
        links=holder.links + titled.links,
        code_blocks=holder.code_blocks + titled.code_blocks,
    )
    lead_anchors = _as_lead(lead, _share(lead, reference))
    as_lead = similarity(lead_anchors, _as_lead(merged, _share(merged, translation)))
    as_holder = similarity(lead_anchors, _as_lead(holder, _share(holder, translation)))
    titled_score, _pairs = _needleman_wunsch(reference[at + 1 :], translation[at + 2 :])
    plain_score, _pairs = _needleman_wunsch(reference[at + 1 :], translation[at + 1 :])
    if as_lead + titled_score + GAP <= as_holder + plain_score:
        return None
    rest = align_sections(reference[at + 1 :], translation[at + 2 :])
    if lead.heading is None:
        return [SectionPair(lead, merged, titled_lead=True), *rest]
    untitled = Section(
        heading=None,
        line=content_blocks(lead)[0].line,
        end_line=lead.end_line,
        blocks=content_blocks(lead),
        links=lead.links,
        code_blocks=lead.code_blocks,
    )
    return [
        SectionPair(reference[0], translation[0]),
        SectionPair(_title_only(lead), _title_only(holder)),
        SectionPair(untitled, merged, titled_lead=True),
        *rest,
    ]


def _title_only(section: Section) -> Section:
    return replace(
        section,
        blocks=[block for block in section.blocks if block.kind == "heading"],
        links=[],
        code_blocks=[],
    )


def _merged_pairs(pairs: list[SectionPair], reference: list[Section]) -> list[SectionPair]:
    """A translation that dropped a heading has the two sections' text under the first one's heading:
    pair that section with the first of the two, so the second is the one missing."""
    following = {id(section): after for section, after in zip(reference, reference[1:])}
    result = list(pairs)
    for index in range(len(result) - 1):
        gone, kept = result[index], result[index + 1]
        if (
            gone.translation is None
            and gone.reference is not None
            and gone.reference.heading is not None
            and kept.reference is not None
            and kept.translation is not None
            and not kept.moved
            and following.get(id(gone.reference)) is kept.reference
            and kept.translation.level == gone.reference.level
            and (
                _holds_both(kept.translation, gone.reference, kept.reference)
                or _named_like_first(kept.translation, gone.reference, kept.reference)
                or _keeps_first_markup(kept.translation, gone.reference, kept.reference)
            )
            and not _same_anchor(kept.reference, kept.translation)
            and not _merged_before(result[:index], gone.reference)
        ):
            result[index] = SectionPair(gone.reference, kept.translation)
            result[index + 1] = SectionPair(kept.reference, None)
    return result


def _same_anchor(reference: Section, translation: Section) -> bool:
    """Headings whose ids say they are the same section."""
    first, second = section_anchors(reference), section_anchors(translation)
    return bool(
        (first.heading_id and first.heading_id == second.heading_id)
        or _keeps_anchor(first, second)
        or _keeps_anchor(second, first)
    )


def _merged_before(pairs: list[SectionPair], gone: Section) -> bool:
    """The text of `gone` is in the translation's section before it."""
    before = next((pair for pair in reversed(pairs) if pair.translation is not None), None)
    return (
        before is not None
        and before.reference is not None
        and before.translation is not None
        and merge_point(before.translation, before.reference, gone) is not None
    )


def _named_like_first(merged: Section, first: Section, second: Section) -> bool:
    """The heading shares names (EOL, API, v22) with the first section's heading and not the second's."""
    ours, theirs_first, theirs_second = (
        section_anchors(section).names for section in (merged, first, second)
    )
    return bool(ours & theirs_first) and not ours & theirs_second


def _keeps_markup_before_text(section: Section) -> bool:
    """Lines between the heading and the first text: a component, an image, a table in HTML."""
    blocks = content_blocks(section)
    first_text = blocks[0].line if blocks else section.end_line + 1
    return first_text - section.line > 2 and section.end_line - section.line >= 2


def _keeps_first_markup(merged: Section, first: Section, second: Section) -> bool:
    """The first section is markup only (`<EOLReleaseTable />`); the merged one keeps that markup
    before the second's text, where the second starts with its text."""
    return (
        not content_blocks(first)
        and _keeps_markup_before_text(first)
        and _keeps_markup_before_text(merged)
        and bool(content_blocks(second))
        and not _keeps_markup_before_text(second)
    )


def _holds_both(merged: Section, first: Section, second: Section) -> bool:
    """More like the two sections' text together than like the second's alone, by block count."""
    count = len(content_blocks(merged))
    first_count, second_count = len(content_blocks(first)), len(content_blocks(second))
    return (
        first_count > 0
        and count > second_count
        and abs(count - first_count - second_count) < abs(count - second_count)
    )


def merge_point(
    merged: Section, first: Section, second: Section, lines: list[str] | None = None
) -> int | None:
    """The line of `merged` where the text of `second` begins, when `merged` holds the text of the
    reference's `first` and `second` under one heading (the heading of `second` was dropped).

    Evidence that it does: the block counts add up, or `merged` has links that only `second` has.
    The place: where the first of those links is (the start of its block, or with no blocks to go
    by, of its run of lines), else by block count when the counts add up exactly, else `second`'s
    number of blocks back from the end."""
    ours = content_blocks(merged)
    theirs_first, theirs_second = content_blocks(first), content_blocks(second)
    first_targets = {neutral_target(link.target) for link in first.links}
    second_targets = {neutral_target(link.target) for link in second.links} - first_targets
    absorbed = [link for link in merged.links if neutral_target(link.target) in second_targets]
    if absorbed and (len(ours) < 2 or not theirs_second):
        line = absorbed[0].line
        while (
            lines and line - 1 > merged.line and line - 1 <= len(lines) and lines[line - 2].strip()
        ):
            line -= 1
        return line
    if not theirs_first and ours and theirs_second:
        return ours[0].line  # the first section has no text of its own: all of it is the second's
    if len(ours) < 2 or not theirs_first or not theirs_second:
        return None
    adds_up = abs(len(ours) - len(theirs_first) - len(theirs_second)) < abs(
        len(ours) - len(theirs_first)
    )
    if not adds_up and not absorbed:
        return None
    if absorbed:
        target = neutral_target(absorbed[0].target)
        ours_at = _block_index(ours, absorbed[0].line)
        theirs_at = next(
            (
                _block_index(theirs_second, link.line)
                for link in second.links
                if neutral_target(link.target) == target
            ),
            0,
        )
        return ours[max(ours_at - theirs_at, 1)].line
    if len(ours) == len(theirs_first) + len(theirs_second):
        return ours[len(theirs_first)].line
    return ours[max(len(ours) - len(theirs_second), 1)].line


def _block_index(blocks: list[Block], line: int) -> int:
    return max((index for index, block in enumerate(blocks) if block.line <= line), default=0)


def _profile(section: Section, sections: list[Section]) -> tuple[float, ...]:
    total = sum(len(block.text) for other in sections for block in content_blocks(other)) or 1
    return tuple(len(block.text) / total for block in content_blocks(section))


def _profile_likeness(first: tuple[float, ...], second: tuple[float, ...]) -> float:
    """How alike two sections' paragraph lengths are, 0 to 1: same count, and each paragraph of
    about the same share of its file."""
    if not first or not second:
        return 0.0
    count = min(len(first), len(second)) / max(len(first), len(second))
    size = min(sum(first), sum(second)) / max(sum(first), sum(second), SMALL_SHARE / 100)
    if len(first) != len(second):
        return count * size
    each = sum(min(a, b) / max(a, b, SMALL_SHARE / 100) for a, b in zip(first, second)) / len(first)
    return count * (size + each) / 2


def _swapped_pairs(
    pairs: list[SectionPair], reference: list[Section], translation: list[Section]
) -> list[SectionPair]:
    """Two neighbouring sections of one level with nothing but prose, each like the other's
    counterpart far more than like its own: the translation swapped them. Reported once, as a move
    of the one that now comes first."""
    result = list(pairs)
    index = 0
    while index < len(result) - 1:
        if _crossed_by_anchor(result[index], result[index + 1]):
            first_pair, second_pair = result[index], result[index + 1]
            result[index] = SectionPair(second_pair.reference, first_pair.translation, moved=True)
            result[index + 1] = SectionPair(first_pair.reference, second_pair.translation)
            index += 2
            continue
        first, second = _prose_sections(result[index]), _prose_sections(result[index + 1])
        if first and second and _crossed(first, second, reference, translation):
            result[index] = SectionPair(second[0], first[1], moved=True)
            result[index + 1] = SectionPair(first[0], second[1])
            index += 2
        else:
            index += 1
    return result


def _crossed_by_anchor(first: SectionPair, second: SectionPair) -> bool:
    """Neighbours whose headings' ids say each is the other's counterpart (`## Language` with
    `## 라이브러리 {#library}` and `## Library` with `## 언어 {#language}`): swapped."""
    sections = (first.reference, first.translation, second.reference, second.translation)
    if first.moved or second.moved or any(section is None for section in sections):
        return False
    ref_first, tr_first, ref_second, tr_second = sections
    assert ref_first and tr_first and ref_second and tr_second
    return (
        _same_anchor(ref_first, tr_second)
        and _same_anchor(ref_second, tr_first)
        and not _same_anchor(ref_first, tr_first)
        and ref_first.level == ref_second.level
    )


def _prose_sections(pair: SectionPair) -> tuple[Section, Section] | None:
    """The pair's two sections, when both are titled leaves with neither links, code nor ids."""
    sections = (pair.reference, pair.translation)
    if pair.moved or pair.reference is None or pair.translation is None:
        return None
    if not all(section is not None and _prose_only(section) for section in sections):
        return None
    return pair.reference, pair.translation


def _crossed(
    first: tuple[Section, Section],
    second: tuple[Section, Section],
    reference: list[Section],
    translation: list[Section],
) -> bool:
    if len({first[0].level, first[1].level, second[0].level, second[1].level}) != 1:
        return False
    ref_first, ref_second = _profile(first[0], reference), _profile(second[0], reference)
    tr_first, tr_second = _profile(first[1], translation), _profile(second[1], translation)
    straight = (_profile_likeness(ref_first, tr_first), _profile_likeness(ref_second, tr_second))
    crossed = (_profile_likeness(ref_first, tr_second), _profile_likeness(ref_second, tr_first))
    return min(crossed) > max(straight) and sum(crossed) > SWAP_MARGIN + sum(straight)


def _prose_moves(
    pairs: list[SectionPair], reference: list[Section], translation: list[Section]
) -> list[SectionPair]:
    """A prose-only section missing in one place and one extra in another, with the same paragraphs
    of the same lengths: moved (nothing else, no link or code, tells such sections apart)."""
    missing = [
        pair.reference
        for pair in pairs
        if pair.translation is None and pair.reference is not None and _prose_only(pair.reference)
    ]
    extra = [
        pair.translation
        for pair in pairs
        if pair.reference is None and pair.translation is not None and _prose_only(pair.translation)
    ]
    candidates = sorted(
        (
            (-_profile_likeness(_profile(gone, reference), _profile(added, translation)), r, t)
            for r, gone in enumerate(missing)
            for t, added in enumerate(extra)
            if gone.level == added.level
        )
    )
    counterpart: dict[int, Section] = {}
    taken: set[int] = set()
    for negative_likeness, r, t in candidates:
        if -negative_likeness < PROSE_MOVE_LIKENESS:
            break
        if id(missing[r]) in taken or id(extra[t]) in counterpart:
            continue
        counterpart[id(extra[t])] = missing[r]
        taken.add(id(missing[r]))
    if not counterpart:
        return pairs
    return _with_moves(pairs, counterpart, taken)


def _prose_only(section: Section) -> bool:
    return (
        section.heading is not None
        and not section.heading.anchor
        and not section.children
        and not section.links
        and not section.code_blocks
        and bool(content_blocks(section))
    )


def _pair_moves(pairs: list[SectionPair], ref_anchors: dict, tr_anchors: dict) -> list[SectionPair]:
    """A section missing in one place and extra in another, where both look alike, moved; or
    where both hold a link that no other section of either file has."""
    missing = [
        pair.reference
        for pair in pairs
        if pair.translation is None and pair.reference is not None and pair.reference.heading
    ]
    extra = [
        pair.translation
        for pair in pairs
        if pair.reference is None and pair.translation is not None and pair.translation.heading
    ]
    only_here = _links_of_one_section(ref_anchors.values()) & _links_of_one_section(
        tr_anchors.values()
    )

    def likeness(gone: Section, added: Section) -> float:
        alike = similarity(ref_anchors[id(gone)], tr_anchors[id(added)])
        if ref_anchors[id(gone)].links & tr_anchors[id(added)].links & only_here:
            return max(alike, MOVE_THRESHOLD)
        return alike

    candidates = sorted(
        (
            (likeness(gone, added), index_r, index_t)
            for index_r, gone in enumerate(missing)
            for index_t, added in enumerate(extra)
            if gone.level == added.level or _same_anchor(gone, added)
        ),
        key=lambda candidate: (-candidate[0], candidate[1], candidate[2]),
    )
    moved_to: dict[int, Section] = {}
    taken: set[int] = set()
    for score, index_r, index_t in candidates:
        if score < MOVE_THRESHOLD:
            break
        if index_r in moved_to or index_t in taken:
            continue
        moved_to[index_r] = extra[index_t]
        taken.add(index_t)
    if not moved_to:
        return pairs
    counterpart = {
        id(extra_section): missing[index_r] for index_r, extra_section in moved_to.items()
    }
    moved_away = {id(missing[index_r]) for index_r in moved_to}
    return _with_moves(pairs, counterpart, moved_away)


def _with_moves(
    pairs: list[SectionPair], counterpart: dict[int, Section], moved_away: set[int]
) -> list[SectionPair]:
    """The pairs with each moved section paired where the translation has it, and not also missing
    where the reference has it. counterpart: id of the translation's section -> the reference's."""
    result = []
    for pair in pairs:
        if pair.translation is None and id(pair.reference) in moved_away:
            continue
        if pair.reference is None and id(pair.translation) in counterpart:
            result.append(
                SectionPair(counterpart[id(pair.translation)], pair.translation, moved=True)
            )
        else:
            result.append(pair)
    return result
