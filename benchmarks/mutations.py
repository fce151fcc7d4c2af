"""Mutation benchmark for section alignment: inject structural defects and see what glossqa reports.

Copies corpus/ and a seeded sample of each real corpus given as an argument (`--groups` groups, each
with its source and up to `--siblings` translations; half of them groups whose source has two or more
headings, so that section defects have somewhere to land), runs glossqa on the copy, then, per defect
kind and round, injects one defect into one translation of every group (never into the reference),
runs glossqa again and compares the two runs. Per kind it prints the share of defects found at the
right line (a new diagnostic in the mutated file within 3 lines of where the fix goes), the new
structural diagnostics per defect, and the new diagnostics in groups that were not touched.

Rewrites a translation platform makes without changing meaning (headings and links re-emitted as
HTML) are injected the same way and must bring no new diagnostic at all.

Defects that only the shape of the prose can locate (a dropped heading between two sections with no
link and no code, two such sections swapped) are injected where the sections are prose only.

A section left out keeps the page's link reference definitions that sat in it (`[label]: url`, often
the last section's lines): they serve every section, and losing them is a defect of its own. A
dropped front-matter key is found anywhere in the front matter, since YAML keys have no order.
`--show-misses` prints each miss and each surplus diagnostic with the edit that caused it.

    python benchmarks/mutations.py [../shared/corpora/privacyguides ...] [--rounds 1] [--groups 40]
"""

from __future__ import annotations

import argparse
import difflib
import os
import random
import re
import shutil
import sys
import tempfile
import textwrap
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPOSITORY))

from qa.config import defaults, find_config, load_config  # noqa: E402
from qa.discover import discover  # noqa: E402
from qa.group import group_files  # noqa: E402
from qa.pipeline import check_paths  # noqa: E402
from qa.rules import RULES  # noqa: E402

STRUCTURAL = {"heading-structure", "link-targets", "front-matter", "parse-error"}
NEAR = 3
ATX = re.compile(r"^(#{2,6})\s+(\S.*)$")
HTML_HEADING = re.compile(r"^ {0,3}<h([2-6])\b", re.I)  # deeper: code, or inside JSX
INLINE_LINK = re.compile(r"(?<!!)\[([^\[\]]+)\]\(([^()\s]+)\)")
AUTOLINK = re.compile(r"<((https?://[^<>\s]+))>")  # two groups, like INLINE_LINK: text and target
FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})(.*)$")
KEY_LINE = re.compile(r"^([A-Za-z_][\w-]*):\s*\S")
REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]^][^\]]*\]:")
TRANSLATED_KEYS = {"title", "description"}
TRANSLATED_KEY_NAMES = {
    "title": "titel",
    "description": "beskrivning",
    "keywords": "nyckelord",
    "icon": "ikon",
    "cover": "omslag",
    "meta_title": "meta_titel",
}


@dataclass
class Injected:
    path: str  # relative to the corpus root
    line: int  # where the fix goes, in the mutated file
    line_map: Callable[[int], int | None]  # old line -> new line of the mutated file
    also: tuple[int, ...] = ()  # other lines where the fix may equally go (either of two swapped)
    diff: str = ""  # the edit, shown with a miss


@dataclass
class Mutation:
    lines: list[str]
    line: int
    also: tuple[int, ...] = ()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="*", type=Path)
    parser.add_argument(
        "--rounds", type=int, default=1, help="rounds over each real corpus (one defect per group)"
    )
    parser.add_argument(
        "--corpus-rounds", type=int, default=10, help="rounds over corpus/ (it is one group)"
    )
    parser.add_argument(
        "--groups", type=int, default=40, help="groups sampled from each real corpus (0: all)"
    )
    parser.add_argument(
        "--siblings", type=int, default=4, help="translations kept per sampled group (0: all)"
    )
    parser.add_argument("--kinds", help="comma-separated defect kinds to inject (default: all)")
    parser.add_argument(
        "--show-misses", action="store_true", help="print each miss and each surplus diagnostic"
    )
    arguments = parser.parse_args()
    rows: dict[tuple[str, str], list[int]] = defaultdict(
        lambda: [0, 0, 0, 0]
    )  # defects, found, new, new elsewhere
    kinds = (
        [kind.strip() for kind in arguments.kinds.split(",")]
        if arguments.kinds
        else [*DEFECTS, *NEUTRAL]
    )
    unknown = set(kinds) - set(DEFECTS) - set(NEUTRAL)
    if unknown:
        parser.error(f"unknown kinds {sorted(unknown)}; known: {', '.join([*DEFECTS, *NEUTRAL])}")
    sources = [("corpus", REPOSITORY / "corpus", arguments.corpus_rounds, False)]
    sources += [(path.name, path.resolve(), arguments.rounds, True) for path in arguments.corpora]
    with tempfile.TemporaryDirectory() as scratch:
        for name, source, rounds, sampled in sources:
            clean = Path(scratch, name, "clean")
            if sampled:
                _copy_sample(source, clean, arguments.groups, arguments.siblings, name)
            else:
                shutil.copytree(source, clean, ignore=shutil.ignore_patterns(".git"))
            config = _config(source)
            baseline = _run(clean, config)
            groups = _groups(clean)
            for round_number in range(rounds):
                for kind in kinds:
                    rng = random.Random(f"{name}-{kind}-{round_number}")
                    work = Path(scratch, name, "work")
                    shutil.rmtree(work, ignore_errors=True)
                    shutil.copytree(clean, work)
                    injected = _inject(kind, work, groups, baseline, rng)
                    after = _run(work, config)
                    row = rows[(name, kind)]
                    _score(kind, injected, groups, baseline, after, row, arguments.show_misses)
    _print(rows)


def _copy_sample(source: Path, target: Path, groups: int, siblings: int, seed: str) -> None:
    """A seeded sample of the corpus's translation groups, copied with their relative paths."""
    rng = random.Random(f"sample-{seed}")
    found = [
        (reference, translations)
        for reference, translations in _groups(source)
        if reference and translations
    ]
    structured = [group for group in found if _structured(source / group[0])]
    others = [group for group in found if not _structured(source / group[0])]
    rng.shuffle(structured)
    rng.shuffle(others)
    if groups:
        half = min(len(structured), (groups + 1) // 2)
        chosen = structured[:half] + others[: groups - half]
        chosen += structured[half : half + groups - len(chosen)]
    else:
        chosen = found
    for reference, translations in chosen:
        kept = sorted(translations)
        if siblings:
            kept = sorted(rng.sample(kept, min(siblings, len(kept))))
        for relative in (reference, *kept):
            (target / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source / relative, target / relative)


def _structured(path: Path) -> bool:
    return len(_headings(path.read_text(encoding="utf-8", errors="replace").split("\n"))) >= 2


def _config(source: Path):
    """The configuration that governs the corpus where it lives (corpus/ has the project's rules.yaml)."""
    found = find_config(source)
    return load_config(found, RULES) if found else defaults(RULES)


def _run(root: Path, config) -> dict[str, list[tuple[int, str, str]]]:
    """Every diagnostic, by file relative to root: (line, rule, message)."""
    here = os.getcwd()
    os.chdir(root)
    try:
        result = check_paths([Path(".")], config)
    finally:
        os.chdir(here)
    found: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    for diagnostic in result.diagnostics:
        found[diagnostic.path].append((diagnostic.line, diagnostic.rule, diagnostic.message))
    return found


def _groups(root: Path) -> list[tuple[str | None, list[str]]]:
    """Each group's reference (English, else the first) and its translations, as paths relative to root."""
    here = os.getcwd()
    os.chdir(root)
    try:
        groups, _ = group_files(discover([Path(".")]))
    finally:
        os.chdir(here)
    ordered = []
    for group in groups:
        paths = [source.display_path for language, source in group.files.items()]
        english = [
            source.display_path for language, source in group.files.items() if language == "en"
        ]
        reference = english[0] if english else None
        ordered.append((reference, [path for path in paths if path != reference]))
    return ordered


def _inject(kind: str, root: Path, groups, baseline, rng: random.Random) -> list[Injected]:
    mutate = {**DEFECTS, **NEUTRAL}[kind]
    injected = []
    for reference, translations in groups:
        candidates = translations[:]
        rng.shuffle(candidates)
        for relative in candidates[:8]:
            path = root / relative
            old = path.read_text(encoding="utf-8").split("\n")
            mutation = mutate(old, rng, root, relative, reference and root / reference)
            if mutation is None:
                continue
            path.write_text("\n".join(mutation.lines), encoding="utf-8")
            diff = "".join(
                list(difflib.unified_diff(old, mutation.lines, lineterm="\n", n=1))[2:14]
            )
            injected.append(
                Injected(
                    relative, mutation.line, _line_map(old, mutation.lines), mutation.also, diff
                )
            )
            break
    return injected


def _line_map(old: list[str], new: list[str]) -> Callable[[int], int | None]:
    mapping: dict[int, int] = {}
    for tag, old_start, old_end, new_start, _new_end in difflib.SequenceMatcher(
        None, old, new, autojunk=False
    ).get_opcodes():
        if tag == "equal":
            for offset in range(old_end - old_start):
                mapping[old_start + offset + 1] = new_start + offset + 1
    return mapping.get


def _score(kind, injected, groups, baseline, after, row, show_misses) -> None:
    touched_paths = {item.path for item in injected}
    touched_groups = [
        members
        for reference, translations in groups
        for members in [[p for p in [reference, *translations] if p]]
        if touched_paths & set(members)
    ]
    touched_files = {path for members in touched_groups for path in members}
    for item in injected:
        new = _new_in_mutated_file(
            baseline.get(item.path, []), after.get(item.path, []), item.line_map
        )
        members = next(members for members in touched_groups if item.path in members)
        for sibling in members:
            if sibling != item.path:
                new += list(
                    (
                        Counter(after.get(sibling, [])) - Counter(baseline.get(sibling, []))
                    ).elements()
                )
        structural = [d for d in new if d[1] in STRUCTURAL]
        found = any(
            abs(line - wanted) <= NEAR
            for line, rule, _ in structural
            for wanted in (item.line, *item.also)
        )
        row[0] += 1
        row[1] += found
        row[2] += len(structural) if kind in DEFECTS else len(new)
        if show_misses and (
            (kind in DEFECTS and (not found or len(structural) > 1)) or (kind in NEUTRAL and new)
        ):
            print(f"# {kind}: {item.path}:{item.line}: {structural or new}", file=sys.stderr)
            print(textwrap.indent(item.diff, "    "), file=sys.stderr)
    for path in set(after) | set(baseline):
        if path not in touched_files:
            row[3] += sum((Counter(after.get(path, [])) - Counter(baseline.get(path, []))).values())


def _new_in_mutated_file(before, after, line_map) -> list[tuple[int, str, str]]:
    """Diagnostics after the mutation that were not there before.

    One on an edited line may have moved with it, and one at the same place may have new numbers
    in its wording (a count or a line changed): neither is a new report. A different message at the
    same place is.
    """
    kept = Counter((line_map(line), rule, message) for line, rule, message in before)
    unplaced = Counter((rule, message) for line, rule, message in before if line_map(line) is None)
    reworded = Counter(
        (line_map(line), rule, _numbers_out(message)) for line, rule, message in before
    )
    new = []
    for diagnostic in after:
        line, rule, message = diagnostic
        if kept[diagnostic] > 0:
            kept[diagnostic] -= 1
            reworded[(line, rule, _numbers_out(message))] -= 1
        elif unplaced[(rule, message)] > 0:
            unplaced[(rule, message)] -= 1
        elif reworded[(line, rule, _numbers_out(message))] > 0:
            reworded[(line, rule, _numbers_out(message))] -= 1
        else:
            new.append(diagnostic)
    return new


def _numbers_out(message: str) -> str:
    return re.sub(r"\d+", "#", message)


def _body_start(lines: list[str]) -> int:
    """The index of the first body line, after YAML front matter."""
    if lines and lines[0].strip() == "---":
        for index in range(1, len(lines)):
            if lines[index].strip() == "---":
                return index + 1
    return 0


def _outside_code(lines: list[str]) -> list[int]:
    """Indices of body lines that are not inside a fenced code block."""
    kept, fence = [], None
    for index in range(_body_start(lines), len(lines)):
        match = FENCE.match(lines[index])
        if fence:
            if (
                match
                and match[2][0] == fence[0]
                and len(match[2]) >= len(fence)
                and not match[3].strip()
            ):
                fence = None
            continue
        if match:
            fence = match[2]
            continue
        kept.append(index)
    return kept


def _markdown_lines(lines: list[str]) -> list[int]:
    """Body lines outside code and outside raw HTML blocks (which Markdown does not render inside)."""
    kept, in_html = [], False
    for index in _outside_code(lines):
        line = lines[index]
        if not line.strip():
            in_html = False
        elif not in_html and re.match(r"\s*</?[A-Za-z!]", line) and "markdown" not in line:
            in_html = True
        if not in_html:
            kept.append(index)
    return kept


def _headings(lines: list[str]) -> list[tuple[int, int]]:
    """(index, level) of headings of level 2 or more outside code, ATX or HTML (`<h2>`)."""
    found = []
    for index in _outside_code(lines):
        atx, html = ATX.match(lines[index]), HTML_HEADING.match(lines[index])
        if atx:
            found.append((index, len(atx[1])))
        elif html:
            found.append((index, int(html[1])))
    return found


def _section_end(lines: list[str], headings: list[tuple[int, int]], position: int) -> int:
    """The index just past the section at headings[position], its subsections included."""
    index, level = headings[position]
    for later, later_level in headings[position + 1 :]:
        if later_level <= level:
            return later
    return len(lines) if lines[-1] else len(lines) - 1


def _leaf_sections(lines: list[str]) -> list[tuple[int, int, int]]:
    """(start, end, level) of sections with no subsection."""
    headings = _headings(lines)
    leaves = []
    for position, (index, level) in enumerate(headings):
        end = _section_end(lines, headings, position)
        if position + 1 == len(headings) or headings[position + 1][0] >= end:
            leaves.append((index, end, level))
    return leaves


def _with_blank_end(section: list[str]) -> list[str]:
    """A section moved from the end of a file gets the blank line that separates it from the next."""
    return section if not section[-1].strip() else section + [""]


def _definitions(lines: list[str], start: int, end: int) -> list[str]:
    """The link reference definitions outside code from start to end (`[label]: target`, the target
    perhaps on the next line): they serve the whole page wherever they sit, usually at its end."""
    kept = []
    for index in _outside_code(lines):
        if start <= index < end and REFERENCE_DEFINITION.match(lines[index]):
            kept.append(lines[index])
            if not lines[index].split("]:", 1)[1].strip() and index + 1 < end:
                kept.append(lines[index + 1])
    return kept


def missing_section(lines, rng, root, relative, reference=None):
    """A section left out, its subsections with it; not the page's link definitions that sit in it
    (dropping those would break links of every other section: another defect)."""
    headings = _headings(lines)
    if len(headings) < 2:
        return None
    position = rng.randrange(len(headings))
    start, end = headings[position][0], _section_end(lines, headings, position)
    definitions = _definitions(lines, start, end)
    if definitions:
        definitions = ["", *definitions] if lines[start - 1].strip() else definitions
        definitions += [""] if end < len(lines) and lines[end].strip() else []
    # the section goes back before those definitions or after them, equally right
    return Mutation(
        lines[:start] + definitions + lines[end:], start + 1, (start + len(definitions),)
    )


def extra_section(lines, rng, root, relative, reference=None):
    """A copy of one of the file's sections, inserted before a distant heading of the same level."""
    leaves = _leaf_sections(lines)
    headings = _headings(lines)
    rng.shuffle(leaves)
    for start, end, level in leaves:
        targets = [
            index
            for index, other in headings
            if other == level and not start - 1 <= index <= end + 1
        ]
        if targets:
            at = rng.choice(targets)
            section = _with_blank_end(lines[start:end])
            return Mutation(lines[:at] + section + lines[at:], at + 1)
    return None


def moved_section(lines, rng, root, relative, reference=None):
    leaves = _leaf_sections(lines)
    headings = _headings(lines)
    rng.shuffle(leaves)
    for start, end, level in leaves:
        siblings = [index for index, other in headings if other == level]
        if start not in siblings:
            continue
        here = siblings.index(start)
        # past at least two sections, so that which one moved is not a matter of opinion
        targets = [
            index
            for position, index in enumerate(siblings)
            if position <= here - 2 or position >= here + 3
        ]
        if targets:
            at = rng.choice(targets)
            section = _with_blank_end(lines[start:end])
            rest = lines[:start] + lines[end:]
            at_after = at if at < start else at - (end - start)
            return Mutation(rest[:at_after] + section + rest[at_after:], at_after + 1)
    return None


LEAD_HEADING = "## Vad det är"
LINK_OR_CODE = re.compile(r"\]\(|\]\[|\]:|href=|https?://|^\s*(`{3,}|~{3,})|^ {4}\S|\{\{", re.M)


def _prose_only(lines: list[str]) -> bool:
    """Text that has prose and nothing else alignment could go by: no link, no code, no shortcode."""
    text = "\n".join(lines)
    return bool(text.strip()) and not LINK_OR_CODE.search(text)


def _direct_parts(lines: list[str]) -> list[tuple[int, int]]:
    """(start, end) of each part of the body between headings: the lead first, then one per heading
    (its heading line included), up to the next heading of any level."""
    starts = [index for index, _level in _headings(lines)]
    body = _body_start(lines)
    bounds = [body, *starts, len(lines)]
    return [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1)]


def lead_heading(lines, rng, root, relative, reference=None):
    """A heading put over what the source keeps as its untitled lead (under the title, if any)."""
    first_heading = next((index for index, _level in _headings(lines)), len(lines))
    body = [index for index in _markdown_lines(lines) if index < first_heading]
    prose = [
        index
        for index in body
        if lines[index].strip()
        and not lines[index].startswith(("# ", "import ", "export ", "<!--"))
        and not re.match(r"^\s*(\{|\)|\}|<[A-Za-z/])", lines[index])  # shortcode, tag, JSX
    ]
    if not prose or any(lines[index].startswith("# ") for index in body if index > prose[0]):
        return None
    at = prose[0]
    return Mutation(lines[:at] + [LEAD_HEADING, ""] + lines[at:], at + 1)


def _drop_heading(lines, rng, prose_only):
    """A heading removed, its text left to merge with the part before it."""
    parts = _direct_parts(lines)
    candidates = []
    for (before_start, before_end), (start, end) in zip(parts, parts[1:]):
        if not ATX.match(lines[start]):
            continue
        before = [line for line in lines[before_start:before_end] if not ATX.match(line)]
        own = lines[start + 1 : end]
        if not any(line.strip() for line in own) or not any(
            line.strip() and not line.startswith("# ") for line in before
        ):
            continue
        if prose_only and not (_prose_only(before) and _prose_only(own)):
            continue
        candidates.append(start)
    if not candidates:
        return None
    start = rng.choice(candidates)
    after = start + 1
    while after < len(lines) and not lines[after].strip():
        after += 1
    return Mutation(lines[:start] + lines[after:], start + 1)


def heading_dropped(lines, rng, root, relative, reference=None):
    return _drop_heading(lines, rng, prose_only=False)


def prose_heading_dropped(lines, rng, root, relative, reference=None):
    return _drop_heading(lines, rng, prose_only=True)


def prose_sections_swapped(lines, rng, root, relative, reference=None):
    """Two neighbouring sections of one level, with no subsection, link or code, in swapped order."""
    leaves = _leaf_sections(lines)
    pairs = [
        (first, second)
        for first, second in zip(leaves, leaves[1:])
        if first[1] == second[0]
        and first[2] == second[2]
        and ATX.match(lines[first[0]])
        and ATX.match(lines[second[0]])
        and _prose_only(lines[first[0] + 1 : first[1]])
        and _prose_only(lines[second[0] + 1 : second[1]])
    ]
    if not pairs:
        return None
    (start, middle, _level), (_start, end, _) = rng.choice(pairs)
    first, second = lines[start:middle], _with_blank_end(lines[middle:end])
    return Mutation(
        lines[:start] + second + first + lines[end:], start + 1, (start + len(second) + 1,)
    )


def heading_level(lines, rng, root, relative, reference=None):
    leaves = [leaf for leaf in _leaf_sections(lines) if ATX.match(lines[leaf[0]])]
    if not leaves:
        return None
    start, _end, level = rng.choice(leaves)
    new_level = level + 1 if level < 6 else level - 1
    changed = lines[:]
    changed[start] = "#" * new_level + lines[start][level:]
    return Mutation(changed, start + 1)


def _link_lines(lines: list[str]) -> list[tuple[int, re.Match]]:
    """Inline links and autolinks (`<https://...>`, tldr's "More information" line)."""
    return [
        (index, match)
        for index in _markdown_lines(lines)
        for pattern in (INLINE_LINK, AUTOLINK)
        for match in pattern.finditer(lines[index])
        if not lines[index].lstrip().startswith(("[", "*[", "<!--"))
    ]


def link_changed(lines, rng, root, relative, reference=None):
    found = _link_lines(lines)
    if not found:
        return None
    index, match = rng.choice(found)
    changed = lines[:]
    target = match[2].split("#")[0].rstrip("/") + "-elsewhere"
    changed[index] = lines[index][: match.start(2)] + target + lines[index][match.end(2) :]
    return Mutation(changed, index + 1)


def link_missing(lines, rng, root, relative, reference=None):
    found = _link_lines(lines)
    if not found:
        return None
    index, match = rng.choice(found)
    changed = lines[:]
    changed[index] = lines[index][: match.start()] + match[1] + lines[index][match.end() :]
    return Mutation(changed, index + 1)


def link_extra(lines, rng, root, relative, reference=None):
    prose = [
        index
        for index in _markdown_lines(lines)
        if len(lines[index].split()) >= 6
        and not lines[index].lstrip().startswith(("#", "<", "|", "!", "["))
    ]
    if not prose:
        return None
    index = rng.choice(prose)
    changed = lines[:]
    changed[index] = lines[index].rstrip() + " [→](https://example.org/added-by-translator)"
    return Mutation(changed, index + 1)


def _front_matter_keys(lines: list[str]) -> list[int]:
    end = _body_start(lines)
    return [
        index
        for index in range(1, end - 1)
        if KEY_LINE.match(lines[index]) and not lines[index + 1].startswith((" ", "\t", "-"))
    ]


def _source_keys(lines: list[str], reference: Path | None) -> list[int]:
    """Front-matter keys of the translation that its source has too: a key only translations carry
    (`default_lang_commit`) is theirs to keep or drop."""
    if reference is None:
        return _front_matter_keys(lines)
    source = reference.read_text(encoding="utf-8").split("\n")
    names = {_key(source[index]) for index in _front_matter_keys(source)}
    return [index for index in _front_matter_keys(lines) if _key(lines[index]) in names]


def _key(line: str) -> str:
    match = KEY_LINE.match(line)
    return match[1] if match else ""


def key_missing(lines, rng, root, relative, reference=None):
    keys = _source_keys(lines, reference)
    if not keys:
        return None
    index = rng.choice(keys)
    changed = lines[:index] + lines[index + 1 :]
    # key order means nothing to YAML: the key may go back anywhere in the block, where the rule
    # says to insert it (before the next key the source has after it) as well as where it was
    return Mutation(changed, 1, tuple(range(2, _body_start(changed) + 1)))


def key_renamed(lines, rng, root, relative, reference=None):
    keys = _source_keys(lines, reference)
    if not keys:
        return None
    index = rng.choice(keys)
    key = KEY_LINE.match(lines[index])[1]
    changed = lines[:]
    changed[index] = (
        TRANSLATED_KEY_NAMES.get(key, key + "_" + relative.split("/")[0]) + lines[index][len(key) :]
    )
    return Mutation(changed, index + 1)


def key_value_changed(lines, rng, root, relative, reference=None):
    """A value every sibling shares (a configured identical key, or one the same everywhere), changed.

    Not a key that is translated (title, description): those may differ."""
    keys = [
        index
        for index in _front_matter_keys(lines)
        if KEY_LINE.match(lines[index])[1] not in TRANSLATED_KEYS
    ]
    rng.shuffle(keys)
    for index in keys:
        siblings = [
            path for path in root.glob(f"*/{relative.split('/', 1)[1]}") if path != root / relative
        ]
        if len(siblings) >= 3 and all(
            lines[index] in path.read_text(encoding="utf-8").split("\n") for path in siblings
        ):
            changed = lines[:]
            changed[index] = lines[index].rstrip() + "-translated"
            return Mutation(changed, index + 1)
    return None


def unclosed_fence(lines, rng, root, relative, reference=None):
    """One backtick lost from a code fence's opening or closing line."""
    fences, opener = [], None
    for index in range(_body_start(lines), len(lines)):
        match = FENCE.match(lines[index])
        if not match:
            continue
        if opener is None:
            opener = index
        elif match[2][0] == lines[opener].strip()[0] and not match[3].strip():
            fences.append((opener, index))
            opener = None
    if not fences:
        return None
    opening, closing = rng.choice(fences)
    broken = rng.choice((opening, closing))
    changed = lines[:]
    changed[broken] = lines[broken].replace(FENCE.match(lines[broken])[2][0], "", 1)
    return Mutation(changed, broken + 1)


def front_matter_delimiters(lines, rng, root, relative, reference=None):
    end = _body_start(lines)
    if not end:
        return None
    changed = lines[:]
    changed[0] = changed[end - 1] = "- - -"
    return Mutation(changed, 1)


def html_heading(lines, rng, root, relative, reference=None):
    headings = [heading for heading in _headings(lines) if ATX.match(lines[heading[0]])]
    if not headings:
        return None
    index, level = rng.choice(headings)
    text = ATX.match(lines[index])[2]
    if "{" in text:
        return None
    html = ["", f'<h{level} spaces-before="0">', f"  {text}", f"</h{level}>", ""]
    return Mutation(lines[:index] + html + lines[index + 1 :], index + 2)


def html_link(lines, rng, root, relative, reference=None):
    found = [
        (index, match)
        for index, match in _link_lines(lines)
        if "`" not in match[1] and "*" not in match[1]
    ]
    if not found:
        return None
    index, match = rng.choice(found)
    changed = lines[:]
    changed[index] = (
        lines[index][: match.start()]
        + f'<a href="{match[2]}">{match[1]}</a>'
        + lines[index][match.end() :]
    )
    return Mutation(changed, index + 1)


DEFECTS = {
    "missing section": missing_section,
    "extra section": extra_section,
    "moved section": moved_section,
    "heading over the lead": lead_heading,
    "heading dropped": heading_dropped,
    "heading dropped (prose only)": prose_heading_dropped,
    "sections swapped (prose only)": prose_sections_swapped,
    "heading level": heading_level,
    "link retargeted": link_changed,
    "link dropped": link_missing,
    "link added": link_extra,
    "front-matter key dropped": key_missing,
    "front-matter key translated": key_renamed,
    "front-matter value changed": key_value_changed,
    "fence lost a backtick": unclosed_fence,
    "front matter as - - -": front_matter_delimiters,
}
NEUTRAL = {
    "heading re-emitted as <hN>": html_heading,
    "link re-emitted as <a href>": html_link,
}


def _print(rows) -> None:
    print(
        "| corpus | injected | count | found at the right line | diagnostics per defect | new elsewhere |"
    )
    print("|---|---|---|---|---|---|")
    for (name, kind), (count, found, new, elsewhere) in rows.items():
        if not count:
            print(f"| {name} | {kind} | 0 | - | - | {elsewhere} |")
        elif kind in NEUTRAL:
            print(
                f"| {name} | {kind} (no defect) | {count} | - | {new / count:.2f} | {elsewhere} |"
            )
        else:
            print(
                f"| {name} | {kind} | {count} | {100 * found / count:.1f}% | {new / count:.2f} | {elsewhere} |"
            )


if __name__ == "__main__":
    main()
