"""Differential check of the two parsers: every Markdown file under each folder given is parsed by
markdown-it-py (the reference) and by the fast path (markdown-it-pyrs, falling back to
markdown-it-py for a file it cannot read exactly the same), and the two documents (section tree,
blocks, links, code, comments, lines, the unclosed fence) must be equal. Prints a Markdown table
per folder: files, how many the fast path read itself and how many it handed back (and why),
identical, differing, and by what; then the first differences in full.

With --time R it also times the parse (text already in memory, `parse_text` then
`build_document`) of all files each way, R rounds, and prints the fastest round of each.

    python benchmarks/parser_diff.py ../shared/corpora/privacyguides ../shared/corpora/otel \
        ../shared/corpora/nodejs ../shared/corpora/tldr [--time 5] [--show 5]

Exit status 1 when any file differs.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from dataclasses import fields
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPOSITORY))

from qa import parse_fast  # noqa: E402
from qa.discover import discover  # noqa: E402
from qa.group import place  # noqa: E402
from qa.model import Document, Section, SourceFile  # noqa: E402
from qa.parse import decode_text, parse_text  # noqa: E402
from qa.sections import build_document  # noqa: E402


def read_corpus(folder: Path) -> list[tuple[SourceFile, str]]:
    files = []
    for path in discover([folder]):
        text, _ = decode_text(path.read_bytes())
        if text is not None:
            files.append((place(path, "auto"), text))
    return files


def sections(document: Document) -> list[Section]:
    flat, stack = [], [document.root]
    while stack:
        section = stack.pop()
        flat.append(section)
        stack.extend(reversed(section.children))
    return flat


def differences(reference: Document, fast: Document) -> list[tuple[str, str]]:
    """What differs, as (part, detail); empty when the documents are equal."""
    found = []
    for name in ("front_matter", "errors", "declared_languages", "comments", "unclosed_fence"):
        if getattr(reference, name) != getattr(fast, name):
            found.append((name, f"{getattr(reference, name)!r} != {getattr(fast, name)!r}"))
    ours, theirs = sections(reference), sections(fast)
    if [s.heading for s in ours] != [s.heading for s in theirs]:
        wanted = {s.heading for s in ours} ^ {s.heading for s in theirs}
        found.append(("headings", repr(sorted(wanted, key=lambda h: h.line if h else 0)[:3])))
        return found
    for one, other in zip(ours, theirs):
        for part in ("line", "end_line", "blocks", "links", "code_blocks"):
            mine, yours = getattr(one, part), getattr(other, part)
            if mine != yours:
                if isinstance(mine, list):
                    extra = [item for item in mine if item not in yours][:2]
                    missing = [item for item in yours if item not in mine][:2]
                    detail = f"reference only {extra!r}, fast only {missing!r}"
                else:
                    detail = f"{mine!r} != {yours!r}"
                found.append((part, detail))
    assert found or reference == fast, [f.name for f in fields(Document)]
    return found


def compare(files: list[tuple[SourceFile, str]]):
    counts: Counter = Counter()
    fallbacks: Counter = Counter()
    parts: Counter = Counter()
    examples = []
    for source, text in files:
        reference = parse_text(text, source, "reference")
        fast = parse_text(text, source, "fast")
        counts["files"] += 1
        if fast.parsed_by != "fast":
            fallbacks[re.sub(r" at line \d+", "", fast.parsed_by)] += 1
        found = differences(build_document(source, reference), build_document(source, fast))
        if found:
            counts["differing"] += 1
            parts.update({part for part, _ in found})
            examples.append((source.display_path, found))
        else:
            counts["identical"] += 1
    return counts, fallbacks, parts, examples


def timed(files: list[tuple[SourceFile, str]], parser: str, rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for source, text in files:
            build_document(source, parse_text(text, source, parser))
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    arguments = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    arguments.add_argument("folders", nargs="+", type=Path)
    arguments.add_argument("--time", type=int, default=0, metavar="ROUNDS")
    arguments.add_argument("--show", type=int, default=5, help="differences shown per folder")
    options = arguments.parse_args()
    if not parse_fast.AVAILABLE:
        print(
            "markdown-it-pyrs is not installed: there is no fast path to compare", file=sys.stderr
        )
        return 2
    print(
        "| corpus | files | read by markdown-it-pyrs | handed to markdown-it-py | identical | differing | differing in |"
    )
    print("|---|---:|---:|---:|---:|---:|---|")
    reports, timings, failed = [], [], False
    for folder in options.folders:
        files = read_corpus(folder)
        counts, fallbacks, parts, examples = compare(files)
        handed = sum(fallbacks.values())
        print(
            f"| {folder.name} | {counts['files']} | {counts['files'] - handed} | {handed} "
            f"| {counts['identical']} | {counts['differing']} "
            f"| {', '.join(f'{part} {n}' for part, n in parts.most_common()) or '-'} |"
        )
        reports.append((folder.name, fallbacks, examples))
        failed = failed or bool(examples)
        if options.time:
            timings.append(
                (
                    folder.name,
                    len(files),
                    timed(files, "reference", options.time),
                    timed(files, "fast", options.time),
                )
            )
    for name, fallbacks, examples in reports:
        if fallbacks:
            print(f"\n{name}: handed to markdown-it-py because")
            for reason, count in fallbacks.most_common():
                print(f"- {count} × {reason.removeprefix('reference: ')}")
        for path, found in examples[: options.show]:
            print(f"\n{path}")
            for part, detail in found[:4]:
                print(f"  {part}: {detail[:600]}")
    if timings:
        print(
            f"\nParse time, text in memory, parse_text + build_document, best of {options.time}:\n"
        )
        print("| corpus | files | markdown-it-py s | fast path s | fast / reference |")
        print("|---|---:|---:|---:|---:|")
        for name, count, reference, fast in timings:
            print(f"| {name} | {count} | {reference:.2f} | {fast:.2f} | {fast / reference:.2f} |")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
