"""front-matter: a translation keeps the reference's front-matter keys, and the right values.

- The front matter is delimited by `---`; a translation platform that exports `- - -` makes it
  body text.
- Every key the reference has is present, under the same name: a key translated along with its
  value (`titel:` for `title:`) is reported once, at its line.
- Keys that must stay identical are identical: the project's `identical-keys` (default `keywords`)
  plus any key every sibling has with one value, allowing one outlier among four or more.
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

from collections.abc import Iterator

from .. import fixes, langtags
from ..model import AlignedGroup, Problem

ID = "front-matter"
SEVERITY = "error"
OPTIONS: dict = {}


def check(group: AlignedGroup, options: dict) -> Iterator[Problem]:
    reference = group.reference
    if reference is None or reference.errors or reference.front_matter is None:
        return
    source_is_english = group.reference_reason != "consensus" and langtags.is_english(
        reference.language
    )
    theirs = reference.front_matter.entries
    for document in group.translations():
        if document.errors:
            continue
        ours = document.front_matter.entries if document.front_matter else {}
        start = document.front_matter.line if document.front_matter else 1
        if (
            document.front_matter
            and document.front_matter.delimiter != reference.front_matter.delimiter
        ):
            yield Problem(
                document.path,
                start,
                f"front matter is delimited by {document.front_matter.delimiter!r}, "
                f"not {reference.front_matter.delimiter!r}: Markdown renders it as a rule and body text",
                related=reference.location(reference.front_matter.line),
                fix=fixes.restore_delimiters(
                    document, document.front_matter, reference.front_matter.delimiter
                ),
            )
        renamed = _renamed_keys(list(theirs), list(ours))
        for key, wanted in theirs.items():
            related = reference.location(wanted.line)
            found = ours.get(key)
            if key in renamed:
                yield Problem(
                    document.path,
                    ours[renamed[key]].line,
                    f"front-matter key {renamed[key]!r} stands where the reference has {key!r}; "
                    f"keys are not translated",
                    related=related,
                    fix=fixes.rename_key(
                        document, ours[renamed[key]].line, reference, wanted.line, group.documents
                    ),
                )
            elif found is None:
                yield Problem(
                    document.path, start, f"missing front-matter key {key!r}", related=related
                )
            elif key in group.identical_keys and found.value != wanted.value:
                yield Problem(
                    document.path,
                    found.line,
                    f"front-matter {key!r} must stay identical to the reference: "
                    f"{_short(found.value)} is not {_short(wanted.value)}",
                    related=related,
                    fix=fixes.copy_entry(
                        document,
                        found.line,
                        reference,
                        wanted.line,
                        safe=key in group.configured_identical_keys,
                    ),
                )
            elif (
                source_is_english
                and key in group.translated_keys
                and not langtags.is_english(document.language)
                and found.value == wanted.value
            ):
                yield Problem(
                    document.path,
                    found.line,
                    f"front-matter {key!r} is identical to the English source; translate it",
                    related=related,
                )


def _renamed_keys(theirs: list[str], ours: list[str]) -> dict[str, str]:
    """Reference keys missing from the translation, mapped to the unknown key at the same position."""
    renamed = {}
    for position, key in enumerate(theirs):
        if key not in ours and position < len(ours) and ours[position] not in theirs:
            renamed[key] = ours[position]
    return renamed


def _short(value) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
