"""front-matter: a translation keeps the reference's front-matter keys, and the right values.

- Every key the reference has is present.
- Keys that must stay identical are identical: the project's `identical-keys` (default `keywords`)
  plus any key whose value is the same in every sibling.
- Keys that must be translated (the project's `translated-keys`, default `title`, `description`)
  are not left identical to an English source.

Fails (English source has `keywords: Business` and `title: Soft sell`):

    ---
    keywords: Affärer
    title: Soft sell
    ---

Passes:

    ---
    keywords: Business
    title: Mjuk försäljning
    ---
"""

from __future__ import annotations

from typing import Iterator

from .. import langtags
from ..model import AlignedGroup, Problem

ID = "front-matter"
SEVERITY = "error"
OPTIONS: dict = {}


def check(group: AlignedGroup, options: dict) -> Iterator[Problem]:
    reference = group.reference
    if reference is None or reference.errors or reference.front_matter is None:
        return
    source_is_english = group.reference_reason != "consensus" and langtags.is_english(reference.language)
    theirs = reference.front_matter.entries
    for document in group.translations():
        if document.errors:
            continue
        ours = document.front_matter.entries if document.front_matter else {}
        start = document.front_matter.line if document.front_matter else 1
        for key, wanted in theirs.items():
            related = reference.location(wanted.line)
            found = ours.get(key)
            if found is None:
                yield Problem(document.path, start, f"missing front-matter key {key!r}", related=related)
            elif key in group.identical_keys and found.value != wanted.value:
                yield Problem(document.path, found.line,
                              f"front-matter {key!r} must stay identical to the reference: "
                              f"{_short(found.value)} is not {_short(wanted.value)}", related=related)
            elif (source_is_english and key in group.translated_keys
                  and not langtags.is_english(document.language) and found.value == wanted.value):
                yield Problem(document.path, found.line,
                              f"front-matter {key!r} is identical to the English source; translate it", related=related)


def _short(value) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
