"""Choose each group's reference and pair every translation's sections with the reference's."""

from __future__ import annotations

import re
from collections import Counter

from . import langtags
from .model import AlignedGroup, Alignment, Document, Section, SectionPair

GAP = -0.45
LOCALE_PREFIX = re.compile(r"^/([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)(?=/)")


def neutral_target(target: str) -> str:
    """A link target with a leading locale segment removed, for matching across languages."""
    match = LOCALE_PREFIX.match(target)
    if match and langtags.normalize(match[1]):
        return target[match.end():]
    return target


def choose_reference(documents: list[Document], source: str | None,
                     identical: frozenset[str] = frozenset()) -> tuple[Document | None, str]:
    if not documents:
        return None, ""
    if source:
        wanted = langtags.normalize(source) or source
        for document in documents:
            if document.language == wanted:
                return document, "source language"
        return None, ""
    for document in documents:
        if langtags.is_english(document.language) and document.language == "en":
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
    sections = document.sections
    headings = tuple((s.level, s.heading.anchor) for s in sections if s.heading)
    links = tuple(sorted(Counter(neutral_target(l.target) for s in sections for l in s.links).items()))
    entries = document.front_matter.entries if document.front_matter else {}
    values = tuple(repr(entries[key].value) if key in entries else None for key in sorted(identical))
    return headings, links, tuple(entries), values


def _agreement(first: tuple, second: tuple) -> int:
    return sum(a == b for a, b in zip(first, second))


def identical_keys(documents: list[Document], configured: list[str], translated: list[str]) -> frozenset[str]:
    """Keys that must stay identical: the configured ones, plus any untranslated key identical in every sibling."""
    keys = set(configured)
    with_front_matter = [d.front_matter.entries for d in documents if d.front_matter and not d.errors]
    if len(with_front_matter) >= 2:
        first = with_front_matter[0]
        for key, entry in first.items():
            if key not in translated and all(key in other and other[key].value == entry.value for other in with_front_matter[1:]):
                keys.add(key)
    return frozenset(keys)


def align_group(key: str, documents: list[Document], source: str | None,
                configured_identical: list[str], translated: list[str]) -> AlignedGroup:
    must_match = identical_keys(documents, configured_identical, translated)
    reference, reason = choose_reference(documents, source, must_match)
    alignments = []
    if reference is not None:
        for document in documents:
            if document is not reference:
                alignments.append(Alignment(reference, document, align_sections(reference.sections, document.sections)))
    return AlignedGroup(
        key=key,
        documents=documents,
        reference=reference,
        reference_reason=reason,
        alignments=alignments,
        identical_keys=must_match,
        translated_keys=frozenset(translated) - frozenset(configured_identical),
    )


def section_anchors(section: Section) -> tuple:
    return (
        section.level,
        section.heading.anchor if section.heading else None,
        frozenset(neutral_target(link.target) for link in section.links),
        len(section.code_blocks),
        sum(1 for block in section.blocks if block.kind != "heading"),
    )


def similarity(first: tuple, second: tuple) -> float:
    """How alike two sections look through what translation leaves alone, from -1 to 1."""
    level_a, anchor_a, links_a, code_a, blocks_a = first
    level_b, anchor_b, links_b, code_b, blocks_b = second
    if anchor_a and anchor_a == anchor_b:
        return 1.0
    score = 0.3 if level_a == level_b else -0.3
    if anchor_a or anchor_b:
        score -= 0.5 if anchor_a and anchor_b else 0.4
    if links_a or links_b:
        score += 0.9 * len(links_a & links_b) / len(links_a | links_b) - 0.3
    score += 0.15 if code_a == code_b else -0.15
    score += 0.15 if abs(blocks_a - blocks_b) <= max(1, blocks_a // 3) else -0.1
    return score


def align_sections(reference: list[Section], translation: list[Section]) -> list[SectionPair]:
    """Needleman-Wunsch over section anchors; the untitled lead sections always pair."""
    ref_anchors = [section_anchors(s) for s in reference]
    tr_anchors = [section_anchors(s) for s in translation]
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
            score[i][j], step[i][j] = max((diagonal, "diag"), (up, "up"), (left, "left"), key=lambda c: c[0])
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
    return pairs
