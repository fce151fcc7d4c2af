"""declared-language: a file is written in the language it declares.

- Where both the path (`sv/`, `.sv.md`) and the front matter (`lang`, `language`, `locale`)
  declare a language, they agree.
- The detected language of the prose is the declared one; the message names the language found.
  English left in place is `untranslated`'s to report (one diagnostic for an untranslated file),
  except for a declared language glossqa has no word table for. Code, URLs, inline code and keys
  that must stay identical are removed first. The whole file is judged first, then each section
  (a Swedish section inside a Finnish file). Text shorter than `min-words` is skipped, not guessed.
  Languages in one `confusable` set (Norwegian and Danish, say) count as the same.
- Identification uses word-frequency evidence per language and the script (qa/langid.py); each
  diagnostic says why it fired. langdetect, seeded, is the fallback for languages without a table.

Fails (`fi/intro.md`, Swedish prose):

    Mjuk försäljning är en reklam- och försäljningsstrategi som har ett subtilt språk ...

Passes:

    Pehmeä myynti viittaa mainontaan ja myyntiin, joka sisältää hienovaraista kieltä ...
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from functools import lru_cache

from .. import langid, langtags
from ..langid import LanguageGuess
from ..model import AlignedGroup, Document, Problem
from ..prose import prose_lines

ID = "declared-language"
SEVERITY = "error"
OPTIONS = {
    "min-words": 30,
    "section-min-words": 40,
    "min-confidence": 0.6,
    "confusable": [["nb", "nn", "da"], ["hr", "sr", "bs", "sh"], ["ms", "id"]],
}


def check(group: AlignedGroup, options: dict) -> Iterator[Problem]:
    confusable = [
        frozenset(langtags.primary(langtags.normalize(tag) or tag) for tag in family)
        for family in options["confusable"]
    ]

    def same(first: str, second: str) -> bool:
        a, b = langtags.primary(first), langtags.primary(second)
        return a == b or any(a in family and b in family for family in confusable)

    for document in group.documents:
        yield from _declarations_agree(document)
        declared = document.language
        lines = [
            line
            for line in prose_lines(document, group.identical_keys)
            if line.kind != "front-matter"
        ]
        scorer = langid.Lines([line.text for line in lines])
        guess = _detect(scorer, range(len(lines)), declared, options["min-words"])
        if (
            guess
            and guess.confidence >= options["min-confidence"]
            and not same(guess.language, declared)
        ):
            if guess.language != "en" or not langid.available(declared):
                yield _wrong_language(document, lines[0].line, guess, "the prose")
            continue
        numbers = [line.line for line in lines]
        in_order = numbers == sorted(numbers)
        words_before = [0]
        for line in lines:
            words_before.append(words_before[-1] + len(line.text.split()))
        for section in document.root.walk():
            if in_order:
                first = bisect_left(numbers, section.line)
                stop = bisect_right(numbers, section.end_line)
                indexes: Sequence[int] = range(first, stop)
                words = words_before[stop] - words_before[first]
            else:
                indexes = [
                    index
                    for index, line in enumerate(lines)
                    if section.line <= line.line <= section.end_line
                ]
                words = sum(words_before[index + 1] - words_before[index] for index in indexes)
            if words < options["section-min-words"]:
                continue
            guess = _detect(scorer, indexes, declared, options["section-min-words"])
            if (
                guess
                and guess.confidence >= options["min-confidence"]
                and not same(guess.language, declared)
                and guess.language != "en"
            ):
                yield _wrong_language(document, lines[indexes[0]].line, guess, "this section")


def _wrong_language(document: Document, line: int, guess: LanguageGuess, what: str) -> Problem:
    declared = document.language
    return Problem(
        document.path,
        line,
        f"{what} reads as {langtags.name(guess.language)} ({guess.language}), but the file is declared "
        f"{langtags.name(declared)} ({declared}): {guess.reason}",
        language=declared,
    )


def _detect(
    scorer: langid.Lines, indexes: Sequence[int], declared: str, min_words: int
) -> LanguageGuess | None:
    """Word-frequency identification; langdetect (seeded) only for a declared language glossqa has no table for."""
    if langid.available(declared) or scorer.dominant_script(indexes)[0] != "LATIN":
        return scorer.identify(indexes, min_words=min_words)
    text = scorer.text(indexes)
    if len(text.split()) < min_words:
        return None
    by_words = scorer.identify(indexes, min_words=min_words)
    if by_words and by_words.language == "en" and by_words.confidence >= 1.0:
        return (
            by_words  # English left in place, the usual finding, needs no langdetect (30 ms a text)
        )
    return _langdetect(text)


@lru_cache(maxsize=64)  # untranslated siblings share their text, and langdetect is slow
def _langdetect(text: str) -> LanguageGuess | None:
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    try:
        best = detect_langs(text)[0]
    except LangDetectException:
        return None
    language = langtags.normalize(best.lang) or best.lang
    return LanguageGuess(language, best.prob, f"langdetect gives {language} with p={best.prob:.2f}")


def _declarations_agree(document: Document) -> Iterator[Problem]:
    by_path = document.declared_languages.get("path")
    by_front_matter = document.declared_languages.get("front matter")
    if by_path and by_front_matter and by_path != by_front_matter and document.front_matter:
        entries = document.front_matter.entries
        entry = next(
            (entries[key] for key in ("lang", "language", "locale") if key in entries), None
        )
        yield Problem(
            document.path,
            entry.line if entry else 1,
            f"the front matter declares {by_front_matter!r} but the path declares {by_path!r}",
        )
