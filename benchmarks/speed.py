"""Speed benchmark: glossqa against the parse floor on a large multilingual site, in one run.

Builds a site of at least --files Markdown files in a temporary folder from the corpora given
(each laid out `<lang>/<path>`, like ../shared/corpora/privacyguides and corpus/): every corpus is
copied again and again under `<lang>/<corpus>-rNN/`, whole translation groups at a time, and in
each copy the words of plain prose lines are rotated by NN places, so no two copies have the same
content. Then it measures, and prints as a Markdown table:

- the parse floor: read every file, load its front matter with python-frontmatter and parse it
  with markdown-it-py, in this one process; measured before and after the cold run, and the
  targets are against the mean of the two (how far apart they are shows how noisy the machine was);
- glossqa cold (empty cache), warm (run again, nothing changed), after one file changed, and cold
  with --jobs 1; each is the real CLI in a subprocess with every rule on (--isolated);
- the wall time, the CPU time and the peak memory of each: the RSS of the largest single process
  (from wait4) and the proportional set size of all of glossqa's processes together (sampled from
  /proc; pages the workers share with the main process count once);
- the peak RSS of a cold run over one copy only, to show memory does not grow with the site.

    python benchmarks/speed.py ../shared/corpora/privacyguides corpus/ [--files 20000] [--keep DIR]

Other programs running at the same time skew the wall times: the load average before and after
is printed with the table, and the CPU times say what the work itself cost.
"""

from __future__ import annotations

import argparse
import datetime
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

REPOSITORY = Path(__file__).resolve().parent.parent
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
    load_before = os.getloadavg()
    site = scratch / "site"
    small = scratch / "one-copy"
    corpora = [(corpus.resolve().name, _language_files(corpus)) for corpus in arguments.corpora]
    per_copy = sum(len(files) for _, files in corpora)
    copies = math.ceil(arguments.files / per_copy)
    shutil.rmtree(site, ignore_errors=True)
    shutil.rmtree(small, ignore_errors=True)
    started = time.perf_counter()
    for copy in range(copies):
        for name, files in corpora:
            _write_copy(files, site, f"{name}-r{copy:02d}", copy)
            if copy == 0:
                _write_copy(files, small, f"{name}-r{copy:02d}", copy)
    paths = discover([site])
    size = sum(path.stat().st_size for path in paths)
    languages = {path.relative_to(site).parts[0] for path in paths}
    print(
        f"built {len(paths)} files ({size / 1e6:.0f} MB, {len(languages)} languages, {copies} copies of "
        f"{per_copy} files) in {time.perf_counter() - started:.0f} s",
        file=sys.stderr,
    )

    floor_before = _parse_floor(paths, "parse floor, before the cold run")
    cache = scratch / "cache"
    cache_one_job = scratch / "cache-jobs-1"
    for folder in (cache, cache_one_job):
        shutil.rmtree(folder, ignore_errors=True)
    cores = len(os.sched_getaffinity(0))
    cold = _glossqa(
        f"glossqa cold, empty cache (--jobs {cores}, the default)",
        site,
        ["--cache-dir", str(cache)],
    )
    floor_after = _parse_floor(paths, "parse floor again, after the cold run")
    floor = Measurement(
        "**parse floor**, the mean of the two: read, front matter, markdown-it-py; one process",
        (floor_before.wall + floor_after.wall) / 2,
        (floor_before.cpu + floor_after.cpu) / 2,
        max(floor_before.largest_rss, floor_after.largest_rss),
    )
    warm = _glossqa("glossqa warm: run again, nothing changed", site, ["--cache-dir", str(cache)])
    changed_file = _change_one_file(site)
    changed = _glossqa(
        f"glossqa after one file changed ({changed_file})", site, ["--cache-dir", str(cache)]
    )
    one_job = _glossqa(
        "glossqa cold, empty cache, --jobs 1",
        site,
        ["--cache-dir", str(cache_one_job), "--jobs", "1"],
    )
    one_copy = _glossqa(
        f"glossqa cold over one copy only ({len(discover([small]))} files)", small, ["--no-cache"]
    )
    load_after = os.getloadavg()

    speedup = one_job.wall / cold.wall
    rss_limit = 400 * 1024
    print(
        f"\n{datetime.date.today().isoformat()}, {_machine()}; {len(paths)} files, {size / 1e6:.0f} MB, "
        f"{len(languages)} languages; load average before {load_before[0]:.2f}, after {load_after[0]:.2f}.\n"
    )
    print(
        "| run | wall s | × floor | CPU s | peak RSS, largest process | peak memory, all processes (PSS) | target | met |"
    )
    print("|---|---:|---:|---:|---:|---:|---|---|")
    _row(floor, floor, "", None)
    _row(floor_before, floor, "", None)
    _row(floor_after, floor, "", None)
    _row(
        cold,
        floor,
        "≤ 1.5× floor, RSS ≤ 400 MB",
        cold.wall <= 1.5 * floor.wall and cold.largest_rss <= rss_limit,
    )
    _row(warm, floor, "≤ 0.25× floor", warm.wall <= 0.25 * floor.wall)
    _row(changed, floor, "≤ 0.25× floor", changed.wall <= 0.25 * floor.wall)
    _row(one_job, floor, "", None)
    _row(one_copy, floor, "RSS about as at full size", None)
    print(
        f"| --jobs {cores} speed-up over --jobs 1 (cold) | {speedup:.2f}× | | | | | ≥ 1.7× | {_yes(speedup >= 1.7)} |"
    )
    same = cold.output == warm.output and changed.output == one_job.output
    diagnostics = cold.output.count(b"\n")
    print(
        f"\nSame output cold and warm, and after the change with the cache and with --jobs 1 from empty: "
        f"{_yes(same)}; {diagnostics} diagnostics."
    )


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


def _row(measurement: Measurement, floor: Measurement, target: str, met: bool | None) -> None:
    total = f"{measurement.total_rss / 1024:.0f} MB" if measurement.total_rss else "(one process)"
    print(
        f"| {measurement.name} | {measurement.wall:.1f} | {measurement.wall / floor.wall:.2f} | {measurement.cpu:.1f} | "
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
