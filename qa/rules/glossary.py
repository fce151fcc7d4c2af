"""glossary: the termbase is followed — source terms get their agreed translation, known mistranslations never appear.

- `terms` maps a source term to its expected rendering per language (a string or a list of
  accepted ones). Where an aligned section of the source uses the term and the translation's
  section has none of the renderings, the translation's section is flagged. Renderings match as
  word beginnings, so inflected forms count ("hård försäljning" finds "hårda försäljningen").
- `forbidden` maps a language to phrases that must never appear in its prose, such as a known
  mistranslation.
- `file` imports more terms from a CSV (first column the source term, one column per language
  tag, alternatives separated by `|`) or a TBX termbase; a relative path is relative to rules.yaml.

Fails (`forbidden: {sv: [hårt skal]}`):

    ## Soft Sell vs. hårt skal

Passes:

    ## Mjuk försäljning vs. hård försäljning
"""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from pathlib import Path

from .. import langtags
from ..discover import UnreadableFile, read_regular
from ..model import AlignedGroup, Problem, Section
from ..prose import column_of, prose_lines

ID = "glossary"
SEVERITY = "warning"
OPTIONS = {
    "terms": {},
    "forbidden": {},
    "file": "",
}
OPTION_TYPES = {
    "terms": dict[str, dict[str, str | list[str]]],
    "forbidden": dict[str, list[str]],
}


def prepare(options: dict, config_directory: Path) -> dict:
    """Read the termbase file named by `file` into `terms`; ValueError says what is wrong with it."""
    if not options["file"]:
        return options
    path = config_directory / options["file"]
    try:
        imported = _read_tbx(path) if path.suffix.lower() == ".tbx" else _read_csv(path)
    except (UnreadableFile, UnicodeDecodeError, csv.Error, ElementTree.ParseError) as error:
        raise ValueError(f"rules.glossary.file: cannot read {options['file']}: {error}") from None
    terms = {term: dict(renderings) for term, renderings in imported.items()}
    for term, renderings in options["terms"].items():
        terms.setdefault(term, {}).update(renderings)
    return {**options, "terms": terms}


def _read_csv(path: Path) -> dict:
    text = read_regular(path).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if not rows:
        return {}
    languages = [langtags.normalize(tag) or tag for tag in rows[0][1:]]
    return {
        row[0].strip(): {
            language: [part.strip() for part in cell.split("|") if part.strip()]
            for language, cell in zip(languages, row[1:])
            if cell.strip()
        }
        for row in rows[1:]
        if row and row[0].strip()
    }


def _read_tbx(path: Path, source: str = "en") -> dict:
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    terms = {}
    for entry in ElementTree.fromstring(read_regular(path)).iter():
        if not entry.tag.endswith("termEntry") and not entry.tag.endswith("conceptEntry"):
            continue
        by_language: dict[str, list[str]] = {}
        for lang_set in entry:
            tag = lang_set.get(xml_lang) or ""
            language = langtags.normalize(tag) or tag
            by_language[language] = [
                t.text.strip() for t in lang_set.iter() if t.tag.endswith("term") and t.text
            ]
        for term in by_language.pop(source, []):
            terms[term] = by_language
    return terms


def check(group: AlignedGroup, options: dict) -> Iterator[Problem]:
    yield from _forbidden(group, options["forbidden"])
    reference = group.reference
    if not options["terms"] or reference is None or group.reference_reason == "consensus":
        return
    for alignment in group.alignments:
        language = alignment.translation.language
        for pair in alignment.pairs:
            if pair.reference is None or pair.translation is None:
                continue
            theirs, ours = _section_text(pair.reference), _section_text(pair.translation)
            for term, renderings in options["terms"].items():
                wanted = renderings.get(language) or renderings.get(langtags.primary(language))
                if not wanted or not _contains(theirs, term):
                    continue
                wanted = [wanted] if isinstance(wanted, str) else list(wanted)
                if not any(_contains(ours, rendering, prefix=True) for rendering in wanted):
                    yield Problem(
                        alignment.translation.path,
                        pair.translation.line,
                        f"the source uses {term!r} in this section; the glossary's "
                        f"{langtags.name(language)} rendering {' or '.join(map(repr, wanted))} is missing",
                        related=reference.location(_first_line(pair.reference, term)),
                    )


def _forbidden(group: AlignedGroup, forbidden: dict) -> Iterator[Problem]:
    for document in group.documents:
        phrases = (
            forbidden.get(document.language)
            or forbidden.get(langtags.primary(document.language))
            or []
        )
        if not phrases:
            continue
        for line in prose_lines(document, group.identical_keys):
            for phrase in phrases:
                if _contains(line.text, phrase):
                    yield Problem(
                        document.path,
                        line.line,
                        f"{phrase!r} is a forbidden rendering in {langtags.name(document.language)} (glossary)",
                        column=column_of(document, line.line, phrase),
                    )


def _section_text(section: Section) -> str:
    return "\n".join(block.text for block in section.blocks if block.kind != "code")


def _first_line(section: Section, term: str) -> int:
    return next(
        (block.line for block in section.blocks if _contains(block.text, term)), section.line
    )


def _contains(text: str, phrase: str, prefix: bool = False) -> bool:
    words = r"\s+".join(re.escape(word) for word in phrase.split())
    return re.search(r"(?<!\w)" + words + ("" if prefix else r"(?!\w)"), text, re.I) is not None
