"""untranslated: terms left in English inside the prose of a translated file.

The project lists the English terms translators tend to leave (`terms`); each one found in the
prose of a non-English file is reported at its line, front matter included. Link targets, code,
inline code, URLs and keys that must stay identical are never searched. `keep` lists, per language
(or `"*"` for all), terms that legitimately stay English, such as brand names. Matching ignores case.

Fails (`terms: [Soft Sell]`, `sv/soft-sell.md`):

    ## Förstå Soft Selling

Passes:

    ## Förstå mjuk försäljning
"""

from __future__ import annotations

import re
from typing import Iterator

from .. import langtags
from ..model import AlignedGroup, Problem
from ..prose import column_of, prose_lines

ID = "untranslated"
SEVERITY = "warning"
OPTIONS = {
    "terms": [],
    "keep": {},
}


def check(group: AlignedGroup, options: dict) -> Iterator[Problem]:
    if not options["terms"]:
        return
    terms = sorted({str(term) for term in options["terms"]}, key=lambda term: (-len(term), term))
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(_term_pattern(term) for term in terms) + r")\w*", re.I)
    for document in group.documents:
        if langtags.is_english(document.language):
            continue
        keep = {term.casefold() for language in ("*", document.language, langtags.primary(document.language))
                for term in options["keep"].get(language, ())}
        for line in prose_lines(document, group.identical_keys):
            for match in pattern.finditer(line.text):
                phrase = match.group(0)
                if phrase.casefold() in keep or _base(match, terms).casefold() in keep:
                    continue
                where = f"front-matter {line.key!r}" if line.key else line.kind.replace("_", " ")
                yield Problem(document.path, line.line,
                              f"{phrase!r} is left in English in this {where} (listed term {_base(match, terms)!r})",
                              column=column_of(document, line.line, phrase), language=document.language)


def _term_pattern(term: str) -> str:
    return r"[\s-]+".join(re.escape(word) for word in term.split())


def _base(match: re.Match, terms: list[str]) -> str:
    found = " ".join(re.split(r"[\s-]+", match.group(0))).casefold()
    return next((term for term in terms if found.startswith(term.casefold())), match.group(0))
