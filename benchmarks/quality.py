"""Quality benchmark for leftover English: defects injected into real translations, found or not.

For each corpus (a real translated site: Privacy Guides, otel, nodejs, tldr, or the bundled corpus/),
a seeded sample of articles with an English source is checked once as it is; then, one defect at a
time, a translation is changed in a scratch copy and its article checked again:

- phrase N words: a lowercase English phrase of 2-5 words (a whole noun, verb or prepositional
  phrase, as a translator leaves one: "the buyer", "out of favor", "the needs of the buyer") at a
  word boundary of a translated sentence, outside parentheses, brackets and quotes (English there
  is a gloss, a name or a quoted label, kept on purpose);
- sentence in a wrapped paragraph: one line of a multi-line paragraph gets an English sentence;
- phrase in a CJK sentence: such a phrase between two Chinese, Japanese or Korean characters;
- paragraph: a one-line paragraph replaced by English;
- gloss: an English term in parentheses after a word of the translation's own language (not after
  a Latin-script name in a CJK sentence), ASCII or full-width, which must stay quiet.

Lines of markup are never changed: HTML and JSX attributes (`alt="..."`), tables, code.

It prints, per corpus and kind: how many were injected, the share found at the injected line, the
new diagnostics per injected defect (1.0 is one diagnostic for one defect), and the noise on the
untouched translations (diagnostics per file before injection).

    python benchmarks/quality.py [CORPUS ...] [--articles 80] [--rounds 3] [--seed 1] [--show-misses]

Defaults: corpus/ alone. The site-wide step (conventions) is left out: each article is checked on
its own, so a defect's diagnostics are exactly what changed in its file.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
from collections import defaultdict
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPOSITORY))

from qa import langid, langtags  # noqa: E402
from qa.config import defaults  # noqa: E402
from qa.discover import discover  # noqa: E402
from qa.group import group_files  # noqa: E402
from qa.model import Group  # noqa: E402
from qa.pipeline import check_group  # noqa: E402
from qa.rules import RULES  # noqa: E402

LANGUAGE_RULES = {"untranslated", "declared-language", "glossary"}
ENGLISH = (
    "Soft selling is an approach to advertising and sales that uses subtle language and a gentle technique. "
    "A soft sell is designed to avoid irritating potential customers and pushing them away. The seller may use "
    "a more conversational approach to let the prospective customer relax. The reasoning is that the decision "
    "to buy something depends on the emotions of the consumer. Hard selling has fallen out of favor according "
    "to some sales experts. The salesperson will determine the needs of the buyer based on the answers they get. "
    "Only when the potential buyer is satisfied will the sale be completed. You should always keep your software "
    "up to date and choose strong passwords for every account you own."
).split(". ")
# What a translator really leaves: whole phrases of the sentences above (a noun phrase, a verb phrase,
# a prepositional phrase), lowercase, by number of words. Not any run of words: "favor according"
# or "seller may" cross a phrase boundary, and no translator leaves half of two phrases.
PHRASES = (
    # 2 words
    "soft selling",
    "subtle language",
    "gentle technique",
    "potential customers",
    "conversational approach",
    "prospective customer",
    "the buyer",
    "the seller",
    "hard selling",
    "sales experts",
    "the salesperson",
    "strong passwords",
    "every account",
    "your software",
    "the consumer",
    "buy something",
    # 3 words
    "out of favor",
    "a soft sell",
    "the potential buyer",
    "a gentle technique",
    "some sales experts",
    "the prospective customer",
    "keep your software",
    "choose strong passwords",
    "advertising and sales",
    "to buy something",
    "up to date",
    "uses subtle language",
    "pushing them away",
    "for every account",
    # 4 words
    "the decision to buy",
    "based on the answers",
    "a more conversational approach",
    "let the customer relax",
    "to some sales experts",
    "is designed to avoid",
    "avoid irritating potential customers",
    "every account you own",
    "the answers they get",
    "depends on the emotions",
    # 5 words
    "the needs of the buyer",
    "has fallen out of favor",
    "the emotions of the consumer",
    "to let the customer relax",
    "let the prospective customer relax",
    "the potential buyer is satisfied",
    "approach to advertising and sales",
    "always keep your software updated",
)
GLOSS_TERMS = (
    "soft selling",
    "potential customer",
    "sales technique",
    "decision making",
    "password manager",
    "software update",
    "gentle approach",
    "customer relationship",
)
CJK_LANGUAGES = ("zh", "ja", "ko")
KINDS = (
    "phrase 2 words",
    "phrase 3 words",
    "phrase 4 words",
    "phrase 5 words",
    "sentence in a wrapped paragraph",
    "phrase in a CJK sentence",
    "paragraph",
    "gloss (must stay quiet)",
)
TRANSLATIONS_PER_ARTICLE = 4
SIBLINGS = 3
PROSE_LINE = re.compile(r"^[^\s#>|`<\-*+\d!\[{:]")  # a line of running text, not markup


class Translation:
    baseline: list[tuple[int, str, str]] = []

    def __init__(self, group: Group, language: str, lines: list[str], flagged: set[int]):
        self.group, self.language, self.lines = group, language, lines
        self.source = group.files[language]
        body = _body_start(lines)
        self.prose = [
            i
            for i in range(body, len(lines))
            if i + 1 not in flagged and _is_prose(lines, i, language)
        ]
        self.single = [
            i
            for i in self.prose
            if (i == 0 or not lines[i - 1].strip())
            and (i + 1 >= len(lines) or not lines[i + 1].strip())
        ]
        self.wrapped = [
            i
            for i in self.prose
            if (i > 0 and lines[i - 1].strip() and PROSE_LINE.match(lines[i - 1]))
            or (i + 1 < len(lines) and lines[i + 1].strip() and PROSE_LINE.match(lines[i + 1]))
        ]
        self.cjk = [
            i
            for i in self.prose
            if langtags.primary(language) in CJK_LANGUAGES
            and len(re.findall(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]", lines[i])) >= 8
        ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="*", type=Path)
    parser.add_argument("--articles", type=int, default=80, help="articles sampled per corpus")
    parser.add_argument("--rounds", type=int, default=3, help="defects of each kind per article")
    parser.add_argument("--seed", default="1")
    parser.add_argument("--show-misses", action="store_true")
    arguments = parser.parse_args()
    config = defaults(RULES)
    print(f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, seed {arguments.seed}")
    print(
        "\n| corpus | injected | count | found at the line | diagnostics per defect |\n|---|---|---|---|---|"
    )
    noise_rows = []
    with tempfile.TemporaryDirectory() as scratch:
        for corpus in arguments.corpora or [REPOSITORY / "corpus"]:
            totals, noise = _run_corpus(corpus, config, arguments, Path(scratch))
            for kind in KINDS:
                injected, found, new = totals.get(kind, (0, 0, 0))
                if not injected:
                    continue
                recall = "—" if kind.startswith("gloss") else f"{found / injected:.1%}"
                print(f"| {corpus.name} | {kind} | {injected} | {recall} | {new / injected:.2f} |")
            noise_rows.append((corpus.name, *noise))
    print("\n| corpus | translations sampled | diagnostics before injection | per file |")
    print("|---|---|---|---|")
    for name, files, diagnostics in noise_rows:
        print(f"| {name} | {files} | {diagnostics} | {diagnostics / max(files, 1):.3f} |")


def _run_corpus(corpus: Path, config, arguments, scratch: Path):
    rng = random.Random(f"{corpus.name}-{arguments.seed}")
    groups = [
        group
        for group in group_files(discover([corpus]))[0]
        if any(not langtags.is_english(language) for language in group.files)
    ]
    rng.shuffle(groups)
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    files = diagnostics_before = 0
    sampled = 0
    for group in groups:
        if sampled >= arguments.articles:
            break
        translations = []
        languages = [
            language
            for language in sorted(group.files)
            if not langtags.is_english(language) and langid.available(language)
        ]
        for language in rng.sample(languages, min(len(languages), TRANSLATIONS_PER_ARTICLE)):
            source = group.files[language]
            small = _small_group(group, language, rng)
            found = _diagnostics(small, config).get(source.display_path, [])
            english_blocks = sum(
                "is left in English:" in m or "copied unchanged" in m for _, _, m in found
            )
            if english_blocks > 1 or any(
                rule == "declared-language" or "untranslated:" in m for _, rule, m in found
            ):
                continue  # half English already: not a clean translation to put a defect into
            lines = source.path.read_text(encoding="utf-8", errors="replace").split("\n")
            translation = Translation(small, language, lines, {at for at, _, _ in found})
            translation.baseline = found
            if translation.prose:
                translations.append(translation)
                files += 1
                diagnostics_before += len(found)
        if not translations:
            continue
        sampled += 1
        for kind in KINDS:
            for _ in range(arguments.rounds):
                translation = rng.choice(translations)
                injected = _inject(kind, translation, rng)
                if injected is None:
                    continue
                line, text = injected
                path = scratch / f"{len(totals[kind])}-{translation.source.path.name}"
                path.write_text("\n".join(text), encoding="utf-8")
                small = translation.group
                changed = Group(
                    small.key,
                    {**small.files, translation.language: replace(translation.source, path=path)},
                )
                after = _diagnostics(changed, config)
                shown = translation.source.display_path
                new = [d for d in after.get(shown, []) if d not in translation.baseline]
                hit = any(at == line for at, _, _ in new)
                totals[kind][0] += 1
                totals[kind][1] += hit
                totals[kind][2] += len(new)
                if arguments.show_misses and (
                    (not hit and not kind.startswith("gloss"))
                    or (new and kind.startswith("gloss"))
                    or len(new) > 1
                ):
                    print(f"{kind} {shown}:{line}: {text[line - 1][:200]!r} -> {new}")
    return totals, (files, diagnostics_before)


def _small_group(group: Group, language: str, rng: random.Random) -> Group:
    """The translation, its English source and a few siblings (for what is judged across
    translations): a site with 32 languages is checked 32 times faster, the same way."""
    others = sorted(set(group.files) - {language, "en"})
    kept = {language, "en"} | set(rng.sample(others, min(len(others), SIBLINGS)))
    return Group(group.key, {tag: group.files[tag] for tag in group.files if tag in kept})


def _diagnostics(group: Group, config) -> dict[str, list[tuple[int, str, str]]]:
    found: dict[str, list] = defaultdict(list)
    for diagnostic in check_group(group, config):
        if diagnostic.rule in LANGUAGE_RULES:
            found[diagnostic.path].append((diagnostic.line, diagnostic.rule, diagnostic.message))
    return found


def _inject(kind: str, translation: Translation, rng: random.Random):
    lines = list(translation.lines)
    if kind.startswith("phrase") and kind.split()[1].isdigit():
        index = rng.choice(translation.prose)
        words = lines[index].split(" ")
        places = [
            position
            for position in range(1, len(words))
            if _in_running_text(" ".join(words[:position]))
        ]
        if len(words) < 3 or not places:
            return None
        position = rng.choice(places)
        lines[index] = " ".join(
            words[:position] + [_phrase(rng, int(kind.split()[1]))] + words[position:]
        )
    elif kind == "sentence in a wrapped paragraph":
        if not translation.wrapped:
            return None
        index = rng.choice(translation.wrapped)
        lines[index] = rng.choice(ENGLISH) + "."
    elif kind == "phrase in a CJK sentence":
        if not translation.cjk:
            return None
        index = rng.choice(translation.cjk)
        text = lines[index]
        places = [
            i
            for i in range(1, len(text))
            if langid.script_of(text[i - 1]) in langid.SYLLABIC_SCRIPTS
            and langid.script_of(text[i]) in langid.SYLLABIC_SCRIPTS
            and _in_running_text(text[:i])
        ]
        if not places:
            return None
        at = rng.choice(places)
        spaced = langtags.primary(translation.language) == "ko"
        phrase = _phrase(rng, rng.randint(2, 5))
        lines[index] = text[:at] + (f" {phrase} " if spaced else phrase) + text[at:]
    elif kind == "paragraph":
        if not translation.single:
            return None
        index = rng.choice(translation.single)
        lines[index] = ". ".join(rng.sample(ENGLISH, 2)) + "."
    else:  # gloss
        index = rng.choice(translation.prose)
        text = lines[index]
        ends = [
            match.end()
            for match in langid.WORD.finditer(text)
            if _native_word(match.group(0), translation.language)
            and _in_running_text(text[: match.end()])
        ]
        if not ends:
            return None
        at = rng.choice(ends)
        term = rng.choice(GLOSS_TERMS)
        full_width = langtags.primary(translation.language) in ("zh", "ja")
        gloss = f"（{term}）" if full_width else f" ({term})"
        lines[index] = text[:at] + gloss + text[at:]
    return index + 1, lines


def _phrase(rng: random.Random, words_wanted: int) -> str:
    return rng.choice([phrase for phrase in PHRASES if len(phrase.split()) == words_wanted])


def _in_running_text(before: str) -> bool:
    """Not inside parentheses, brackets or quotes: English there is a gloss, a name or a quoted
    label (tldr's `[c]reate`, `“Windows 10”`), which the rule keeps on purpose."""
    pairs = ("()", "（）", "[]", "“”", "«»", "「」", "『』")
    return all(before.count(opening) == before.count(closing) for opening, closing in pairs) and (
        before.count('"') % 2 == 0
    )


def _native_word(word: str, language: str) -> bool:
    """A word of the translation's own language, after which a gloss goes: not a Latin-script name
    inside a CJK sentence (`Spring（decision making） Boot`), not tldr's `[i]`."""
    if langid.script_of(word[0]) != "LATIN":
        return True
    if any(langtags.primary(language) in tags for tags in langid.SCRIPT_LANGUAGES.values()):
        return False  # a language of another script: a Latin word there is no word of its own
    native = (langid.table(language) or {}).get(word.lower(), 0.0)
    english = (langid.table("en") or {}).get(word.lower(), 0.0)
    return word.islower() and len(word) > 1 and native >= 3 and native > english


def _body_start(lines: list[str]) -> int:
    if lines and lines[0].strip() == "---":
        for index in range(1, len(lines)):
            if lines[index].strip() == "---":
                return index + 1
    return 0


def _is_prose(lines: list[str], index: int, language: str) -> bool:
    text = re.sub(r"^(?:> |- )", "", lines[index].strip())  # tldr's description and examples
    if (
        not PROSE_LINE.match(text)
        or "`" in text
        or "](" in text
        or "<" in text
        or "{" in text
        or "|" in text
        or re.search(r"\w=[\"'{]", text)  # an attribute of an HTML or JSX tag: `alt="..."`
        or ":" in text[:20]
        or _inside_fence(lines, index)
    ):
        return False
    guess = langid.identify(text, min_words=6)
    return guess is not None and langtags.primary(guess.language) == langtags.primary(language)


def _inside_fence(lines: list[str], index: int) -> bool:
    return sum(line.lstrip().startswith(("```", "~~~")) for line in lines[:index]) % 2 == 1


if __name__ == "__main__":
    main()
