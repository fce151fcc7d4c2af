"""The translatable words of a document, line by line, with what must stay as it is removed."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from fnmatch import fnmatchcase

from .model import Document

URL = re.compile(r"\b(?:https?|ftp|mailto):[^\s)>\]]+|\bwww\.[^\s)>\]]+", re.I)
FILE_EXTENSION = re.compile(
    r"\.(?:md|html?|pdf|png|jpe?g|svg|gif|ya?ml|json|toml|py|js|ts|sh|txt|zip|exe)\b", re.I
)
FILE_NAME = re.compile(
    r"(?<![\w/])[\w./-]*[\w-]" + FILE_EXTENSION.pattern + r"(?:#[\w-]*)?", re.I
)  # with its folders and anchor
LANGUAGE_KEYS = frozenset({"lang", "language", "locale"})
# site machinery, not prose: the front-matter rule's defaults (fnmatch patterns)
SOURCE_ONLY_KEYS = (
    "reviewers",
    "cSpell:*",
    "cspell:*",
    "link_check_*",
)  # review, spell and link tools
TRANSLATION_ONLY_KEYS = ("default_lang_commit", "drifted_from_default", "translationKey")
MACHINE_VALUE = re.compile(
    r"(?=[a-f]*\d)[0-9a-f]{7,64}"  # a commit or a checksum: hex with a digit, not "defaced"
    r"|\d{4}-\d\d-\d\d(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?"  # a date
    r"|[\d\s:./+TZ-]*\d[\d\s:./+TZ-]*"  # a number, a version, a time
    r"|(?:\.{0,2}/|[a-z][a-z0-9+.-]*://)\S*"  # a path, a URL
    r"|\S*/\S*|\S*\d\S*"  # one token with a slash or a digit: a file, a version tag ("v1.2")
    r"|[\w-]+\.(?:md|mdx|html?|png|jpe?g|svg|gif|webp|ya?ml|json)",  # a file
    re.I,
)


@dataclass(frozen=True)
class ProseBlock:
    """A translatable unit: a front-matter value or a block; a newline in `text` is a new file line."""

    line: int
    text: str
    kind: str  # the block kind, or "front-matter"
    key: str | None = None  # the front-matter key, for front-matter values

    def describe(self) -> str:
        if self.key:
            return f"front-matter {self.key!r}"
        return BLOCK_NAMES.get(self.kind, self.kind.replace("_", " "))


BLOCK_NAMES = {"html": "HTML block"}


@dataclass(frozen=True)
class ProseLine:
    line: int
    text: str
    kind: str
    key: str | None = None


def strip_non_prose(text: str) -> str:
    """Blank out URLs and file names, keeping every other character where it was."""
    # the cheap tests first: a URL needs a colon or "www.", a file name its extension
    if (":" in text or "www." in text.lower()) and URL.search(text):
        text = URL.sub(_blank, text)
    if FILE_EXTENSION.search(text) and FILE_NAME.search(text):
        text = FILE_NAME.sub(_blank, text)
    return text


def _blank(match: re.Match) -> str:
    return " " * len(match.group(0))


def is_machinery_key(key: str) -> bool:
    return any(fnmatchcase(key, pattern) for pattern in SOURCE_ONLY_KEYS + TRANSLATION_ONLY_KEYS)


def is_machine_value(value: str) -> bool:
    """A commit hash, a date, a number, a path or a URL: not text to translate."""
    return MACHINE_VALUE.fullmatch(value.strip()) is not None


def prose_blocks(document: Document, identical_keys: frozenset[str]) -> Iterator[ProseBlock]:
    """Front-matter values that are translated, then the body's prose blocks, each at its file line."""
    if document.front_matter:
        for key, entry in document.front_matter.entries.items():
            if (
                key in identical_keys
                or key in LANGUAGE_KEYS
                or not isinstance(entry.value, str)
                or is_machinery_key(key)
                or is_machine_value(entry.value)
            ):
                continue
            yield ProseBlock(
                entry.line, strip_non_prose(entry.value.replace("\n", " ")), "front-matter", key
            )
    for section in document.root.walk():
        for block in section.blocks:
            if block.kind != "code" and block.text.strip():
                yield ProseBlock(block.line, strip_non_prose(block.text), block.kind)


def prose_lines(document: Document, identical_keys: frozenset[str]) -> Iterator[ProseLine]:
    """The lines of prose_blocks, each at its own file line."""
    for block in prose_blocks(document, identical_keys):
        for offset, text in enumerate(block.text.split("\n")):
            if text.strip():
                yield ProseLine(block.line + offset, text, block.kind, block.key)


def column_of(document: Document, line: int, phrase: str) -> int:
    """The 1-based column of `phrase` on a file line, else of its first word, or 1 when markup hides both."""
    if 0 < line <= len(document.lines) and phrase.strip():
        text = document.lines[line - 1].lower()
        found = text.find(phrase.lower())
        if found < 0:
            first_word = re.search(
                r"(?<!\w)" + re.escape(phrase.split()[0].lower()) + r"(?!\w)", text
            )
            found = first_word.start() if first_word else -1
        if found >= 0:
            return found + 1
    return 1
