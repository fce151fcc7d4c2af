"""declared-language: a file is written in the language it declares.

- Where both the path (`sv/`, `.sv.md`) and the front matter (`lang`, `language`, `locale`)
  declare a language, they agree.
- The detected language of the prose is the declared one. Code, URLs, inline code and keys
  that must stay identical are removed first; text shorter than `min-characters` is skipped,
  not guessed. Languages in one `confusable` set (Norwegian and Danish, say) count as the same.

Fails (`fi/intro.md`, Swedish prose):

    Mjuk försäljning är en reklam- och försäljningsstrategi som har ett subtilt språk ...

Passes:

    Pehmeä myynti viittaa mainontaan ja myyntiin, joka sisältää hienovaraista kieltä ...
"""

from __future__ import annotations

from typing import Iterator

from .. import langtags
from ..model import AlignedGroup, Document, Problem
from ..prose import prose_lines

ID = "declared-language"
SEVERITY = "error"
OPTIONS = {
    "min-characters": 200,
    "sample-characters": 2000,
    "min-probability": 0.9,
    "confusable": [["nb", "nn", "da"], ["hr", "sr", "bs"], ["ms", "id"]],
}


def check(group: AlignedGroup, options: dict) -> Iterator[Problem]:
    confusable = [frozenset(langtags.primary(langtags.normalize(tag) or tag) for tag in family)
                  for family in options["confusable"]]

    def same(first: str, second: str) -> bool:
        a, b = langtags.primary(first), langtags.primary(second)
        return a == b or any(a in family and b in family for family in confusable)

    for document in group.documents:
        yield from _declarations_agree(document)
        declared = document.language
        lines = [line for line in prose_lines(document, group.identical_keys) if line.kind != "front-matter"]
        text = " ".join(line.text for line in lines)[: options["sample-characters"]]
        if sum(character.isalpha() for character in text) < options["min-characters"]:
            continue
        detected, probability = detect(text)
        if detected and probability >= options["min-probability"] and not same(detected, declared):
            yield Problem(document.path, lines[0].line,
                          f"the prose reads as {langtags.name(detected)} ({detected}, p={probability:.2f}), "
                          f"but the file is declared {langtags.name(declared)} ({declared})",
                          language=declared)


def _declarations_agree(document: Document) -> Iterator[Problem]:
    by_path = document.declared_languages.get("path")
    by_front_matter = document.declared_languages.get("front matter")
    if by_path and by_front_matter and by_path != by_front_matter:
        entry = next((document.front_matter.entries[key] for key in ("lang", "language", "locale")
                      if key in document.front_matter.entries), None)
        yield Problem(document.path, entry.line if entry else 1,
                      f"the front matter declares {by_front_matter!r} but the path declares {by_path!r}")


def detect(text: str) -> tuple[str | None, float]:
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    try:
        best = detect_langs(text)[0]
    except LangDetectException:
        return None, 0.0
    return langtags.normalize(best.lang) or best.lang, best.prob
