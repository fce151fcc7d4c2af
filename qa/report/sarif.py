"""SARIF 2.1.0, the format GitHub code scanning (and other dashboards) upload.

One run; tool.driver lists every check with its documentation; each result points at its file
(relative to %SRCROOT%, the folder glossqa ran in) and line, with the reference as a related
location and a partial fingerprint that survives unrelated edits.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from .. import __version__, baseline
from ..catalog import checks, rule_url
from ..model import Diagnostic, Location, ReportContext
from ..paths import json_text, uri_path
from .json_format import list_items

NAME = "sarif"

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/glossqa/"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
ROOT = "%SRCROOT%"
FINGERPRINT = "glossqa/v1"


def stream(diagnostics: Iterable[Diagnostic], context: ReportContext) -> Iterator[str]:
    """The log as json.dumps(log, indent=2) writes it, its results one at a time."""
    catalog = checks()
    rules = [
        _rule(check, context.severities.get(check.id, check.severity)) for check in catalog.values()
    ]
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
                "results": [],  # the run's last key: the results go where this empty list is
            }
        ],
    }
    before, results, after = json.dumps(log, ensure_ascii=False, indent=2).rpartition(
        '"results": []'
    )
    yield json_text(before) + '"results": '
    yield from list_items(
        _results(diagnostics, context, {rule_id: n for n, rule_id in enumerate(catalog)}), 3
    )
    yield json_text(after) + "\n"


def _results(
    diagnostics: Iterable[Diagnostic], context: ReportContext, index: dict[str, int]
) -> Iterator[dict]:
    fingerprints = baseline.Fingerprints() if context.fingerprints else None
    for diagnostic in diagnostics:
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
        if fingerprints:
            result["partialFingerprints"] = {FINGERPRINT: fingerprints.of(diagnostic)}
        if diagnostic.language:
            result["properties"] = {"language": diagnostic.language}
        yield result


def render(diagnostics: Iterable[Diagnostic], context: ReportContext) -> str:
    return "".join(stream(diagnostics, context))


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
