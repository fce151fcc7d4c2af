"""History benchmark: git repositories with known histories, built on real translated pages.

For each real page pair (a source page and one translation whose headings line up one to one,
so the section a change belongs to is known without glossqa), and each scenario, it builds a
fresh git repository: commit 1 holds both files (every second page records the commit in
`default_lang_commit`, the others leave the base to be inferred from history), then the scenario's
commits follow. glossqa's `outdated` and `content-drift` rules run before and after; a scenario
is found when a new diagnostic of the expected rule appears in the translation, located when it
sits at the translation's section the change belongs to.

Scenarios:
- not outdated: emphasis swap, link made absolute, shortcode delimiter swap, reflow, a paragraph
  reordered in the translation, source-only front-matter change;
- outdated: section added, paragraph extended, paragraph rewritten, list item added, code command
  changed, code flag added, heading renamed; masking: a paragraph rewritten in the source, then a
  typo fix in the translation;
- translation side (content-drift): a paragraph, list item or code block deleted.

    python benchmarks/history.py ../shared/corpora/otel/content ../shared/corpora/privacyguides [--pages 12]

With `--otel ../shared/corpora/otel` it instead compares glossqa's verdicts on the real
OpenTelemetry history (history.bundle, cloned into a temporary folder; history-map.tsv maps the
site's commits to the bundle's) with the site's own `drifted_from_default` marks, for every
translation that records a `default_lang_commit`.
"""

from __future__ import annotations

import argparse
import os
import posixpath
import random
import re
import subprocess
import sys
import tempfile
import textwrap
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPOSITORY))

from qa.config import defaults  # noqa: E402
from qa.pipeline import check_paths  # noqa: E402
from qa.rules import RULES  # noqa: E402

HEADING = re.compile(r"^(#{1,6})\s+(\S.*)$")
FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
LIST_ITEM = re.compile(r"^(\s*)([-*+]|\d+\.)\s+\S")
PLAIN = re.compile(r"^[A-Za-z][^|<>{}]*$")
EMPHASIS = re.compile(r"(?<![*\w])\*([^*\s][^*]*?[^*\s]|\w)\*(?![*\w])")
RELATIVE_LINK = re.compile(r"(?<!!)\[([^\[\]]+)\]\(((?:\.\./|\./)[^()\s#]*)\)")
SHORTCODE = re.compile(r"\{\{<(\s*/?\s*[\w-]+[^{}]*?)>\}\}")
RECORDED = re.compile(r"^(?:default_lang_commit|drifted_from_default):.*\n", re.M)
LANGUAGES = ("ja", "zh", "es", "fr", "pt", "de", "sv", "it", "ru", "ko", "uk", "bn", "nl", "pl")
COSMETIC = (
    "emphasis swap",
    "link made absolute",
    "shortcode delimiter swap",
    "reflow",
    "paragraph reordered in translation",
    "front-matter only",
)
OUTDATED = (
    "section added",
    "paragraph extended",
    "paragraph rewritten",
    "list item added",
    "code command changed",
    "code flag added",
    "heading renamed",
    "masking: typo fix after",
)
DELETED = (
    "paragraph deleted in translation",
    "list item deleted in translation",
    "code block deleted in translation",
)


@dataclass
class Page:
    source: Path
    translation: Path
    language: str
    relative: str  # path below the language folder


@dataclass
class Edit:
    source: str | None  # new source text, None: unchanged
    translation: str | None
    section: int  # the section (0: before the first heading) the change belongs to
    masking_translation: str | None = None  # a second translation commit (typo fix)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="*", type=Path)
    parser.add_argument(
        "--otel", type=Path, metavar="DIR", help="the otel corpus (with history.bundle)"
    )
    parser.add_argument("--show", type=int, default=0, help="with --otel: print N disagreements")
    parser.add_argument(
        "--speed",
        action="store_true",
        help="with --otel: time a cold check with and without history",
    )
    parser.add_argument("--pages", type=int, default=12, help="page pairs per corpus")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--verbose", action="store_true", help="name the page of every miss")
    arguments = parser.parse_args()
    random.seed(arguments.seed)
    if arguments.otel and arguments.speed:
        time_otel(arguments.otel)
        return
    if arguments.otel:
        compare_with_otel(arguments.otel, arguments.show)
        return
    outcomes: dict[str, list[tuple[bool, bool]]] = defaultdict(list)  # kind -> (found, located)
    pages_used = 0
    for corpus in arguments.corpora:
        pages = find_pages(corpus)
        random.shuffle(pages)
        chosen = pages[: arguments.pages]
        pages_used += len(chosen)
        for index, page in enumerate(chosen):
            for kind, make in SCENARIOS.items():
                source = page.source.read_text(encoding="utf-8")
                translation = RECORDED.sub("", page.translation.read_text(encoding="utf-8"))
                if make is link_made_absolute:
                    edit = link_made_absolute(source, translation, page.relative)
                else:
                    edit = make(source, translation)
                if edit is None:
                    continue
                outcome = run_scenario(page, source, translation, edit, kind, index % 2 == 0)
                outcomes[kind].append(outcome)
                if arguments.verbose and outcome[0] == (kind in COSMETIC):
                    print(f"miss: {kind}: {page.translation}", file=sys.stderr)
    print_table(outcomes, pages_used)


def find_pages(corpus: Path) -> list[Page]:
    """Source pages with a translation whose headings have the same levels, one to one."""
    english = corpus / "en" if (corpus / "en").is_dir() else None
    if english is None:
        return []
    found = []
    for source in sorted(english.rglob("*.md")):
        relative = source.relative_to(english).as_posix()
        levels = heading_levels(source.read_text(encoding="utf-8"))
        if len(levels) < 3:
            continue
        for language in LANGUAGES:
            translation = corpus / language / relative
            if (
                translation.is_file()
                and heading_levels(translation.read_text(encoding="utf-8")) == levels
            ):
                found.append(Page(source, translation, language, relative))
                break
    return found


def heading_levels(text: str) -> list[int]:
    return [len(match[1]) for _, match in headings(text.split("\n"))]


def headings(lines: list[str]) -> list[tuple[int, re.Match]]:
    found, fenced = [], False
    for index, line in enumerate(lines):
        if index < body_start(lines):
            continue
        if FENCE.match(line):
            fenced = not fenced
        elif not fenced and (match := HEADING.match(line)):
            found.append((index, match))
    return found


def body_start(lines: list[str]) -> int:
    if lines and lines[0].strip() == "---":
        for index in range(1, len(lines)):
            if lines[index].strip() == "---":
                return index + 1
    return 0


def sections(lines: list[str]) -> list[tuple[int, int]]:
    """(start, end) line indexes of each section: the lead, then one per heading."""
    starts = [body_start(lines)] + [index for index, _ in headings(lines)]
    return [(start, end) for start, end in zip(starts, starts[1:] + [len(lines)])]


def blocks(lines: list[str], start: int, end: int) -> list[tuple[str, int, int]]:
    """(kind, first, last+1) of paragraphs, list items and code blocks within a section."""
    found, index = [], start
    while index < end:
        line = lines[index]
        if FENCE.match(line):
            close = next((j for j in range(index + 1, end) if FENCE.match(lines[j])), None)
            if close is None:
                break
            found.append(("code", index, close + 1))
            index = close + 1
        elif LIST_ITEM.match(line):
            stop = index + 1
            while (
                stop < end
                and lines[stop].startswith("  ")
                and lines[stop].strip()
                and not LIST_ITEM.match(lines[stop])
            ):
                stop += 1
            found.append(("item", index, stop))
            index = stop
        elif PLAIN.match(line):
            stop = index + 1
            while (
                stop < end
                and lines[stop].strip()
                and PLAIN.match(lines[stop])
                and not LIST_ITEM.match(lines[stop])
            ):
                stop += 1
            found.append(("paragraph", index, stop))
            index = stop
        else:
            index += 1
    return found


def pick(lines: list[str], kind: str, predicate: Callable[[list[str]], bool] = lambda _: True):
    """The first block of `kind` in a section after the lead (else the lead): (section, first, last)."""
    spans = sections(lines)
    for number in list(range(1, len(spans))) + [0]:
        for block_kind, first, last in blocks(lines, *spans[number]):
            if block_kind == kind and predicate(lines[first:last]):
                return number, first, last
    return None


def replaced(lines: list[str], first: int, last: int, new: list[str]) -> str:
    return "\n".join(lines[:first] + new + lines[last:])


# --- scenarios: each returns an Edit, or None when the page has nothing to apply it to ---


def emphasis_swap(source: str, translation: str) -> Edit | None:
    lines = source.split("\n")
    for index in range(body_start(lines), len(lines)):
        if (
            EMPHASIS.search(lines[index])
            and "`" not in lines[index]
            and not FENCE.match(lines[index])
        ):
            lines[index] = EMPHASIS.sub(r"_\1_", lines[index])
            return Edit("\n".join(lines), None, -1)
    return None


def link_made_absolute(source: str, translation: str, relative: str = "") -> Edit | None:
    """Resolved as the site resolves it: Markdown file links from the file's folder (MkDocs),
    others from the page's URL (Hugo serves docs/a/x.md at /docs/a/x/)."""
    match = RELATIVE_LINK.search(source)
    if not match:
        return None
    folder_part, _, name = relative.rpartition("/")
    stem = name.rsplit(".", 1)[0]
    page_folder = folder_part if stem in ("index", "_index") else posixpath.join(folder_part, stem)
    folder = "/" + (folder_part if match[2].split("#")[0].endswith(".md") else page_folder) + "/"
    absolute = posixpath.normpath(posixpath.join(folder, match[2])) + (
        "/" if match[2].endswith("/") else ""
    )
    return Edit(source[: match.start(2)] + absolute + source[match.end(2) :], None, -1)


def shortcode_swap(source: str, translation: str) -> Edit | None:
    if not SHORTCODE.search(source):
        return None
    return Edit(SHORTCODE.sub(r"{{%\1%}}", source), None, -1)


def reflow(source: str, translation: str) -> Edit | None:
    lines = source.split("\n")
    found = pick(lines, "paragraph", lambda block: len(" ".join(block)) > 90)
    if found is None:
        return None
    _, first, last = found
    text = " ".join(line.strip() for line in lines[first:last])
    return Edit(
        replaced(
            lines,
            first,
            last,
            textwrap.wrap(text, 50, break_long_words=False, break_on_hyphens=False),
        ),
        None,
        -1,
    )


def paragraph_reordered(source: str, translation: str) -> Edit | None:
    lines = translation.split("\n")
    for start, end in sections(lines):
        paragraphs = [b for b in blocks(lines, start, end) if b[0] == "paragraph"]
        for first, second in zip(paragraphs, paragraphs[1:]):
            if lines[first[2] : second[1]] == [""]:
                new = lines[second[1] : second[2]] + [""] + lines[first[1] : first[2]]
                return Edit(None, replaced(lines, first[1], second[2], new), -1)
    return None


def front_matter_only(source: str, translation: str) -> Edit | None:
    lines = source.split("\n")
    if not lines or lines[0].strip() != "---":
        return None
    return Edit(
        "\n".join(lines[:1] + ["weight: 42", "cSpell:ignore: glossqa"] + lines[1:]), None, -1
    )


def section_added(source: str, translation: str) -> Edit | None:
    lines = source.split("\n")
    found = headings(lines)
    if len(found) < 2:
        return None
    index, match = found[-1]
    level = match[1]
    new = [
        f"{level} Troubleshooting the setup",
        "",
        "If the service does not start, read its logs first.",
        "",
    ]
    return Edit(
        "\n".join(lines[:index] + new + lines[index:]), None, len(found)
    )  # belongs before the last heading


def paragraph_extended(source: str, translation: str) -> Edit | None:
    lines = source.split("\n")
    found = pick(lines, "paragraph")
    if found is None:
        return None
    number, first, last = found
    lines[last - 1] += " This also applies to every exporter you configure later."
    return Edit("\n".join(lines), None, number)


def paragraph_rewritten(source: str, translation: str) -> Edit | None:
    lines = source.split("\n")
    found = pick(lines, "paragraph", lambda block: len(" ".join(block)) > 40)
    if found is None:
        return None
    number, first, last = found
    return Edit(
        replaced(
            lines, first, last, ["Since version 2.0 this step is done for you by the installer."]
        ),
        None,
        number,
    )


def list_item_added(source: str, translation: str) -> Edit | None:
    lines = source.split("\n")
    found = pick(lines, "item")
    if found is None:
        return None
    number, first, last = found
    match = LIST_ITEM.match(lines[first])
    assert match
    marker = match[2] if not match[2][0].isdigit() else "1."
    return Edit(
        replaced(lines, last, last, [f"{match[1]}{marker} Restart the collector afterwards."]),
        None,
        number,
    )


def code_command_changed(source: str, translation: str) -> Edit | None:
    return _code_edit(
        source,
        translation,
        lambda line: re.sub(r"^(\s*(?:\$\s*)?)(\S+)", r"\1\2-v2", line, count=1),
    )


def code_flag_added(source: str, translation: str) -> Edit | None:
    return _code_edit(source, translation, lambda line: line + " --verbose")


def _code_edit(source: str, translation: str, change: Callable[[str], str]) -> Edit | None:
    lines = source.split("\n")
    found = pick(lines, "code", lambda block: any(line.strip() for line in block[1:-1]))
    if found is None:
        return None
    number, first, last = found
    target = next(i for i in range(first + 1, last - 1) if lines[i].strip())
    if not translation_has_code(translation, lines[first + 1 : last - 1]):
        return None
    lines[target] = change(lines[target])
    return Edit("\n".join(lines), None, number)


def translation_has_code(translation: str, code: list[str]) -> bool:
    return "\n".join(code).strip() in translation


def heading_renamed(source: str, translation: str) -> Edit | None:
    lines = source.split("\n")
    found = headings(lines)
    if len(found) < 2:
        return None
    index, match = found[1]
    text = match[2]
    anchor = re.search(r"\s*\{#[^}]*\}\s*$", text)
    words, tail = (text[: anchor.start()], text[anchor.start() :]) if anchor else (text, "")
    lines[index] = f"{match[1]} {words} in production{tail}"
    return Edit("\n".join(lines), None, 2)


def masking(source: str, translation: str) -> Edit | None:
    rewritten = paragraph_rewritten(source, translation)
    if rewritten is None:
        return None
    lines = translation.split("\n")
    for index in range(len(lines) - 1, body_start(lines), -1):
        words = [w for w in re.findall(r"\w{6,}", lines[index]) if w[2] != w[3]]
        if words and not FENCE.match(lines[index]) and not HEADING.match(lines[index]):
            word = words[0]
            lines[index] = lines[index].replace(word, word[:2] + word[3] + word[2] + word[4:], 1)
            break
    else:
        return None
    rewritten.masking_translation = "\n".join(lines)
    return rewritten


def deleted_in_translation(kind: str) -> Callable[[str, str], Edit | None]:
    def delete(source: str, translation: str) -> Edit | None:
        lines = translation.split("\n")
        found = pick(lines, kind)
        if found is None:
            return None
        number, first, last = found
        return Edit(None, replaced(lines, first, last, []), number)

    return delete


SCENARIOS: dict[str, Callable[[str, str], Edit | None]] = {
    "emphasis swap": emphasis_swap,
    "link made absolute": link_made_absolute,
    "shortcode delimiter swap": shortcode_swap,
    "reflow": reflow,
    "paragraph reordered in translation": paragraph_reordered,
    "front-matter only": front_matter_only,
    "section added": section_added,
    "paragraph extended": paragraph_extended,
    "paragraph rewritten": paragraph_rewritten,
    "list item added": list_item_added,
    "code command changed": code_command_changed,
    "code flag added": code_flag_added,
    "heading renamed": heading_renamed,
    "masking: typo fix after": masking,
    "paragraph deleted in translation": deleted_in_translation("paragraph"),
    "list item deleted in translation": deleted_in_translation("item"),
    "code block deleted in translation": deleted_in_translation("code"),
}


def run_scenario(
    page: Page, source: str, translation: str, edit: Edit, kind: str, record: bool
) -> tuple[bool, bool]:
    with tempfile.TemporaryDirectory(prefix="glossqa-history-") as folder:
        root = Path(folder)
        git(root, "init", "-q")
        source_path = root / "en" / page.relative
        translation_path = root / page.language / page.relative
        write(source_path, source)
        write(translation_path, translation)
        commit(root, "translation made")
        if record:
            base = git(root, "rev-parse", "HEAD").strip()
            write(translation_path, with_recorded(translation, base))
            commit(root, "record the base")
        before = diagnostics(root, translation_path)
        if edit.source is not None:
            write(source_path, edit.source)
            commit(root, f"source: {kind}")
        if edit.translation is not None:
            write(
                translation_path,
                with_recorded(edit.translation, base) if record else edit.translation,
            )
            commit(root, f"translation: {kind}")
        if edit.masking_translation is not None:
            write(
                translation_path,
                with_recorded(edit.masking_translation, base)
                if record
                else edit.masking_translation,
            )
            commit(root, "translation: typo fix")
        after = diagnostics(root, translation_path)
        new = [d for d in after if d not in before]
        rule = "content-drift" if kind in DELETED else "outdated"
        if kind in COSMETIC:
            return bool(new), False
        hits = [d for d in new if d[0] == rule]
        expected = section_line(translation_path.read_text(encoding="utf-8"), edit.section)
        return bool(hits), any(line == expected for _, line in hits)


def section_line(text: str, number: int) -> int:
    lines = text.split("\n")
    found = headings(lines)
    if number == 0:
        return 1
    if number > len(found):
        return len(lines)
    return found[number - 1][0] + 1


def with_recorded(text: str, base: str) -> str:
    lines = text.split("\n")
    if lines and lines[0].strip() == "---":
        return "\n".join(lines[:1] + [f"default_lang_commit: {base}"] + lines[1:])
    return f"---\ndefault_lang_commit: {base}\n---\n" + text


def diagnostics(root: Path, translation: Path) -> list[tuple[str, int]]:
    config = defaults(RULES)
    for rule_id, settings in config.rules.items():
        settings.enabled = rule_id in ("outdated", "content-drift")
    here = os.getcwd()
    os.chdir(root)
    try:
        result = check_paths([Path(".")], config)
    finally:
        os.chdir(here)
    shown = translation.relative_to(root).as_posix()
    return [(d.rule, d.line) for d in result.diagnostics if d.path == shown]


def git(root: Path, *arguments: str) -> str:
    return subprocess.run(
        ["git", "-C", str(root), *arguments], check=True, capture_output=True, text=True
    ).stdout


def commit(root: Path, message: str) -> None:
    git(root, "add", "-A")
    git(
        root,
        "-c",
        "user.name=bench",
        "-c",
        "user.email=bench@example.org",
        "commit",
        "-q",
        "-m",
        message,
    )


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def print_table(outcomes: dict[str, list[tuple[bool, bool]]], pages: int) -> None:
    print(f"{pages} page pairs\n")
    print("| scenario | expected | cases | reported | at the right section |")
    print("|---|---|---|---|---|")
    tp = fp = fn = located = 0
    for kind in SCENARIOS:
        results = outcomes.get(kind, [])
        found = sum(1 for hit, _ in results if hit)
        right = sum(1 for _, at in results if at)
        if kind in COSMETIC:
            fp += found
            print(f"| {kind} | nothing | {len(results)} | {found} | - |")
        else:
            tp += found
            fn += len(results) - found
            located += right
            rule = "content-drift" if kind in DELETED else "outdated"
            share = f"{right / found:.0%}" if found else "-"
            print(f"| {kind} | {rule} | {len(results)} | {found} | {share} |")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(
        f"\nprecision {precision:.3f}, recall {recall:.3f}, F1 {f1:.3f}; "
        f"false positives on cosmetic changes: {fp}; located: {located}/{tp} "
        f"({located / tp if tp else 0:.1%})"
    )


def time_otel(corpus: Path) -> None:
    """Cold checks of the real OpenTelemetry history (every rule, --jobs 2, empty cache), without
    and with the history rules; the recorded commits are first rewritten to the bundle's commits
    (in the work tree only), so that every translation's base is found and compared."""
    import time

    clone = Path(tempfile.gettempdir()) / "glossqa-otel-speed"
    if not (clone / ".git").is_dir():
        subprocess.run(
            ["git", "clone", "-q", str(corpus / "history.bundle"), str(clone)], check=True
        )
    mapping = dict(
        row.split("\t")[:2] for row in (corpus / "history-map.tsv").read_text().splitlines()[1:]
    )
    originals = sorted(mapping)
    pattern = re.compile(r"^(default_lang_commit:\s*)([0-9a-f]{7,40})", re.M)

    def derived(match: re.Match) -> str:
        found = [
            o for o in originals[bisect_left(originals, match[2]) :][:2] if o.startswith(match[2])
        ]
        return match[1] + (mapping[found[0]] if len(found) == 1 else match[2])

    for path in (clone / "content").rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        path.write_text(pattern.sub(derived, text), encoding="utf-8")
    commits = subprocess.run(
        ["git", "-C", str(clone), "rev-list", "--count", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    files = sum(1 for _ in (clone / "content").rglob("*.md"))
    print(f"{files} files, {commits} commits\n")
    print("| run | wall s | diagnostics |")
    print("|---|---:|---:|")
    runs = [
        (
            "cold, without outdated, content-drift, orphaned",
            ["--ignore", "outdated,content-drift,orphaned"],
        ),
        ("cold, every rule", []),
        ("warm, same HEAD", []),
    ]
    cache = Path(tempfile.mkdtemp(prefix="glossqa-speed-cache-"))
    times = []
    for index, (name, extra) in enumerate(runs):
        folder = cache / ("a" if index == 0 else "b")
        started = time.perf_counter()
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "qa",
                "check",
                "-q",
                "-j",
                "2",
                "--isolated",
                "--format",
                "json",
                "--cache-dir",
                str(folder),
                *extra,
                "content",
            ],
            cwd=clone,
            capture_output=True,
            text=True,
        )
        elapsed = time.perf_counter() - started
        times.append(elapsed)
        found = result.stdout.count('"rule"')
        print(f"| {name} | {elapsed:.1f} | {found} |")
    print(f"\nwith history / without: {times[1] / times[0]:.2f}x")


def compare_with_otel(corpus: Path, show: int) -> None:
    from qa import history
    from qa.group import place
    from qa.parse import parse_text
    from qa.rules import outdated
    from qa.sections import build_document

    clone = Path(tempfile.gettempdir()) / "glossqa-otel-history"
    if not (clone / ".git").is_dir():
        subprocess.run(
            ["git", "clone", "-q", str(corpus / "history.bundle"), str(clone)], check=True
        )
    mapping = {}
    for row in (corpus / "history-map.tsv").read_text().splitlines()[1:]:
        original, derived, _status = row.split("\t")
        mapping[original] = derived
    originals = sorted(mapping)
    histories = history.Histories()
    content = clone / "content"
    rows: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    disagreements = []
    for path in sorted(content.rglob("*.md")):
        language = path.relative_to(content).parts[0]
        if language == "en":
            continue
        text = path.read_text(encoding="utf-8")
        mark = re.search(r"^drifted_from_default:\s*(.*?)\s*$", text, re.M)
        site = mark[1].strip("'\"") if mark else ""
        source_path = content / "en" / path.relative_to(content / language)
        document = build_document(place(path, "auto"), parse_text(text, place(path, "auto")))
        recorded = history.recorded_commit(document, ["default_lang_commit"])
        row = rows[language]
        if recorded is None:
            continue
        row["pages"] += 1
        if not source_path.is_file():
            row["no English page"] += 1
            continue
        value = recorded[0]
        found = [o for o in originals[bisect_left(originals, value) :][:2] if o.startswith(value)]
        repository = histories.for_file(path)
        assert repository is not None
        base_commit = repository.by_hash.get(mapping[found[0]]) if len(found) == 1 else None
        if base_commit is None:
            row["commit unknown"] += 1
            continue
        source_source = place(source_path, "auto")
        reference = build_document(
            source_source, parse_text(source_path.read_text(encoding="utf-8"), source_source)
        )
        base = history.Base(base_commit, "recorded")
        result = outdated.outdated_changes(repository, base, reference, ["[glossqa skip]"])
        if result is None:
            row["English page absent at the base"] += 1
            continue
        ours = bool(result[1]) or bool(
            result[0] and outdated.front_matter_changes(result[0], reference)
        )
        theirs = site == "true"
        relative = repository.relative(source_path) or ""
        changed = repository.text_at(base_commit, relative) != source_path.read_text(
            encoding="utf-8"
        )
        row["compared"] += 1
        row["site: drifted"] += theirs
        row["English text changed"] += changed
        row["glossqa: outdated"] += ours
        row["agree"] += ours == theirs
        row["glossqa only"] += ours and not theirs
        row["site only"] += theirs and not ours
        if ours != theirs:
            disagreements.append(
                (
                    path.relative_to(content).as_posix(),
                    theirs,
                    changed,
                    [c.kinds for c, _ in result[1]],
                )
            )
    columns = [
        "pages",
        "compared",
        "site: drifted",
        "English text changed",
        "glossqa: outdated",
        "agree",
        "glossqa only",
        "site only",
        "commit unknown",
        "English page absent at the base",
        "no English page",
    ]
    print("| language | " + " | ".join(columns) + " |")
    print("|---" * (len(columns) + 1) + "|")
    total: dict[str, int] = defaultdict(int)
    for language, row in sorted(rows.items()):
        for column in columns:
            total[column] += row[column]
        print(f"| {language} | " + " | ".join(str(row[column]) for column in columns) + " |")
    print("| all | " + " | ".join(str(total[column]) for column in columns) + " |")
    compared = total["compared"] or 1
    print(f"\nagreement {total['agree'] / compared:.1%} of {total['compared']} pages")
    for item in disagreements[:show]:
        print(item)


if __name__ == "__main__":
    main()
