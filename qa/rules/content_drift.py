"""content-drift: an aligned section whose content clearly differs from the source's: a candidate outdated section.

It needs no history. Each translation section is compared with the source section it is aligned
with, through what translation leaves alone:
- fewer list items and code blocks, and fewer paragraphs (at least `paragraph-slack` + 1 fewer,
  or fewer with the section's text shrunk to match: translators join paragraphs, which keeps the
  text);
- commands and flags of the source's code missing from the translation's (comments and strings
  may be translated);
- version strings (`1.2.3`, `v0.98`) of the prose and inline code missing;
- fewer notes and warnings (`{{% alert %}}`, `> [!NOTE]`, `!!! warning`, `:::tip`).

Only what the translation lacks counts: more in a translation (a translator's note, an extra
example) is no sign of it being behind. One diagnostic per section, with the evidence. History tells when and what changed in the
source (`outdated`); this catches what history cannot see: a translation committed already
behind, a paragraph, list item or code block deleted from a translation.

Fails (the English section has two list items and `kubectl create -f x.yaml`):

    ## Installera
    - Ladda ner

    ```sh
    kubectl apply -f x.yaml
    ```

Passes:

    ## Installera
    - Ladda ner
    - Packa upp

    ```sh
    kubectl create -f x.yaml
    ```
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from ..model import AlignedGroup, Document, Problem, Section

ID = "content-drift"
SEVERITY = "info"
OPTIONS = {"paragraph-slack": 1}
# `v1.2` or three parts (`1.35.0`): `12.9` is as likely a decimal, which other languages write `12,9`.
# ASCII boundaries: a version runs right into CJK text ("v1.35.0以降").
VERSION = re.compile(
    r"(?<![0-9A-Za-z_.])(?:v\d+\.\d+|\d+\.\d+\.\d+)(?:\.\d+)*(?:-[0-9A-Za-z.]+)?"
    r"(?![0-9A-Za-z_.])"
)
FOOTNOTE_DEFINITION = re.compile(r"^\[\^[^\]]+\]:", re.M)
NOTE = re.compile(
    r"\{\{[<%]\s*alert\b|^\s*>\s*\[!(?:note|tip|important|warning|caution)\]|"
    r"^\s*(?:!!!|\?\?\?\+?)\s*\w+|^\s*:::\s*\w+",
    re.I | re.M,
)
FLAG = re.compile(r"(?<![\w-])--?[A-Za-z][\w-]*")
COMMENT = re.compile(r"(?:^|\s)(?:#|//).*$")
PROMPT = re.compile(r"^\s*(?:\$|>|PS>|%)\s+")
PROSE = ("paragraph", "list_item", "table_cell", "html")
SHRUNK = 0.8  # a section with this share of its expected text, or less, lost a paragraph
COMMAND = re.compile(r"[a-z][\w.-]*")
COUNTED = {"list_item": "list item", "code": "code block", "paragraph": "paragraph"}


def check(group: AlignedGroup, options: dict) -> Iterator[Problem]:
    if group.reference is None or group.reference_reason == "consensus":
        return
    slack = options["paragraph-slack"]
    for alignment in group.alignments:
        if alignment.translation.errors or alignment.translation.unclosed_fence:
            continue
        expected_ratio = _prose_size(alignment.translation.sections) / max(
            _prose_size(alignment.reference.sections), 1
        )
        for pair in alignment.pairs:
            if pair.reference is None or pair.translation is None:
                continue
            evidence = differences(
                alignment.reference,
                pair.reference,
                alignment.translation,
                pair.translation,
                slack,
                expected_ratio,
            )
            if evidence:
                yield Problem(
                    alignment.translation.path,
                    pair.translation.line,
                    "section differs from the source, a candidate outdated section: "
                    + "; ".join(evidence),
                    related=alignment.reference.location(pair.reference.line),
                    detail={"evidence": evidence},
                )


def differences(
    reference: Document,
    theirs: Section,
    translation: Document,
    ours: Section,
    slack: int = 1,
    expected_ratio: float = 0.0,
) -> list[str]:
    evidence = []
    their_counts = Counter(block.kind for block in theirs.blocks)
    our_counts = Counter(block.kind for block in ours.blocks)
    # A platform that re-emits a section as HTML (`<p spaces-before="0">`) leaves nothing to count.
    re_emitted = their_counts["html"] != our_counts["html"]
    # Footnote definitions are paragraphs that platforms move to the end of the page.
    footnotes = _has_footnotes(reference, theirs) or _has_footnotes(translation, ours)
    for kind, name in COUNTED.items():
        if (re_emitted and kind != "code") or (footnotes and kind == "paragraph"):
            continue
        wanted, found = their_counts[kind], our_counts[kind]
        allowed = slack if kind == "paragraph" else 0
        if wanted - found > allowed or (
            kind == "paragraph" and found < wanted and _text_gone(theirs, ours, expected_ratio)
        ):
            evidence.append(f"{_count(found, name)} where the source has {wanted}")
    missing = sorted(_code_words(theirs) - _code_words(ours))
    if their_counts["code"] <= our_counts["code"] and missing:
        evidence.append("the source's code has " + ", ".join(f"`{word}`" for word in missing[:4]))
    their_versions, our_versions = _versions(theirs), _versions(ours)
    if their_versions - our_versions:
        evidence.append(
            "version "
            + ", ".join(sorted(their_versions - our_versions))
            + " of the source is not in the translation"
            + (
                f" (it has {', '.join(sorted(our_versions - their_versions))})"
                if our_versions - their_versions
                else ""
            )
        )
    their_notes, our_notes = _notes(reference, theirs), _notes(translation, ours)
    if our_notes < their_notes:
        evidence.append(f"{_count(our_notes, 'note')} where the source has {their_notes}")
    return evidence


def _prose_size(sections: list[Section]) -> int:
    return sum(
        len(block.text) for section in sections for block in section.blocks if block.kind in PROSE
    )


def _text_gone(theirs: Section, ours: Section, expected_ratio: float) -> bool:
    """Fewer paragraphs, with the section's text shrunk to match: not two paragraphs joined."""
    if not expected_ratio:
        return False
    return _prose_size([ours]) / max(_prose_size([theirs]), 1) / expected_ratio < SHRUNK


def _count(number: int, name: str) -> str:
    return f"{number} {name}{'s' if number != 1 else ''}"


def _code_words(section: Section) -> frozenset[str]:
    """The commands (first word of each line) and flags of a section's code, comments left out."""
    words = set()
    for code in section.code_blocks:
        for line in code.split("\n"):
            line = COMMENT.sub("", PROMPT.sub("", line)).strip()
            if not line:
                continue
            first = line.split()[0]
            if COMMAND.fullmatch(
                first
            ):  # a capitalised first word is prose or output, translatable
                words.add(" ".join(line.split()[:2]) if _is_command(line) else first)
            words.update(FLAG.findall(line))
    return frozenset(words)


def _is_command(line: str) -> bool:
    parts = line.split()
    return (
        len(parts) > 1
        and re.fullmatch(r"[a-z][\w-]*", parts[1]) is not None
        and ":" not in parts[0]
    )


def _versions(section: Section) -> frozenset[str]:
    found = set()
    for block in section.blocks:
        if block.kind in ("heading", "code"):
            continue
        found.update(VERSION.findall(block.text))
        for code in block.inline_code:
            found.update(VERSION.findall(code))
    return frozenset(version.lstrip("v") for version in found)


def _has_footnotes(document: Document, section: Section) -> bool:
    text = "\n".join(document.lines[section.line - 1 : section.end_line])
    return FOOTNOTE_DEFINITION.search(text) is not None


def _notes(document: Document, section: Section) -> int:
    text = "\n".join(document.lines[section.line - 1 : section.end_line])
    return len(NOTE.findall(text))
