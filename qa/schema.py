"""The JSON Schema of rules.yaml, generated from what the code declares: the project keys and their
defaults (qa/config.py), each rule's OPTIONS with their defaults' types, and the severities.

Editors with the YAML language server use it for completion and validation while a maintainer
types; `glossqa schema` prints it and `qa/rules.schema.json` ships it (a test keeps that file equal
to what this module generates).
"""

from __future__ import annotations

import json
from pathlib import Path

from .catalog import rule_url
from .config import PROJECT_DEFAULTS
from .group import LAYOUTS
from .model import SEVERITIES
from .rules import RULES

SHIPPED = Path(__file__).with_name("rules.schema.json")
LANGUAGE_TAG = r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$"

PROJECT_DESCRIPTIONS = {
    "source": "The source language every translation is compared with (a BCP 47 tag); "
    "default: English if present, else the consensus of the siblings.",
    "layout": "How a file's language is told: from a language folder (directory), a "
    "`.sv.md` suffix, the front matter's lang, or auto.",
    "identical-keys": "Front-matter keys that must stay identical to the reference.",
    "translated-keys": "Front-matter keys that must not be left identical to an English source.",
    "exclude": "Glob patterns (relative to this file's folder) of files never checked.",
    "respect-gitignore": "Skip the files git ignores (.gitignore, .git/info/exclude).",
}


def rules_schema() -> dict:
    project = {
        key: {"description": PROJECT_DESCRIPTIONS.get(key, key), **_type_schema(default)}
        | {"default": default}
        for key, default in PROJECT_DEFAULTS.items()
    }
    project["source"] = {
        "description": PROJECT_DESCRIPTIONS["source"],
        "anyOf": [{"type": "string", "pattern": LANGUAGE_TAG}, {"type": "null"}],
        "default": None,
    }
    project["layout"] = {
        "description": PROJECT_DESCRIPTIONS["layout"],
        "enum": list(LAYOUTS),
        "default": PROJECT_DEFAULTS["layout"],
    }
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "glossqa rules.yaml",
        "description": "The configuration of glossqa, the translation-consistency linter.",
        "type": ["object", "null"],
        "additionalProperties": False,
        "properties": {
            **project,
            "rules": {
                "description": "Per rule: true/false (or enable/disable), or a mapping of "
                "enabled, severity and the rule's options.",
                "type": ["object", "null"],
                "additionalProperties": False,
                "properties": {
                    rule_id: _rule_schema(rule_id, module) for rule_id, module in RULES.items()
                },
            },
        },
    }


def _rule_schema(rule_id: str, module) -> dict:
    summary = (
        (module.__doc__ or rule_id).strip().splitlines()[0].removeprefix(f"{rule_id}:").strip()
    )
    settings = {
        "enabled": {"type": "boolean", "default": True},
        "severity": {"enum": list(SEVERITIES), "default": module.SEVERITY},
        **{
            option: {**_type_schema(default), "default": default}
            for option, default in module.OPTIONS.items()
        },
    }
    return {
        "description": f"{summary} ({rule_url(rule_id)})",
        "oneOf": [
            {"type": "boolean"},
            {"enum": ["enable", "disable"]},
            {"type": "object", "additionalProperties": False, "properties": settings},
        ],
    }


def _type_schema(default) -> dict:
    """The JSON Schema type of an option, told by its default, as qa/config.py checks it."""
    if isinstance(default, bool):
        return {"type": "boolean"}
    if isinstance(default, int):
        return {"type": "integer"}
    if isinstance(default, float):
        return {"type": "number"}
    if isinstance(default, str):
        return {"type": "string"}
    if isinstance(default, list):
        kinds = [_type_schema(item) for item in default]
        return {
            "type": "array",
            **({"items": kinds[0]} if kinds and all(k == kinds[0] for k in kinds) else {}),
        }
    if isinstance(default, dict):
        return {"type": "object"}
    return {}


def schema_text() -> str:
    return json.dumps(rules_schema(), indent=2, ensure_ascii=False) + "\n"
