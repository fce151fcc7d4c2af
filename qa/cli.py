"""The `glossqa` command line."""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from . import __version__, baseline, cache, gitinfo, langtags, merge, parallel, terminal
from .atomic import write_atomically
from .cache import Cache
from .catalog import checks
from .config import Config, ConfigError, defaults, find_config, load_config
from .group import display_path
from .model import SEVERITIES, Diagnostic, ReportContext
from .paths import printable
from .pipeline import Result, check_paths
from .report import AUTO, FORMATS, resolve
from .rules import RULES
from .scope import cache_root

EXIT_CLEAN, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
WRITE_SLICE = 1 << 20  # characters


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="glossqa", description="Find where translations of Markdown docs drifted."
    )
    parser.add_argument("--version", action="version", version=f"glossqa {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    check = commands.add_parser("check", help="check translation groups under the given paths")
    check.add_argument(
        "paths",
        nargs="*",
        type=Path,
        default=[Path(".")],
        help="files or folders (default: .); their sibling translations are read too, but only these are reported on",
    )
    where = check.add_mutually_exclusive_group()
    where.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help="use this rules.yaml instead of searching for one",
    )
    where.add_argument(
        "--isolated",
        action="store_true",
        help="ignore every config file; run every rule with its defaults",
    )
    check.add_argument(
        "--source", metavar="LANG", help="the source language every translation is compared with"
    )
    check.add_argument(
        "--format",
        choices=sorted([*FORMATS, AUTO]),
        default="text",
        help="output format (default: text); auto is github inside GitHub Actions, else text",
    )

    failing = check.add_argument_group("what is reported and what fails")
    failing.add_argument(
        "--select",
        action="append",
        default=[],
        metavar="RULES",
        help="only these rule ids (comma-separated, repeatable); runs them even if rules.yaml disables them",
    )
    failing.add_argument(
        "--ignore",
        action="append",
        default=[],
        metavar="RULES",
        help="not these rule ids (comma-separated, repeatable)",
    )
    failing.add_argument(
        "--fail-on",
        choices=SEVERITIES,
        default=None,
        help="the least severity that makes the exit code 1 (default: error)",
    )
    failing.add_argument(
        "--strict", action="store_true", help="fail on warnings too (same as --fail-on warning)"
    )
    failing.add_argument(
        "--baseline",
        type=Path,
        metavar="FILE",
        help="hide the diagnostics recorded in FILE; only new ones are shown",
    )
    failing.add_argument(
        "--write-baseline",
        type=Path,
        metavar="FILE",
        help="record today's diagnostics in FILE (replacing it) and exit 0",
    )

    speed = check.add_argument_group("speed")
    speed.add_argument(
        "-j",
        "--jobs",
        type=_positive,
        default=parallel.available_cores(),
        metavar="N",
        help="check groups in N processes (default: all cores, here %(default)s)",
    )
    speed.add_argument(
        "--cache-dir",
        type=Path,
        metavar="DIR",
        help=f"keep results per group in DIR (default: {cache.DEFAULT_DIRECTORY} in the project root: "
        "the config file's folder, else the git work tree, else the current folder)",
    )
    speed.add_argument(
        "--no-cache", action="store_true", help="neither read nor write the result cache"
    )
    speed.add_argument(
        "--shard",
        type=_shard,
        metavar="K/N",
        help="check only the K-th of N equal shares of the articles (a CI matrix of N jobs); "
        "`glossqa merge` combines their JSON or SARIF reports",
    )

    shown = check.add_argument_group("terminal")
    shown.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text format (default: auto: on a terminal, unless NO_COLOR is set)",
    )
    shown.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="no progress bar and no closing summary on stderr",
    )

    _add_report_options(check)
    _add_history_commands(commands)

    merging = commands.add_parser(
        "merge", help="combine the JSON or SARIF reports of --shard runs into one, as one run"
    )
    merging.add_argument("reports", nargs="+", type=Path, metavar="REPORT")
    _add_editor_options(check)

    rules = commands.add_parser("rules", help="list the rules with their documentation")
    rules.add_argument("ids", nargs="*", metavar="RULE", help="show only these rules")
    _add_editor_commands(commands)
    return parser


def _add_editor_options(check: argparse.ArgumentParser) -> None:
    fixing = check.add_argument_group("fixes, editors and statistics")
    how = fixing.add_mutually_exclusive_group()
    how.add_argument(
        "--fix",
        action="store_true",
        help="apply the safe fixes to the reported files (atomically), then report what is left",
    )
    how.add_argument(
        "--diff",
        action="store_true",
        help="print the fixes as a unified diff and write nothing; exit 1 if there are any",
    )
    how.add_argument(
        "--statistics",
        action="store_true",
        help="print how many diagnostics each rule has, per language, instead of the diagnostics",
    )
    fixing.add_argument(
        "--unsafe-fixes",
        action="store_true",
        help="with --fix or --diff, apply the fixes that need a look too",
    )
    fixing.add_argument(
        "--stdin-filename",
        type=Path,
        metavar="PATH",
        help="read the file's text from stdin and check it as PATH, against PATH's siblings on disk; "
        "with --fix, print the fixed text",
    )


def _add_editor_commands(commands) -> None:
    commands.add_parser(
        "server", help="run the language server (LSP over stdio) for editors; needs glossqa[lsp]"
    )
    commands.add_parser("schema", help="print the JSON Schema of rules.yaml")
    init = commands.add_parser(
        "init", help="write a commented starter rules.yaml for the tree here (never overwrites)"
    )
    init.add_argument(
        "folder", nargs="?", type=Path, default=Path("."), help="the site's folder (default: .)"
    )
    shown = commands.add_parser(
        "config", help="print the effective config and where each value came from"
    )
    shown.add_argument(
        "path",
        nargs="?",
        type=Path,
        default=Path("."),
        help="the file or folder whose config is shown (default: .)",
    )
    shown.add_argument("--config", type=Path, metavar="FILE", help="this rules.yaml instead")


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    arguments = parser.parse_args(argv)
    try:
        if arguments.command in ("status", "stamp"):
            return _history_command(arguments, parser)
        if arguments.command == "rules":
            code = _list_rules(arguments.ids, parser)
        elif arguments.command == "merge":
            code = _merge(arguments.reports)
        elif arguments.command in ("server", "schema", "init", "config"):
            code = _editor_command(arguments, parser)
        else:
            code = _check(arguments, parser)
        if not sys.stdout.closed:  # the language server closes it on exit
            sys.stdout.flush()  # here, so that a closed pipe is caught below, not at exit
        return code
    except BrokenPipeError:
        return _closed_pipe()
    except ConfigError as error:
        print(f"glossqa: {error}", file=sys.stderr)
        return EXIT_USAGE
    except baseline.BaselineError as error:
        print(f"glossqa: {error}", file=sys.stderr)
        return EXIT_USAGE
    except gitinfo.GitError as error:
        print(f"glossqa: --changed-since: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


def _shard(text: str) -> tuple[int, int]:
    index, slash, count = text.partition("/")
    if not (slash and index.isdigit() and count.isdigit() and 1 <= int(index) <= int(count)):
        raise argparse.ArgumentTypeError(f"{text!r}: expected K/N with 1 <= K <= N, e.g. 2/4")
    return int(index), int(count)


def _merge(reports: list[Path]) -> int:
    try:
        sys.stdout.write(merge.merge(reports))
    except merge.MergeError as error:
        print(f"glossqa: merge: {error}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_CLEAN


def _check(arguments, parser: argparse.ArgumentParser) -> int:
    for path in arguments.paths:
        if not path.exists():
            parser.error(f"{path}: no such file or folder")
    config = _config(arguments, parser)
    selected = _rule_ids(arguments.select, "--select", parser)
    ignored = _rule_ids(arguments.ignore, "--ignore", parser)
    _choose_rules(config, selected, ignored)
    if arguments.strict and arguments.fail_on not in (None, "warning"):
        parser.error(
            f"--strict means --fail-on warning; it contradicts --fail-on {arguments.fail_on}"
        )
    fail_on = "warning" if arguments.strict else arguments.fail_on or "error"
    recorded = baseline.load(arguments.baseline) if arguments.baseline else None

    report = resolve(arguments.format)
    changes = gitinfo.changed_since(arguments.changed_since) if arguments.changed_since else None
    if arguments.stdin_filename:
        result, stdin_text = _check_stdin(arguments, parser, config)
    else:
        progress = terminal.Progress(sys.stderr) if not arguments.quiet else None
        try:
            result = check_paths(
                arguments.paths,
                config,
                progress,
                arguments.jobs,
                _cache(arguments, config),
                arguments.shard,
                outline=getattr(report, "OUTLINES", False),
            )
        finally:
            if progress:
                progress.close()
    if not arguments.quiet:
        for note in result.notes:
            print(f"glossqa: {note}", file=sys.stderr)
    if arguments.write_baseline:
        recorded_now = list(_Shown(result.diagnostics, selected, ignored))
        baseline.write(arguments.write_baseline, recorded_now)
        if not arguments.quiet:
            print(
                f"glossqa: recorded {len(recorded_now)} diagnostics in {arguments.write_baseline}",
                file=sys.stderr,
            )
        return EXIT_CLEAN
    shown = _Shown(result.diagnostics, selected, ignored, recorded, arguments.baseline, changes)
    if arguments.fix or arguments.diff:
        return _fix(
            arguments, parser, list(shown), stdin_text if arguments.stdin_filename else None
        )
    if changes is not None:
        shown.tally()  # the report says how many it leaves out before it lists the rest

    severities = {
        check_id: settings.severity
        for check_id, settings in config.rules.items()
        if settings.enabled
    }
    context = ReportContext(
        files=result.paths,
        groups=result.groups,
        severities=severities,
        fail_on=fail_on,
        color=report.NAME == "text" and terminal.use_color(arguments.color, sys.stdout),
        fingerprints=report.NAME == "sarif",
        outlines=result.outlines,
        changed_since=arguments.changed_since,
        unchanged=shown.unchanged,
    )
    if getattr(report, "LINKS", False):
        repository = gitinfo.detect_repository(arguments.repository_url)
        context.repository = repository.link("").rstrip("/") if repository else None
    pieces = iter([_statistics(shown)]) if arguments.statistics else report.stream(shown, context)
    rendered = (printable(piece) for piece in pieces)  # file names that are not UTF-8
    if arguments.output:
        try:
            write_atomically(arguments.output, rendered)
            _readable_like_a_new_file(arguments.output)
        except OSError as error:
            print(f"glossqa: --output {arguments.output}: {error.strerror}", file=sys.stderr)
            return EXIT_USAGE
    else:
        for text in _joined(rendered):
            sys.stdout.write(text)
    sys.stdout.flush()  # the summary follows the report when both streams go to one place
    shown.tally()
    if not arguments.quiet:
        print(
            terminal.summary(result.files, result.groups, shown.severities, shown.hidden),
            file=sys.stderr,
        )
        if shown.unchanged:
            print(
                f"glossqa: {shown.unchanged} more on lines not changed since {arguments.changed_since}",
                file=sys.stderr,
            )
    failing = SEVERITIES[: SEVERITIES.index(fail_on) + 1]
    return EXIT_FAILED if any(shown.severities[s] for s in failing) else EXIT_CLEAN


class _Shown:
    """The diagnostics the report shows: the check's, less those --select, --ignore, the baseline
    and --changed-since leave out; read afresh for each pass a report makes over them (they may be
    on disk). A complete pass leaves its counts in `severities`, `hidden` and `unchanged`."""

    def __init__(
        self,
        found: Iterable[Diagnostic],
        selected: set[str],
        ignored: set[str],
        recorded: Counter[baseline.Identity] | None = None,
        baseline_path: Path | None = None,
        changes: gitinfo.Changes | None = None,
    ):
        self.found, self.selected, self.ignored = found, selected, ignored
        self.recorded, self.baseline_path, self.changes = recorded, baseline_path, changes
        self.severities: Counter[str] = Counter()
        self.complete = False  # whether a pass has been made to the end
        self.hidden = self.unchanged = 0

    def __iter__(self) -> Iterator[Diagnostic]:
        hider = (  # each pass hides as many as the baseline holds
            baseline.Hider(self.recorded, self.baseline_path)
            if self.recorded is not None and self.baseline_path
            else None
        )
        severities: Counter[str] = Counter()
        hidden = unchanged = 0
        for diagnostic in self.found:
            if (self.selected and diagnostic.rule not in self.selected) or (
                diagnostic.rule in self.ignored
            ):
                continue
            if hider and hider.hides(diagnostic):
                hidden += 1
            elif self.changes is not None and not self.changes.keeps(diagnostic):
                unchanged += 1
            else:
                severities[diagnostic.severity] += 1
                yield diagnostic
        self.severities, self.hidden, self.unchanged = severities, hidden, unchanged
        self.complete = True

    def tally(self) -> None:
        """Count, unless a complete pass already did."""
        if not self.complete:
            for _ in self:
                pass


def _joined(pieces: Iterable[str]) -> Iterator[str]:
    """Pieces of about WRITE_SLICE characters: few writes, and never the whole report at once
    (encoding a whole site's report would double it in memory)."""
    held: list[str] = []
    size = 0
    for piece in pieces:
        held.append(piece)
        size += len(piece)
        if size >= WRITE_SLICE:
            yield "".join(held)
            held, size = [], 0
    if held:
        yield "".join(held)


def _add_report_options(check: argparse.ArgumentParser) -> None:
    report = check.add_argument_group("reports")
    report.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help="write the report to FILE (replacing it) instead of stdout",
    )
    report.add_argument(
        "--changed-since",
        metavar="REF",
        help="report only diagnostics on lines changed since the git revision REF (committed or "
        "not), those about a whole file, and those pointing at a changed line of the reference",
    )
    report.add_argument(
        "--repository-url",
        metavar="URL",
        help="link html and markdown reports to files at this web address (default: GitHub "
        "Actions' repository, else git's remote.origin.url)",
    )


def _readable_like_a_new_file(path: Path) -> None:
    """The atomic write's temporary file is private (0600); a report is meant to be shared."""
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(path, 0o666 & ~umask)


def _config(arguments, parser: argparse.ArgumentParser) -> Config:
    if arguments.isolated:
        config = defaults(RULES)
    else:
        config_path = arguments.config or find_config(
            getattr(arguments, "stdin_filename", None) or arguments.paths[0]
        )
        if arguments.config and not arguments.config.is_file():
            parser.error(f"--config {arguments.config}: no such file")
        config = load_config(config_path, RULES) if config_path else defaults(RULES)
    if arguments.source:
        config.source = langtags.normalize(arguments.source)
        if not config.source:
            parser.error(f"--source {arguments.source!r} is not a language tag")
    return config


def _cache(arguments, config: Config) -> Cache | None:
    if arguments.no_cache:
        return None
    return Cache(
        arguments.cache_dir or cache.default_directory(cache_root(arguments.paths, config.path)),
        config,
    )


def _positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {value!r}")
    return int(value)


def _rule_ids(values: list[str], option: str, parser: argparse.ArgumentParser) -> set[str]:
    ids = {item.strip() for value in values for item in value.split(",") if item.strip()}
    known = checks()
    unknown = sorted(ids - set(known))
    if unknown:
        parser.error(
            f"{option}: unknown rule {', '.join(map(repr, unknown))} (known: {', '.join(known)})"
        )
    return ids


def _choose_rules(config: Config, selected: set[str], ignored: set[str]) -> None:
    """Run only what will be reported: a selected rule runs even if rules.yaml disables it."""
    for rule_id, settings in config.rules.items():
        if selected:
            settings.enabled = rule_id in selected
        if rule_id in ignored:
            settings.enabled = False


def _list_rules(ids: list[str], parser: argparse.ArgumentParser) -> int:
    known = checks()
    for unknown in [rule_id for rule_id in ids if rule_id not in known]:
        parser.error(f"unknown rule {unknown!r} (known: {', '.join(known)})")
    for rule_id in ids or known:
        check = known[rule_id]
        print(f"{rule_id} (default severity: {check.severity})")
        print("    " + check.doc.strip().replace("\n", "\n    "))
        if check.options:
            print("    Options (defaults):")
            for option, default in check.options.items():
                print(f"      {option}: {default!r}")
        print()
    return EXIT_CLEAN


def _add_history_commands(commands) -> None:
    status = commands.add_parser(
        "status",
        help="per language: translations up to date, outdated, missing and orphaned (exit 0)",
    )
    status.add_argument("paths", nargs="*", type=Path, default=[Path(".")], help="files or folders")
    status.add_argument("--config", type=Path, metavar="FILE", help="use this rules.yaml")
    status.add_argument("--source", metavar="LANG", help="the source language")
    status.add_argument(
        "--format", choices=("text", "json", "markdown"), default="text", help="default: text"
    )
    status.add_argument("--files", action="store_true", help="list every file with its status")
    stamp = commands.add_parser(
        "stamp",
        help="record in each translation the source commit it now follows (writes the files)",
    )
    stamp.add_argument("paths", nargs="+", type=Path, metavar="FILE", help="translated files")
    stamp.add_argument("--config", type=Path, metavar="FILE", help="use this rules.yaml")
    stamp.add_argument("--source", metavar="LANG", help="the source language")
    for command in (status, stamp):
        command.set_defaults(isolated=False)


def _history_command(arguments, parser: argparse.ArgumentParser) -> int:
    from . import stamp, status
    from .rules import outdated

    for path in arguments.paths:
        if not path.exists():
            parser.error(f"{path}: no such file or folder")
    config = _config(arguments, parser)
    if arguments.command == "status":
        found = status.file_statuses(arguments.paths, config)
        sys.stdout.write(status.render(found, arguments.format, arguments.files))
        return EXIT_CLEAN
    options = config.rules[outdated.ID].options
    results = stamp.stamp(
        arguments.paths, config, outdated.commit_keys(options), options["source-commit-key"]
    )
    for result in results:
        print(
            f"{result.path}: {result.reason}" + (f" {result.commit[:12]}" if result.commit else "")
        )
    return EXIT_CLEAN if all(result.commit for result in results) else EXIT_FAILED


# Editors, fixes and statistics ----------------------------------------------------------------

MAX_FIX_PASSES = 10
EXIT_CLOSED_PIPE = 141  # what a shell reports for a command that SIGPIPE ended, as `cat` would be


def _closed_pipe() -> int:
    """The reader went away (`glossqa rules | head`): stop quietly, and keep Python from complaining
    about the unflushed rest at exit."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return EXIT_CLOSED_PIPE


def _check_stdin(arguments, parser: argparse.ArgumentParser, config: Config) -> tuple[Result, str]:
    from .buffer import check_buffer

    if arguments.paths != [Path(".")] and arguments.paths != [arguments.stdin_filename]:
        parser.error("--stdin-filename checks one file: name no other paths")
    content = sys.stdin.buffer.read()
    diagnostics = check_buffer(arguments.stdin_filename, content, config)
    shown = display_path(Path(os.path.abspath(arguments.stdin_filename)))
    text = content.decode("utf-8", errors="surrogateescape")
    return Result(diagnostics, files=1, groups=1, paths=[shown]), text


def _fix(
    arguments, parser: argparse.ArgumentParser, diagnostics: list, stdin_text: str | None
) -> int:
    """--fix and --diff: the fixes attached to the diagnostics, applied to the files they were found in."""
    from . import fixes

    fixed_files = []
    unsafe = arguments.unsafe_fixes
    for path, found in fixes.fixable(diagnostics, unsafe).items():
        if stdin_text is not None:
            text = stdin_text
        else:
            try:
                text = Path(path).read_bytes().decode("utf-8")
            except (OSError, UnicodeDecodeError) as error:
                print(f"glossqa: {path}: not fixed: {error}", file=sys.stderr)
                continue
        fixed_files.append(fixes.fix_text(path, text, found))
    count = sum(len(fixed.fixed) for fixed in fixed_files)
    if arguments.diff:
        sys.stdout.write("".join(fixed.diff() for fixed in fixed_files))
        if not arguments.quiet:
            print(
                f"glossqa: {count} fixes available{_unsafe_note(diagnostics, unsafe)}",
                file=sys.stderr,
            )
        return EXIT_FAILED if count else EXIT_CLEAN
    if stdin_text is not None:
        sys.stdout.write(_fixed_buffer(arguments, parser, stdin_text, fixed_files))
        return EXIT_CLEAN
    fixed_before = getattr(arguments, "fixed", [])
    written = [fixed for fixed in fixed_files if fixed.fixed and fixed.after != fixed.before]
    for fixed in written:
        try:
            write_atomically(Path(fixed.path), fixed.after)
        except OSError as error:
            print(f"glossqa: {fixed.path}: not fixed: {error}", file=sys.stderr)
            fixed.fixed = []
    fixed_now = fixed_before + [(fixed.path, len(fixed.fixed)) for fixed in written]
    passes = getattr(arguments, "fix_passes", 0) + 1
    if any(fixed.fixed for fixed in written) and passes < MAX_FIX_PASSES:
        # a fix can uncover another (a lengthened fence brings back the headings it swallowed)
        again = {**vars(arguments), "fixed": fixed_now, "fix_passes": passes}
        return _check(argparse.Namespace(**again), parser)
    if not arguments.quiet:
        problems = sum(n for _, n in fixed_now)
        files = len({path for path, n in fixed_now if n})
        print(
            f"glossqa: fixed {problems} problem{'s' if problems != 1 else ''} "
            f"in {files} file{'s' if files != 1 else ''}{_unsafe_note(diagnostics, unsafe)}",
            file=sys.stderr,
        )
    return _check(argparse.Namespace(**{**vars(arguments), "fix": False}), parser)


def _unsafe_note(diagnostics: list, unsafe: bool) -> str:
    held = sum(1 for d in diagnostics if d.fix is not None and not d.fix.safe)
    return "" if unsafe or not held else f" ({held} more with --unsafe-fixes)"


def _fixed_buffer(arguments, parser: argparse.ArgumentParser, text: str, fixed_files: list) -> str:
    """The buffer with its fixes applied, pass after pass, as --fix does to files."""
    from . import fixes
    from .buffer import check_buffer

    config = _config(arguments, parser)
    for _ in range(MAX_FIX_PASSES):
        if not fixed_files or not fixed_files[0].fixed:
            break
        text = fixed_files[0].after
        found = fixes.fixable(
            check_buffer(arguments.stdin_filename, text.encode(), config), arguments.unsafe_fixes
        )
        fixed_files = [fixes.fix_text(path, text, items) for path, items in found.items()]
    return text


def _statistics(diagnostics: Iterable[Diagnostic]) -> str:
    """One line per rule, most frequent first: the count, the rule, and the count per language."""
    counts: dict[str, Counter] = {}
    for diagnostic in diagnostics:
        counts.setdefault(diagnostic.rule, Counter())[diagnostic.language or "-"] += 1
    ordered = sorted(counts.items(), key=lambda item: (-item[1].total(), item[0]))
    width = max((len(rule) for rule in counts), default=0)
    lines = [
        f"{per_language.total():6}  {rule:{width}}  "
        + " ".join(f"{language} {n}" for language, n in sorted(per_language.items()))
        for rule, per_language in ordered
    ]
    return "".join(line + "\n" for line in lines)


def _editor_command(arguments, parser: argparse.ArgumentParser) -> int:
    if arguments.command == "server":
        try:
            from .server import serve
        except ImportError as error:
            print(
                f"glossqa: the language server needs pygls ({error}); "
                "install glossqa[lsp] to get it",
                file=sys.stderr,
            )
            return EXIT_USAGE
        serve()
        return EXIT_CLEAN
    if arguments.command == "schema":
        from .schema import schema_text

        sys.stdout.write(schema_text())
        return EXIT_CLEAN
    if arguments.command == "init":
        from .init import write_starter

        return write_starter(arguments.folder)
    from .init import show_config

    return show_config(arguments.path, arguments.config)
