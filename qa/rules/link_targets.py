"""link-targets: each aligned section links to the same targets as the reference.

Covers inline and reference-style links, autolinks, images and HTML `href`/`src`. A locale prefix
(`/sv/page`) is removed before comparing, by the `locale-prefix` pattern: its `lang` group must be
a language tag. A link to another language's edition of a site in `localized-sites`
(`sv.wikipedia.org` where the reference has `en.wikipedia.org`) matches the reference's link. A changed or extra link is reported at its own line; a missing one at the line of
the translation's block that corresponds to the reference's. Links in a section that has no
counterpart, or that an unclosed code fence swallowed, are left to heading-structure.

Fails (reference has `[hard sell](/hard-sell)`):

    Se [hårt salg](/hard-selling).

Passes:

    Se [hårt salg](/sv/hard-sell).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from .. import langtags
from ..model import AlignedGroup, Link, Problem, Section, SectionPair
from ..options import Regex, bounded

ID = "link-targets"
SEVERITY = "error"
OPTIONS = {
    "locale-prefix": r"^(?:https?://[^/]+)?/(?P<lang>[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)(?=/|$)",
    "ignore": [],  # regular expressions for targets that may differ, e.g. "^https://crowdin"
    # sites with one edition per language (`sv.wikipedia.org`): a translation may link its own
    # language's article, so a page of another edition matches the reference's page
    "localized-sites": ["wikipedia.org", "wiktionary.org", "wikibooks.org"],
}
OPTION_TYPES = {"locale-prefix": Regex, "ignore": list[Regex]}
LANGUAGE_SUBDOMAIN = re.compile(
    r"^https?://(?P<lang>[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)(?:\.m)?\.(?P<site>[^/]+)", re.I
)


def check(group: AlignedGroup, options: dict) -> Iterator[Problem]:
    prefix = bounded(options["locale-prefix"])
    ignored = [bounded(pattern) for pattern in options["ignore"]]
    localized_sites = {site.lower() for site in options["localized-sites"]}

    def normal(link: Link) -> str:
        target = link.target.strip()
        match = prefix.search(target)
        if match and "lang" in prefix.groupindex and langtags.normalize(match["lang"]):
            target = target[: match.start("lang") - 1] + target[match.end("lang") :]
        return target.rstrip("/") or "/"

    def kept(link: Link) -> bool:
        return not any(pattern.search(link.target) for pattern in ignored)

    for alignment in group.alignments:
        fence = alignment.translation.unclosed_fence
        for index, pair in enumerate(alignment.pairs):
            if pair.reference is None or pair.translation is None:
                continue
            reference_section, translation_section = pair.reference, pair.translation
            if (
                fence
                and not alignment.reference.unclosed_fence
                and pair.translation.end_line >= fence.fence_line
            ):
                break
            theirs = [link for link in pair.reference.links if kept(link)]
            ours = [link for link in pair.translation.links if kept(link)]
            absorbed = Counter(
                normal(link)
                for section in _lost_headings_after(alignment.pairs, index)
                for link in section.links
                if kept(link)
            )
            missing = Counter(normal(link) for link in theirs) - Counter(
                normal(link) for link in ours
            )
            extra = (
                Counter(normal(link) for link in ours)
                - Counter(normal(link) for link in theirs)
                - absorbed
            )

            def place(link: Link, side: list[Link]) -> int:
                """Where a link sits, in the translation's lines."""
                return (
                    link.line
                    if side is ours  # noqa: B023 (called within this iteration)
                    else _counterpart_line(link.line, reference_section, translation_section)  # noqa: B023
                )

            missing_links, extra_links = _other_editions_removed(
                _take(theirs, missing, normal, place, ours),
                _take(ours, extra, normal, place, theirs),
                localized_sites,
            )
            path, reference = alignment.translation.path, alignment.reference
            for wanted, found in zip(missing_links, extra_links):
                yield Problem(
                    path,
                    found.line,
                    f"link target {found.target!r} differs from the reference's {wanted.target!r}",
                    related=reference.location(wanted.line),
                )
            for wanted in missing_links[len(extra_links) :]:
                yield Problem(
                    path,
                    _counterpart_line(wanted.line, pair.reference, pair.translation),
                    f"missing link to {wanted.target!r} in this section",
                    related=reference.location(wanted.line),
                )
            for found in extra_links[len(missing_links) :]:
                yield Problem(
                    path,
                    found.line,
                    f"extra link to {found.target!r}: the reference's section has no such link",
                    related=reference.location(pair.reference.line),
                )


def _edition(link: Link, localized_sites: set[str]) -> tuple[str, str] | None:
    """(site, language) of a link to one language's edition of a localized site."""
    match = LANGUAGE_SUBDOMAIN.match(link.target.strip())
    if match and match["site"].lower() in localized_sites and langtags.normalize(match["lang"]):
        return match["site"].lower(), match["lang"].lower()
    return None


def _other_editions_removed(
    missing: list[Link], extra: list[Link], localized_sites: set[str]
) -> tuple[list, list]:
    """A translation may link its own language's article instead of the reference's: such pairs match."""
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
    """The reference sections missing right after this pair: a translation that lost a heading has
    their links here, and heading-structure reports the loss."""
    lost = []
    for pair in pairs[index + 1 :]:
        if pair.translation is not None or pair.reference is None:
            break
        lost.append(pair.reference)
    return lost


def _counterpart_line(line: int, theirs: Section, ours: Section) -> int:
    """The translation's line for a reference line: the same line of the same block, counted in the section."""
    their_blocks = [block for block in theirs.blocks if block.kind != "heading"]
    our_blocks = [block for block in ours.blocks if block.kind != "heading"]
    holder = next(
        (index for index, block in enumerate(their_blocks) if block.line <= line <= block.end_line),
        None,
    )
    if holder is None or not our_blocks:
        return ours.line
    block = our_blocks[min(holder, len(our_blocks) - 1)]
    return min(block.line + line - their_blocks[holder].line, block.end_line)


def _take(links: list[Link], surplus: Counter, normal, place, others: list[Link]) -> list[Link]:
    """The surplus links; of several with one target, those farthest from the other side's."""
    taken = []
    for key, count in surplus.items():
        candidates = [link for link in links if normal(link) == key]
        counterparts = [place(other, others) for other in others if normal(other) == key]

        def distance(link: Link) -> int:
            here = place(link, links)
            return min((abs(here - there) for there in counterparts), default=0)  # noqa: B023

        taken += sorted(candidates, key=lambda link: (-distance(link), link.line))[:count]
    return sorted(taken, key=lambda link: link.line)
