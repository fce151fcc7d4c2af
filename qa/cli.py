"""The `glossqa` command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__, baseline, cache, langtags, merge, parallel, terminal
from .cache import Cache
from .catalog import checks
from .config import Config, ConfigError, defaults, find_config, load_config
from .model import SEVERITIES, ReportContext
from .pipeline import check_paths
from .report import AUTO, FORMATS, resolve
from .rules import RULES
from .scope import project_root

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

    _add_history_commands(commands)

    merging = commands.add_parser(
        "merge", help="combine the JSON or SARIF reports of --shard runs into one, as one run"
    )
    merging.add_argument("reports", nargs="+", type=Path, metavar="REPORT")

    rules = commands.add_parser("rules", help="list the rules with their documentation")
    rules.add_argument("ids", nargs="*", metavar="RULE", help="show only these rules")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    arguments = parser.parse_args(argv)
    try:
        if arguments.command in ("status", "stamp"):
            return _history_command(arguments, parser)
        if arguments.command == "rules":
            return _list_rules(arguments.ids, parser)
        if arguments.command == "merge":
            return _merge(arguments.reports)
        return _check(arguments, parser)
    except ConfigError as error:
        print(f"glossqa: {error}", file=sys.stderr)
        return EXIT_USAGE
    except baseline.BaselineError as error:
        print(f"glossqa: {error}", file=sys.stderr)
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

    progress = terminal.Progress(sys.stderr) if not arguments.quiet else None
    try:
        result = check_paths(
            arguments.paths,
            config,
            progress,
            arguments.jobs,
            _cache(arguments, config),
            arguments.shard,
        )
    finally:
        if progress:
            progress.close()
    if not arguments.quiet:
        for note in result.notes:
            print(f"glossqa: {note}", file=sys.stderr)
    diagnostics = [
        d
        for d in result.diagnostics
        if (not selected or d.rule in selected) and d.rule not in ignored
    ]

    if arguments.write_baseline:
        baseline.write(arguments.write_baseline, diagnostics)
        if not arguments.quiet:
            print(
                f"glossqa: recorded {len(diagnostics)} diagnostics in {arguments.write_baseline}",
                file=sys.stderr,
            )
        return EXIT_CLEAN
    hidden = 0
    if recorded is not None:
        diagnostics, hidden = baseline.hide(diagnostics, recorded, arguments.baseline)

    report = resolve(arguments.format)
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
        fingerprints=baseline.fingerprints(diagnostics) if report.NAME == "sarif" else [],
    )
    rendered = report.render(diagnostics, context)
    for start in range(
        0, len(rendered), WRITE_SLICE
    ):  # encoding a whole site's report at once would double it in memory
        sys.stdout.write(rendered[start : start + WRITE_SLICE])
    sys.stdout.flush()  # the summary follows the report when both streams go to one place
    if not arguments.quiet:
        print(terminal.summary(result.files, result.groups, diagnostics, hidden), file=sys.stderr)
    return EXIT_FAILED if any(context.fails(d) for d in diagnostics) else EXIT_CLEAN


def _config(arguments, parser: argparse.ArgumentParser) -> Config:
    if arguments.isolated:
        config = defaults(RULES)
    else:
        config_path = arguments.config or find_config(arguments.paths[0])
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
        arguments.cache_dir or cache.default_directory(project_root(arguments.paths, config.path)),
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
