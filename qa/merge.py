"""Combine the JSON or SARIF reports of `check --shard K/N` runs into the report one run would give.

Shards never split a group, so every diagnostic and its fingerprint come out of exactly one shard;
merging is concatenating and putting them back in the order a single run sorts them.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import unquote

from .discover import UnreadableFile, read_regular


class MergeError(Exception):
    pass


def merge(paths: list[Path]) -> str:
    reports = [_load(path) for path in paths]
    try:
        return _merged(reports)
    except (KeyError, IndexError, TypeError, AttributeError) as error:
        raise MergeError(
            f"a report lacks what glossqa writes ({type(error).__name__}: {error})"
        ) from None


def _merged(reports: list) -> str:
    if all(isinstance(report, list) for report in reports):
        merged = sorted((d for report in reports for d in report), key=_json_order)
        return json.dumps(merged, ensure_ascii=False, indent=2) + "\n"
    if all(isinstance(report, dict) and "runs" in report for report in reports):
        first = reports[0]
        results = [result for report in reports for result in report["runs"][0]["results"]]
        first["runs"][0]["results"] = sorted(results, key=_sarif_order)
        return json.dumps(first, ensure_ascii=False, indent=2) + "\n"
    raise MergeError("the reports must all be glossqa JSON or all SARIF")


def _load(path: Path) -> list | dict:
    try:
        report = json.loads(read_regular(path).decode("utf-8"))
    except (UnreadableFile, UnicodeDecodeError, ValueError, RecursionError) as error:
        raise MergeError(f"{path}: not a readable JSON or SARIF report ({error})") from None
    if isinstance(report, list) and all(isinstance(d, dict) and "path" in d for d in report):
        return report
    if isinstance(report, dict) and isinstance(report.get("runs"), list) and report["runs"]:
        return report
    raise MergeError(f"{path}: not a glossqa JSON or SARIF report")


def _json_order(d: dict) -> tuple:
    related = d.get("related") or {"path": "", "line": 0}
    return (
        d["path"],
        d["line"],
        d["column"],
        d["rule"],
        (related["path"], related["line"]),
        d["message"],
    )


def _sarif_order(result: dict) -> tuple:
    path, line, column = _where(result["locations"][0])
    related = result.get("relatedLocations")
    related_path, related_line, _ = _where(related[0]) if related else ("", 0, 0)
    return (
        path,
        line,
        column,
        result["ruleId"],
        (related_path, related_line),
        result["message"]["text"],
    )


def _where(location: dict) -> tuple[str, int, int]:
    physical = location["physicalLocation"]
    region = physical["region"]
    return (
        unquote(physical["artifactLocation"]["uri"]),
        region["startLine"],
        region.get("startColumn", 1),
    )
