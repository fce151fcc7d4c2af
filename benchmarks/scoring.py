"""Language scoring and start-up: what glossqa spends telling languages apart, and before checking anything.

    python benchmarks/scoring.py stage CORPUS        # CPU in language scoring, --jobs 1 --no-cache
    python benchmarks/scoring.py startup FILES...    # `glossqa check FILES` wall time and peak RSS
    python benchmarks/scoring.py imports             # import time of the command line, per module

`stage` times the scoring entry points of qa/langid.py (identify, dominant_script, english_share,
is_english_block, and Lines' identify and dominant_script) and the word tables' loading, counting a call inside another once. The
command's own qa package is the one on sys.path, so PYTHONPATH=/old/checkout measures an older one.
`startup` runs the command RUNS times (default 7) and prints the minimum and median of each.
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(
    0, os.environ.get("PYTHONPATH", "").split(os.pathsep)[0] or str(Path(__file__).parents[1])
)

SCORING = ("identify", "dominant_script", "english_share", "is_english_block")
LOADING = ("table", "preload", "_word_tables", "_table_named")


def stage(corpus: str, profile: str | None) -> None:
    from qa import cli, langid

    spent: dict[str, float] = {"scoring": 0.0, "loading": 0.0}
    calls: dict[str, int] = {}
    depth = [0]

    def timed(name: str, kind: str, function):
        @functools.wraps(function)
        def wrapper(*args, **kwargs):
            calls[name] = calls.get(name, 0) + 1
            if depth[0]:
                return function(*args, **kwargs)
            depth[0] += 1
            started = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[kind] += time.process_time() - started
                depth[0] -= 1

        return wrapper

    for kind, names in (("scoring", SCORING), ("loading", LOADING)):
        for name in names:
            if hasattr(langid, name):
                setattr(langid, name, timed(name, kind, getattr(langid, name)))
    lines = getattr(langid, "Lines", None)  # declared-language's scorer, where there is one
    for name in ("identify", "dominant_script") if lines else ():
        setattr(lines, name, timed(f"Lines.{name}", "scoring", getattr(lines, name)))
    arguments = ["check", "--format", "json", "--jobs", "1", "--no-cache", corpus, "-o", os.devnull]
    started, cpu = time.perf_counter(), time.process_time()
    profiler = cProfile.Profile(time.process_time) if profile else None
    if profiler:
        profiler.enable()
    try:
        cli.main(arguments)
    except SystemExit:
        pass
    if profiler:
        profiler.disable()
        profiler.dump_stats(profile)
    total = time.process_time() - cpu
    print(f"corpus: {corpus}  (qa from {Path(langid.__file__).parent})")
    print("| stage | CPU s | share |\n|---|---|---|")
    for kind in ("scoring", "loading"):
        print(f"| language {kind} | {spent[kind]:.2f} | {spent[kind] / total:.1%} |")
    print(f"| whole run | {total:.2f} | wall {time.perf_counter() - started:.2f} s |")
    print("calls: " + ", ".join(f"{name} {count}" for name, count in sorted(calls.items())))


def startup(files: list[str], runs: int) -> None:
    command = [sys.executable, "-m", "qa", "check", "--no-cache", *files]
    walls, cpus, peaks = [], [], []
    for _ in range(runs):
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, _, usage = os.wait4(process.pid, 0)
        walls.append(time.perf_counter() - started)
        cpus.append(usage.ru_utime + usage.ru_stime)
        peaks.append(usage.ru_maxrss / 1024)  # KB on Linux
    print(f"`{' '.join(command[1:])}`, {runs} runs")
    print("| | min | median |\n|---|---|---|")
    print(f"| wall s | {min(walls):.3f} | {statistics.median(walls):.3f} |")
    print(f"| CPU s (user + system) | {min(cpus):.3f} | {statistics.median(cpus):.3f} |")
    print(f"| peak RSS MB | {min(peaks):.1f} | {statistics.median(peaks):.1f} |")


def imports(runs: int) -> None:
    own: dict[str, list[int]] = {}
    totals = []
    for _ in range(runs):
        result = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", "import qa.cli"],
            capture_output=True,
            text=True,
        )
        total = 0
        for line in result.stderr.splitlines():
            match = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|\s*(\S+)", line)
            if match:
                own.setdefault(match[3], []).append(int(match[1]))
                total += int(match[1])
        totals.append(total)
    print(
        f"import qa.cli: min {min(totals) / 1000:.1f} ms, median {statistics.median(totals) / 1000:.1f} ms ({runs} runs)"
    )
    for name, times in sorted(own.items(), key=lambda item: -min(item[1]))[:15]:
        print(f"{min(times) / 1000:8.1f} ms  {name}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    stage_parser = commands.add_parser("stage")
    stage_parser.add_argument("corpus")
    stage_parser.add_argument("--profile", metavar="FILE", help="also write a cProfile (CPU time)")
    startup_parser = commands.add_parser("startup")
    startup_parser.add_argument("files", nargs="+")
    startup_parser.add_argument("--runs", type=int, default=7)
    imports_parser = commands.add_parser("imports")
    imports_parser.add_argument("--runs", type=int, default=5)
    arguments = parser.parse_args()
    if arguments.command == "stage":
        stage(arguments.corpus, arguments.profile)
    elif arguments.command == "startup":
        startup(arguments.files, arguments.runs)
    else:
        imports(arguments.runs)


if __name__ == "__main__":
    main()
