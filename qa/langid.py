"""Language identification that works on short spans: word-frequency evidence per language and the script.

langdetect is unreliable below a sentence (it calls "Soft Sell" Danish) and slow. Here a word votes
for a language by how common it is there (wordfreq's tables, bundled in qa/data/wordfreq, on the Zipf
scale: 3 is once per million words, 6 once per thousand), so two words can already say "English, not Swedish" — and say why.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from operator import mul
from typing import Any

from . import langtags
from .data import tables

LATIN_LETTER = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
# A word is a run of letters of one script: "selling技术" is two words, as a reader of Chinese sees it.
# Latin letters inside a run of digits ("4c6c2b4", "v1beta2") are an identifier, not words.
WORD = re.compile(
    rf"(?<![0-9{LATIN_LETTER}])[{LATIN_LETTER}]++(?:['’][{LATIN_LETTER}]++)*+(?![0-9])"
    rf"|[^\W\d_{LATIN_LETTER}]+"
)
RUN_BREAK = re.compile(r"^[\s\-–—/&+]*$")
UNSEEN = 1.0  # the Zipf frequency assumed for a word missing from a language's table
STRONG = 1.49  # (1.5, less a rounding error: 5.1 - 3.6 < 1.5 in floats) how much more common in English a word must be to count as clear evidence
WEAK = 0.3
EVERYDAY_ENGLISH = 4.5  # Zipf of "sell", "depends": below it sit technical terms translators keep ("blockchain", "exploits")
FUNCTION_WORD = 6.5  # Zipf of "a", "on", "to": English words too common to be evidence on their own
JOINER = 0.5  # a word this close to neutral may sit inside an English run, not at its edge
# In a language of another script every Latin word is foreign, and a lowercase everyday English word
# this much more common in English makes a two-word run prose beside a clear one: "subtle language"
# in Korean, whose table counts "language" often (English asides in Korean text)
LEANING = 1.0
SHARED_WORD = 3.0  # Zipf of "seller", "passwords": an English word, not a stray letter or a typo

SCRIPT_LANGUAGES = {
    "CYRILLIC": ("ru", "uk", "bg", "mk"),
    "GREEK": ("el",),
    "ARABIC": ("ar", "fa", "ur"),
    "HEBREW": ("he",),
    "HANGUL": ("ko",),
    "HIRAGANA": ("ja",),
    "KATAKANA": ("ja",),
    "CJK": ("zh", "ja"),
    "DEVANAGARI": ("hi",),
    "BENGALI": ("bn",),
    "TAMIL": ("ta",),
}


SYLLABIC_SCRIPTS = frozenset({"CJK", "HIRAGANA", "KATAKANA", "HANGUL"})
TABLE_ALIASES = {"hr": "sh", "sr": "sh", "bs": "sh", "no": "nb", "nn": "nb"}


@dataclass(frozen=True)
class LanguageGuess:
    language: str
    confidence: float
    reason: str


@dataclass(frozen=True)
class EnglishPhrase:
    start: int
    end: int
    phrase: str
    reason: str
    evidence_words: tuple[str, ...] = ()


@cache
def table(language: str) -> Mapping[str, float] | None:
    """Word -> Zipf frequency for a language, or None when glossqa has no table for it."""
    name = langtags.primary(langtags.normalize(language) or language)
    return _table_named(TABLE_ALIASES.get(name, name))


@cache
def _table_named(name: str) -> WordTable | None:
    index = _word_tables().index.get(name)
    return None if index is None else WordTable(name, index)


class WordTable(Mapping[str, float]):
    """One language's column of the word tables, read as a dict; each word is looked up in the
    mapped file once per process."""

    def __init__(self, language: str, index: int):
        self.language = language
        self._mark = bytes((index | tables.LANGUAGE_MARK,))
        self._values: dict[str, float | None] = {}

    def get(self, word: str, default: Any = None) -> Any:
        value = self._values.get(word, _UNKNOWN)
        if value is _UNKNOWN:
            value = self._look_up(word)
        return default if value is None else value

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.get(word) is not None

    def __getitem__(self, word: str) -> float:
        value = self.get(word)
        if value is None:
            raise KeyError(word)
        return value

    def __iter__(self) -> Iterator[str]:
        return _word_tables().words(self._mark[0])

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __bool__(self) -> bool:  # never empty; without it, `table(...) or {}` would count the words
        return True

    def _look_up(self, word: str) -> float | None:
        if len(self._values) > WORDS_KEPT:
            self._values.clear()
        pairs = _pairs(word)
        at = pairs.find(self._mark)
        value = self._values[word] = None if at < 0 else ZIPF[pairs[at + 1]]
        return value


_UNKNOWN = object()
ZIPF = [value / 10 for value in range(256)]  # one float object per value, as the tables hold them
WORDS_KEPT = 200_000  # per language, and words' byte pairs: about 20 MB each at most
ROWS_KEPT = 100_000  # packed rows per pool: about 20 MB at most


@cache
def _word_tables() -> tables.WordTables:
    return tables.load()


def _pairs(word: str) -> bytes:
    pairs = _PAIRS.get(word)
    if pairs is None:
        if len(_PAIRS) > WORDS_KEPT:
            _PAIRS.clear()
        pairs = _PAIRS[word] = _word_tables().pairs(word)
    return pairs


_PAIRS: dict[str, bytes] = {}


def preload(languages: set[str], groups: int = 0) -> None:
    """Map the word tables now, so that worker processes forked afterwards share them; and load
    langdetect's profiles (64 MB, 0.3 s) too when a language has no table and the run is big enough
    that some text will need them. A small run loads them only if a text does."""
    _word_tables()
    if groups >= LANGDETECT_SHARED_FROM and not all(map(available, languages)):
        from langdetect.detector_factory import (
            init_factory,  # the fallback for languages without a table
        )

        init_factory()


LANGDETECT_SHARED_FROM = 20  # groups


def available(language: str) -> bool:
    return table(language) is not None


SCRIPT_RANGES = (
    (0x0000, 0x024F, "LATIN"),
    (0x0370, 0x03FF, "GREEK"),
    (0x0400, 0x052F, "CYRILLIC"),
    (0x0590, 0x05FF, "HEBREW"),
    (0x0600, 0x06FF, "ARABIC"),
    (0x0750, 0x077F, "ARABIC"),
    (0x0900, 0x097F, "DEVANAGARI"),
    (0x0980, 0x09FF, "BENGALI"),
    (0x0B80, 0x0BFF, "TAMIL"),
    (0x1100, 0x11FF, "HANGUL"),
    (0x1E00, 0x1EFF, "LATIN"),
    (0x3040, 0x309F, "HIRAGANA"),
    (0x30A0, 0x30FF, "KATAKANA"),
    (0x3130, 0x318F, "HANGUL"),
    (0x3400, 0x4DBF, "CJK"),
    (0x4E00, 0x9FFF, "CJK"),
    (0xAC00, 0xD7AF, "HANGUL"),
    (0xF900, 0xFAFF, "CJK"),
)
SAMPLE_CHARACTERS = 4000
ASCII_LETTER = re.compile("[A-Za-z]")
SAMPLE_WORDS = 400


@lru_cache(maxsize=4096)
def script_of(character: str) -> str:
    code = ord(character)
    for low, high, script in SCRIPT_RANGES:
        if low <= code <= high:
            return script
    name = unicodedata.name(character, "")
    return name.split(" ", 1)[0] if name else ""


@lru_cache(maxsize=64)  # a caller asks, then identify asks again
def dominant_script(text: str) -> tuple[str, float]:
    sample = text[:SAMPLE_CHARACTERS]
    if sample.isascii():
        return ("LATIN", 1.0) if ASCII_LETTER.search(sample) else ("", 0.0)
    return _dominant(_script_counts(sample))


def _script_counts(text: str) -> Counter[str]:
    """Letters per script, a CJK or Hangul character counting as three."""
    if text.isascii():
        return Counter(LATIN=len(ASCII_LETTER.findall(text)))
    counts: Counter[str] = Counter()
    for character, occurrences in Counter(text).items():
        if character.isalpha():
            script = script_of(character)
            # one CJK or Hangul character carries about as much as three Latin letters
            counts[script] += occurrences * (3 if script in SYLLABIC_SCRIPTS else 1)
    return counts


def _dominant(script_counts: Counter[str]) -> tuple[str, float]:
    counts = {script: count for script, count in script_counts.items() if count}
    if not counts:
        return "", 0.0
    if counts.get("HIRAGANA", 0) + counts.get("KATAKANA", 0) >= 0.05 * sum(counts.values()):
        counts["HIRAGANA"] = (
            counts.pop("HIRAGANA", 0) + counts.pop("KATAKANA", 0) + counts.pop("CJK", 0)
        )
    script = max(counts, key=lambda key: (counts[key], key))
    return script, counts[script] / sum(counts.values())


def _words(text: str) -> list[str]:
    return [word.lower() for word in WORD.findall(text)]


def _scores(words: Counter, total: int, pool: tuple[str, ...]) -> list[float]:
    """Each pool language's mean Zipf frequency of the words (UNSEEN for a word not in its table)."""
    return [zipf_sum / 10 / total for zipf_sum, _ in _pool_sums(words, pool)]


def _pool_sums(words: Counter, pool: tuple[str, ...]) -> list[tuple[int, int]]:
    """Per pool language, (the words' summed Zipf × 10, how many of them its table holds), in one pass:
    a word's frequencies in every pool language are one integer, a field per language, so adding
    the words' integers adds every language's column at once."""
    if sum(words.values()) > SUM_MASK // 255:
        raise ValueError("too many words for the packed sums")  # identify takes SAMPLE_WORDS
    rows = _FREQUENCY_ROWS.get(pool)
    if rows is None or len(rows) > ROWS_KEPT:
        rows = _FREQUENCY_ROWS[pool] = {}
    found = [rows.get(word) or _packed_row(word, pool, rows) for word in words]
    return _unpacked(sum(map(mul, words.values(), found)), len(pool))


def _unpacked(combined: int, languages: int) -> list[tuple[int, int]]:
    sums = []
    for _ in range(languages):
        field = combined & FIELD_MASK
        sums.append((field & SUM_MASK, field >> SUM_BITS))
        combined >>= FIELD_BITS
    return sums


def _packed_row(word: str, pool: tuple[str, ...], rows: dict[str, int]) -> int:
    positions = _pool_positions(pool)
    row = _unseen_row(len(pool))
    pairs = _pairs(word)
    for at in range(0, len(pairs), 2):
        position = positions.get(pairs[at])
        if position is not None:
            row += (pairs[at + 1] - UNSEEN_ZIPF + (1 << SUM_BITS)) << (FIELD_BITS * position)
    rows[word] = row
    return row


@cache
def _pool_positions(pool: tuple[str, ...]) -> dict[int, int]:
    """Table mark byte -> position in the pool, for the pool languages that have a table."""
    index = _word_tables().index
    return {
        index[name] | tables.LANGUAGE_MARK: position
        for position, name in enumerate(TABLE_ALIASES.get(language, language) for language in pool)
        if name in index
    }


@cache
def _unseen_row(length: int) -> int:
    return sum(UNSEEN_ZIPF << (FIELD_BITS * position) for position in range(length))


UNSEEN_ZIPF = round(UNSEEN * 10)
SUM_BITS = (
    24  # the low bits of a field: summed Zipf × 10; the high ones count the words the table holds
)
FIELD_BITS = 48
SUM_MASK, FIELD_MASK = (1 << SUM_BITS) - 1, (1 << FIELD_BITS) - 1
_FREQUENCY_ROWS: dict[tuple[str, ...], dict[str, int]] = {}


def identify(text: str, candidates=None, min_words: int = 5) -> LanguageGuess | None:
    """The language of a prose span; None when it is too short to judge."""
    return _identify(text, None if candidates is None else frozenset(candidates), min_words)


@lru_cache(maxsize=1024)  # siblings left in English share their blocks, word for word
def _identify(text: str, candidates: frozenset[str] | None, min_words: int) -> LanguageGuess | None:
    script, share = dominant_script(text)
    if not script:
        return None
    if script in SCRIPT_LANGUAGES and script != "CJK" and len(SCRIPT_LANGUAGES[script]) == 1:
        return _by_script(script, share, sum(map(str.isalpha, text)))
    if script == "CJK":
        return _by_script(script, share, _han_letters(text))
    words = [word for word in _words(text[:SAMPLE_CHARACTERS]) if script_of(word[0]) == script][
        :SAMPLE_WORDS
    ]
    if len(words) < min_words:
        return None
    pool = _pool(script, candidates)
    return _by_words(_pool_sums(Counter(words), pool), pool, len(words))


def _han_letters(text: str) -> int:
    return sum(count for c, count in Counter(text).items() if c.isalpha() and script_of(c) == "CJK")


def _by_script(script: str, share: float, letters: int) -> LanguageGuess | None:
    if letters < 10:
        return None
    if script == "CJK":
        return LanguageGuess(
            "zh", share, f"{share:.0%} of the letters are Han characters, with no kana"
        )
    return LanguageGuess(
        SCRIPT_LANGUAGES[script][0],
        share,
        f"{share:.0%} of the letters are {script.title()} script",
    )


def _pool(script: str, candidates: frozenset[str] | None) -> tuple[str, ...]:
    pool = SCRIPT_LANGUAGES.get(script) or LATIN_LANGUAGES
    return tuple(
        language for language in pool if candidates is None or language in candidates
    ) or tuple(pool)


def _by_words(sums: list[tuple[int, int]], pool: tuple[str, ...], words: int) -> LanguageGuess:
    scored = sorted(
        (
            (zipf_sum / 10 / words, language, known)
            for (zipf_sum, known), language in zip(sums, pool)
        ),
        reverse=True,
    )
    (best_score, best, known), (second_score, second, _) = (
        scored[0],
        scored[1] if len(scored) > 1 else (0.0, "", 0),
    )
    margin = best_score - second_score
    confidence = min(1.0, margin / 0.5) if second else 1.0
    return LanguageGuess(
        best,
        confidence,
        f"{known} of its {words} words are common {langtags.name(best)} words",
    )


class Lines:
    """Lines of prose read once, to identify the language of any of their runs (a section, the
    whole file) as identify(" ".join(those lines)) would: each line's letters, words and word
    scores are counted once, and a run's are the sums of its lines'."""

    def __init__(self, texts: list[str]):
        self.texts = texts
        self._counted: list[_Line | None] = [None] * len(texts)

    def text(self, indexes: Sequence[int]) -> str:
        return " ".join(self.texts[index] for index in indexes)

    def dominant_script(self, indexes: Sequence[int]) -> tuple[str, float]:
        return _dominant(self._sample(indexes)[0])

    def identify(self, indexes: Sequence[int], min_words: int = 5) -> LanguageGuess | None:
        script_counts, whole, partial = self._sample(indexes)
        script, share = _dominant(script_counts)
        if not script:
            return None
        if script in SCRIPT_LANGUAGES and script != "CJK" and len(SCRIPT_LANGUAGES[script]) == 1:
            return _by_script(script, share, sum(self._line(i).letters() for i in indexes))
        if script == "CJK":
            return _by_script(script, share, sum(self._line(i).han_letters() for i in indexes))
        pool = _pool(script, None)
        rows = _FREQUENCY_ROWS.get(pool)
        if rows is None or len(rows) > ROWS_KEPT:
            rows = _FREQUENCY_ROWS[pool] = {}
        combined = words = 0
        pending: list[str] = []  # words counted one by one: past the lines that fit SAMPLE_WORDS
        for position, index in enumerate(whole):
            count, summed = self._line(index).sums(script, pool, rows)
            if words + count > SAMPLE_WORDS:
                pending = [
                    word
                    for later in whole[position:]
                    for word, first in self._line(later).words
                    if first == script
                ]
                break
            words += count
            combined += summed
        pending += [word for word in _words(partial) if script_of(word[0]) == script]
        pending = pending[: SAMPLE_WORDS - words]
        words += len(pending)
        combined += sum(rows.get(word) or _packed_row(word, pool, rows) for word in pending)
        if words < min_words:
            return None
        return _by_words(_unpacked(combined, len(pool)), pool, words)

    def _line(self, index: int) -> _Line:
        line = self._counted[index]
        if line is None:
            line = self._counted[index] = _Line(self.texts[index])
        return line

    def _sample(self, indexes: Sequence[int]) -> tuple[Counter[str], list[int], str]:
        """What identify reads of the joined text's first SAMPLE_CHARACTERS: letters per script,
        the lines read whole, and the start of the line cut off there."""
        counts: Counter[str] = Counter()
        whole: list[int] = []
        at = 0
        for index in indexes:
            text = self.texts[index]
            if at + len(text) > SAMPLE_CHARACTERS:
                partial = text[: SAMPLE_CHARACTERS - at]
                counts.update(_script_counts(partial))
                return counts, whole, partial
            counts.update(self._line(index).script_counts)
            whole.append(index)
            at += len(text) + 1
            if at >= SAMPLE_CHARACTERS:
                break
        return counts, whole, ""


class _Line:
    def __init__(self, text: str):
        self.text = text
        self.script_counts = _script_counts(text)
        self.words = [(word, script_of(word[0])) for word in _words(text)]
        self._sums: dict[tuple[str, tuple[str, ...]], tuple[int, int]] = {}

    def letters(self) -> int:
        return sum(map(str.isalpha, self.text))

    def han_letters(self) -> int:
        return _han_letters(self.text)

    def sums(self, script: str, pool: tuple[str, ...], rows: dict[str, int]) -> tuple[int, int]:
        """(how many words of `script`, their packed pool rows added up)."""
        key = (script, pool)
        found = self._sums.get(key)
        if found is None:
            words = [word for word, first in self.words if first == script]
            found = self._sums[key] = (
                len(words),
                sum(rows.get(word) or _packed_row(word, pool, rows) for word in words),
            )
        return found


def _evidence(word: str, language: str) -> float:
    """How much more common a word is in English than in `language`, in Zipf units."""
    english = (table("en") or {}).get(word, 0.0)
    other = (table(language) or {}).get(word, 0.0)
    return english - other


def english_phrases(
    text: str, language: str, min_words: int = 2, min_evidence: float = 2.5
) -> list[EnglishPhrase]:
    """Runs of consecutive English words inside text declared as `language`."""
    if langtags.primary(language) == "en" or not available(language):
        return []
    found: list[EnglishPhrase] = []
    run: list[tuple[re.Match, float]] = []

    def close() -> None:
        while run and run[-1][1] < WEAK:
            run.pop()
        while len(run) > min_words and run[-1][1] < 2 * WEAK:
            run.pop()
        while len(run) > min_words and run[0][1] < 2 * WEAK:
            run.pop(0)
        strong = [match.group(0) for match, evidence in run if evidence >= STRONG]
        lowercase = all(match.group(0).islower() for match, _ in run)
        leaning = [
            match.group(0)
            for match, evidence in run
            if evidence >= (LEANING if other_script and lowercase else STRONG)
        ]
        if len(run) == 2 and not any(map(_common_in_english, leaning)):
            strong = []  # two words, neither of them everyday English: a kept term ("brute force", "frontend open")
        if (
            len(run) >= min_words
            and strong
            and sum(evidence for _, evidence in run) >= min_evidence
        ):
            found.append(_phrase(text, run[0][0].start(), run[-1][0].end(), strong, language))
        run.clear()

    english_table, native_table = table("en") or {}, table(language) or {}
    other_script = any(langtags.primary(language) in tags for tags in SCRIPT_LANGUAGES.values())
    words: list[re.Match] = []
    lone_english: list[int] = []  # indexes of clear, everyday, lowercase English words
    previous_end = 0
    for match in WORD.finditer(text):
        word = match.group(0)
        words.append(match)
        if run and not RUN_BREAK.match(text[previous_end : match.start()]):
            close()
        previous_end = match.end()
        lower = word.lower()
        english = english_table.get(lower, 0.0)
        if english < 2.5:
            close()
            continue
        else:
            evidence = english - native_table.get(lower, 0.0)
        if evidence >= STRONG and english >= EVERYDAY_ENGLISH and word.islower():
            lone_english.append(len(words) - 1)
        joins = (
            run and evidence > -JOINER and english >= 5.0
        )  # "date" in "to date and": common in both
        if (word.isupper() and len(word) > 1) or (evidence < WEAK and not joins):
            close()
            continue
        run.append((match, evidence))
    close()
    if min_words <= 2:
        found += _beside_function_words(text, language, found, words, lone_english)
    return found


def _phrase(text: str, start: int, end: int, strong: list[str], language: str) -> EnglishPhrase:
    return EnglishPhrase(
        start, end, text[start:end], english_reason(strong, language), tuple(strong)
    )


def english_reason(words: list[str], language: str, shown: int = 4) -> str:
    """Why words are English: "'seller', 'customer' and 3 more are common English words and rare in Korean"."""
    listed = ", ".join(map(repr, words[:shown]))
    if len(words) > shown:
        listed += f" and {len(words) - shown} more"
    return (
        f"{listed} {'is a' if len(words) == 1 else 'are'} common English "
        f"word{'s' if len(words) > 1 else ''} and rare in {langtags.name(language)}"
    )


def _beside_function_words(
    text: str,
    language: str,
    found: list[EnglishPhrase],
    words: list[re.Match],
    lone_english: list[int],
) -> list[EnglishPhrase]:
    """A clearly English word right beside an English function word ("use a", "depends on", "to date"),
    or a clearly English function word beside an everyday word both languages use ("your software").

    The function word is common in both languages, so it is no evidence by itself, but the pair
    reads as English where the English word alone might be a loanword.
    """
    paired: list[EnglishPhrase] = []
    for index in lone_english:
        match = words[index]
        if any(phrase.start <= match.start() < phrase.end for phrase in found + paired):
            continue
        for neighbour in (
            words[index - 1] if index else None,
            words[index + 1] if index + 1 < len(words) else None,
        ):
            if neighbour is None or not (
                _is_function_word(neighbour.group(0), language)
                or (
                    _is_function_word(match.group(0), language)
                    and _shared_everyday_word(neighbour.group(0), language)
                )
            ):
                continue
            first, second = sorted((match, neighbour), key=lambda m: m.start())
            if text[first.end() : second.start()] == " ":
                paired.append(
                    _phrase(text, first.start(), second.end(), [match.group(0)], language)
                )
                break
    return paired


def _shared_everyday_word(word: str, language: str) -> bool:
    """A lowercase English word the language uses as much: "software" in Portuguese, "seller" in
    Indonesian; English beside a clear English function word ("your software", "the seller")."""
    return (
        word.islower()
        and script_of(word[0]) == "LATIN"
        and (table("en") or {}).get(word, 0.0) >= SHARED_WORD
        and _evidence(word, language) > -JOINER
    )


def _common_in_english(word: str) -> bool:
    return (table("en") or {}).get(word.lower(), 0.0) >= EVERYDAY_ENGLISH


def _is_function_word(word: str, language: str) -> bool:
    return (
        word.islower()
        and (table("en") or {}).get(word, 0.0) >= FUNCTION_WORD
        and _evidence(word, language) > -JOINER
    )


def english_share(
    text: str, language: str, set_aside: frozenset[str] = frozenset()
) -> tuple[int, int]:
    """(words that read as English, words that read as `language`) among the words of `text`, but those set aside."""
    votes = _votes(language)
    english = native = 0
    for word in WORD.findall(text):
        vote = votes.get(word)
        if vote is None:
            vote = _vote(word, language, votes)
        if vote and word not in set_aside:
            if vote > 0:
                english += vote
            else:
                native -= vote
    return english, native


@cache
def _votes(language: str) -> dict[str, int]:
    """Word -> its vote in english_share: 1 English, -n `language` (n words), 0 neither."""
    return {}


def _vote(word: str, language: str, votes: dict[str, int]) -> int:
    if len(votes) > WORDS_KEPT:
        votes.clear()
    if script_of(word[0]) in SYLLABIC_SCRIPTS:
        vote = -max(1, len(word) // 2)  # unsegmented CJK: about two characters a word
    else:
        english_table, native_table = table("en") or {}, table(language) or {}
        lower = word.lower()
        evidence = english_table.get(lower, 0.0) - native_table.get(lower, 0.0)
        vote = 1 if evidence >= 0.5 else -1 if evidence <= -0.5 else 0
    votes[word] = vote
    return vote


def is_english_block(
    text: str, language: str, min_words: int = 4, set_aside: frozenset[str] = frozenset()
) -> LanguageGuess | None:
    """Say so, with a reason, if a block declared as `language` is really English (names `set_aside`)."""
    if langtags.primary(language) == "en" or not available(language):
        return None
    english, native = english_share(text, language, set_aside)
    if english < min_words or english < 3 * native:
        return None
    return LanguageGuess(
        "en",
        english / (english + native),
        f"{english} of its words read as English and {native} as {langtags.name(language)}",
    )


LATIN_LANGUAGES = tuple(
    sorted(
        "ca cs da de en es fi fil fr hu id is it lt lv ms nb nl pl pt ro sh sk sl sv tr vi".split()
    )
)
