"""HTML report benchmark: how big the page is and how fast headless Chromium opens it.

For each site given (any folder glossqa can check), and for a site of --files files built like
benchmarks/speed.py builds one (copies of the first site given, whole translation groups at a time,
prose rotated), it runs the real CLI (`glossqa check --format html --output`, every rule on), then
opens the page in a fresh headless Chromium and measures, as a Markdown table:

- the page's size, and the generation's wall time and peak RSS;
- load: from navigation to the report's `glossqa-ready` mark (data inflated, overview and the first
  matrix rows on screen), as the page's own clock measures it, and the page's main-thread CPU time
  until then (Chromium's ThreadTime metric: what the page cost, less swayed by a busy machine);
- file view: from asking for the file with the most findings to its side-by-side view in the DOM.

--repeat N also opens a page holding the first site's report N times over (under copy-NN/ paths):
a large site's page without waiting for a large site to be checked. --pages opens reports already
made, without generating them.

    python benchmarks/report_size.py ../shared/corpora/privacyguides ../shared/corpora/otel \\
        ../shared/corpora/nodejs ../shared/corpora/tldr [--files 20000] [--jobs 2] [--screenshot docs/report.png]
"""

from __future__ import annotations

import argparse
import base64
import gzip
import json
import math
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPOSITORY / "tests"))
sys.path.insert(0, str(REPOSITORY / "benchmarks"))

from headless import Browser, find_chromium  # noqa: E402
from speed import _language_files, _write_copy  # noqa: E402

from qa.discover import discover  # noqa: E402

WORST = (
    "['a.sev-0', 'a.sev-1', 'a.sev-2', 'a']"
    ".map(cell => document.querySelector('#matrix tbody ' + cell)).find(Boolean).getAttribute('href')"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sites", nargs="+", type=Path)
    parser.add_argument("--files", type=int, default=20000, help="the built site's size (0: none)")
    parser.add_argument("--jobs", type=int, default=1, help="glossqa --jobs (default 1)")
    parser.add_argument("--screenshot", type=Path, help="save the first site's report here (PNG)")
    parser.add_argument("--keep", type=Path, help="build the large site and the reports here")
    parser.add_argument(
        "--repeat",
        type=int,
        default=0,
        metavar="N",
        help="also open a page holding the first site's report N times over (a large site's page "
        "without the wait for checking one); instead of building a --files site",
    )
    parser.add_argument(
        "--pages",
        action="store_true",
        help="the arguments are reports already made: only open them",
    )
    arguments = parser.parse_args()
    chromium = find_chromium()
    if not chromium:
        sys.exit("no Chromium found (apt-get install chromium)")
    scratch = arguments.keep or Path(tempfile.mkdtemp(prefix="glossqa-report-"))
    scratch.mkdir(parents=True, exist_ok=True)
    try:
        sites = [(site.resolve().name, site.resolve()) for site in arguments.sites]
        if arguments.files and not arguments.pages and not arguments.repeat:
            built = _build_site(arguments.sites[0], arguments.files, scratch / "large-site")
            sites.append((f"{arguments.files:,}-file site", built))
        print(
            "| site | files | diagnostics | page size | generation (wall, peak RSS) "
            "| load in Chromium | open the worst file |"
        )
        print("|---|---:|---:|---:|---:|---:|---:|", flush=True)
        for position, (name, site) in enumerate(sites):
            page = scratch / f"report-{position}.html"
            if arguments.pages:
                page, wall, rss = site, 0.0, 0
            else:
                wall, rss = _generate(site, page, arguments.jobs)
            files, diagnostics, load, cpu, view = _open(page, chromium)
            generation = f"{wall:.0f} s, {rss / 1024:.0f} MB" if wall else "–"
            print(
                f"| {name} | {files:,} | {diagnostics:,} | {page.stat().st_size / 1e6:.1f} MB "
                f"| {generation} | {load:.2f} s ({cpu:.2f} s CPU) | {view:.2f} s |",
                flush=True,
            )
            if position == 0 and arguments.screenshot:
                _screenshots(chromium, page, arguments.screenshot)
            if position == 0 and arguments.repeat:
                large = _repeated_page(page, arguments.repeat, scratch / "repeated.html")
                files, diagnostics, load, cpu, view = _open(large, chromium)
                print(
                    f"| {name} × {arguments.repeat} | {files:,} | {diagnostics:,} "
                    f"| {large.stat().st_size / 1e6:.1f} MB | – | {load:.2f} s ({cpu:.2f} s CPU) "
                    f"| {view:.2f} s |",
                    flush=True,
                )
    finally:
        if not arguments.keep:
            shutil.rmtree(scratch, ignore_errors=True)


def _build_site(corpus: Path, files: int, site: Path) -> Path:
    if site.exists() and len(discover([site])) >= files:
        return site
    shutil.rmtree(site, ignore_errors=True)
    found = _language_files(corpus)
    for copy in range(math.ceil(files / len(found))):
        _write_copy(found, site, f"{corpus.resolve().name}-r{copy:02d}", copy)
    return site


def _generate(site: Path, page: Path, jobs: int) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of `glossqa check --format html` on the site."""
    print(f"checking {site} ...", file=sys.stderr)
    with tempfile.TemporaryDirectory() as cache:
        started = time.perf_counter()
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "qa",
                "check",
                "--isolated",
                "--quiet",
                "--format",
                "html",
                "--jobs",
                str(jobs),
                "--cache-dir",
                cache,
                "--output",
                str(page),
                ".",
            ],
            cwd=site,
            env={**os.environ, "PYTHONPATH": str(REPOSITORY)},
        )
        _, _, usage = os.wait4(process.pid, 0)
        return time.perf_counter() - started, usage.ru_maxrss


def _open(page: Path, chromium: str, tries: int = 3) -> tuple[int, int, float, float, float]:
    """Files and diagnostics the page counts, and the medians of `tries` fresh browsers: the load
    time, the page's main-thread CPU time until then (less swayed by a busy machine), and the
    file-view time."""
    loads, cpus, views = [], [], []
    for _ in range(tries):
        with Browser(chromium) as browser:
            browser.send("Performance.enable")
            browser.open(page, "document.body.dataset.ready", timeout=120)
            ready = browser.evaluate("performance.getEntriesByName('glossqa-ready')[0].startTime")
            loads.append(ready / 1000)
            metrics = browser.send("Performance.getMetrics")["metrics"]
            cpus.append(next(m["value"] for m in metrics if m["name"] == "ThreadTime"))
            assert not browser.errors, browser.errors
            worst = browser.evaluate(WORST)
            started = time.perf_counter()
            browser.evaluate(f"location.hash = {json.dumps(worst)}")
            browser.wait_for("document.querySelector('#file-view table.sides')", timeout=60)
            views.append(time.perf_counter() - started)
            assert not browser.errors, browser.errors
            header = browser.evaluate("document.querySelector('header.top p').textContent")
    files = int(re.match(r"([\d,]+) file", header)[1].replace(",", ""))
    diagnostics = int(re.search(r"([\d,]+) diagnostic", header)[1].replace(",", ""))
    median = statistics.median
    return files, diagnostics, median(loads), median(cpus), median(views)


def _repeated_page(page: Path, copies: int, target: Path) -> Path:
    """A large site's page without checking one: the report's data `copies` times under copy-NN/
    paths (files, groups, diagnostics and each group's texts renumbered), written by html.render."""
    from qa.model import ReportContext
    from qa.report import html

    text = page.read_text(encoding="utf-8")

    def unblob(blob: str):
        return json.loads(gzip.decompress(base64.b64decode(blob)))

    index = unblob(re.search(r'id="glossqa-index">([^<]*)</script>', text)[1])
    listed = re.search(r'id="glossqa-texts">\[\n(.*?)\n\]</script>', text, re.S)[1]
    texts = [unblob(blob.strip().strip('",')) for blob in listed.split(",\n")]
    files, groups, diagnostics, blobs = [], [], [], []
    for copy in range(copies):
        file_offset, group_offset = copy * len(index["files"]), copy * len(index["groups"])
        prefix = f"copy-{copy:02d}/"
        for path, language, group, counts, reported, status in index["files"]:
            files.append([prefix + path, language, group + group_offset, counts, reported, status])
        for key, reference, members in index["groups"]:
            moved = reference + file_offset if reference >= 0 else -1
            groups.append([prefix + key, moved, [member + file_offset for member in members]])
        for row in index["diagnostics"]:
            row = [
                row[0] + file_offset,
                *row[1:6],
                *([prefix + row[6], row[7]] if len(row) > 6 else []),
            ]
            diagnostics.append(row)
        for group_text in texts:
            renumbered = {
                part: {
                    str(int(key) + file_offset): value for key, value in group_text[part].items()
                }
                for part in ("files", "rows")
            }
            blobs.append(html._blob(renumbered))
    index.update(files=files, groups=groups, diagnostics=diagnostics)
    original = html.page_data
    html.page_data = lambda diagnostics, context: (index, blobs)  # type: ignore[assignment]
    try:
        target.write_text(html.render([], ReportContext()), encoding="utf-8")
    finally:
        html.page_data = original
    return target


def _screenshots(chromium: str, page: Path, target: Path) -> None:
    """The overview scrolled to the matrix, and a file view next to it, as one small image each."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with Browser(chromium, width=1200, height=760) as browser:
        browser.open(page, "document.body.dataset.ready")
        browser.evaluate("document.getElementById('matrix-title').scrollIntoView()")
        browser.screenshot(target)
        worst = browser.evaluate(WORST)
        browser.evaluate(f"location.hash = {json.dumps(worst)}")
        browser.wait_for("document.querySelector('#file-view table.sides')")
        browser.evaluate(
            "document.querySelector('#file-view .diag').scrollIntoView({block: 'center'})"
        )
        browser.screenshot(target.with_name(target.stem + "-file" + target.suffix))


if __name__ == "__main__":
    main()
