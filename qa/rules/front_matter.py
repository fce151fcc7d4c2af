"""front-matter: a translation keeps the source's front-matter keys, and the right values.

- The front matter is delimited by `---`; a translation platform that exports `- - -` makes it
  body text.
- Every key the source has is present, under the same name: a key translated along with its
  value (`titel:` for `title:`) is reported once, at its line.
- Keys that must stay identical are identical: the project's `identical-keys` (default `keywords`)
  plus any key every sibling has with one value, allowing one outlier among four or more. An
  outlier that only spaces the value differently, or translates it (`linkTitle: デモチャート` where
  the others keep `Demo Chart`), is no drift: only the configured keys must stay exactly as they are.
- Keys that must be translated (the project's `translated-keys`, default `title`, `description`)
  are not left identical to an English source, when the value reads as English prose rather than
  the translation's language. Names and terms kept on purpose pass: a single word or compound
  (`Cryptocurrency`, `End-Of-Life` may be kept terms), words written as code or brands (`JavaScript`, `DevSecOps`, `@astrojs/vue`,
  `Node.js`, `ERR_INVALID_ARG`), a brand with capitalised words (`OpenTelemetry Demo Chart`), and
  words the translation's language shares (`Idempotence`, `Configuration` in French).
- A key that is the same defect in every translation (the source alone writes `Category:` where
  every translation has `category:`) is one diagnostic on the source, not one per translation.

Site machinery is left alone: keys only the source carries on purpose (`source-only-keys`,
default `reviewers`, spell-checker keys `cSpell:*`, link-checker keys `link_check_*`, and Hugo's
`cascade`, which sets values on other pages: each has its own front matter, and a `cascade` with a
`target` applies to every language from the source alone) and keys only
translations carry (`translation-only-keys`, default `default_lang_commit`, `drifted_from_default`,
`translationKey`) are never missing, renamed or compared; both options take `fnmatch` patterns.
A value that is a commit hash, a date, a number, a path or a URL is not text to translate.
Page parameters (`page-params-keys`, default Hugo's `params`) are values the page's own text reads:
a translation without them misses them only when its text reads one (`{{% param btn-class %}}`,
`.Params.x`) or keeps one at the top level (`show_banner:` where the source now has
`params: {show_banner: true}`); an older translation whose text reads none renders the same.

Options:
    source-only-keys: [reviewers, "cSpell:*", "cspell:*", "link_check_*", cascade]
    translation-only-keys: [default_lang_commit, drifted_from_default, translationKey]
    page-params-keys: [params]

Fails (English source has `keywords: Business` and `title: Soft sell`):

    ---
    keywords: Affärer
    title: Soft sell
    ---

Passes:

    ---
    keywords: Business
    title: Mjuk försäljning
    default_lang_commit: 1ececa0615b64c5dfd93fd6393f3e4052e0cc496
    ---
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from fnmatch import fnmatchcase

import yaml

from .. import fixes, langid, langtags
from ..model import AlignedGroup, Document, FrontMatterEntry, Problem
from ..prose import SOURCE_ONLY_KEYS, TRANSLATION_ONLY_KEYS, is_machine_value, strip_non_prose

ID = "front-matter"
SEVERITY = "error"
OPTIONS: dict = {
    # `cascade` sets values on other pages (Hugo), each of which has its own front matter
    "source-only-keys": [*SOURCE_ONLY_KEYS, "cascade"],
    "translation-only-keys": list(TRANSLATION_ONLY_KEYS),
    "page-params-keys": ["params"],
}
PARAM_READ = re.compile(
    r"\{\{[<%]-?\s*_?param\s+[\"'`]?(?P<shortcode>[\w-]+)"  # {{% param btn-class %}}, OTel's _param
    r"|\.Params?\.(?P<template>[\w-]+)"  # .Params.x in an inline template
)

NAME_TOKEN = re.compile(r"[a-z][A-Z]|\d|\w[@/._#+]|^[@.#_]|^[A-Z]{2,}s?$")
IDENTIFIER = re.compile(r"_|[a-z][A-Z]")
TOKEN_EDGES = "\"'“”«»()[]:,;!?"


def check(group: AlignedGroup, options: dict) -> Iterator[Problem]:
    reference = group.reference
    if reference is None or reference.errors or reference.front_matter is None:
        return
    machinery = [
        *options.get("source-only-keys", OPTIONS["source-only-keys"]),
        *options.get("translation-only-keys", OPTIONS["translation-only-keys"]),
    ]

    def is_machinery(key: str) -> bool:
        return any(fnmatchcase(key, pattern) for pattern in machinery)

    source_is_english = group.reference_reason != "consensus" and langtags.is_english(
        reference.language
    )
    theirs = {
        key: entry for key, entry in reference.front_matter.entries.items() if not is_machinery(key)
    }
    translations = [document for document in group.translations() if not document.errors]
    keys_of = {
        document.path: [
            key
            for key in (document.front_matter.entries if document.front_matter else {})
            if not is_machinery(key)
        ]
        for document in translations
    }
    renamed_in = {
        document.path: _renamed_keys(list(theirs), keys_of[document.path])
        for document in translations
    }
    source_defects = _source_defects(reference, theirs, translations, renamed_in)
    yield from source_defects.values()
    for document in translations:
        yield from _check_translation(
            group,
            document,
            theirs,
            renamed_in[document.path],
            source_defects,
            source_is_english,
            frozenset(options.get("page-params-keys", OPTIONS["page-params-keys"])),
        )


def _check_translation(
    group: AlignedGroup,
    document: Document,
    theirs: dict[str, FrontMatterEntry],
    renamed: dict[str, str],
    source_defects: dict[str, Problem],
    source_is_english: bool,
    page_params: frozenset[str],
) -> Iterator[Problem]:
    reference = group.reference
    assert reference is not None and reference.front_matter is not None
    ours = document.front_matter.entries if document.front_matter else {}
    if (
        document.front_matter
        and document.front_matter.delimiter != reference.front_matter.delimiter
    ):
        yield Problem(
            document.path,
            document.front_matter.line,
            f"front matter is delimited by {document.front_matter.delimiter!r}, "
            f"not {reference.front_matter.delimiter!r}: Markdown shows it as a rule and body "
            f"text; write {reference.front_matter.delimiter!r} on lines "
            f"{document.front_matter.line} and {document.front_matter.end_line}",
            related=reference.location(reference.front_matter.line),
            fix=fixes.restore_delimiters(
                document, document.front_matter, reference.front_matter.delimiter
            ),
        )
    for key, wanted in theirs.items():
        related = reference.location(wanted.line)
        found = ours.get(key)
        if key in source_defects:
            continue
        if key in renamed:
            yield Problem(
                document.path,
                ours[renamed[key]].line,
                f"front-matter key {renamed[key]!r} must stay {key!r} as in the source "
                f"(line {wanted.line}): keys are never translated; rename it",
                related=related,
                fix=fixes.rename_key(
                    document, ours[renamed[key]].line, reference, wanted.line, group.documents
                ),
            )
        elif found is None:
            if key in page_params and not _needs_params(document, wanted.value):
                continue
            line, where = _insertion_point(document, theirs, key)
            yield Problem(
                document.path,
                line,
                f"front-matter key {key!r} is missing: copy it from the source (line "
                f"{wanted.line}) and insert it {where}",
                related=related,
            )
        elif (
            key in group.identical_keys
            and found.value != wanted.value
            and (
                key in group.configured_identical_keys
                or not _same_or_translated(found.value, wanted.value, document.language)
            )
        ):
            yield Problem(
                document.path,
                found.line,
                f"front-matter {key!r} must be the same as in the source: change "
                f"{_short(found.value)} to {_short(wanted.value)}",
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
            and isinstance(found.value, str)
            and reads_as_english(found.value, document.language)
        ):
            yield Problem(
                document.path,
                found.line,
                f"front-matter {key!r} is still the English source's text: translate it",
                related=related,
            )


def _needs_params(document: Document, params: object) -> bool:
    """Whether a translation without the source's page parameters misses them: its text reads one
    (`{{% param btn-class %}}`), or it keeps one at the top level, where the source had it before."""
    if not isinstance(params, dict):
        return True
    names = set(map(str, params))
    entries = document.front_matter.entries if document.front_matter else {}
    if names & set(entries):
        return True
    body = (
        document.lines[document.front_matter.end_line :]
        if document.front_matter
        else document.lines
    )
    return any(
        (match["shortcode"] or match["template"]) in names
        for line in body
        for match in PARAM_READ.finditer(line)
    )


def _source_defects(
    reference: Document,
    theirs: dict[str, FrontMatterEntry],
    translations: list[Document],
    renamed_in: dict[str, dict[str, str]],
) -> dict[str, Problem]:
    """Source keys that two or more translations, all of them, name one other way: the source is
    what is wrong (`Category:` in the source, `category:` everywhere else), so it is reported once,
    on the source."""
    if len(translations) < 2:
        return {}
    defects = {}
    for key, entry in theirs.items():
        names = Counter(renamed_in[document.path].get(key) for document in translations)
        name, count = names.most_common(1)[0]
        if name is not None and count == len(translations):
            defects[key] = Problem(
                reference.path,
                entry.line,
                f"front-matter key {key!r} is {name!r} in all {count} translations: "
                f"rename it to {name!r} here",
            )
    return defects


def _insertion_point(
    document: Document, theirs: dict[str, FrontMatterEntry], missing: str
) -> tuple[int, str]:
    """The line a missing key goes before: the next source key the translation has, else the
    closing delimiter."""
    ours = document.front_matter.entries if document.front_matter else {}
    keys = list(theirs)
    for key in keys[keys.index(missing) + 1 :]:
        if key in ours:
            return ours[key].line, f"before line {ours[key].line}"
    if document.front_matter:
        end = document.front_matter.end_line
        return end, f"before line {end}, the closing '---'"
    return 1, "in a front matter at line 1"


def reads_as_english(value: str, language: str) -> bool:
    """An untranslated value a reader would take for English prose, not a kept name or term."""
    if is_machine_value(value):
        return False
    tokens = [token.strip(TOKEN_EDGES) for token in value.split()]
    names = {token for token in tokens if NAME_TOKEN.search(token)}
    kept = [token for token in tokens if token and token not in names]
    words = [word for token in kept for word in langid.WORD.findall(token)]
    if sum(1 for token in kept if langid.WORD.search(token)) < 2:
        return (
            False  # one word, or one compound (`End-Of-Life`), may be a term the translation keeps
        )
    if names and all(word[0].isupper() for word in words):
        return False  # a brand or an event: "OpenTelemetry Demo Chart", "KubeCon China 2025"
    if not langid.available(language):
        english_table = langid.table("en") or {}
        common = sum(english_table.get(word.lower(), 0.0) >= 3.0 for word in words)
        return common >= 2 and 3 * common >= 2 * len(words)
    english, native = langid.english_share(" ".join(words), language)
    return english >= 2 and english > native


def _same_or_translated(ours: object, theirs: object, language: str) -> bool:
    """A value every other sibling keeps, here only spaced differently, or translated: in another
    script (`ডকার` for `Docker`) or in the translation's words. Only configured identical keys must
    stay exactly as they are."""
    if not isinstance(ours, str) or not isinstance(theirs, str) or is_machine_value(theirs):
        return False
    if "".join(ours.split()) == "".join(theirs.split()):
        return True
    ours, theirs = strip_non_prose(ours), strip_non_prose(theirs)
    if langid.dominant_script(ours)[0] != langid.dominant_script(theirs)[0]:
        return True
    english, native = langid.english_share(ours, language)
    return native > english


def _renamed_keys(theirs: list[str], ours: list[str]) -> dict[str, str]:
    """Source keys missing from the translation, mapped to the unknown key at the same position;
    not an identifier (`show_banner`, `linkTitle`), which is another key, not a translated one."""
    renamed = {}
    for position, key in enumerate(theirs):
        if key not in ours and position < len(ours) and ours[position] not in theirs:
            candidate = ours[position]
            if candidate.lower() == key.lower() or not IDENTIFIER.search(candidate):
                renamed[key] = candidate
    return renamed


def _short(value) -> str:
    """A value as the front matter writes it: `'text'`, `2025-10-20`, `[a, b]`."""
    if isinstance(value, str):
        text = repr(value)
    else:
        dumped = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10**6)
        text = dumped.removesuffix("\n...\n").strip()
    return text if len(text) <= 60 else text[:57] + "..."
