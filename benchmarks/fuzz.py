"""Fuzz glossqa: generated sites of sibling translations, configs, baselines and odd paths.

Each case is a small folder made from one seed: a few articles in a few languages (folder,
suffix and front-matter layouts), Markdown assembled from the constructs real sites use and then
mutated (lines dropped, duplicated, bytes flipped, the file cut short), front matter that is
valid, mangled or hostile YAML, suppression comments, sometimes a rules.yaml and a baseline, and
odd paths: spaces, non-Latin and non-UTF-8 names, symlinks (to files, folders, themselves, a
device), FIFOs and folders named `x.md`. glossqa runs on it in this process, and these must hold:

- no uncaught exception and no run longer than TIME_BOUND seconds;
- the exit code is 0, 1 or 2, and a 2 comes with a `glossqa: ...` message;
- every parse-error names a file of the case;
- no file of the case changes (bytes or mtime);
- the same output with a cold and a warm cache and, every JOBS_EVERY-th case each, without a
  cache and with --jobs 2 (which forks a pool of workers, the slowest part of a case).

    nice python benchmarks/fuzz.py --cases 25000           # the long profile (README: Robustness)
    python benchmarks/fuzz.py --seed 1234 --cases 1 --keep  # replay one case, keep its folder

A failure prints its seed; replaying that seed rebuilds the same case.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import json
import os
import random
import resource
import shutil
import signal
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from qa.cli import main  # noqa: E402

TIME_BOUND = 30.0  # seconds for one run of glossqa on one case (a few small groups)
JOBS_EVERY = 10
MEMORY_BOUND = 3 * 1024**3  # bytes of address space for the whole fuzz run
LANGUAGES = ["en", "sv", "fi", "de", "pt-BR", "zh-CN", "nb", "no", "xx", "en-US", "docs"]
WORDS = {
    "en": "the soft sell is a way of selling that persuades with a light touch and no pressure".split(),
    "sv": "mjuk försäljning är ett sätt att sälja som övertygar utan påtryckningar och press".split(),
    "fi": "pehmeä myynti on tapa myydä joka vakuuttaa kevyesti ilman painostusta ja kiirettä".split(),
    "de": "der sanfte verkauf ist eine art zu verkaufen die ohne druck überzeugt und wirkt".split(),
    "ru": "мягкие продажи это способ продавать без давления и с лёгким касанием всегда".split(),
    "zh": "软销售 是 一种 不 施加 压力 的 销售 方式 轻松 说服".split(),
}
RULE_IDS = [
    "heading-structure",
    "link-targets",
    "front-matter",
    "declared-language",
    "untranslated",
    "glossary",
    "parse-error",
    "suppression",
    "no-such-rule",
    "",
]
LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"l{n}: &{chr(98 + n)} [{', '.join(['*' + chr(97 + n)] * 9)}]\n" for n in range(8)
)
HOSTILE_YAML = [
    "date: 2024-02-30",
    "count: !!int abc",
    "ratio: !!float x",
    "big: 1" + "0" * 5000,
    "keywords: &a [*a]",
    "x: " + "[" * 1000 + "]" * 1000,
    "x: " + "{a: " * 300 + "1" + "}" * 300,
    LAUGHS.rstrip("\n"),
    "t: !!timestamp 2024-13-45",
    "b: !!binary '%%%'",
    "s: !!set [1, 2]",
    "o: !!omap 5",
    "p: !!python/object:os.system x",
    "? [1, 2]\n: unhashable",
    "<<: 5",
    "x: *nowhere",
    "- a list\n- not a mapping",
    "title: [unclosed",
    "\t tab: indented",
    "title: \x00nul",
    "lang: 5",
    "lang: [sv]",
    "lang: sv\ntranslationKey: [x]",
    "title: !!str\n  multi\n  line",
]


@dataclass
class Case:
    seed: int
    files: int = 0  # generated inputs: Markdown files, configs, baselines
    failures: list[str] = field(default_factory=list)


class Timeout(Exception):
    pass


# ----- generation -----


def words(rng: random.Random, language: str, count: int) -> str:
    table = WORDS.get(language.split("-")[0].lower(), WORDS["en"])
    text = " ".join(rng.choice(table) for _ in range(count))
    if rng.random() < 0.2:
        text += " Soft Sell " + " ".join(rng.choice(WORDS["en"]) for _ in range(rng.randrange(6)))
    return text


def link(rng: random.Random) -> str:
    target = rng.choice(
        [
            "/x",
            "/sv/x",
            "https://en.wikipedia.org/wiki/Sales",
            "https://sv.wikipedia.org/wiki/Sales",
            "#anchor",
            "../other.md",
            "",
            "/" + "a" * rng.randrange(60) + "!",
            "mailto:x@example.com",
            "<>",
        ]
    )
    return rng.choice(
        [
            f"[text]({target})",
            f"![alt]({target})",
            f"<{target}>",
            f'<a href="{target}">text</a>',
            f"[ref][{rng.randrange(3)}]",
            f"[{rng.randrange(3)}]: {target}",
        ]
    )


def comment(rng: random.Random) -> str:
    verb = rng.choice(["disable", "enable", "disable-next-line", "disable-file", "bogus", ""])
    rules = ", ".join(rng.sample(RULE_IDS, rng.randrange(3)))
    reason = rng.choice(["", " -- a reason", " --", " -- "])
    return rng.choice([f"<!-- glossqa-{verb} {rules}{reason} -->", "<!-- glossqa", "<!-- x -->"])


def block(rng: random.Random, language: str, depth: int = 0) -> str:
    kind = rng.randrange(22)
    if kind < 4:
        return f"{'#' * rng.randint(1, 7)} {words(rng, language, rng.randint(0, 5))}" + rng.choice(
            ["", " {#id}", " {#x .y}", " {", " #"]
        )
    if kind < 8:
        return words(rng, language, rng.randint(1, 40)) + " " + link(rng)
    if kind == 8:
        fence = rng.choice(["```", "~~~", "``", "````"])
        closing = rng.choice([fence, fence[:-1], "", "```"])
        return f"{fence}python\nprint('x')\n{closing}"
    if kind == 9:
        return "\n".join(
            f"- {words(rng, language, 3)} {link(rng)}" for _ in range(rng.randint(1, 5))
        )
    if kind == 10:
        return "| a | b |\n|---|---|\n" + "\n".join(
            f"| {words(rng, language, 2)} | {link(rng)} |" for _ in range(rng.randint(0, 4))
        )
    if kind == 11:
        return f"> {words(rng, language, 10)}\n> {link(rng)}"
    if kind == 12:
        return f'!!! note "{words(rng, language, 2)}"\n    {words(rng, language, 8)}'
    if kind == 13:
        return f'=== "Tab"\n    {words(rng, language, 5)}\n\n=== "Tab 2"\n    {link(rng)}'
    if kind == 14:
        inner = block(rng, language, depth + 1) if depth < 3 else ""
        return (
            f"<div markdown>\n{inner}\n</div>" if rng.random() < 0.7 else "<div markdown>x\n" * 300
        )
    if kind == 15:
        return f'<h{rng.randint(1, 6)} id="h">{words(rng, language, 3)}</h{rng.randint(1, 6)}>'
    if kind == 16:
        return comment(rng)
    if kind == 17:
        return "{{< shortcode >}} " + words(rng, language, 4) + " {{% x %}}"
    if kind == 18:
        return f"Title\n{rng.choice(['===', '---'])}"
    if kind == 19:
        return "- " * rng.randint(1, 3) + "-"
    if kind == 20:
        return rng.choice(["***", "<!--", "-->", "<div>", "</div>", "```", "\\", "*" * 50])
    return words(rng, language, rng.randint(1, 10)) + "[^1]\n\n[^1]: " + words(rng, language, 3)


def front_matter(rng: random.Random, language: str, title: str, article: str) -> str:
    pairs = [f"title: {title}"]
    if rng.random() < 0.5:
        pairs.append(f"description: {words(rng, language, 5)}")
    if rng.random() < 0.3:
        pairs.append(f"keywords: [{', '.join(rng.sample(WORDS['en'], 3))}]")
    if rng.random() < 0.3:
        pairs.append(f"lang: {language}")
    if rng.random() < 0.2:
        pairs.append(f"translationKey: {article}")
    if rng.random() < 0.25:
        pairs.append(rng.choice(HOSTILE_YAML))
    rng.shuffle(pairs)
    delimiter = rng.choices(["---", "- - -", "+++", "---   "], [85, 8, 3, 4])[0]
    closing = delimiter if rng.random() < 0.95 else ""
    return f"{delimiter}\n" + "\n".join(pairs) + f"\n{closing}\n"


def markdown(rng: random.Random, language: str, article: str) -> bytes:
    parts = []
    if rng.random() < 0.9:
        parts.append(front_matter(rng, language, words(rng, language, 2), article))
    parts.append(f"# {words(rng, language, 3)}")
    parts += [block(rng, language) for _ in range(rng.randint(0, 12))]
    text = "\n\n".join(parts) + "\n"
    if rng.random() < 0.1:
        text = text.replace("\n", "\r\n")
    if rng.random() < 0.05:
        text = "\ufeff" + text
    data = text.encode("utf-8")
    return mutate(rng, data) if rng.random() < 0.35 else data


def mutate(rng: random.Random, data: bytes) -> bytes:
    lines = data.split(b"\n")
    for _ in range(rng.randint(1, 4)):
        choice = rng.randrange(7)
        index = rng.randrange(len(lines)) if lines else 0
        if choice == 0 and lines:
            del lines[index]
        elif choice == 1 and lines:
            lines.insert(index, lines[index])
        elif choice == 2 and lines:
            other = rng.randrange(len(lines))
            lines[index], lines[other] = lines[other], lines[index]
        elif choice == 3:
            lines.insert(index, bytes(rng.randrange(256) for _ in range(rng.randint(1, 8))))
        elif choice == 4 and lines:
            lines = lines[: index + 1]
        elif choice == 5:
            lines.insert(index, rng.choice([b"\x00", b"\xff\xfe", b"\xc3", b"\r", b"\t\t- x"]))
        else:
            lines.insert(index, rng.choice([b"---", b"- - -", b"+++", b"...", b"```"]))
    return b"\n".join(lines)


def rules_yaml(rng: random.Random) -> str:
    if rng.random() < 0.15:
        return rng.choice(HOSTILE_YAML) + "\n"
    values = [
        "[]",
        "{}",
        "[1]",
        "[[1, 2]]",
        "{sv: 5}",
        "{X: 5}",
        "{X: {sv: [a, 3]}}",
        "'(a|aa)+$'",
        "['(a|aa)+$']",
        "'(unclosed'",
        "[Soft Sell]",
        "{sv: [x]}",
        "{'*': []}",
        "5",
        "0.5",
        "true",
        "null",
        "2024-02-30",
        "!!int abc",
        "x",
        "[[nb, nn]]",
        "fifo.csv",
        "glossary.csv",
        "{sv: [mjuk]}",
    ]
    options = {
        "heading-structure": ["severity"],
        "link-targets": ["locale-prefix", "ignore", "localized-sites", "severity"],
        "front-matter": ["enabled"],
        "declared-language": ["min-words", "confusable", "min-confidence", "section-min-words"],
        "untranslated": ["terms", "keep", "detect", "min-words", "name-share", "mostly-english"],
        "glossary": ["terms", "forbidden", "file", "severity"],
        "no-such-rule": ["x"],
    }
    lines = []
    if rng.random() < 0.3:
        lines.append(f"source: {rng.choice(['en', 'sv', 'english', '5', '[en]'])}")
    if rng.random() < 0.2:
        lines.append(f"layout: {rng.choice(['auto', 'directory', 'suffix', 'front-matter', 'x'])}")
    if rng.random() < 0.2:
        lines.append(f"identical-keys: {rng.choice(values)}")
    lines.append("rules:")
    for rule in rng.sample(sorted(options), rng.randint(0, 4)):
        if rng.random() < 0.2:
            lines.append(f"  {rule}: {rng.choice(['false', 'true', 'enable', 'x', '[1]'])}")
            continue
        lines.append(f"  {rule}:")
        for option in rng.sample(options[rule], rng.randint(1, len(options[rule]))):
            value = rng.choice(values)
            if option == "severity":
                value = rng.choice(["error", "warning", "info", "fatal"])
            lines.append(f"    {option}: {value}")
    return "\n".join(lines) + "\n"


def baseline(rng: random.Random, paths: list[str]) -> str:
    choice = rng.randrange(6)
    if choice == 0:
        return "[" * rng.choice([10, 100_000]) + "]" * 10
    if choice == 1:
        return '{"glossqa-baseline": 1' + "0" * 5000 + "}"
    if choice == 2:
        return rng.choice(
            [
                "",
                "{",
                "null",
                '{"glossqa-baseline": 1}',
                '{"glossqa-baseline": 1, "diagnostics": [5]}',
            ]
        )
    entries = [
        {
            "path": rng.choice(paths) if paths else "x.md",
            "rule": rng.choice(RULE_IDS),
            "message": "x",
            "line": rng.randrange(10),
            "text": "",
        }
        for _ in range(rng.randrange(4))
    ]
    return json.dumps({"glossqa-baseline": 1, "diagnostics": entries})


def odd_name(rng: random.Random, name: str) -> bytes:
    stem, _, suffix = name.rpartition(".")
    kind = rng.randrange(6)
    if kind == 0:
        return f"{stem} with spaces.{suffix}".encode()
    if kind == 1:
        return f"{stem}-日本語-ü.{suffix}".encode()
    if kind == 2:
        return stem.encode() + b"\xff\xfe." + suffix.encode()
    if kind == 3:
        return f"{stem}.{suffix.upper()}".encode()
    return name.encode()


def build(rng: random.Random, root: Path, case: Case) -> list[str]:
    """Write one case under `root`; the arguments for glossqa (after `check`)."""
    base = os.fsencode(root)
    articles = [f"article{index}" for index in range(rng.randint(1, 3))]
    layout = rng.choices(["directory", "suffix", "front-matter", "nested"], [60, 15, 15, 10])[0]
    languages = rng.sample(LANGUAGES, rng.randint(1, 4))
    if rng.random() < 0.8 and "en" not in languages:
        languages.append("en")
    written: list[bytes] = []
    for article in articles:
        name = odd_name(rng, f"{article}.md") if rng.random() < 0.3 else f"{article}.md".encode()
        for language in languages:
            if layout == "directory":
                relative = language.encode() + b"/" + name
            elif layout == "nested":
                relative = b"content/" + language.encode() + b"/docs/" + name
            elif layout == "suffix":
                relative = name[:-3] + b"." + language.encode() + b".md"
            else:
                relative = name[:-3] + b"-" + language.encode() + b".md"
            path = base + b"/" + relative
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as handle:
                handle.write(markdown(rng, language, article))
            written.append(path)
            case.files += 1
    folder = os.path.dirname(written[0])
    if rng.random() < 0.15:
        special = rng.randrange(6)
        target = folder + b"/special-" + str(special).encode() + b".md"
        if special == 0:
            os.mkfifo(target)
        elif special == 1:
            os.symlink(b"/dev/zero", target)
        elif special == 2:
            os.symlink(target, target)  # a loop
        elif special == 3:
            os.makedirs(target + b"/inner", exist_ok=True)  # a folder named x.md
        elif special == 4:
            os.symlink(written[0], target)
        else:
            os.symlink(base, folder + b"/up")  # a folder loop
    arguments = ["--format", "json", "-q"]
    if rng.random() < 0.3:
        (root / "rules.yaml").write_text(rules_yaml(rng), encoding="utf-8")
        case.files += 1
        if rng.random() < 0.3:
            os.mkfifo(root / "fifo.csv")
        if rng.random() < 0.3:
            (root / "glossary.csv").write_text("en,sv\nSoft Sell,mjuk försäljning|x\n,\n")
    else:
        arguments.append("--isolated")
    if rng.random() < 0.15:
        (root / "baseline.json").write_text(
            baseline(rng, [os.fsdecode(os.path.relpath(p, base)) for p in written])
        )
        arguments += ["--baseline", "baseline.json"]
        case.files += 1
    if rng.random() < 0.2:
        arguments += ["--select", rng.choice(RULE_IDS[:6])]
    if rng.random() < 0.2:
        arguments.append(os.fsdecode(os.path.relpath(rng.choice(written), base)))
    else:
        arguments.append(".")
    return arguments


# ----- checking -----


def snapshot(root: Path) -> dict[bytes, tuple[str, int]]:
    """Each regular file's hash and mtime, without following symlinks or opening FIFOs."""
    found = {}
    for directory, _, names in os.walk(os.fsencode(root)):
        for name in names:
            path = os.path.join(directory, name)
            status = os.lstat(path)
            if os.path.isfile(path) and not os.path.islink(path):
                with open(path, "rb") as handle:
                    digest = hashlib.blake2b(handle.read()).hexdigest()
                found[path] = (digest, status.st_mtime_ns)
    return found


def run(arguments: list[str], root: Path) -> tuple[int, str, str, float]:
    """glossqa in this process, from `root`; exit code, stdout, stderr, seconds."""
    out, err = io.StringIO(), io.StringIO()
    previous = os.getcwd()
    os.chdir(root)
    started = time.monotonic()
    signal.setitimer(signal.ITIMER_REAL, TIME_BOUND)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(arguments)
            except SystemExit as exit_:
                code = exit_.code if isinstance(exit_.code, int) else 2
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        os.chdir(previous)
    return code, out.getvalue(), err.getvalue(), time.monotonic() - started


def check_case(seed: int, workspace: Path, keep: bool = False) -> Case:
    case = Case(seed)
    rng = random.Random(seed)
    root = Path(tempfile.mkdtemp(prefix=f"case{seed}-", dir=workspace))
    caches = Path(tempfile.mkdtemp(prefix=f"cache{seed}-", dir=workspace))
    try:
        arguments = build(rng, root, case)
        before = snapshot(root)
        variants = {
            "cold cache": ["check", "--jobs", "1", "--cache-dir", str(caches), *arguments],
            "warm cache": ["check", "--jobs", "1", "--cache-dir", str(caches), *arguments],
        }
        if seed % JOBS_EVERY == 0:
            variants["no cache"] = ["check", "--jobs", "1", "--no-cache", *arguments]
        if seed % JOBS_EVERY == JOBS_EVERY // 2:
            variants["--jobs 2"] = ["check", "--jobs", "2", "--no-cache", *arguments]
        outputs = {}
        for name, argv in variants.items():
            try:
                code, out, err, seconds = run(argv, root)
            except Timeout:
                case.failures.append(f"{name}: no result within {TIME_BOUND} s")
                continue
            except BaseException:  # noqa: BLE001 - an uncaught exception is what we look for
                case.failures.append(f"{name}: uncaught exception\n{traceback.format_exc()}")
                continue
            outputs[name] = (code, out)
            case.failures += problems(name, code, out, err, root)
        if len({value for value in outputs.values()}) > 1:
            case.failures.append(
                "outputs differ: " + ", ".join(f"{n}: exit {c}" for n, (c, _) in outputs.items())
            )
        if snapshot(root) != before:
            case.failures.append("a checked file changed (bytes or mtime)")
    finally:
        if not keep:
            shutil.rmtree(root, ignore_errors=True)
        shutil.rmtree(caches, ignore_errors=True)
    return case


def problems(name: str, code: int, out: str, err: str, root: Path) -> list[str]:
    found = []
    if code not in (0, 1, 2):
        found.append(f"{name}: exit code {code}")
    if "Traceback" in err:
        found.append(f"{name}: traceback on stderr\n{err}")
    if code == 2:
        if not err.startswith(("glossqa: ", "usage: ")):
            found.append(f"{name}: exit 2 without a message: {err!r}")
        return found
    try:
        diagnostics = json.loads(out.encode("utf-8", "surrogateescape"))
    except ValueError as error:
        return found + [f"{name}: output is not JSON ({error}): {out[:200]!r}"]
    for diagnostic in diagnostics:
        if diagnostic["rule"] == "parse-error":
            path = os.fsencode(diagnostic["path"])
            if not path or not os.path.lexists(os.path.join(os.fsencode(root), path)):
                found.append(f"{name}: parse-error names no file of the case: {diagnostic}")
    return found


def _alarm(signum, frame) -> None:
    raise Timeout()


def fuzz(first_seed: int, cases: int, keep: bool = False, report_every: int = 0) -> dict:
    """Run `cases` cases from `first_seed`; a summary with every failure."""
    previous = signal.signal(signal.SIGALRM, _alarm)
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (min(MEMORY_BOUND, hard), hard))  # a regression
    # that reads /dev/zero must fail here, not exhaust the shared machine
    started = time.monotonic()
    summary: dict = {"cases": 0, "files": 0, "failures": [], "slowest": 0.0}
    workspace = Path(tempfile.mkdtemp(prefix="glossqa-fuzz-", dir=_fast_temp()))
    try:
        for seed in range(first_seed, first_seed + cases):
            case_started = time.monotonic()
            case = check_case(seed, workspace, keep)
            summary["slowest"] = max(summary["slowest"], time.monotonic() - case_started)
            summary["cases"] += 1
            summary["files"] += case.files
            for failure in case.failures:
                summary["failures"].append((seed, failure))
                print(f"seed {seed}: {failure}", file=sys.stderr, flush=True)
            if report_every and summary["cases"] % report_every == 0:
                print(
                    f"{summary['cases']} cases, {summary['files']} files, "
                    f"{len(summary['failures'])} failures, {time.monotonic() - started:.0f} s",
                    file=sys.stderr,
                    flush=True,
                )
    finally:
        signal.signal(signal.SIGALRM, previous)
        if not keep:
            shutil.rmtree(workspace, ignore_errors=True)
    summary["seconds"] = time.monotonic() - started
    return summary


def _fast_temp() -> str | None:
    return "/dev/shm" if os.access("/dev/shm", os.W_OK) else None


def cli() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=0, help="the first case's seed")
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--keep", action="store_true", help="keep the cases' folders")
    arguments = parser.parse_args()
    summary = fuzz(arguments.seed, arguments.cases, arguments.keep, report_every=500)
    print("| date | seeds | cases | generated files | failures | minutes | slowest case |")
    print("|---|---|---|---|---|---|---|")
    print(
        f"| {time.strftime('%Y-%m-%d')} | {arguments.seed}–{arguments.seed + arguments.cases - 1} "
        f"| {summary['cases']:,} | {summary['files']:,} | {len(summary['failures'])} "
        f"| {summary['seconds'] / 60:.1f} | {summary['slowest']:.1f} s |"
    )
    return 1 if summary["failures"] else 0


if __name__ == "__main__":
    sys.exit(cli())
