"""untranslated: English left in the prose of a translated file.

Three findings, each at the line where the translator fixes it, each saying why it fired:

- an English phrase inside a translated sentence ("Förstå Soft Selling"), found with no list: its
  words are common in English and rare in the file's language (word-frequency evidence, qa/langid.py);
- a block (paragraph, list item, table cell, heading, front-matter value) left in English, or copied
  unchanged from the English source; a file whose blocks are mostly English gets one diagnostic;
- a term from the project's `terms` list, in any letter case and inflection ("Soft Sell" finds
  "Soft Selling").

Quiet about what legitimately stays English: code, inline code, URLs, file names and link targets
are never searched, nor keys that must stay identical; acronyms and words both languages share
("online", "humor") are not evidence; a phrase most other translations keep too (`name-share`), or
whose only clear English words are capitalised names joined by the translation's own words ("Signal
a Molly"), is a name, and so are words the English source capitalises mid-sentence; `keep` lists,
per language or `"*"` for all, terms that stay English.

Fails (`sv/soft-sell.md`):

    ## Förstå Soft Selling

Passes:

    ## Förstå mjuk försäljning
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .. import langid, langtags
from ..model import AlignedGroup, Document, Problem
from ..prose import ProseBlock, column_of, prose_blocks

ID = "untranslated"
SEVERITY = "warning"
OPTIONS = {
    "terms": [],
    "keep": {},
    "detect": True,
    "min-words": 2,
    "name-share": 0.5,
    "mostly-english": 0.5,
}
OPTION_TYPES = {"terms": list[str], "keep": dict[str, list[str]]}
MID_SENTENCE_CAPITAL = re.compile(r"(?<=[a-z,;:)] )([A-Z][a-z]+)\b")


def check(group: AlignedGroup, options: dict) -> Iterator[Problem]:
    translated = [d for d in group.documents if not langtags.is_english(d.language)]
    source = (
        group.reference
        if group.reference and langtags.is_english(group.reference.language)
        else None
    )
    source_prose = list(prose_blocks(source, group.identical_keys)) if source else []
    source_text = "\n".join(b.text for b in source_prose if b.kind != "heading")
    names = _source_names(source_text)
    blocks = {d.path: list(prose_blocks(d, group.identical_keys)) for d in translated}
    english = (
        {d.path: _english_blocks(d, blocks[d.path], names) for d in translated}
        if options["detect"]
        else {}
    )
    mostly_english = {
        d.path
        for d in translated
        if _mostly_english(blocks[d.path], english.get(d.path, {}), options)
    }
    kept_text = {
        d.path: "\n".join(
            " ".join(b.text.casefold().split())
            for b in blocks[d.path]
            if b.line not in english.get(d.path, {})
        )
        for d in translated
        if d.path not in mostly_english
    }
    source_blocks = {" ".join(b.text.split()): b.line for b in source_prose}
    listed = _listed_pattern(options["terms"])
    for document in translated:
        keep = {
            term.casefold()
            for tag in ("*", document.language, langtags.primary(document.language))
            for term in options["keep"].get(tag, ())
        }
        others = [text for path, text in kept_text.items() if path != document.path]
        flagged_blocks = english.get(document.path, {})
        mostly = document.path in mostly_english
        if mostly:
            judged = sum(len(b.text.split()) >= 4 for b in blocks[document.path])
            yield Problem(
                document.path,
                min(flagged_blocks),
                f"{len(flagged_blocks)} of {judged} blocks are left in "
                f"English; the file looks untranslated",
                language=document.language,
            )
        for block in blocks[document.path]:
            if block.line in flagged_blocks and not mostly:
                yield _english_block(
                    document, block, flagged_blocks[block.line], source, source_blocks
                )
            for line, phrase, reason in _phrases(block, document, listed, options, flagged_blocks):
                if (
                    phrase.casefold() in keep
                    or _is_name(phrase, others, options["name-share"])
                    or _proper_noun_in_source(phrase, source_text)
                ):
                    continue
                yield Problem(
                    document.path,
                    line,
                    f"{' '.join(phrase.split())!r} is left in English in this {block.describe()}: {reason}",
                    column=column_of(document, line, phrase),
                    language=document.language,
                )


def _english_blocks(
    document: Document, blocks: list[ProseBlock], names: frozenset[str]
) -> dict[int, str]:
    """Line -> reason, for blocks that read as English once the source's names are set aside."""
    found = {}
    for block in blocks:
        guess = langid.is_english_block(block.text, document.language, set_aside=names)
        if guess:
            found[block.line] = guess.reason
    return found


def _english_block(
    document: Document, block: ProseBlock, reason: str, source, source_blocks: dict
) -> Problem:
    copied = source_blocks.get(" ".join(block.text.split()))
    if copied:
        return Problem(
            document.path,
            block.line,
            f"this {block.describe()} is copied unchanged from the English source",
            related=source.location(copied),
            language=document.language,
        )
    return Problem(
        document.path,
        block.line,
        f"this {block.describe()} is left in English: {reason}",
        language=document.language,
    )


def _phrases(
    block: ProseBlock, document: Document, listed, options, flagged_blocks
) -> Iterator[tuple]:
    for offset, text in enumerate(block.text.split("\n")):
        line = block.line + offset
        claimed: list[tuple[int, int]] = []
        if listed:
            for match in listed.finditer(text):
                claimed.append(match.span())
                yield (
                    line,
                    match.group(0),
                    f"listed term {_listed_base(match.group(0), options['terms'])!r}",
                )
        if not options["detect"] or block.line in flagged_blocks:
            continue
        for phrase in langid.english_phrases(text, document.language, options["min-words"]):
            if not any(
                start < phrase.end and phrase.start < end for start, end in claimed
            ) and not _names(phrase):
                yield line, phrase.phrase, phrase.reason


def _names(phrase: langid.EnglishPhrase) -> bool:
    """Every clear English word is capitalised and the translation's own lowercase words join them:
    names ("Signal a Molly", "Hyper-V i Windows Sandbox"). "Soft Selling", with no such word, stays a leftover."""
    return all(word[:1].isupper() for word in phrase.evidence_words) and any(
        word.islower() for word in langid.WORD.findall(phrase.phrase)
    )


def _mostly_english(blocks: list[ProseBlock], flagged: dict, options: dict) -> bool:
    judged = sum(len(block.text.split()) >= 4 for block in blocks)
    return judged >= 3 and len(flagged) >= options["mostly-english"] * judged


def _source_names(source_text: str) -> frozenset[str]:
    """Words the English source capitalises in mid-sentence: names ("Privacy Guides"), which stay English."""
    return frozenset(match.group(1) for match in MID_SENTENCE_CAPITAL.finditer(source_text))


def _proper_noun_in_source(phrase: str, source_text: str) -> bool:
    """The English source capitalises the phrase in mid-sentence: it is a name ("Privacy Guides")."""
    if not source_text or not phrase[:1].isupper():
        return False
    return re.search(r"[\w,;:)] " + re.escape(phrase) + r"\b", source_text) is not None


def _is_name(phrase: str, others: list[str], share: float) -> bool:
    """Most other translations keep the phrase in their translated prose: it is a name, not a leftover."""
    if len(others) < 2:
        return False
    needle = " ".join(phrase.casefold().split())
    return sum(needle in text for text in others) >= share * len(others)


def _listed_pattern(terms: list) -> re.Pattern | None:
    if not terms:
        return None
    ordered = sorted({str(term) for term in terms}, key=lambda term: (-len(term), term))
    alternatives = "|".join(
        r"[\s-]+".join(re.escape(word) for word in term.split()) for term in ordered
    )
    return re.compile(r"(?<!\w)(?:" + alternatives + r")\w*", re.I)


def _listed_base(found: str, terms: list) -> str:
    words = " ".join(re.split(r"[\s-]+", found)).casefold()
    return next(
        (
            term
            for term in sorted(map(str, terms), key=len, reverse=True)
            if words.startswith(term.casefold())
        ),
        found,
    )
