"""outdated: the source changed in substance since the revision a translation was made from.

The base of a translation is the source commit recorded in its front matter (the keys in
`commit-keys`, then `source-commit-key`, which `glossqa stamp` writes; abbreviated hashes and
trailing YAML comments are fine), else the source revision the translation matches best in the
git history (see the README, "Outdated translations"). The source at the base is compared with
the source now, section by section; each source section that changed in substance gets one
diagnostic at the translation's corresponding section (or where a new section belongs), saying
what changed and in which source commits (short hash, date, subject). The JSON output carries
the commits and a compact diff of the section under `detail`.

Not substance: emphasis or list-marker style, whitespace and reflow, a link rewritten to an
equivalent target, shortcode delimiters (`{{< >}}` vs `{{% %}}`), front-matter keys that carry no
text. A source section changed only by commits whose message holds one of `skip-markers` is
left alone. A recorded commit that is not in the history is reported once, at its line; without
git history (no repository, or a shallow clone that lacks the commit) only recorded commits that
can be resolved are used, and `content-drift` still runs.

Fails (`sv/a.md` records `default_lang_commit: 1a2b3c4`; since then the English `## Install`
gained a list item `- Run kubectl apply`):

    ## Installera
    - Ladda ner

Passes (the translation followed, and was stamped with the new commit):

    ## Installera
    - Ladda ner
    - Kör kubectl apply
"""

from __future__ import annotations

from collections.abc import Iterator

from .. import history
from ..align import align_sections
from ..history import Base, Commit, History
from ..model import AlignedGroup, Alignment, Document, Problem, Section
from ..parse import HTML_TAG
from ..revisions import Change, changes, compact_diff, match_sections

ID = "outdated"
SEVERITY = "warning"
OPTIONS = {
    "commit-keys": ["default_lang_commit", "l10n.sourceCommit"],
    "source-commit-key": "source-commit",
    "skip-markers": ["[glossqa skip]"],
}
MAX_ATTRIBUTED = 12  # source commits followed one by one to tell which changed which section
ATTRIBUTED_ALWAYS = 3  # up to this many commits, each section names only the ones that changed it
COMMITS_IN_MESSAGE = 2
TEXT_KEYS = ("title", "linkTitle", "description")


def commit_keys(options: dict) -> list[str]:
    return [*options["commit-keys"], options["source-commit-key"]]


def check(group: AlignedGroup, options: dict) -> Iterator[Problem]:
    reference = group.reference
    if reference is None or group.reference_reason == "consensus" or reference.errors:
        return
    for alignment in group.alignments:
        repository = history.HISTORIES.for_file(reference.source.path)
        base = history.find_base(repository, alignment.translation, reference, commit_keys(options))
        if (
            repository is not None
            and base.problem
            and history.recorded_commit(alignment.translation, commit_keys(options))
        ):
            yield Problem(alignment.translation.path, base.line, base.problem)
        if base.commit is None or repository is None:
            continue
        yield from _outdated_sections(repository, base, alignment, options)


def outdated_changes(
    repository: History, base: Base, reference: Document, skip_markers: list[str]
) -> tuple[Document | None, list[tuple[Change, list[Commit]]]] | None:
    """The source at the base, and each substantive change since with the commits that made it;
    None when the source file did not exist at the base."""
    assert base.commit is not None
    source_path = repository.relative(reference.source.path)
    if source_path is None:
        return None
    old = repository.document_at(base.commit, source_path, reference.source)
    if old is None:
        return None
    found = changes(old, reference)
    if not found:
        return old, []
    commits = list(reversed(repository.commits_since(base.commit, source_path)))  # oldest first
    if len(commits) <= ATTRIBUTED_ALWAYS or any(_skipped(c, skip_markers) for c in commits):
        attributed = _attribute(repository, source_path, old, reference, commits, found)
    else:  # following each commit costs a parse per commit: only where it is cheap or decides
        attributed = [list(commits) for _ in found]
    kept = []
    for change, by in zip(found, attributed):
        if by and all(_skipped(commit, skip_markers) for commit in by):
            continue
        kept.append((change, by))
    return old, kept


def _outdated_sections(
    repository: History, base: Base, alignment: Alignment, options: dict
) -> Iterator[Problem]:
    reference, translation = alignment.reference, alignment.translation
    assert base.commit is not None
    result = outdated_changes(repository, base, reference, options["skip-markers"])
    if result is None:
        yield Problem(
            translation.path,
            base.line,
            f"the source {reference.path} did not exist at the translation's base "
            f"{base.commit.short} ({base.commit.date}); compare it by hand",
            related=reference.location(1),
        )
        return
    old, found = result
    assert old is not None
    at_base = {
        id(pair.reference): pair.translation
        for pair in align_sections(old.sections, translation.sections)
        if pair.reference is not None
    }
    now = {id(pair.reference): pair.translation for pair in alignment.pairs if pair.reference}
    since = f"since the translation's base {base.commit.short} ({base.commit.date}, {base.how})"
    for change, commits in found:
        line = _translation_line(change, at_base, now, alignment)
        name = _name(change.new or change.old)
        told = ", ".join(
            f'{c.short} {c.date} "{c.subject}"' for c in reversed(commits[-COMMITS_IN_MESSAGE:])
        )
        if len(commits) > COMMITS_IN_MESSAGE:
            told += f" and {len(commits) - COMMITS_IN_MESSAGE} more"
        message = f"source section {name} changed {since}: {', '.join(change.kinds)}" + (
            f"; in {told}" if told else "; not committed yet"
        )
        source_line = (change.new or change.old).line  # type: ignore[union-attr]
        yield Problem(
            translation.path,
            line,
            message,
            related=(reference if change.new else old).location(source_line),
            detail={
                "base": {**base.commit.as_dict(), "how": base.how},
                "changes": list(change.kinds),
                "commits": [commit.as_dict() for commit in reversed(commits)],
                "diff": compact_diff(old, change.old, reference, change.new),
            },
        )
    yield from _front_matter(old, reference, translation, base, since)


def front_matter_changes(old: Document, new: Document) -> list[str]:
    """The front-matter keys that carry text (title, linkTitle, description) whose words changed."""
    before = old.front_matter.entries if old.front_matter else {}
    after = new.front_matter.entries if new.front_matter else {}
    return [
        key
        for key in TEXT_KEYS
        if key in after
        and (key not in before or _words(before[key].value) != _words(after[key].value))
    ]


def _words(value: object) -> str:
    return " ".join(HTML_TAG.sub(" ", str(value)).split())


def _front_matter(
    old: Document, reference: Document, translation: Document, base: Base, since: str
) -> Iterator[Problem]:
    before = old.front_matter.entries if old.front_matter else {}
    after = reference.front_matter.entries if reference.front_matter else {}
    ours = translation.front_matter.entries if translation.front_matter else {}
    for key in front_matter_changes(old, reference):
        was, now = before.get(key), after[key]
        line = (
            ours[key].line
            if key in ours
            else (translation.front_matter.line if translation.front_matter else 1)
        )
        yield Problem(
            translation.path,
            line,
            f"source front-matter {key!r} {'changed' if was else 'added'} {since}",
            related=reference.location(now.line),
            detail={
                "base": base.commit.as_dict() if base.commit else None,
                "changes": [f"{key} changed"],
                "diff": f"- {was.value if was else ''}\n+ {now.value}",
            },
        )


def _translation_line(change: Change, at_base: dict, now: dict, alignment: Alignment) -> int:
    partner: Section | None = None
    if change.old is not None:
        partner = at_base.get(id(change.old))
    if partner is None and change.new is not None:
        partner = now.get(id(change.new))
    if partner is not None:
        return partner.line
    pairs = alignment.pairs
    index = next(
        (
            i
            for i, pair in enumerate(pairs)
            if change.new is not None and pair.reference is change.new
        ),
        None,
    )
    if index is not None:
        for pair in pairs[index + 1 :]:
            if pair.translation is not None and not pair.moved:
                return pair.translation.line
        for pair in reversed(pairs[:index]):
            if pair.translation is not None:
                return pair.translation.end_line
    return 1


def _name(section: Section | None) -> str:
    if section is None or section.heading is None:
        return "(the text before the first heading)"
    return f"'{'#' * section.level} {section.heading.text}'"


def _skipped(commit: Commit, markers: list[str]) -> bool:
    return any(marker in commit.message for marker in markers)


def _attribute(
    repository: History,
    source_path: str,
    old: Document,
    now: Document,
    commits: list[Commit],
    found: list[Change],
) -> list[list[Commit]]:
    """For each change, the commits (oldest first) that changed that section."""
    if len(commits) <= 1 or len(commits) > MAX_ATTRIBUTED:
        return [list(commits) for _ in found]
    revisions: list[Document] = [old]
    for commit in commits:
        revisions.append(repository.document_at(commit, source_path, now.source) or revisions[-1])
    revisions.append(now)
    # the base's and now's section each revision's section stands for
    to_base: list[dict[int, Section]] = [{id(s): s for s in old.sections}]
    for before, after in zip(revisions, revisions[1:]):
        mapping = to_base[-1]
        step = {
            id(new): mapping[id(previous)]
            for previous, new in match_sections(before.sections, after.sections)
            if previous is not None and new is not None and id(previous) in mapping
        }
        to_base.append(step)
    to_now: list[dict[int, Section]] = [{} for _ in revisions]
    to_now[-1] = {id(s): s for s in now.sections}
    for index in range(len(revisions) - 2, -1, -1):
        later = to_now[index + 1]
        to_now[index] = {
            id(previous): later[id(new)]
            for previous, new in match_sections(
                revisions[index].sections, revisions[index + 1].sections
            )
            if previous is not None and new is not None and id(new) in later
        }
    touched_now: list[set[int]] = []
    touched_base: list[set[int]] = []
    for index in range(len(revisions) - 1):
        step_changes = changes(revisions[index], revisions[index + 1])
        touched_now.append(
            {
                id(to_now[index + 1][id(c.new)])
                for c in step_changes
                if c.new and id(c.new) in to_now[index + 1]
            }
        )
        touched_base.append(
            {
                id(to_base[index][id(c.old)])
                for c in step_changes
                if c.old and id(c.old) in to_base[index]
            }
        )
    attributed = []
    for change in found:
        by = []
        for index, commit in enumerate(commits):  # the step after the last commit is uncommitted
            hit = (change.new is not None and id(change.new) in touched_now[index]) or (
                change.old is not None and id(change.old) in touched_base[index]
            )
            if hit:
                by.append(commit)
        attributed.append(by or list(commits))
    return attributed
