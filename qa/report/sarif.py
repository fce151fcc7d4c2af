"""SARIF 2.1.0, the format GitHub code scanning (and other dashboards) upload.

One run; tool.driver lists every check with its documentation; each result points at its file
(relative to %SRCROOT%, the folder glossqa ran in) and line, with the reference as a related
location and a partial fingerprint that survives unrelated edits.
"""

from __future__ import annotations

import json
from pathlib import Path

from .. import __version__
from ..catalog import checks, rule_url
from ..model import Diagnostic, Location, ReportContext
from ..paths import json_text, uri_path

NAME = "sarif"

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/glossqa/"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
ROOT = "%SRCROOT%"
FINGERPRINT = "glossqa/v1"


def render(diagnostics: list[Diagnostic], context: ReportContext) -> str:
    catalog = checks()
    rules = [
        _rule(check, context.severities.get(check.id, check.severity)) for check in catalog.values()
    ]
    index = {check_id: position for position, check_id in enumerate(catalog)}
    results = []
    for position, diagnostic in enumerate(diagnostics):
        result = {
            "ruleId": diagnostic.rule,
            "ruleIndex": index[diagnostic.rule],
            "level": LEVELS[diagnostic.severity],
            "message": {"text": diagnostic.message},
            "locations": [_location(Location(diagnostic.path, diagnostic.line), diagnostic.column)],
        }
        if diagnostic.related:
            related = _location(diagnostic.related)
            related["id"] = 1
            related["message"] = {"text": "the counterpart in the reference translation"}
            result["relatedLocations"] = [related]
        if position < len(context.fingerprints):
            result["partialFingerprints"] = {FINGERPRINT: context.fingerprints[position]}
        if diagnostic.language:
            result["properties"] = {"language": diagnostic.language}
        results.append(result)
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "glossqa",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": rules,
                    }
                },
                "originalUriBaseIds": {ROOT: {"uri": "file://" + uri_path(str(Path.cwd())) + "/"}},
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json_text(json.dumps(log, ensure_ascii=False, indent=2)) + "\n"


def _rule(check, severity: str) -> dict:
    doc = check.doc.strip()
    described = [p for p in doc.split("\n\n") if not p.startswith(("Fails", "Passes", "    "))]
    full = " ".join(" ".join(described).removeprefix(f"{check.id}:").split())
    return {
        "id": check.id,
        "name": "".join(word.capitalize() for word in check.id.split("-")),
        "shortDescription": {"text": check.summary},
        "fullDescription": {"text": full},
        "help": {"text": doc, "markdown": doc},
        "helpUri": rule_url(check.id),
        "defaultConfiguration": {"level": LEVELS[severity]},
        "properties": {"tags": ["translation", "documentation"]},
    }


def _location(location: Location, column: int | None = None) -> dict:
    region = {"startLine": location.line}
    if column is not None:
        region["startColumn"] = column
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": uri_path(location.path), "uriBaseId": ROOT},
            "region": region,
        }
    }
