"""Speed benchmark: glossqa against the parse floor on a large multilingual site, in one run.

Builds a site of at least --files Markdown files in a temporary folder from the corpora given
(each laid out `<lang>/<path>`, like ../shared/corpora/privacyguides and corpus/): every corpus is
copied again and again under `<lang>/<corpus>-rNN/`, whole translation groups at a time, and in
each copy the words of plain prose lines are rotated by NN places, so no two copies have the same
content. Then it measures, and prints as a Markdown table:

- the parse floor: read every file, load its front matter with python-frontmatter and parse it
  with markdown-it-py, in this one process; measured before and after the cold run, and the
  targets are against the mean of the two (how far apart they are shows how noisy the machine was);
- glossqa cold (empty cache) with --jobs 2, warm (run again, nothing changed), after one file
  changed, and cold with --jobs 1 (the speed-up of two jobs over one); each is the real CLI in a
  subprocess with every rule on (--isolated);
- markdownlint-cli2 (npm, default rules) over the same files, and how many times glossqa's cold
  run it takes; installed under benchmarks/node_modules (ignored by git) on first use, and the row
  says it was skipped when node or npm is missing;
- one copy only (Privacy Guides alone): its own parse floor and a cold run, whose peak RSS the
  full site's must stay within 10% of (memory flat in the site's size);
- start-up: a check of one article in five languages (a pre-commit hook's run), median of five;
- the wall time, the CPU time and the peak memory of each: the RSS of the largest single process
  (from wait4) and the proportional set size of all of glossqa's processes together (sampled from
  /proc; pages the workers share with the main process count once).

    python benchmarks/speed.py ../shared/corpora/privacyguides corpus/ [--files 20000] [--keep DIR]

Other programs running at the same time skew the wall times: the load average before and after
is printed with the table, and the CPU times say what the work itself cost.
"""

from __future__ import annotations

import argparse
import datetime
import json
import math
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent
REPOSITORY = BENCHMARKS.parent
sys.path.insert(0, str(REPOSITORY))

import frontmatter  # noqa: E402
from markdown_it import MarkdownIt  # noqa: E402

from qa import langtags  # noqa: E402
from qa.discover import discover  # noqa: E402

PLAIN_PROSE_MARKUP = set("[]()<>`{}|*_\\#:=~!")
SAMPLE_INTERVAL = (
    1.0  # seconds between memory samples of the process tree; reading them costs CPU the run needs
)
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
JOBS = 2  # the targets are for 2 cores
RSS_TARGET_MB = 250
START_UP_FILES, START_UP_RUNS, START_UP_SECONDS, START_UP_MB = 5, 5, 0.25, 60


@dataclass
class Measurement:
    name: str
    wall: float
    cpu: float
    largest_rss: int = 0  # KiB, the largest single process
    total_rss: int = 0  # KiB, all processes of the run together (proportional set size), sampled
    output: bytes = b""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="+", type=Path, help="folders laid out <lang>/<path>")
    parser.add_argument(
        "--files",
        type=int,
        default=20000,
        help="at least this many files in the site (default 20000)",
    )
    parser.add_argument(
        "--markdownlint",
        type=Path,
        metavar="COMMAND",
        help="markdownlint-cli2 to compare with (default: benchmarks/node_modules/.bin/"
        "markdownlint-cli2, installed there with npm if node is found; else the row is skipped)",
    )
    parser.add_argument(
        "--keep",
        type=Path,
        help="build the site here and keep it, instead of in a temporary folder",
    )
    arguments = parser.parse_args()

    scratch = arguments.keep or Path(tempfile.mkdtemp(prefix="glossqa-speed-"))
    try:
        _run(arguments, scratch)
    finally:
        if not arguments.keep:
            shutil.rmtree(scratch, ignore_errors=True)


def _run(arguments, scratch: Path) -> None:
    begun = time.perf_counter()
    load_before = os.getloadavg()
    site = scratch / "site"
    small = scratch / "one-copy"
    five = scratch / "five-files"
    corpora = [(corpus.resolve().name, _language_files(corpus)) for corpus in arguments.corpora]
    per_copy = sum(len(files) for _, files in corpora)
    copies = math.ceil(arguments.files / per_copy)
    for folder in (site, small, five):
        shutil.rmtree(folder, ignore_errors=True)
    started = time.perf_counter()
    for copy in range(copies):
        for name, files in corpora:
            _write_copy(files, site, f"{name}-r{copy:02d}", copy)
            if copy == 0:
                _write_copy(files, small, f"{name}-r{copy:02d}", copy)
    _write_copy(_one_article(corpora), five, "five", 0)
    paths = discover([site])
    small_paths = discover([small])
    size = sum(path.stat().st_size for path in paths)
    languages = {path.relative_to(site).parts[0] for path in paths}
    print(
        f"built {len(paths)} files ({size / 1e6:.0f} MB, {len(languages)} languages, {copies} copies of "
        f"{per_copy} files) in {time.perf_counter() - started:.0f} s",
        file=sys.stderr,
    )
    markdownlint = _markdownlint(arguments.markdownlint)

    floor_before = _parse_floor(paths, "parse floor, before the cold run")
    cache = scratch / "cache"
    cache_one_job = scratch / "cache-jobs-1"
    for folder in (cache, cache_one_job):
        shutil.rmtree(folder, ignore_errors=True)
    cold = _glossqa(
        f"glossqa cold, empty cache, --jobs {JOBS}",
        site,
        ["--cache-dir", str(cache), "--jobs", str(JOBS)],
    )
    floor_after = _parse_floor(paths, "parse floor again, after the cold run")
    floor = Measurement(
        "**parse floor**, the mean of the two: read, front matter, markdown-it-py; one process",
        (floor_before.wall + floor_after.wall) / 2,
        (floor_before.cpu + floor_after.cpu) / 2,
        max(floor_before.largest_rss, floor_after.largest_rss),
    )
    warm = _glossqa(
        "glossqa warm: run again, nothing changed",
        site,
        ["--cache-dir", str(cache), "--jobs", str(JOBS)],
    )
    changed_file = _change_one_file(site)
    changed = _glossqa(
        f"glossqa after one file changed ({changed_file})",
        site,
        ["--cache-dir", str(cache), "--jobs", str(JOBS)],
    )
    one_job = _glossqa(
        "glossqa cold, empty cache, --jobs 1",
        site,
        ["--cache-dir", str(cache_one_job), "--jobs", "1"],
    )
    linted = (
        _markdownlint_run(markdownlint, site, len(paths))
        if isinstance(markdownlint, Path)
        else None
    )
    small_floor = _parse_floor(
        small_paths, f"parse floor over one copy only ({len(small_paths)} files)"
    )
    one_copy = _glossqa(
        f"glossqa cold over one copy only ({len(small_paths)} files), --jobs {JOBS}",
        small,
        ["--no-cache", "--jobs", str(JOBS)],
    )
    start_up = _start_up(five)
    load_after = os.getloadavg()

    speedup = one_job.wall / cold.wall
    print(
        f"\n{datetime.date.today().isoformat()}, {_machine()}; {len(paths)} files, {size / 1e6:.0f} MB, "
        f"{len(languages)} languages; load average before {load_before[0]:.2f}, after {load_after[0]:.2f}.\n"
    )
    print(
        "| run | wall s | × floor | CPU s | peak RSS (largest process) | peak memory, all processes (PSS) | target | met |"
    )
    print("|---|---:|---:|---:|---:|---:|---|---|")
    _row(floor, floor, "", None)
    _row(floor_before, floor, "", None)
    _row(floor_after, floor, "", None)
    _row(cold, floor, "≤ 0.75× floor", cold.wall <= 0.75 * floor.wall)
    _row(warm, floor, "≤ 0.05× floor", warm.wall <= 0.05 * floor.wall)
    _row(changed, floor, "≤ 0.05× floor", changed.wall <= 0.05 * floor.wall)
    _row(one_job, floor, "", None)
    print(
        f"| --jobs {JOBS} speed-up over --jobs 1 (cold) | {speedup:.2f}× | | | | | ≥ 1.9× | {_yes(speedup >= 1.9)} |"
    )
    if linted:
        ratio = linted.wall / cold.wall
        _row(linted, floor, "", None)
        print(
            f"| markdownlint-cli2 ÷ glossqa cold (--jobs {JOBS}) | {ratio:.1f}× | | | | | ≥ 4× | {_yes(ratio >= 4)} |"
        )
    else:
        print(
            f"| markdownlint-cli2: **skipped**, {markdownlint} | | | | | | ≥ 4× slower than glossqa | |"
        )
    _row(small_floor, small_floor, "", None)
    _row(
        one_copy,
        small_floor,
        "≤ 1.0× its floor",
        one_copy.wall <= small_floor.wall,
    )
    rss_limit = RSS_TARGET_MB * 1024
    flat = cold.largest_rss <= 1.1 * one_copy.largest_rss
    print(
        f"| peak RSS at {len(paths)} files ÷ at {len(small_paths)} files | "
        f"{cold.largest_rss / max(one_copy.largest_rss, 1):.2f}× | | | {cold.largest_rss / 1024:.0f} MB "
        f"÷ {one_copy.largest_rss / 1024:.0f} MB | | ≤ {RSS_TARGET_MB} MB and ≤ 1.1× | "
        f"{_yes(cold.largest_rss <= rss_limit and flat)} |"
    )
    _row(
        start_up,
        None,
        f"≤ {START_UP_SECONDS} s, ≤ {START_UP_MB} MB",
        start_up.wall <= START_UP_SECONDS and start_up.largest_rss <= START_UP_MB * 1024,
    )
    same = cold.output == warm.output and changed.output == one_job.output
    diagnostics = cold.output.count(b"\n")
    print(
        f"\nSame output cold and warm, and after the change with the cache and with --jobs 1 from empty: "
        f"{_yes(same)}; {diagnostics} diagnostics. The benchmark took "
        f"{(time.perf_counter() - begun) / 60:.0f} min."
    )


def _one_article(corpora: list) -> list[tuple[str, str, Path]]:
    """One article's files in five languages: what a pre-commit hook checks after a small edit."""
    by_article: dict[str, list[tuple[str, str, Path]]] = {}
    for _, files in corpora:
        for language, inside, path in files:
            by_article.setdefault(inside, []).append((language, inside, path))
    for inside in sorted(by_article):
        if len(by_article[inside]) >= START_UP_FILES:
            return sorted(by_article[inside])[:START_UP_FILES]
    raise SystemExit(f"no article has {START_UP_FILES} languages in the corpora given")


def _start_up(folder: Path) -> Measurement:
    """The median wall time (and its run's memory) of START_UP_RUNS checks of five files."""
    runs = sorted(
        (
            _glossqa(f"start-up: glossqa check on {START_UP_FILES} files", folder, ["--no-cache"])
            for _ in range(START_UP_RUNS)
        ),
        key=lambda run: run.wall,
    )
    median = runs[len(runs) // 2]
    median.name += f" (median of {START_UP_RUNS})"
    return median


def _markdownlint(given: Path | None) -> Path | str:
    """markdownlint-cli2's command, installed with npm under benchmarks/node_modules (ignored by
    git) on first use; or why there is none."""
    command = given or BENCHMARKS / "node_modules" / ".bin" / "markdownlint-cli2"
    if command.exists():
        return command
    if given:
        return f"{given} does not exist"
    if not shutil.which("node") or not shutil.which("npm"):
        return "node or npm is not installed"
    print(
        "installing markdownlint-cli2 with npm under benchmarks/node_modules ...", file=sys.stderr
    )
    installed = subprocess.run(
        [
            "npm",
            "install",
            "--prefix",
            str(BENCHMARKS),
            "--no-save",
            "--no-audit",
            "--no-fund",
            "markdownlint-cli2",
        ],
        capture_output=True,
        text=True,
    )
    if installed.returncode != 0 or not command.exists():
        return f"npm could not install it: {installed.stderr.strip()[-300:]}"
    return command


def _markdownlint_run(command: Path, site: Path, files: int) -> Measurement:
    """markdownlint-cli2 with its default rules over the same Markdown files."""
    name = f"markdownlint-cli2 {_version(command)}, default rules, the same {files} files"
    print(f"running {name} ...", file=sys.stderr)
    with tempfile.TemporaryFile() as output:
        started = time.perf_counter()
        process = subprocess.Popen(
            [str(command), "**/*.md"], cwd=site, stdout=output, stderr=output
        )
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        if os.waitstatus_to_exitcode(status) not in (0, 1):
            output.seek(0)
            sys.exit(f"markdownlint-cli2 failed:\n{output.read().decode(errors='replace')[-2000:]}")
    return Measurement(name, wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)


def _version(command: Path) -> str:
    package = command.resolve().parent / "package.json"
    try:
        return "v" + json.loads(package.read_text(encoding="utf-8"))["version"]
    except (OSError, ValueError, KeyError):
        return ""


def _language_files(corpus: Path) -> list[tuple[str, str, Path]]:
    """(language folder, path inside it, file) for each Markdown file under a `<lang>/` folder."""
    found = []
    for path in discover([corpus]):
        parts = path.relative_to(corpus).parts
        if len(parts) > 1 and langtags.normalize(parts[0]):
            found.append((parts[0], "/".join(parts[1:]), path))
    return found


def _write_copy(files: list[tuple[str, str, Path]], site: Path, folder: str, rotation: int) -> None:
    for language, inside, path in files:
        target = site / language / folder / inside
        target.parent.mkdir(parents=True, exist_ok=True)
        text = path.read_text(encoding="utf-8", errors="surrogateescape")
        target.write_text(
            _rotate_prose(text, rotation) if rotation else text,
            encoding="utf-8",
            errors="surrogateescape",
        )


def _rotate_prose(text: str, rotation: int) -> str:
    """Rotate the words of each plain prose line (no markup, outside front matter and code) by `rotation`."""
    lines = text.split("\n")
    in_front_matter = bool(lines) and lines[0].strip() == "---"
    in_code = False
    for index, line in enumerate(lines):
        stripped = line.strip()
        if in_front_matter:
            in_front_matter = index == 0 or stripped not in ("---", "...")
            continue
        if stripped.startswith(("```", "~~~")):
            in_code = not in_code
            continue
        words = line.split()
        if (
            in_code
            or line[:1].isspace()
            or len(words) < 4
            or not words[0][:1].isalpha()
            or PLAIN_PROSE_MARKUP & set(line)
        ):
            continue
        shift = rotation % len(words)
        lines[index] = " ".join(words[shift:] + words[:shift])
    return "\n".join(lines)


def _parse_floor(paths: list[Path], name: str) -> Measurement:
    print(f"running {name} ...", file=sys.stderr)
    markdown = MarkdownIt()
    started, cpu = time.perf_counter(), time.process_time()
    for path in paths:
        markdown.parse(
            frontmatter.loads(path.read_text(encoding="utf-8", errors="replace")).content
        )
    return Measurement(
        name,
        time.perf_counter() - started,
        time.process_time() - cpu,
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    )


def _glossqa(name: str, site: Path, options: list[str]) -> Measurement:
    command = [sys.executable, "-m", "qa", "check", ".", "--isolated", "--quiet", *options]
    environment = {**os.environ, "PYTHONPATH": str(REPOSITORY)}
    output = tempfile.TemporaryFile()
    print(f"running {name} ...", file=sys.stderr)
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=site, env=environment, stdout=output, stderr=subprocess.PIPE
    )
    sampler = _TreeSampler(process.pid)
    sampler.start()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    sampler.stop()
    errors = process.stderr.read().decode()
    if process.returncode not in (0, 1):
        sys.exit(f"{' '.join(command)} failed with {process.returncode}:\n{errors}")
    output.seek(0)
    return Measurement(
        name,
        wall,
        usage.ru_utime + usage.ru_stime,
        usage.ru_maxrss,
        max(sampler.peak, usage.ru_maxrss),
        output.read(),
    )


class _TreeSampler(threading.Thread):
    """The largest total RSS seen of a process and its descendants."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.peak, self.stopped = pid, 0, threading.Event()

    def run(self) -> None:
        while not self.stopped.wait(SAMPLE_INTERVAL):
            self.peak = max(self.peak, self._tree_rss())

    def stop(self) -> None:
        self.stopped.set()
        self.join()

    def _tree_rss(self) -> int:
        parents: dict[int, int] = {}
        for entry in os.scandir("/proc"):
            if entry.name.isdigit():
                try:
                    with open(f"/proc/{entry.name}/stat") as stat:
                        parents[int(entry.name)] = int(stat.read().rsplit(")", 1)[1].split()[1])
                except (OSError, IndexError, ValueError):
                    continue
        tree, frontier = {self.pid}, [self.pid]
        while frontier:
            parent = frontier.pop()
            children = [pid for pid, ppid in parents.items() if ppid == parent]
            tree.update(children)
            frontier.extend(children)
        return sum(_proportional_set_size(pid) for pid in tree)


def _proportional_set_size(pid: int) -> int:
    """KiB of memory a process holds, pages shared with its parent (forked workers) counted once overall."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            return next((int(line.split()[1]) for line in rollup if line.startswith("Pss:")), 0)
    except (OSError, ValueError):
        pass
    try:
        with open(f"/proc/{pid}/statm") as statm:
            return int(statm.read().split()[1]) * PAGE_SIZE // 1024
    except (OSError, IndexError, ValueError):
        return 0


def _change_one_file(site: Path) -> str:
    """Add a sentence to one translated file in the middle of the site; return its path."""
    translated = sorted(
        path for path in discover([site]) if path.relative_to(site).parts[0] not in ("en",)
    )
    chosen = translated[len(translated) // 2]
    with open(chosen, "a", encoding="utf-8") as handle:
        handle.write("\nUne phrase de plus, ajoutée pour le banc d'essai.\n")
    return chosen.relative_to(site).as_posix()


def _row(
    measurement: Measurement, floor: Measurement | None, target: str, met: bool | None
) -> None:
    total = f"{measurement.total_rss / 1024:.0f} MB" if measurement.total_rss else "(one process)"
    times = f"{measurement.wall / floor.wall:.2f}" if floor else ""
    print(
        f"| {measurement.name} | {measurement.wall:.2f} | {times} | {measurement.cpu:.1f} | "
        f"{measurement.largest_rss / 1024:.0f} MB | {total} | {target} | {'' if met is None else _yes(met)} |"
    )


def _yes(value: bool) -> str:
    return "yes" if value else "**no**"


def _machine() -> str:
    model = ""
    try:
        with open("/proc/cpuinfo") as cpuinfo:
            model = next(
                (
                    line.split(":", 1)[1].strip()
                    for line in cpuinfo
                    if line.startswith("model name")
                ),
                "",
            )
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"{len(os.sched_getaffinity(0))} cores ({model or platform.machine()}), {memory:.0f} GiB, "
        f"Python {platform.python_version()}"
    )


if __name__ == "__main__":
    main()
