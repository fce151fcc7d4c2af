"""link-targets: each aligned section links to the same places as the source.

Covers inline and reference-style links, autolinks, images, HTML and MDX `href`/`src` attributes
(`<Link href="/about">`). Two links match when they lead to the same place, however each is
written (see qa/targets.py): relative or site-absolute, with the site's own host or without (a host
is the site's own when `site-hosts` names it, or when the other side links its path), with or
without a trailing slash, `index.md`, `_index.md`, a `.md`/`.mdx`/`.html` extension or
percent-encoding, and with any locale segment removed (`/sv/page`, `web.archive.org/.../ko/...`).
The `locale-prefix` pattern removes a site-specific one too: its `lang` group must be a language tag.
A link to another language's edition of a site in `localized-sites` (`sv.wikipedia.org` where the
source has `en.wikipedia.org`) matches the source's link.

An anchor on the page itself matches when it names the translated counterpart of the source's
heading, by any generator's slug of the translated heading (`#bästa-praxis`, `#b%C3%A4sta-praxis`)
or its explicit `{#id}`. An anchor that differs from the source's and names no heading of the page
is reported. Links in footnote definitions are compared over the whole page, since a footnote
renders at the page's end wherever its definition sits.

A changed or extra link is reported at its own line and column; a missing one at the translation's
line that corresponds to the source's (next to the links both sides share). Links in a section
that has no counterpart, or that an unclosed code fence swallowed, are left to heading-structure.
A section that includes another file (Hugo's `{{% include "note.md" %}}`) holds links not read here:
the other side's links that its own side lacks there are not reported. A translation section with
an explicit `{#id}` naming one source heading is compared with that heading's section wherever it
sits (a glossary sorted in the translation's alphabet keeps each entry's English id).

Fails (the source has `[hard sell](/hard-sell)`):

    Se [hårt salg](/hard-selling).

Passes:

    Se [hårt salg](/sv/hard-sell/).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from difflib import SequenceMatcher
from urllib.parse import unquote

from .. import langtags, slug, targets
from ..model import AlignedGroup, Alignment, Document, Link, Problem, Section, SectionPair
from ..options import Regex, bounded

ID = "link-targets"
SEVERITY = "error"
OPTIONS = {
    "locale-prefix": r"^(?:https?://[^/]+)?/(?P<lang>[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)(?=/|$)",
    "ignore": [],  # regular expressions for targets that may differ, e.g. "^https://crowdin"
    # sites with one edition per language (`sv.wikipedia.org`): a translation may link its own
    # language's article, so a page of another edition matches the source's page
    "localized-sites": ["wikipedia.org", "wiktionary.org", "wikibooks.org"],
    "site-hosts": [],  # the site's own hosts, e.g. "opentelemetry.io": a full URL there is a path
}
OPTION_TYPES = {"locale-prefix": Regex, "ignore": list[Regex], "site-hosts": list[str]}
LANGUAGE_SUBDOMAIN = re.compile(
    r"^https?://(?P<lang>[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)(?:\.m)?\.(?P<site>[^/]+)", re.I
)
INCLUDE = re.compile(r"\{\{[<%]-?\s*(?:include|readfile)\b")  # Hugo: another file's text, here
HEADING_MARK = "#§"  # a fragment replaced by the source heading it names


def _counterparts(alignment: Alignment, numbers: dict[int, int]) -> dict[int, int]:
    """Each translation section's reference section number. The alignment may pair sections it
    made up (a heading over the source's lead): those stand for the sections that start where they do."""
    reference_at = {section.line: section for section in alignment.reference.sections}
    translation_at = {section.line: section for section in alignment.translation.sections}
    counterpart = {}
    for pair in alignment.pairs:
        if pair.reference is None or pair.translation is None:
            continue
        theirs = reference_at.get(pair.reference.line, pair.reference)
        ours = translation_at.get(pair.translation.line, pair.translation)
        if id(theirs) in numbers:
            counterpart[id(ours)] = numbers[id(theirs)]
    return counterpart


class _Reader:
    """Where each link of one translation and its source leads, as comparable keys."""

    def __init__(self, alignment: Alignment, options: dict):
        self.prefix = bounded(options["locale-prefix"])
        self.site_hosts = frozenset(host.lower() for host in options["site-hosts"])
        self.ignored = [bounded(pattern) for pattern in options["ignore"]]
        reference, translation = alignment.reference, alignment.translation
        self.pages = {
            id(reference): targets.site_path(reference.path, reference.language),
            id(translation): targets.site_path(translation.path, translation.language),
        }
        numbers = {id(section): index for index, section in enumerate(reference.sections)}
        counterpart = _counterparts(alignment, numbers)
        self.headings = {
            id(reference): _heading_names(reference, numbers),
            id(translation): _heading_names(translation, counterpart),
        }
        self.readings: dict[tuple[int, Link], tuple[str, ...]] = {}

    def kept(self, link: Link) -> bool:
        return not any(pattern.search(link.target) for pattern in self.ignored)

    def read(self, link: Link, document: Document) -> tuple[str, ...]:
        """Every key the link may lead to: as written, then as the source heading its anchor names."""
        cached = self.readings.get((id(document), link))
        if cached is not None:
            return cached
        target = link.target.strip()
        match = self.prefix.search(target)
        if match and "lang" in self.prefix.groupindex and langtags.normalize(match["lang"]):
            target = target[: match.start("lang") - 1] + target[match.end("lang") :]
        page = self.pages[id(document)]
        keys = targets.candidates(target, page, self.site_hosts)
        own_url = targets.page_url(page)
        names = self.headings[id(document)]
        headings = []
        for key in keys:
            place, fragment = targets.split_key(key)
            if fragment and place == own_url:
                number = names.get(slug.normalize_fragment(fragment))
                if number is not None:
                    headings.append(f"{place}{HEADING_MARK}{number}")
        result = keys + tuple(headings)
        self.readings[(id(document), link)] = result
        return result

    def keyer(
        self, links: list[Link], document: Document, others: list[Link], other: Document
    ) -> Callable[[Link], str]:
        """Each link's key: the first of its readings the other side shares, else its first."""
        shared = {key for link in others for key in self.read(link, other)}
        keys = {}
        for link in links:
            readings = self.read(link, document)
            keys[link] = next((key for key in readings if key in shared), readings[0])
        return keys.__getitem__

    def names_a_heading(self, link: Link, document: Document) -> bool:
        return any(HEADING_MARK in key for key in self.read(link, document))

    def names_no_heading(self, link: Link, document: Document) -> bool:
        """An anchor on the page itself that no heading of it generates."""
        readings = self.read(link, document)
        place, fragment = targets.split_key(readings[0])
        return (
            bool(fragment)
            and place == targets.page_url(self.pages[id(document)])
            and not any(HEADING_MARK in key for key in readings)
        )


def _heading_names(document: Document, numbers: dict[int, int]) -> dict[str, int]:
    """Each anchor a heading of the document may have -> the number of the source section it is."""
    names: dict[str, int] = {}
    for section in document.sections:
        heading, number = section.heading, numbers.get(id(section))
        if heading is None or number is None:
            continue
        for name in sorted(slug.anchor_variants(heading.text)) + [heading.anchor or ""]:
            if name:
                names.setdefault(name, number)
    return names


def _paired_by_kept_ids(alignment: Alignment) -> Alignment:
    """The alignment with each translation section whose explicit id names one source heading paired
    with that heading's section: a glossary sorted in the translation's own alphabet keeps every
    entry's English id, and the entry at the same position is another term."""
    reference = [section for section in alignment.reference.sections if section.heading]
    anchors = slug.page_anchors(
        (section.heading.text, section.heading.anchor) for section in reference if section.heading
    )
    named: dict[str, list[Section]] = {}
    for section, names in zip(reference, anchors):
        for name in names:
            named.setdefault(name, []).append(section)
    ids = Counter(
        section.heading.anchor for section in alignment.translation.sections if section.heading
    )
    pinned: dict[int, Section] = {}
    for pair in alignment.pairs:
        ours = pair.translation
        if ours is None or ours.heading is None or not ours.heading.anchor:
            continue
        if ids[ours.heading.anchor] > 1:  # one id on repeated headings names none of them
            continue
        sections = named.get(ours.heading.anchor, [])
        if len(sections) == 1 and sections[0] is not pair.reference:
            pinned[id(ours)] = sections[0]
    if not pinned:
        return alignment
    taken = {id(section) for section in pinned.values()}
    pairs = []
    for pair in alignment.pairs:
        if pair.translation is not None and id(pair.translation) in pinned:
            pairs.append(SectionPair(pinned[id(pair.translation)], pair.translation, moved=True))
        elif pair.reference is not None and id(pair.reference) in taken:
            if pair.translation is not None:
                pairs.append(SectionPair(None, pair.translation))
        else:
            pairs.append(pair)
    return Alignment(alignment.reference, alignment.translation, pairs)


def check(group: AlignedGroup, options: dict) -> Iterator[Problem]:
    localized_sites = {site.lower() for site in options["localized-sites"]}
    for aligned in group.alignments:
        alignment = _paired_by_kept_ids(aligned)
        reader = _Reader(alignment, options)
        reference, translation = alignment.reference, alignment.translation
        fence = translation.unclosed_fence
        for index, pair in enumerate(alignment.pairs):
            if pair.reference is None or pair.translation is None:
                continue
            if (
                fence
                and not reference.unclosed_fence
                and pair.translation.end_line >= min(fence.line, fence.fence_line)
            ):
                break
            lost = [
                link
                for section in _lost_headings_after(alignment.pairs, index)
                for link in section.links
                if reader.kept(link) and not link.note
            ]
            yield from _compare(
                reader,
                alignment,
                [link for link in pair.reference.links if reader.kept(link) and not link.note],
                [link for link in pair.translation.links if reader.kept(link) and not link.note],
                pair.reference,
                pair.translation,
                lost,
                localized_sites,
            )
        yield from _compare_notes(reader, alignment, localized_sites)


def _compare(
    reader: _Reader,
    alignment: Alignment,
    theirs: list[Link],
    ours: list[Link],
    their_section: Section,
    our_section: Section,
    lost: list[Link],
    localized_sites: set[str],
) -> Iterator[Problem]:
    reference, translation = alignment.reference, alignment.translation
    their_key = reader.keyer(theirs + lost, reference, ours, translation)
    our_key = reader.keyer(ours, translation, theirs + lost, reference)
    missing = Counter(map(their_key, theirs)) - Counter(map(our_key, ours))
    extra = (
        Counter(map(our_key, ours))
        - Counter(map(their_key, theirs))
        - Counter(map(their_key, lost))
    )
    kept_in_order = _shared(theirs, ours, their_key, our_key)
    shared = [(there.line, mine.line) for there, mine in kept_in_order]
    in_order = {id(link) for pair in kept_in_order for link in pair}

    def to_ours(line: int) -> int:
        return _counterpart_line(line, their_section, our_section, shared, translation)

    def to_theirs(line: int) -> int:
        backwards = [(mine, other) for other, mine in shared]
        return _counterpart_line(line, our_section, their_section, backwards, reference)

    missing_links, extra_links = _other_editions_removed(
        _take(theirs, missing, their_key, to_ours, ours, our_key, lambda line: line, in_order),
        _take(ours, extra, our_key, lambda line: line, theirs, their_key, to_ours, in_order),
        localized_sites,
    )

    pairs, unpaired_extra = _neighbours(missing_links, extra_links, to_ours, our_section, shared)
    unpaired_extra = [  # a link split in two (`[VPN -](x) … [narrative](x)`) leads nowhere else
        found
        for found in unpaired_extra
        if not any(
            other is not found and other.line == found.line and our_key(other) == our_key(found)
            for other in ours
        )
    ]
    path = translation.path
    for wanted, found in pairs:
        if reader.names_no_heading(found, translation) and reader.names_a_heading(
            wanted, reference
        ):
            message = (
                f"no heading of this page has the anchor {_fragment(found)!r}: link the heading "
                f"that the source's {_fragment(wanted)!r} names, by its anchor here"
            )
        else:
            message = (
                f"this link leads to {found.target!r}, the source's to {wanted.target!r}: "
                f"change the target to {wanted.target!r}"
            )
        yield Problem(
            path,
            found.line,
            message,
            column=_column(translation, found),
            related=reference.location(wanted.line),
        )
    if _includes(translation, our_section):  # the included file may hold the source's links
        missing_links = []
    if _includes(reference, their_section):  # and the translation may have written them out
        unpaired_extra = []
    lost_lines: dict[int, list[Link]] = {}
    for wanted in missing_links:
        if all(wanted is not chosen for chosen, _ in pairs):
            lost_lines.setdefault(wanted.line, []).append(wanted)
    for line, dropped in lost_lines.items():  # a line that lost several links is one defect
        if len(dropped) == 1:
            message = f"the source links {dropped[0].target!r} here: add that link to this text"
        else:
            listed = ", ".join(repr(link.target) for link in dropped[:-1])
            message = (
                f"the source links {listed} and {dropped[-1].target!r} on its line {line}: "
                "add those links here"
            )
        yield Problem(path, to_ours(line), message, related=reference.location(line))
    for found in unpaired_extra:
        yield Problem(
            path,
            found.line,
            f"the source has no link to {found.target!r} in this section: remove it, "
            "or add it to the source",
            column=_column(translation, found),
            related=reference.location(to_theirs(found.line)),
        )


def _includes(document: Document, section: Section) -> bool:
    """Whether the section's own text includes another file (`{{% include "note.md" %}}`), whose
    links are not read here."""
    return any(INCLUDE.search(line) for line in document.lines[section.line - 1 : section.end_line])


def _compare_notes(
    reader: _Reader, alignment: Alignment, localized_sites: set[str]
) -> Iterator[Problem]:
    """Links in footnote definitions, over the whole page."""
    reference, translation = alignment.reference, alignment.translation
    theirs = [
        link
        for section in reference.sections
        for link in section.links
        if link.note and reader.kept(link)
    ]
    ours = [
        link
        for section in translation.sections
        for link in section.links
        if link.note and reader.kept(link)
    ]
    if not theirs and not ours:
        return
    their_key = reader.keyer(theirs, reference, ours, translation)
    our_key = reader.keyer(ours, translation, theirs, reference)
    missing = Counter(map(their_key, theirs)) - Counter(map(our_key, ours))
    extra = Counter(map(our_key, ours)) - Counter(map(their_key, theirs))
    same = lambda line: line  # noqa: E731
    missing_links, extra_links = _other_editions_removed(
        _take(theirs, missing, their_key, same, ours, our_key, same, set()),
        _take(ours, extra, our_key, same, theirs, their_key, same, set()),
        localized_sites,
    )
    for wanted in missing_links:
        home = [link.line for link in ours if link.note == wanted.note] or [
            link.line for link in ours
        ]
        yield Problem(
            translation.path,
            home[0] if home else _last_body_line(translation),
            f"the source's footnote [^{wanted.note}] links {wanted.target!r}: add that link to "
            "this footnote",
            related=reference.location(wanted.line),
        )
    for found in extra_links:
        home = [link.line for link in theirs if link.note == found.note] or [
            link.line for link in theirs
        ]
        yield Problem(
            translation.path,
            found.line,
            f"no footnote of the source links {found.target!r}: remove it, or add it to the source",
            column=_column(translation, found),
            related=reference.location(home[0]) if home else None,
        )


def _neighbours(
    missing: list[Link],
    extra: list[Link],
    to_ours: Callable[[int], int],
    section: Section,
    shared: list[tuple[int, int]],
) -> tuple[list[tuple[Link, Link]], list[Link]]:
    """A missing and an extra link (both images or both not) in the same block of the translation,
    or a line or two apart, or the only one lost and the only one gained between the same shared
    links, are one changed link."""
    blocks = [block for block in section.blocks if block.kind not in ("heading", "code")]

    def block_of(line: int) -> int | None:
        return next(
            (index for index, block in enumerate(blocks) if block.line <= line <= block.end_line),
            None,
        )

    def gap(line: int) -> int:
        return sum(1 for _, mine in shared if mine < line)

    def their_gap(
        wanted: Link,
    ) -> int:  # counted in the source: a shared link on `where` may be before it
        return sum(1 for there, _ in shared if there < wanted.line)

    pairs, unpaired = [], list(extra)
    for wanted in missing:
        where = to_ours(wanted.line)
        home = block_of(where)
        near = [
            link
            for link in unpaired
            if (link.kind == "image") == (wanted.kind == "image")
            and (
                link.line == where
                or (home is not None and block_of(link.line) == home)
                or (
                    gap(link.line) in (gap(where), their_gap(wanted))
                    and abs(link.line - where) <= 2
                )
            )
        ]
        found = min(  # the nearest: on the line, then in the block, then closest
            near,
            key=lambda link: (
                link.line != where,
                home is None or block_of(link.line) != home,  # noqa: B023
                abs(link.line - where),  # noqa: B023
            ),
            default=None,
        )
        if found is not None:
            unpaired.remove(found)
            pairs.append((wanted, found))
    # the one lost and gained between the same shared links, counted in the translation's
    # order, then in the source's (a shared link on the lost one's line may come before it)
    for counted in (lambda wanted: gap(to_ours(wanted.line)), their_gap):
        alone = [wanted for wanted in missing if all(wanted is not chosen for chosen, _ in pairs)]
        for between in {counted(wanted) for wanted in alone}:
            wanted_here = [wanted for wanted in alone if counted(wanted) == between]
            found_here = [found for found in unpaired if gap(found.line) == between]
            if len(wanted_here) == len(found_here) == 1 and (wanted_here[0].kind == "image") == (
                found_here[0].kind == "image"
            ):
                pairs += zip(wanted_here, found_here)
                unpaired = [found for found in unpaired if found not in found_here]
    pairs.sort(key=lambda pair: pair[1].line)
    return pairs, unpaired


def _fragment(link: Link) -> str:
    return "#" + link.target.partition("#")[2]


def _column(document: Document, link: Link) -> int:
    """The 1-based column where the link's target is written on its line, else 1."""
    if not 0 < link.line <= len(document.lines):
        return 1
    text = document.lines[link.line - 1]
    for written in (link.target, unquote(link.target), link.target.strip()):
        found = text.find(written) if written else -1
        if found < 0:
            continue
        if text[found - 2 : found] == "](":
            return _link_start(text, found - 2) + 1
        if text[found - 1 : found] == "<":
            return found
        return found + 1
    return 1


def _link_start(text: str, closing: int) -> int:
    """Where `[text](` or `![alt](` begins, given the index of its `]`."""
    depth = 0
    for index in range(closing, -1, -1):
        if text[index] == "]":
            depth += 1
        elif text[index] == "[":
            depth -= 1
            if depth == 0:
                return index - 1 if index and text[index - 1] == "!" else index
    return closing


def _shared(
    theirs: list[Link], ours: list[Link], their_key: Callable, our_key: Callable
) -> list[tuple[Link, Link]]:
    """The links both sides have, in the order both keep (their longest common sequence)."""
    matcher = SequenceMatcher(
        None, [their_key(link) for link in theirs], [our_key(link) for link in ours], autojunk=False
    )
    return [
        (theirs[there + offset], ours[mine + offset])
        for there, mine, size in matcher.get_matching_blocks()
        for offset in range(size)
    ]


def _edition(link: Link, localized_sites: set[str]) -> tuple[str, str] | None:
    """(site, language) of a link to one language's edition of a localized site."""
    match = LANGUAGE_SUBDOMAIN.match(link.target.strip())
    if match and match["site"].lower() in localized_sites and langtags.normalize(match["lang"]):
        return match["site"].lower(), match["lang"].lower()
    return None


def _other_editions_removed(
    missing: list[Link], extra: list[Link], localized_sites: set[str]
) -> tuple[list, list]:
    """A translation may link its own language's article instead of the source's: such pairs match."""
    extra = list(extra)
    still_missing = []
    for wanted in missing:
        wanted_edition = _edition(wanted, localized_sites)
        counterpart = next(
            (
                found
                for found in extra
                if wanted_edition
                and (edition := _edition(found, localized_sites))
                and edition[0] == wanted_edition[0]
                and edition[1] != wanted_edition[1]
            ),
            None,
        )
        if counterpart is None:
            still_missing.append(wanted)
        else:
            extra.remove(counterpart)
    return still_missing, extra


def _lost_headings_after(pairs: list[SectionPair], index: int) -> list[Section]:
    """The source sections missing right after this pair: a translation that lost a heading has
    their links here, and heading-structure reports the loss."""
    lost = []
    for pair in pairs[index + 1 :]:
        if pair.translation is not None or pair.reference is None:
            break
        if pair.reference is not None:
            lost.append(pair.reference)
    return lost


def _first_body_line(document: Document, section: Section) -> int:
    """The section's first line, past the front matter for the part before the first heading."""
    if section.heading is None and document.front_matter:
        return min(document.front_matter.end_line + 1, max(section.end_line, 1))
    return section.line


def _last_body_line(document: Document) -> int:
    return max(len(document.lines) - (1 if document.lines and not document.lines[-1] else 0), 1)


def _counterpart_line(
    line: int,
    theirs: Section,
    ours: Section,
    shared: list[tuple[int, int]],
    our_document: Document,
) -> int:
    """The line of `ours` for a line of `theirs`: the line of a link both have on it, else the
    same line of the same block, counted in the section, kept between the shared links around it."""
    before = [mine for there, mine in shared if there <= line]
    after = [mine for there, mine in shared if there >= line]
    for there, mine in shared:
        if there == line:
            return mine
    their_blocks = [block for block in theirs.blocks if block.kind not in ("heading", "code")]
    our_blocks = [block for block in ours.blocks if block.kind not in ("heading", "code")]
    holder = next(
        (index for index, block in enumerate(their_blocks) if block.line <= line <= block.end_line),
        None,
    )
    if holder is None or not our_blocks:
        guess = our_blocks[0].line if our_blocks else _first_body_line(our_document, ours)
    else:
        block = our_blocks[min(holder, len(our_blocks) - 1)]
        guess = min(block.line + line - their_blocks[holder].line, block.end_line)
    if before and guess < before[-1]:
        guess = before[-1]
    if after and guess > after[0]:
        guess = after[0]
    return guess


def _take(
    links: list[Link],
    surplus: Counter,
    key: Callable[[Link], str],
    place: Callable[[int], int],
    others: list[Link],
    other_key: Callable[[Link], str],
    other_place: Callable[[int], int],
    in_order: set[int],
) -> list[Link]:
    """The surplus links: of several with one target, those the other side's order does not keep,
    then those farthest from the other side's."""
    taken = []
    for wanted, count in surplus.items():
        candidates = [link for link in links if key(link) == wanted]
        counterparts = [other_place(other.line) for other in others if other_key(other) == wanted]

        def distance(link: Link) -> int:
            here = place(link.line)
            return min((abs(here - there) for there in counterparts), default=0)  # noqa: B023

        taken += sorted(
            candidates, key=lambda link: (id(link) in in_order, -distance(link), link.line)
        )[:count]
    return sorted(taken, key=lambda link: link.line)
