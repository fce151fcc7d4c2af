"""rules.yaml: find it, read it, and refuse mistakes with the file and line that hold them."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import langtags, options, safe_yaml
from .discover import UnreadableFile, read_regular
from .group import LAYOUTS, display_path
from .model import SEVERITIES

CONFIG_NAMES = ("rules.yaml", ".glossqa.yaml")
PROJECT_DEFAULTS = {
    "source": None,
    "layout": "auto",
    "identical-keys": ["keywords"],
    "translated-keys": ["title", "description"],
    "exclude": [],
    "respect-gitignore": True,
}


class ConfigError(Exception):
    def __init__(self, path: Path | None, line: int, reason: str):
        self.path, self.line, self.reason = path, line, reason
        where = f"{display_path(path)}:{line}" if path else "command line"
        super().__init__(f"{where}: invalid config: {reason}")


@dataclass
class RuleSettings:
    enabled: bool
    severity: str
    options: dict


@dataclass
class Config:
    path: Path | None = None
    source: str | None = None
    layout: str = "auto"
    identical_keys: list[str] = field(default_factory=lambda: ["keywords"])
    translated_keys: list[str] = field(default_factory=lambda: ["title", "description"])
    exclude: list[str] = field(default_factory=list)  # globs, relative to the config file's folder
    respect_gitignore: bool = True
    rules: dict[str, RuleSettings] = field(default_factory=dict)


def find_config(start: Path) -> Path | None:
    """The nearest config file in `start` or a folder above it."""
    directory = start.resolve()
    if not directory.is_dir():
        directory = directory.parent
    for folder in (directory, *directory.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                return candidate
    return None


def defaults(registry: dict) -> Config:
    return Config(
        rules={
            rule_id: RuleSettings(True, module.SEVERITY, dict(module.OPTIONS))
            for rule_id, module in registry.items()
        }
    )


def load_config(path: Path, registry: dict) -> Config:
    try:
        text = read_regular(path).decode("utf-8-sig")
    except UnreadableFile as error:
        raise ConfigError(path, 1, f"cannot read it: {error}") from None
    except UnicodeDecodeError as error:
        raise ConfigError(path, 1, f"cannot read it: {error}") from None
    try:
        root = safe_yaml.compose(text.replace("\r\n", "\n"))
    except safe_yaml.YAMLProblem as error:
        raise ConfigError(path, error.line, f"broken YAML: {error.problem}") from None
    config = defaults(registry)
    config.path = path
    if root is None:
        return config
    reader = _Reader(path)
    top = reader.mapping(root, "the file")
    for key, (key_node, value_node) in top.items():
        if key == "rules":
            _read_rules(reader, value_node, registry, config)
        elif key == "source":
            value = reader.value(value_node, (str, type(None)), "source")
            if value is not None and not langtags.normalize(value):
                raise ConfigError(
                    path, value_node.start_mark.line + 1, f"source: {value!r} is not a language tag"
                )
            config.source = langtags.normalize(value) if value else None
        elif key == "layout":
            value = reader.value(value_node, str, "layout")
            if value not in LAYOUTS:
                raise ConfigError(
                    path,
                    value_node.start_mark.line + 1,
                    f"layout must be one of {', '.join(LAYOUTS)}, not {value!r}",
                )
            config.layout = value
        elif key == "exclude":
            value = reader.value(value_node, list, key)
            if not all(isinstance(item, str) for item in value):
                raise ConfigError(
                    path, value_node.start_mark.line + 1, "exclude must be a list of glob patterns"
                )
            config.exclude = value
        elif key == "respect-gitignore":
            config.respect_gitignore = reader.value(value_node, bool, key)
        elif key in ("identical-keys", "translated-keys"):
            value = reader.value(value_node, list, key)
            setattr(config, key.replace("-", "_"), [str(item) for item in value])
        else:
            known = ", ".join(["rules", *PROJECT_DEFAULTS])
            raise ConfigError(
                path, key_node.start_mark.line + 1, f"unknown key {key!r} (known: {known})"
            )
    return config


def _read_rules(reader: _Reader, node, registry: dict, config: Config) -> None:
    for rule_id, (key_node, value_node) in reader.mapping(node, "rules").items():
        line = key_node.start_mark.line + 1
        if rule_id not in registry:
            raise ConfigError(
                reader.path,
                line,
                f"unknown rule {rule_id!r} (known: {', '.join(sorted(registry))})",
            )
        settings = config.rules[rule_id]
        value = reader.value(value_node, (dict, bool, str), f"rules.{rule_id}")
        if isinstance(value, bool) or value in ("enable", "disable"):
            settings.enabled = value in (True, "enable")
            continue
        if isinstance(value, str):
            raise ConfigError(
                reader.path,
                line,
                f"rules.{rule_id} must be a mapping, true/false, enable or disable",
            )
        for option, (option_key, option_node) in reader.mapping(
            value_node, f"rules.{rule_id}"
        ).items():
            option_line = option_key.start_mark.line + 1
            option_value = reader.value(option_node, object, f"rules.{rule_id}.{option}")
            if option == "enabled":
                settings.enabled = reader.value(option_node, bool, f"rules.{rule_id}.enabled")
            elif option == "severity":
                if option_value not in SEVERITIES:
                    raise ConfigError(
                        reader.path,
                        option_line,
                        f"rules.{rule_id}.severity must be one of {', '.join(SEVERITIES)}, not {option_value!r}",
                    )
                settings.severity = option_value
            elif option in registry[rule_id].OPTIONS:
                expected = options.declared_type(registry[rule_id], option)
                for item_path, message in options.mismatches(
                    option_value, expected, f"rules.{rule_id}.{option}"
                ):
                    raise ConfigError(reader.path, reader.line_of(option_node, item_path), message)
                settings.options[option] = option_value
            else:
                known = ", ".join(["enabled", "severity", *registry[rule_id].OPTIONS])
                raise ConfigError(
                    reader.path,
                    option_line,
                    f"unknown option {option!r} for rule {rule_id} (known: {known})",
                )
        if hasattr(registry[rule_id], "prepare"):
            try:
                settings.options = registry[rule_id].prepare(settings.options, reader.path.parent)
            except ValueError as error:
                raise ConfigError(reader.path, line, str(error)) from None


class _Reader:
    """Turns composed YAML nodes into values, remembering where each came from."""

    def __init__(self, path: Path):
        self.path = path

    def mapping(self, node, name: str) -> dict:
        if not isinstance(node, safe_yaml.MappingNode):
            raise ConfigError(self.path, node.start_mark.line + 1, f"{name} must be a mapping")
        entries: dict = {}
        for key_node, value_node in node.value:
            key = self._construct(key_node, name)
            if not isinstance(key, str):
                raise ConfigError(
                    self.path, key_node.start_mark.line + 1, f"{name}: key {key!r} is not a name"
                )
            if key in entries:
                raise ConfigError(self.path, key_node.start_mark.line + 1, f"duplicate key {key!r}")
            entries[key] = (key_node, value_node)
        return entries

    def value(self, node, expected, name: str):
        value = self._construct(node, name)
        if expected is not object and not isinstance(value, expected):
            wanted = expected if isinstance(expected, type) else expected[0]
            raise ConfigError(
                self.path,
                node.start_mark.line + 1,
                f"{name} must be {options.describe(wanted)}, not {type(value).__name__}",
            )
        return value

    def line_of(self, node, item_path: tuple) -> int:
        """The line of the item that `item_path` (keys and indexes) leads to from `node`."""
        for step in item_path:
            if isinstance(node, safe_yaml.SequenceNode) and isinstance(step, int):
                node = node.value[step] if step < len(node.value) else node
            elif isinstance(node, safe_yaml.MappingNode):
                for key_node, value_node in node.value:
                    if self._construct(key_node, "key") == step:
                        node = value_node
                        break
        return node.start_mark.line + 1

    def _construct(self, node, name: str):
        try:
            return safe_yaml.construct(node)
        except safe_yaml.YAMLProblem as error:
            raise ConfigError(self.path, error.line, f"{name}: {error.problem}") from None
