"""Choose each group's reference and pair every translation's sections with the reference's."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from . import langtags
from .model import AlignedGroup, Alignment, Document, Section, SectionPair

GAP = -0.45
MOVE_THRESHOLD = 0.64  # same level, shape, size and number of subsections, with nothing else that tells them apart
NUMBER = re.compile(r"\d+(?:[.,:]\d+)*")
SMALL_SHARE = 0.01
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
            if document.language == wanted or (
                "-" not in wanted and langtags.primary(document.language) == wanted
            ):
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
    share: float = 0.0  # of the prose of the sections aligned with it: translation keeps proportions  # heading words that translation tends to keep: names, acronyms, numbers


def _with_shares(sections: list[Section]) -> list[Anchors]:
    anchors = [section_anchors(section) for section in sections]
    sizes = [sum(len(block.text) for block in section.blocks) for section in sections]
    total = sum(sizes) or 1
    return [replace(anchor, share=size / total) for anchor, size in zip(anchors, sizes)]


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
    )


def similarity(first: Anchors, second: Anchors) -> float:
    """How alike two sections look through what translation leaves alone, about -1.5 to 1.5."""
    if first.heading_id and first.heading_id == second.heading_id:
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


def _overlap(first: frozenset, second: frozenset, weight: float) -> float:
    """Shared evidence counts for, evidence on one side only counts against."""
    if not first and not second:
        return 0.0
    if not first or not second:
        return -weight / 2
    return weight * len(first & second) / len(first | second) - weight / 3


def align_sections(reference: list[Section], translation: list[Section]) -> list[SectionPair]:
    """The untitled lead sections pair; the rest by Needleman-Wunsch over section anchors, then
    unpaired sections that match each other are moves."""
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
    ref_anchors = _with_shares(reference)
    tr_anchors = _with_shares(translation)
    rows, cols = len(reference), len(translation)
    score = [[0.0] * (cols + 1) for _ in range(rows + 1)]
    step = [[""] * (cols + 1) for _ in range(rows + 1)]
    for i in range(1, rows + 1):
        score[i][0], step[i][0] = i * GAP, "up"
    for j in range(1, cols + 1):
        score[0][j], step[0][j] = j * GAP, "left"
    for i in range(1, rows + 1):
        for j in range(1, cols + 1):
            diagonal = score[i - 1][j - 1] + similarity(ref_anchors[i - 1], tr_anchors[j - 1])
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
    return _pair_moves(
        pairs,
        dict(zip(map(id, reference), ref_anchors)),
        dict(zip(map(id, translation), tr_anchors)),
    )


def _pair_moves(pairs: list[SectionPair], ref_anchors: dict, tr_anchors: dict) -> list[SectionPair]:
    """A section missing in one place and extra in another, where both look alike, moved."""
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
    candidates = sorted(
        (
            (similarity(ref_anchors[id(gone)], tr_anchors[id(added)]), index_r, index_t)
            for index_r, gone in enumerate(missing)
            for index_t, added in enumerate(extra)
            if gone.level == added.level
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
