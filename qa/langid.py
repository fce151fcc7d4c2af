"""Language identification that works on short spans: word-frequency evidence per language and the script.

langdetect is unreliable below a sentence (it calls "Soft Sell" Danish) and slow. Here a word votes
for a language by how common it is there (wordfreq's tables, bundled in qa/data/wordfreq, on the Zipf
scale: 3 is once per million words, 6 once per thousand), so two words can already say "English, not Swedish" — and say why.
"""

from __future__ import annotations

import gzip
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from operator import itemgetter, mul

from . import langtags

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
TABLES = "qa.data.wordfreq"
TABLE_SUFFIX = ".txt.gz"
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
def table(language: str) -> dict[str, float] | None:
    """Word -> Zipf frequency for a language, or None when glossqa has no table for it."""
    name = langtags.primary(langtags.normalize(language) or language)
    return _table_named(TABLE_ALIASES.get(name, name))


def preload(languages: set[str]) -> None:
    """Load what judging these languages needs now, so that worker processes forked afterwards share one copy."""
    for resource in resources.files(TABLES).iterdir():
        if resource.name.endswith(TABLE_SUFFIX):
            _table_named(resource.name.removesuffix(TABLE_SUFFIX))
    if not all(map(available, languages)):
        from langdetect.detector_factory import (
            init_factory,  # the fallback for languages without a table
        )

        init_factory()


@cache
def _table_named(name: str) -> dict[str, float] | None:
    resource = resources.files(TABLES).joinpath(name + TABLE_SUFFIX)
    if not resource.is_file():
        return None
    fields = (
        gzip.decompress(resource.read_bytes())
        .decode("utf-8")
        .rstrip("\n")
        .replace("\n", "\t")
        .split("\t")
    )
    zipf = {
        text: int(text) / 10 for text in set(fields[1::2])
    }  # one float object per value: a third less memory
    return dict(zip(fields[0::2], map(zipf.__getitem__, fields[1::2])))


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
SAMPLE_WORDS = 400


@lru_cache(maxsize=4096)
def script_of(character: str) -> str:
    code = ord(character)
    for low, high, script in SCRIPT_RANGES:
        if low <= code <= high:
            return script
    name = unicodedata.name(character, "")
    return name.split(" ", 1)[0] if name else ""


def dominant_script(text: str) -> tuple[str, float]:
    counts: dict[str, int] = {}
    for character, occurrences in Counter(text[:SAMPLE_CHARACTERS]).items():
        if character.isalpha():
            script = script_of(character)
            # one CJK or Hangul character carries about as much as three Latin letters
            counts[script] = counts.get(script, 0) + occurrences * (
                3 if script in SYLLABIC_SCRIPTS else 1
            )
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
    """Each pool language's mean Zipf frequency of the words; a word's frequencies are looked up once per run."""
    rows = _FREQUENCY_ROWS.setdefault(pool, {})
    if len(rows) > FREQUENCY_ROWS_KEPT:
        rows.clear()
    tables = None
    found = []
    for word in words:
        row = rows.get(word)
        if row is None:
            tables = tables or [table(language) or {} for language in pool]
            row = rows[word] = tuple(frequencies.get(word, UNSEEN) for frequencies in tables)
        found.append(row)
    counts = list(words.values())
    return [
        sum(map(mul, counts, map(itemgetter(index), found))) / total for index in range(len(pool))
    ]


FREQUENCY_ROWS_KEPT = 100_000  # words; about 30 MB
_FREQUENCY_ROWS: dict[tuple[str, ...], dict[str, tuple[float, ...]]] = {}


def identify(text: str, candidates=None, min_words: int = 5) -> LanguageGuess | None:
    """The language of a prose span; None when it is too short to judge."""
    script, share = dominant_script(text)
    if not script:
        return None
    if script in SCRIPT_LANGUAGES and script != "CJK" and len(SCRIPT_LANGUAGES[script]) == 1:
        letters = sum(map(str.isalpha, text))
        if letters < 10:
            return None
        language = SCRIPT_LANGUAGES[script][0]
        return LanguageGuess(
            language, share, f"{share:.0%} of the letters are {script.title()} script"
        )
    if script == "CJK":
        letters = sum(
            count for c, count in Counter(text).items() if c.isalpha() and script_of(c) == "CJK"
        )
        if letters < 10:
            return None
        return LanguageGuess(
            "zh", share, f"{share:.0%} of the letters are Han characters, with no kana"
        )
    words = [word for word in _words(text[:SAMPLE_CHARACTERS]) if script_of(word[0]) == script][
        :SAMPLE_WORDS
    ]
    if len(words) < min_words:
        return None
    counted = Counter(words)
    pool = SCRIPT_LANGUAGES.get(script) or LATIN_LANGUAGES
    pool = tuple(
        language for language in pool if candidates is None or language in candidates
    ) or tuple(pool)
    scored = sorted(zip(_scores(counted, len(words), pool), pool), reverse=True)
    (best_score, best), (second_score, second) = (
        scored[0],
        scored[1] if len(scored) > 1 else (0.0, ""),
    )
    margin = best_score - second_score
    confidence = min(1.0, margin / 0.5) if second else 1.0
    known = sum(map((table(best) or {}).__contains__, words))
    return LanguageGuess(
        best,
        confidence,
        f"{known} of its {len(words)} words are common {langtags.name(best)} words",
    )


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
    english_table, native_table = table("en") or {}, table(language) or {}
    english = native = 0
    for word in WORD.findall(text):
        if word in set_aside:
            continue
        if script_of(word[0]) in SYLLABIC_SCRIPTS:
            native += max(1, len(word) // 2)  # unsegmented CJK: about two characters a word
            continue
        lower = word.lower()
        evidence = english_table.get(lower, 0.0) - native_table.get(lower, 0.0)
        if evidence >= 0.5:
            english += 1
        elif evidence <= -0.5:
            native += 1
    return english, native


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
