"""The data that flows between the pipeline's stages. No I/O here."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

SEVERITIES = ("error", "warning", "info")  # most severe first


@dataclass(frozen=True, slots=True)
class Location:
    path: str
    line: int


@dataclass(frozen=True)
class Link:
    target: str
    line: int
    kind: str  # link, image, autolink, reference, html
    note: str = ""  # the footnote whose definition holds the link, which renders at the page's end


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    line: int
    anchor: str | None  # an explicit `{#id}` or `<h2 id=...>`


@dataclass(frozen=True)
class Block:
    """A unit of prose: paragraph, list item, table cell, heading or code block.

    `text` is the prose with markup, code spans, HTML and link targets removed; a newline in it
    is a line break in the file, so `line + text[:i].count("\\n")` is the file line of offset i.
    """

    kind: str
    line: int
    end_line: int
    text: str
    inline_code: tuple[str, ...] = ()


@dataclass
class Section:
    """A heading and everything up to the next heading; the part before the first heading has none."""

    heading: Heading | None
    line: int
    end_line: int = 0
    blocks: list[Block] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    code_blocks: list[str] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)

    @property
    def level(self) -> int:
        return self.heading.level if self.heading else 0

    def walk(self) -> Iterator[Section]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class FrontMatterEntry:
    key: str
    value: object
    line: int


@dataclass
class FrontMatter:
    entries: dict[str, FrontMatterEntry]
    line: int  # the opening delimiter
    end_line: int  # the closing delimiter
    delimiter: str = "---"  # as written; a translation platform may mangle it to "- - -"


@dataclass(frozen=True)
class UnclosedFence:
    """A broken code fence: from it on, the file's code and prose are swallowed or swapped, so every
    later heading and link is unreliable."""

    line: int  # where the fix goes: the fence itself, or the line that lost a backtick
    fence_line: int  # where the unclosed fence opens
    reason: str
    short_by_one: bool = (
        False  # the fence at `line` lacks one backtick (or tilde): lengthening it fixes this
    )


@dataclass
class ParseError:
    line: int
    reason: str


@dataclass
class SourceFile:
    """A file found on disk, before it is read."""

    path: Path
    display_path: str
    group_key: str
    language: str
    declared_by: str  # "path", "suffix", "front matter", or "beside" (its translations)


@dataclass
class Document:
    source: SourceFile
    lines: list[str]
    front_matter: FrontMatter | None
    root: Section
    errors: list[ParseError] = field(default_factory=list)
    declared_languages: dict[str, str] = field(default_factory=dict)  # where -> tag
    comments: list[tuple[int, str]] = field(default_factory=list)  # HTML comments, for directives
    unclosed_fence: UnclosedFence | None = None

    @property
    def path(self) -> str:
        return self.source.display_path

    @property
    def language(self) -> str:
        return self.source.language

    @property
    def sections(self) -> list[Section]:
        return list(self.root.walk())

    def location(self, line: int) -> Location:
        return Location(self.path, line)


@dataclass
class Group:
    """Sibling translations of one article, keyed by language."""

    key: str
    files: dict[str, SourceFile]
    # The language the site translates from, when the site has files in it: a group without a
    # file in it is orphaned and is not judged against a sibling translation. None: by consensus.
    source_language: str | None = None


@dataclass(frozen=True)
class SectionPair:
    reference: Section | None
    translation: Section | None
    moved: bool = False  # paired, but the translation has it somewhere else
    titled_lead: bool = (
        False  # the reference's untitled lead, which the translation put under a heading
    )


@dataclass
class Alignment:
    """One translation's sections paired with its reference's; None where one side has no counterpart."""

    reference: Document
    translation: Document
    pairs: list[SectionPair]


@dataclass
class AlignedGroup:
    key: str
    documents: list[Document]
    reference: Document | None
    reference_reason: str  # "source language", "English", "consensus", "no source file"
    alignments: list[Alignment]
    identical_keys: frozenset[str]
    translated_keys: frozenset[str]
    configured_identical_keys: frozenset[str] = (
        frozenset()
    )  # the part of identical_keys rules.yaml names
    source_language: str | None = None  # the site's, when it has one

    def translations(self) -> list[Document]:
        return [doc for doc in self.documents if doc is not self.reference]


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace the text from (line, column) up to (end_line, end_column) with `text`.

    1-based lines and columns in code points of the file's lines (BOM and CR removed); the end is
    exclusive, so an insertion has end == start.
    """

    line: int
    column: int
    end_line: int
    end_column: int
    text: str


@dataclass(frozen=True, slots=True)
class Fix:
    """The exact edits that resolve a diagnostic: `check --fix`, `--diff` and the editor apply these."""

    description: str
    edits: tuple[Edit, ...]
    safe: bool = (
        True  # False: right by the rule's evidence, yet worth a look; --unsafe-fixes applies it
    )


@dataclass(frozen=True)
class Problem:
    """What a rule yields; the engine stamps the rule id and severity on it."""

    path: str
    line: int
    message: str
    column: int = 1
    related: Location | None = None
    language: str | None = None
    fix: Fix | None = None
    detail: dict | None = field(default=None, compare=False)  # structured evidence for JSON


@dataclass(frozen=True, slots=True)
class Diagnostic:
    path: str
    line: int
    column: int
    rule: str
    severity: str
    message: str
    language: str | None = None
    related: Location | None = None
    fix: Fix | None = None
    detail: dict | None = field(default=None, compare=False, hash=False)

    def __post_init__(self) -> None:
        # one copy of a message its siblings repeat: every diagnostic stays in memory until the report
        object.__setattr__(self, "message", sys.intern(self.message))

    def sort_key(self) -> tuple:
        related = (self.related.path, self.related.line) if self.related else ("", 0)
        return (self.path, self.line, self.column, self.rule, related, self.message)


@dataclass(frozen=True, slots=True)
class SectionOutline:
    """A section as a report shows it: its lines (inclusive) and its heading ("" before the first)."""

    line: int
    end_line: int
    level: int
    title: str


@dataclass
class FileOutline:
    path: str
    language: str
    text: str  # the file's text ("" when it could not be read): one string, not a list of lines,
    # as every file of a site is held at once
    sections: list[SectionOutline]
    status: str | None = None  # up to date, outdated, orphaned: when translation status is known


@dataclass
class GroupOutline:
    """What a report shows of one group besides its diagnostics: its files and how their sections line up."""

    key: str
    reference: str | None  # the reference file's path
    files: list[FileOutline]
    # translation path -> rows of (reference section index, translation section index, moved);
    # -1 where one side has no counterpart
    rows: dict[str, list[tuple[int, int, bool]]] = field(default_factory=dict)
    # set on a skeleton (the files without text or sections, no rows) that the pipeline keeps in
    # memory while the whole outline waits on disk: this reads it back
    spilled: Callable[[], GroupOutline] | None = field(default=None, compare=False, repr=False)

    def whole(self) -> GroupOutline:
        return self.spilled() if self.spilled else self


@dataclass
class ReportContext:
    """What a report may show besides the diagnostics."""

    files: list[str] = field(default_factory=list)  # the files checked, reported on
    groups: int = 0
    severities: dict[str, str] = field(
        default_factory=dict
    )  # check id -> severity in effect, for checks that ran
    fail_on: str = "error"  # the least severity that fails the run
    color: bool = False
    fingerprints: bool = False  # SARIF: a partial fingerprint per result (baseline.Fingerprints)
    outlines: list[GroupOutline] = field(
        default_factory=list
    )  # every group's files and aligned sections; filled for formats that ask (OUTLINES = True)
    repository: str | None = None  # a web address that opens a file with "/" + its path appended
    changed_since: str | None = None  # only diagnostics on lines changed since this git revision
    unchanged: int = 0  # diagnostics left out because their lines did not change since then

    def fails(self, diagnostic: Diagnostic) -> bool:
        return SEVERITIES.index(diagnostic.severity) <= SEVERITIES.index(self.fail_on)
