"""The word tables' file (qa/data/tables.py), language scoring against the dict-based scoring it
replaced, and langdetect loaded only when a text needs it."""

from __future__ import annotations

import gzip
import math
import subprocess
import sys
import textwrap
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from qa import langid
from qa.data import tables

SOURCES = {
    "en": "the\t77\nsell\t45\nselling\t42\ncafé\t30\ndate\t50\n",
    "sv": "och\t74\nden\t72\nsälja\t38\ncafé\t35\ndate\t20\n",
    "fi": "ja\t75\nmyynti\t40\n",
}


def write_sources(folder: Path, sources: dict[str, str] = SOURCES) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for language, text in sources.items():
        path = folder / f"{language}.txt.gz"
        path.write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
        paths[language] = path
    return paths


def value(word_tables: tables.WordTables, word: str, language: str) -> float | None:
    pairs = word_tables.pairs(word)
    for at in range(0, len(pairs), 2):
        if pairs[at] == word_tables.index[language] | tables.LANGUAGE_MARK:
            return pairs[at + 1] / 10
    return None


def test_round_trip(tmp_path):
    sources = write_sources(tmp_path / "sources")
    said: list[str] = []
    built = tables.load(sources, [tmp_path / "cache"], said.append)
    assert built.origin == str(tmp_path / "cache" / tables.file_name(tables.source_key(sources)))
    assert built.languages == ("en", "fi", "sv")
    for language, text in SOURCES.items():
        for line in text.splitlines():
            word, zipf = line.split("\t")
            assert value(built, word, language) == int(zipf) / 10
    assert value(built, "myynti", "sv") is None
    assert built.pairs("no such word") == b""
    assert list(built.words(built.index["sv"] | tables.LANGUAGE_MARK)) == [
        "och",
        "den",
        "date",  # most frequent first, by the word's highest Zipf in any language
        "sälja",
        "café",
    ]
    modified = Path(built.origin).stat().st_mtime_ns
    mapped = tables.load(sources, [tmp_path / "cache"], said.append)
    assert mapped.origin == built.origin and Path(built.origin).stat().st_mtime_ns == modified
    assert value(mapped, "sälja", "sv") == 3.8
    assert said == []


def test_new_sources_get_a_new_file(tmp_path):
    sources = write_sources(tmp_path / "sources")
    first = tables.load(sources, [tmp_path / "cache"], print)
    changed = write_sources(
        tmp_path / "sources", {**SOURCES, "fi": "ja\t75\nmyynti\t40\nkauppa\t41\n"}
    )
    second = tables.load(changed, [tmp_path / "cache"], print)
    assert second.origin != first.origin
    assert value(second, "kauppa", "fi") == 4.1


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # a write cut short
        lambda data: b"not a table" + data[11:],
        lambda data: data.replace(b'"format": 1', b'"format": 9'),
        lambda data: b"",
    ],
    ids=["truncated", "overwritten", "other-format", "empty"],
)
def test_a_damaged_file_is_rebuilt_and_said(tmp_path, damage):
    sources = write_sources(tmp_path / "sources")
    path = Path(tables.load(sources, [tmp_path / "cache"], print).origin)
    path.write_bytes(damage(path.read_bytes()))
    said: list[str] = []
    rebuilt = tables.load(sources, [tmp_path / "cache"], said.append)
    assert value(rebuilt, "och", "sv") == 7.4
    assert len(said) == 1 and str(path) in said[0] and "rebuilt" in said[0]
    assert tables.WordTables(path.read_bytes(), "check").languages == ("en", "fi", "sv")


def test_read_only_places(tmp_path):
    """An installation and a home that cannot be written: a file built into the installation is
    used; without one, the tables are built in memory, and the message says why and what to do."""
    sources = write_sources(tmp_path / "sources")
    unwritable = tmp_path / "a-file"
    unwritable.write_text("a file, so nothing can be created under it")
    said: list[str] = []
    in_memory = tables.load(sources, [tmp_path / "installed", unwritable / "cache"], said.append)
    assert in_memory.origin == "memory" and value(in_memory, "och", "sv") == 7.4
    assert len(said) == 1 and str(unwritable / "cache") in said[0] and "XDG_CACHE_HOME" in said[0]

    installed = tmp_path / "installed"
    installed.mkdir()
    name = tables.file_name(tables.source_key(sources))
    (installed / name).write_bytes(
        tables.build(((k, p.read_bytes()) for k, p in sources.items()), tables.source_key(sources))
    )
    said.clear()
    shipped = tables.load(sources, [installed, unwritable / "cache"], said.append)
    assert shipped.origin == str(installed / name) and said == []


def test_cache_directory_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert tables.cache_directory() == tmp_path / "glossqa"


def test_language_tables_read_like_dicts():
    swedish = langid.table("sv")
    assert swedish is not None and langid.table("sv-SE") is swedish
    assert swedish.get("och") == 7.4 and swedish["och"] == 7.4 and "och" in swedish
    assert swedish.get("qqqzx") is None and swedish.get("qqqzx", 0.0) == 0.0
    assert "qqqzx" not in swedish and 12 not in swedish
    with pytest.raises(KeyError):
        swedish["qqqzx"]
    assert langid.table("no") is langid.table("nb")
    assert langid.table("eo") is None and not langid.available("eo")


# The scoring this module replaced: every language's table as a dict, and one pass per language.


@cache
def old_table(language: str) -> dict[str, float] | None:
    path = Path(tables.shipped_sources().get(language, "/nonexistent"))
    if not path.exists():
        return None
    fields = (
        gzip.decompress(path.read_bytes()).decode().rstrip("\n").replace("\n", "\t").split("\t")
    )
    return dict(zip(fields[0::2], (int(text) / 10 for text in fields[1::2])))


def old_identify(text: str, min_words: int = 5) -> tuple[str, float, str] | None:
    script, _ = langid.dominant_script(text)
    words = [
        word.lower()
        for word in langid.WORD.findall(text[: langid.SAMPLE_CHARACTERS])
        if langid.script_of(word[0]) == script
    ][: langid.SAMPLE_WORDS]
    if len(words) < min_words:
        return None
    pool = langid.SCRIPT_LANGUAGES.get(script) or langid.LATIN_LANGUAGES
    counted = Counter(words)
    scores = [
        sum(
            count * (old_table(language) or {}).get(word, langid.UNSEEN)
            for word, count in counted.items()
        )
        / len(words)
        for language in pool
    ]
    scored = sorted(zip(scores, pool), reverse=True)
    (best_score, best), (second_score, _) = scored[0], scored[1]
    known = sum(map((old_table(best) or {}).__contains__, words))
    reason = f"{known} of its {len(words)} words are common {langid.langtags.name(best)} words"
    return best, min(1.0, (best_score - second_score) / 0.5), reason


def old_english_share(text: str, language: str) -> tuple[int, int]:
    english_table, native_table = old_table("en") or {}, old_table(language) or {}
    english = native = 0
    for word in langid.WORD.findall(text):
        if langid.script_of(word[0]) in langid.SYLLABIC_SCRIPTS:
            native += max(1, len(word) // 2)
            continue
        evidence = english_table.get(word.lower(), 0.0) - native_table.get(word.lower(), 0.0)
        english += evidence >= 0.5
        native += evidence <= -0.5
    return english, native


SAMPLES = {
    "sv": "Mjuk försäljning är en reklam- och försäljningsstrategi som har ett subtilt språk och "
    "som inte pressar kunden att köpa något direkt.",
    "fi": "Pehmeä myynti viittaa mainontaan ja myyntiin, joka sisältää hienovaraista kieltä ja "
    "jättää päätöksen asiakkaalle.",
    "de": "Ein sicheres Passwort ist lang, zufällig und wird für kein anderes Konto verwendet.",
    "es": "Una contraseña segura es larga, aleatoria y no se utiliza para ninguna otra cuenta.",
    "fr": "Un mot de passe sûr est long, aléatoire et n'est utilisé pour aucun autre compte.",
    "nl": "Een veilig wachtwoord is lang, willekeurig en wordt voor geen ander account gebruikt.",
    "pl": "Bezpieczne hasło jest długie, losowe i nie jest używane do żadnego innego konta.",
    "pt": "Uma senha segura é longa, aleatória e não é usada para nenhuma outra conta.",
    "en": "A secure password is long, random and is not used for any other account you have.",
    "ru": "Надёжный пароль длинный, случайный и не используется ни для какой другой учётной записи.",
    "da-nb": "Dette er en tekst som kan være både dansk og norsk, og det er ikke lett å si hvilken.",
    "mixed": "Förstå Soft Selling: the seller does not push, och kunden bestämmer själv när.",
    "repeated": "och och och the the the och the och sälja selling selling",
}


@pytest.mark.parametrize("sample", sorted(SAMPLES))
def test_scoring_equals_the_old_scoring(sample):
    text = SAMPLES[sample]
    guess = langid.identify(text)
    expected = old_identify(text)
    assert expected is not None and guess is not None
    assert (guess.language, guess.reason) == (expected[0], expected[2])
    assert math.isclose(guess.confidence, expected[1], abs_tol=1e-9)
    for language in ("sv", "fi", "de", "ru", "ja"):
        assert langid.english_share(text, language) == old_english_share(text, language)


def test_scores_equal_the_old_scores_for_every_pool_language():
    words = Counter(langid._words(SAMPLES["mixed"] + " " + SAMPLES["fi"]))
    total = sum(words.values())
    pool = langid.LATIN_LANGUAGES
    expected = [
        sum(
            count * (old_table(language) or {}).get(word, langid.UNSEEN)
            for word, count in words.items()
        )
        / total
        for language in pool
    ]
    assert all(map(math.isclose, langid._scores(words, total, pool), expected))


def test_short_and_script_only_texts():
    assert langid.identify("och den") is None
    assert (
        langid.identify("これは日本語の文章です。ひらがなとカタカナが入っています。").language
        == "ja"
    )
    assert langid.dominant_script("plain ascii words") == ("LATIN", 1.0)
    assert langid.dominant_script("1234 !!") == ("", 0.0)


LANGDETECT_PROBE = textwrap.dedent(
    """
    import sys
    from qa import cli
    try:
        cli.main(["check", "--no-cache", "--jobs", "1", "-q", sys.argv[1]])
    except SystemExit:
        pass
    print("langdetect" in sys.modules)
    """
)

SWEDISH = (
    "# Mjuk försäljning\n\nMjuk försäljning är en reklam- och försäljningsstrategi som har ett "
    "subtilt språk och som inte pressar kunden att köpa något direkt. Säljaren talar lugnt om "
    "produkten och låter kunden själv bestämma när det är dags att köpa den, utan att stressa "
    "fram ett beslut eller lova mer än produkten kan hålla i längden.\n"
)
ESPERANTO = (
    "# Mola vendado\n\nMola vendado estas reklama kaj venda strategio, kiu uzas subtilan lingvon "
    "kaj ne premas la klienton aĉeti ion tuj. La vendisto trankvile parolas pri la produkto kaj "
    "lasas la klienton mem decidi kiam estas la tempo aĉeti ĝin, sen streĉi decidon aŭ promesi "
    "pli ol la produkto povas plenumi longtempe.\n"
)
ENGLISH = (
    "# Soft selling\n\nSoft selling is an advertising and sales strategy that uses subtle language "
    "and does not push the customer to buy anything right away. The seller talks calmly about the "
    "product and lets the customer decide when it is time to buy it, without rushing a decision "
    "or promising more than the product can deliver in the long run.\n"
)


@pytest.mark.parametrize(
    ("language", "text", "loaded"), [("sv", SWEDISH, False), ("eo", ESPERANTO, True)]
)
def test_langdetect_is_loaded_only_when_a_text_needs_it(tmp_path, language, text, loaded):
    """Swedish has a word table; Esperanto has none, so its prose goes to langdetect."""
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "selling.md").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / language).mkdir()
    (tmp_path / language / "selling.md").write_text(text, encoding="utf-8")
    probe = subprocess.run(
        [sys.executable, "-c", LANGDETECT_PROBE, str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert probe.stdout.strip().splitlines()[-1] == str(loaded), probe.stderr


def test_lines_identify_as_their_joined_text():
    """A run of lines (a section, the whole file) is identified as identify(" ".join(...)) would,
    also past SAMPLE_CHARACTERS and SAMPLE_WORDS, where a line is cut or only partly counted."""
    texts = [SAMPLES[name] for name in sorted(SAMPLES)] * 6 + [
        "短い日本語の文です。ひらがなとカタカナとかんじがまざっています。",
        "这是一个中文句子，没有任何假名，只有汉字组成的文字内容。",
        "Ελληνικό κείμενο με αρκετά γράμματα για να μετρήσει.",
        "x" * 3990 + " och den sälja",
    ]
    scorer = langid.Lines(texts)
    runs = [
        range(0, len(texts)),
        range(3, 20),
        range(70, len(texts)),
        range(len(texts) - 2, len(texts)),
    ]
    runs += [range(start, start + 1) for start in range(len(texts))] + [[1, 5, 9, 40], range(0)]
    for indexes in runs:
        joined = " ".join(texts[index] for index in indexes)
        assert scorer.dominant_script(indexes) == langid.dominant_script(joined)
        for min_words in (1, 5, 30):
            assert scorer.identify(indexes, min_words) == langid.identify(
                joined, min_words=min_words
            )
    assert len(" ".join(texts)) > langid.SAMPLE_CHARACTERS
    assert len(langid._words(" ".join(texts)[: langid.SAMPLE_CHARACTERS])) > langid.SAMPLE_WORDS
