"""Site review: what glossqa says about a real site, and a seeded sample of it to read.

    python benchmarks/review.py SITE [--rule R] [--sample 20] [--seed 1] [--jobs 2]
    python benchmarks/review.py --tally reviews/

The first form checks SITE (a folder of a real translated site), prints the counts per rule, then
for each rule a seeded random sample of its diagnostics (all of them when fewer), each with the
translation's line and the source's line it is compared with, numbered for the review file.

A review file, `reviews/<rule>.md`, records the verdicts per site under a `## <site>` heading, one
numbered line per sampled diagnostic, starting with its verdict:

    ## otel (seed 1, 20 of 840)
    1. TRUE content/ja/docs/x.md:12:3 ... (why)
    2. FALSE content/zh/docs/y.md:4:1 ... (why)
    3. DEBATABLE ...

The second form reads every review file and prints the precision table per site and rule
(TRUE over all verdicts; DEBATABLE counts against).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

VERDICT = re.compile(r"^\s*\d+\.\s+(TRUE|FALSE|DEBATABLE)\b", re.IGNORECASE)
SITE_HEADING = re.compile(r"^##\s+(\S+)")


def run_glossqa(site: Path, jobs: int) -> list[dict]:
    completed = subprocess.run(
        [sys.executable, "-m", "qa", "check", "--format", "json", "--no-cache", "--quiet"]
        + ["--jobs", str(jobs), str(site)],
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode not in (0, 1):
        sys.exit(f"glossqa failed on {site}:\n{completed.stderr}")
    return json.loads(completed.stdout)


def line_of(path: str, line: int) -> str:
    try:
        lines = Path(path).read_text(encoding="utf-8", errors="replace").split("\n")
    except OSError:
        return "(unreadable)"
    return lines[line - 1].strip()[:200] if 0 < line <= len(lines) else "(no such line)"


def show_sample(site: Path, diagnostics: list[dict], rule: str, size: int, seed: int) -> None:
    chosen = [d for d in diagnostics if d["rule"] == rule]
    total = len(chosen)
    if total > size:
        chosen = sorted(random.Random(f"{seed}:{rule}").sample(chosen, size), key=_order)
    print(f"\n## {site.name} (seed {seed}, {len(chosen)} of {total}) — {rule}\n")
    for number, d in enumerate(chosen, 1):
        where = _shown(d["path"], site)
        print(f"{number}. ? {where}:{d['line']}:{d['column']} {d['severity']}: {d['message']}")
        print(f"   translation | {line_of(d['path'], d['line'])}")
        related = d.get("related")
        if related:
            print(f"   source {related['line']:>4} | {line_of(related['path'], related['line'])}")


def _order(diagnostic: dict) -> tuple:
    return diagnostic["path"], diagnostic["line"], diagnostic["column"], diagnostic["message"]


def _shown(path: str, site: Path) -> str:
    resolved = Path(path).resolve()
    return (
        str(resolved.relative_to(site.resolve()))
        if resolved.is_relative_to(site.resolve())
        else path
    )


def tally(folder: Path) -> None:
    verdicts: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for review in sorted(folder.glob("*.md")):
        rule, site = review.stem, None
        for text in review.read_text(encoding="utf-8").splitlines():
            heading = SITE_HEADING.match(text)
            if heading:
                site = heading[1]
                continue
            verdict = VERDICT.match(text)
            if verdict and site:
                verdicts[(site, rule)][verdict[1].upper()] += 1
    print("| site | rule | read | true | false | debatable | precision |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for (site, rule), counts in sorted(verdicts.items()):
        read = sum(counts.values())
        print(
            f"| {site} | {rule} | {read} | {counts['TRUE']} | {counts['FALSE']} "
            f"| {counts['DEBATABLE']} | {counts['TRUE'] / read:.0%} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, nargs="?")
    parser.add_argument("--rule", action="append", help="only these rules (repeatable)")
    parser.add_argument("--sample", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--tally", type=Path, help="print the precision table of a reviews folder")
    arguments = parser.parse_args()
    if arguments.tally:
        tally(arguments.tally)
        return
    if not arguments.site:
        parser.error("give a site folder, or --tally reviews/")
    diagnostics = run_glossqa(arguments.site, arguments.jobs)
    counts = Counter(d["rule"] for d in diagnostics)
    files = len({d["path"] for d in diagnostics})
    print(f"# {arguments.site.name}: {len(diagnostics)} diagnostics on {files} files\n")
    for rule, count in counts.most_common():
        print(f"- {rule}: {count}")
    for rule in sorted(arguments.rule or counts):
        show_sample(arguments.site, diagnostics, rule, arguments.sample, arguments.seed)


if __name__ == "__main__":
    main()
