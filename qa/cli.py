"""The `glossqa` command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__, langtags
from .config import ConfigError, defaults, find_config, load_config
from .pipeline import check_paths
from .report import FORMATS
from .rules import RULES

EXIT_CLEAN, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="glossqa", description="Find where translations of Markdown docs drifted.")
    parser.add_argument("--version", action="version", version=f"glossqa {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    check = commands.add_parser("check", help="check translation groups under the given paths")
    check.add_argument("paths", nargs="*", type=Path, default=[Path(".")], help="files or folders (default: .)")
    where = check.add_mutually_exclusive_group()
    where.add_argument("--config", type=Path, metavar="FILE", help="use this rules.yaml instead of searching for one")
    where.add_argument("--isolated", action="store_true", help="ignore every config file; run every rule with its defaults")
    check.add_argument("--source", metavar="LANG", help="the source language every translation is compared with")
    check.add_argument("--format", choices=sorted(FORMATS), default="text", help="output format (default: text)")

    commands.add_parser("rules", help="list the rules with their documentation")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    arguments = parser.parse_args(argv)
    try:
        if arguments.command == "rules":
            return _list_rules()
        return _check(arguments, parser)
    except ConfigError as error:
        print(f"glossqa: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


def _check(arguments, parser: argparse.ArgumentParser) -> int:
    for path in arguments.paths:
        if not path.exists():
            parser.error(f"{path}: no such file or folder")
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
    result = check_paths(arguments.paths, config)
    sys.stdout.write(FORMATS[arguments.format].render(result.diagnostics, result))
    failed = any(diagnostic.severity == "error" for diagnostic in result.diagnostics)
    return EXIT_ERRORS if failed else EXIT_CLEAN


def _list_rules() -> int:
    for rule_id, module in RULES.items():
        print(f"{rule_id} (default severity: {module.SEVERITY})")
        print("    " + (module.__doc__ or "").strip().replace("\n", "\n    "))
        if module.OPTIONS:
            print("    Options (defaults):")
            for option, default in module.OPTIONS.items():
                print(f"      {option}: {default!r}")
        print()
    return EXIT_CLEAN
