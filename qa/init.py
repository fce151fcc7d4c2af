"""`glossqa init` writes a commented starter rules.yaml for the tree it finds; `glossqa config` prints the
config in effect and where each value came from."""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from pathlib import Path

import yaml

from . import langtags
from .catalog import SCHEMA_URL, rule_url
from .config import CONFIG_NAMES, PROJECT_DEFAULTS, Config, defaults, find_config, load_config
from .discover import discover
from .exclude import without_excluded
from .group import display_path, group_sources, place
from .rules import RULES

EXIT_CLEAN, EXIT_REFUSED = 0, 2
DETECTED_LAYOUTS = ("directory", "suffix", "front-matter")


def write_starter(folder: Path) -> int:
    if not folder.is_dir():
        print(f"glossqa: {folder}: no such folder", file=sys.stderr)
        return EXIT_REFUSED
    existing = [folder / name for name in CONFIG_NAMES if (folder / name).exists()]
    if existing:
        print(
            f"glossqa: {display_path(existing[0])} already exists; init never overwrites it",
            file=sys.stderr,
        )
        return EXIT_REFUSED
    target = folder / CONFIG_NAMES[0]
    text = starter(folder)
    try:
        with open(target, "x", encoding="utf-8") as stream:  # "x": never over a file made meanwhile
            stream.write(text)
    except OSError as error:
        print(f"glossqa: {display_path(target)}: not written: {error}", file=sys.stderr)
        return EXIT_REFUSED
    print(f"glossqa: wrote {display_path(target)}", file=sys.stderr)
    return EXIT_CLEAN


def starter(folder: Path) -> str:
    files = without_excluded(
        sorted(Path(os.path.abspath(p)) for p in discover([folder])), None, [], True
    )
    layout, groups, languages = detect(files)
    source = _likely_source(groups)
    shown = ", ".join(f"{language} ({count})" for language, count in languages.most_common())
    lines = [
        f"# yaml-language-server: $schema={SCHEMA_URL}",
        "# glossqa's configuration, written by `glossqa init`. Every key is optional:",
        "# `glossqa config` shows what is in effect, `glossqa rules` documents each rule.",
        f"# Found {_count(len(files), 'Markdown file')} in "
        f"{_count(len(groups), 'group')} of sibling translations"
        + (f"; languages: {shown}." if shown else "."),
        "",
        "# the language every translation is compared with"
        + (
            f" (in {groups_with(groups, source)} of {_count(len(groups), 'group')})"
            if source
            else "; none stands out, so each group's consensus is the reference"
        ),
        f"source: {source}" if source else "# source: en",
        "# how a file's language is told: auto | directory | suffix | front-matter",
        f"layout: {layout}",
        "# front-matter keys that must stay identical, and keys that must be translated",
        f"identical-keys: {_flow(PROJECT_DEFAULTS['identical-keys'])}",
        f"translated-keys: {_flow(PROJECT_DEFAULTS['translated-keys'])}",
        '# files never checked (globs relative to this file), e.g. ["drafts/**", "*.draft.md"]',
        "exclude: []",
        "# files git ignores are not checked either",
        "respect-gitignore: true",
        "",
        "rules:",
    ]
    for rule_id, module in RULES.items():
        summary = (module.__doc__ or rule_id).strip().splitlines()[0].removeprefix(f"{rule_id}:")
        lines += [
            f"  # {summary.strip()}",
            f"  # {rule_url(rule_id)}",
            f"  {rule_id}:",
            "    enabled: true",
            f"    severity: {module.SEVERITY}  # error | warning | info",
        ]
        lines += [f"    # {option}: {_flow(default)}" for option, default in module.OPTIONS.items()]
    return "\n".join(lines) + "\n"


def detect(files: list[Path]) -> tuple[str, list, Counter]:
    """The layout that puts the most files into groups of two or more languages."""
    best: tuple[int, str, list] = (-1, "auto", [])
    for layout in DETECTED_LAYOUTS:
        groups, _ = group_sources([place(path, layout) for path in files])
        grouped = sum(len(group.files) for group in groups if len(group.files) > 1)
        if grouped > best[0]:
            best = (grouped, layout, groups)
    _, layout, groups = best
    if not groups or best[0] == 0:
        return "auto", groups, Counter()
    languages = Counter(language for group in groups for language in group.files)
    return layout, groups, languages


def _likely_source(groups: list) -> str | None:
    """The language more groups have than any other, or English among those most have; else none
    (glossqa then takes the siblings' consensus as the reference)."""
    counts = Counter(language for group in groups for language in group.files)
    if not counts:
        return None
    most = max(counts.values())
    leaders = sorted(tag for tag, count in counts.items() if count == most)
    english = [tag for tag in leaders if langtags.is_english(tag)]
    return leaders[0] if len(leaders) == 1 else (english[0] if english else None)


def groups_with(groups: list, language: str | None) -> int:
    return sum(1 for group in groups if language in group.files)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _flow(value) -> str:
    """A value as one line of YAML (JSON is YAML)."""
    if isinstance(value, str) and value and value.replace("-", "").replace("_", "").isalnum():
        return value
    return json.dumps(value, ensure_ascii=False)


def show_config(path: Path, config_file: Path | None) -> int:
    """The effective config as YAML, each value followed by where it came from."""
    if config_file is not None and not config_file.is_file():
        print(f"glossqa: --config {config_file}: no such file", file=sys.stderr)
        return EXIT_REFUSED
    found = config_file or find_config(path)
    config = load_config(found, RULES) if found else defaults(RULES)
    origins = _origins(found) if found else {}
    shown = display_path(found) if found else None
    print(f"# config file: {shown or 'none (every value is a default)'}")

    def line(indent: int, key: str, value, origin_key: tuple) -> None:
        origin = origins.get(origin_key)
        where = f"{shown}:{origin}" if origin else "default"
        print(f"{' ' * indent}{key}: {_flow(value)}  # {where}")

    for key in PROJECT_DEFAULTS:
        line(0, key, _project_value(config, key), (key,))
    print("rules:")
    for rule_id, settings in config.rules.items():
        print(f"  {rule_id}:")
        line(4, "enabled", settings.enabled, ("rules", rule_id, "enabled"))
        line(4, "severity", settings.severity, ("rules", rule_id, "severity"))
        for option, value in settings.options.items():
            line(4, option, value, ("rules", rule_id, option))
    return EXIT_CLEAN


def _project_value(config: Config, key: str):
    return getattr(config, key.replace("-", "_"))


def _origins(path: Path) -> dict[tuple, int]:
    """(key, ...) -> the line that sets it; the config was loaded already, so it is valid YAML."""
    root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    origins: dict[tuple, int] = {}
    if not isinstance(root, yaml.MappingNode):
        return origins
    for key_node, value_node in root.value:
        origins[(key_node.value,)] = key_node.start_mark.line + 1
        if key_node.value != "rules" or not isinstance(value_node, yaml.MappingNode):
            continue
        for rule_node, settings_node in value_node.value:
            rule_line = rule_node.start_mark.line + 1
            if not isinstance(settings_node, yaml.MappingNode):
                origins[("rules", rule_node.value, "enabled")] = rule_line
                continue
            for option_node, _ in settings_node.value:
                origins[("rules", rule_node.value, option_node.value)] = (
                    option_node.start_mark.line + 1
                )
    return origins
