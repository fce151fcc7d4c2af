"""Quality benchmark for leftover-English and wrong-language detection.

Injects English phrases (2-5 words) into translated sentences, English paragraphs in place of
translated ones, and wrong-language bodies into copies of corpus/ and of real corpora given as
arguments, runs glossqa before and after, and prints recall at the right line, precision, and the
noise on the untouched translations in diagnostics per file: all of them, and the false ones (whose
flagged English is not in the article's English source).

    python benchmarks/quality.py [../shared/corpora/privacyguides] [--languages es,fr,pl,zh-TW] [--rounds 8]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPOSITORY))

from qa import langid, langtags  # noqa: E402
from qa.config import defaults  # noqa: E402
from qa.discover import discover  # noqa: E402
from qa.pipeline import check_paths  # noqa: E402
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
NOT_PROSE = re.compile(
    r"\]\([^)]*\)|https?://\S+|`[^`]*`|:[\w-]+:"
)  # link targets, URLs, inline code, icons
KINDS = (
    "phrase 2 words",
    "phrase 3 words",
    "phrase 4 words",
    "phrase 5 words",
    "paragraph",
    "wrong-language body",
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="*", type=Path)
    parser.add_argument(
        "--languages",
        default="es,fr,pl,zh-TW,de,ru,ja,ko",
        help="languages to take from the real corpora (their best-translated ones)",
    )
    parser.add_argument("--rounds", type=int, default=8)
    parser.add_argument("--show-misses", action="store_true")
    arguments = parser.parse_args()
    config = defaults(RULES)
    totals: dict[str, list] = defaultdict(
        lambda: [0, 0, 0, 0]
    )  # injected, found, new diagnostics, new at injected lines
    noise: dict[str, list[int]] = {}
    languages_seen: set[str] = set()
    with tempfile.TemporaryDirectory() as scratch:
        sources = [("corpus", REPOSITORY / "corpus", None)]
        sources += [
            (
                path.name,
                path,
                {langtags.normalize(t) for t in arguments.languages.split(",")} | {"en"},
            )
            for path in arguments.corpora
        ]
        for name, source, languages in sources:
            clean = Path(scratch, name, "clean")
            _copy(source, clean, languages)
            baseline = _diagnostics(clean, config)
            translated = _clean_translations(clean, baseline)
            languages_seen |= {f.language for f in translated}
            untraced = [
                (f.relative, d)
                for f in translated
                for d in baseline.get(f.relative, [])
                if not _traced_to_source(d, f, clean)
            ]
            noise[name] = [
                len(translated),
                sum(len(baseline.get(f.relative, [])) for f in translated),
                len(untraced),
            ]
            if arguments.show_misses:
                for relative, (line, rule, message) in untraced:
                    print(f"not in the English source: {relative}:{line}: {rule}: {message}")
            for round_number in range(arguments.rounds):
                rng = random.Random(f"{name}-{round_number}")
                for kind in KINDS:
                    work = Path(scratch, name, "work")
                    shutil.rmtree(work, ignore_errors=True)
                    shutil.copytree(clean, work)
                    injected = _inject(kind, work, clean, translated, rng)
                    after = _diagnostics(work, config)
                    for relative, line in injected:
                        new = [
                            d[:2]
                            for d in after.get(relative, [])
                            if d not in baseline.get(relative, [])
                        ]
                        totals[kind][0] += 1
                        if kind == "wrong-language body":
                            hit = any(rule == "declared-language" for _, rule in new)
                        else:
                            hit = any(abs(at - line) <= 0 for at, _ in new)
                        totals[kind][1] += hit
                        if not hit and arguments.show_misses:
                            print(
                                f"missed {kind} {relative}:{line}: {(work / relative).read_text().split(chr(10))[line - 1][:300]}"
                            )
                        totals[kind][2] += len(new)
                        totals[kind][3] += sum(
                            1 for at, rule in new if kind == "wrong-language body" or at == line
                        )
    print(f"languages: {', '.join(sorted(languages_seen))}")
    print("| injected | count | recall at the right line | precision |")
    print("|---|---|---|---|")
    for kind in KINDS:
        injected, found, new, right = totals[kind]
        print(f"| {kind} | {injected} | {found / injected:.1%} | {right / new if new else 1:.1%} |")
    print(
        "\n| corpus | translations judged clean | diagnostics before injection | per file "
        "| not found in the English source (false) | false per file |"
    )
    print("|---|---|---|---|---|---|")
    for name, (files, diagnostics, untraced) in noise.items():
        print(
            f"| {name} | {files} | {diagnostics} | {diagnostics / max(files, 1):.3f} "
            f"| {untraced} | {untraced / max(files, 1):.3f} |"
        )


class Translation:
    def __init__(
        self,
        path: Path,
        relative: str,
        language: str,
        lines: list[str],
        sentences: list[int],
        paragraphs: list[int],
    ):
        self.path, self.relative, self.language = path, relative, language
        self.lines, self.sentences, self.paragraphs = lines, sentences, paragraphs


def _copy(source: Path, target: Path, languages: set[str] | None) -> None:
    for path in discover([source]):
        relative = path.relative_to(source)
        if languages is not None and langtags.normalize(relative.parts[0]) not in languages:
            continue
        (target / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target / relative)


def _diagnostics(root: Path, config) -> dict[str, list[tuple[int, str]]]:
    cwd = os.getcwd()
    os.chdir(root)
    try:
        result = check_paths([Path(".")], config)
    finally:
        os.chdir(cwd)
    found: dict[str, list] = defaultdict(list)
    for diagnostic in result.diagnostics:
        if diagnostic.rule in LANGUAGE_RULES:
            found[diagnostic.path].append((diagnostic.line, diagnostic.rule, diagnostic.message))
    return found


def _clean_translations(root: Path, baseline: dict) -> list[Translation]:
    """Translated files glossqa judges as written in their language: the clean set, and where defects go."""
    chosen = []
    for path in discover([root]):
        relative = path.relative_to(root).as_posix()
        language = langtags.normalize(relative.split("/")[0])
        if (
            not language
            or language == "en"
            or any(rule == "declared-language" for _, rule, _ in baseline.get(relative, []))
        ):
            continue
        if any(
            message.endswith("looks untranslated") for _, _, message in baseline.get(relative, [])
        ):
            continue
        lines = path.read_text(encoding="utf-8").split("\n")
        flagged = {at for at, _, _ in baseline.get(relative, [])}
        body = _body_start(lines)
        paragraphs = [
            i
            for i in range(body, len(lines))
            if _is_prose(lines[i], lines, i)
            and i + 1 not in flagged
            and getattr(langid.identify(lines[i]), "language", None) == langtags.primary(language)
        ]
        if len(paragraphs) >= 3:
            chosen.append(Translation(path, relative, language, lines, paragraphs, paragraphs))
    return chosen


def _traced_to_source(
    diagnostic: tuple[int, str, str], translation: Translation, root: Path
) -> bool:
    """The flagged English is in the article's English source: a real leftover (or a term kept on purpose), not a false alarm."""
    line, rule, message = diagnostic
    source = root / "en" / translation.relative.split("/", 1)[1]
    if rule != "untranslated" or not source.is_file():
        return False
    source_words = _words(NOT_PROSE.sub(" ", source.read_text(encoding="utf-8")))
    quoted = re.match(r"'(.+?)' is left in English", message)
    if quoted:
        return _contains(source_words, _words(quoted.group(1)))
    if "copied unchanged" in message:
        return True
    block = []
    for text in translation.lines[line - 1 :]:
        if block and not text.strip():
            break
        block.append(text)
    flagged = _words(NOT_PROSE.sub(" ", " ".join(block)))
    trigrams = [tuple(flagged[i : i + 3]) for i in range(len(flagged) - 2)]
    source_trigrams = {tuple(source_words[i : i + 3]) for i in range(len(source_words) - 2)}
    return bool(trigrams) and sum(t in source_trigrams for t in trigrams) >= len(trigrams) / 2


def _words(text: str) -> list[str]:
    return [word.lower() for word in langid.WORD.findall(text)]


def _contains(words: list[str], phrase: list[str]) -> bool:
    return any(words[i : i + len(phrase)] == phrase for i in range(len(words) - len(phrase) + 1))


def _body_start(lines: list[str]) -> int:
    if lines and lines[0].strip() == "---":
        for index in range(1, len(lines)):
            if lines[index].strip() == "---":
                return index + 1
    return 0


def _is_prose(line: str, lines: list[str], index: int) -> bool:
    text = line.strip()
    blank_around = (index == 0 or not lines[index - 1].strip()) and (
        index + 1 >= len(lines) or not lines[index + 1].strip()
    )
    return (
        blank_around
        and len(text.split()) >= 8
        and text[0].isalpha()
        and "`" not in text
        and "](" not in text
        and "<" not in text
        and "|" not in text
        and ":" not in text[:20]
    )


def _inject(
    kind: str, work: Path, clean: Path, translated: list[Translation], rng: random.Random
) -> list[tuple[str, int]]:
    injected = []
    by_group: dict[str, list[Translation]] = defaultdict(list)
    for translation in translated:
        by_group[translation.relative.split("/", 1)[1]].append(translation)
    # one defect per group and run, so that no sibling carries the same phrase
    for translation in (rng.choice(members) for _, members in sorted(by_group.items())):
        lines = list(translation.lines)
        if kind == "wrong-language body":
            donors = [
                t
                for t in translated
                if t.language != translation.language
                and langtags.primary(t.language) not in ("nb", "da", "nn")
            ]
            if not donors:
                continue
            donor = rng.choice(donors)
            lines = lines[: _body_start(lines)] + donor.lines[_body_start(donor.lines) :]
            line = 1
        elif kind == "paragraph":
            index = rng.choice(translation.paragraphs)
            lines[index] = ". ".join(rng.sample(ENGLISH, 2)) + "."
            line = index + 1
        else:
            words_wanted = int(kind.split()[1])
            index = rng.choice(translation.sentences)
            sentence = rng.choice([s for s in ENGLISH if len(s.split()) > words_wanted]).split()
            start = rng.randrange(0, len(sentence) - words_wanted + 1)
            phrase = " ".join(sentence[start : start + words_wanted]).lower()
            words = lines[index].split(" ")
            position = rng.randrange(1, len(words))
            lines[index] = " ".join(words[:position] + [phrase] + words[position:])
            line = index + 1
        (work / translation.relative).write_text("\n".join(lines), encoding="utf-8")
        injected.append((translation.relative, line))
    return injected


if __name__ == "__main__":
    main()
