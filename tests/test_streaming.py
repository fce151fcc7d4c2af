"""Diagnostics spilled to disk and reports written a piece at a time say exactly what one sorted list
rendered whole says: same diagnostics, same order, every format, one worker or two."""

import base64
import gzip
import json
import random
from xml.etree import ElementTree

import pytest
from conftest import article

from qa import pipeline, spill
from qa import status as status_module
from qa.model import Diagnostic, Location
from qa.report import FORMATS

GROUPS = 8
CONVENTION = "Esta función trabaja mediante el service mesh de la plataforma."


def site() -> dict[str, str]:
    """Groups with diagnostics of several rules, an untranslated term that becomes a convention
    across files (a summary over the whole site), and a baseline-worthy mix of severities."""
    files = {"rules.yaml": "rules:\n  glossary:\n    forbidden:\n      sv: [hårt skal]\n"}
    for n in range(GROUPS):
        files[f"en/page{n}.md"] = article(
            f"Page {n}", f"# Page {n}\n\nSee [x](/x{n}).\n\n## Details\n\nMore text.\n"
        )
        files[f"sv/page{n}.md"] = article(
            f"Sida {n}", f"# Sida {n}\n\nSe [x](/y{n}), inte hårt skal.\n"
        )
        files[f"es/page{n}.md"] = article(
            f"Página {n}", f"# Página {n}\n\n{CONVENTION}\n\n## Detalles\n\nVea [x](/x{n}).\n"
        )
    return files


@pytest.fixture
def tiny_runs(monkeypatch):
    """Runs of three diagnostics: every check spills many runs and merges them back."""
    monkeypatch.setattr(spill, "RUN_SIZE", 3)


def check(glossqa, report: str, jobs: str, *extra: str):
    run = glossqa("check", "--no-cache", "--jobs", jobs, "--format", report, *extra, ".")
    assert run.code == 1, run.err
    return run


@pytest.mark.parametrize("report", sorted(FORMATS))
def test_every_format_is_the_same_spilled_or_held_and_with_one_job_or_two(
    corpus, glossqa, monkeypatch, report
):
    corpus(site())
    held = check(glossqa, report, "1")
    monkeypatch.setattr(spill, "RUN_SIZE", 3)
    for jobs in ("1", "2"):
        spilled = check(glossqa, report, jobs)
        assert (spilled.out, spilled.err) == (held.out, held.err), jobs


def test_the_site_really_spills_and_keeps_its_summary(corpus, glossqa, tiny_runs):
    corpus(site())
    found = check(glossqa, "json", "2").json
    assert len(found) > 5 * spill.RUN_SIZE
    rules = {d["rule"] for d in found}
    assert {"link-targets", "heading-structure", "glossary", "untranslated"} <= rules
    conventions = [d for d in found if d["rule"] == "untranslated"]
    assert [(d["path"], d["severity"]) for d in conventions] == [("es/page0.md", "info")]
    assert f"kept in English in {GROUPS} " in conventions[0]["message"]
    order = [(d["path"], d["line"], d["column"], d["rule"]) for d in found]
    assert order == sorted(order)


def test_json_and_sarif_are_laid_out_as_one_dump_of_the_whole(corpus, glossqa, tiny_runs):
    corpus(site())
    for report in ("json", "sarif"):
        out = check(glossqa, report, "2").out
        assert out == json.dumps(json.loads(out), ensure_ascii=False, indent=2) + "\n", report
    sarif = json.loads(check(glossqa, "sarif", "1").out)
    results = sarif["runs"][0]["results"]
    fingerprints = [r["partialFingerprints"]["glossqa/v1"] for r in results]
    assert len(results) > 5 * spill.RUN_SIZE and len(set(fingerprints)) == len(fingerprints)


def test_junit_is_laid_out_as_one_indented_tree(corpus, glossqa, tiny_runs):
    corpus(site())
    out = check(glossqa, "junit", "2").out
    header, comment, body = out.split("\n", 2)
    root = ElementTree.fromstring(body)
    ElementTree.indent(root)
    assert body == ElementTree.tostring(root, encoding="unicode") + "\n"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == sorted(s.get("name") for s in suites)
    assert int(root.get("tests")) == sum(int(s.get("tests")) for s in suites)
    assert int(root.get("failures")) == sum(int(s.get("failures")) for s in suites) > 0


def test_the_html_index_lists_every_diagnostic_in_report_order(corpus, glossqa, tiny_runs):
    corpus(site())
    found = check(glossqa, "json", "1").json
    page = check(glossqa, "html", "2").out
    blob = page.split('id="glossqa-index">', 1)[1].split("</script>", 1)[0]
    index = json.loads(gzip.decompress(base64.b64decode(blob)))
    paths = [row[0] for row in index["files"]]
    rows = [(paths[row[0]], row[1], row[2], index["rules"][row[3]]) for row in index["diagnostics"]]
    assert rows == [(d["path"], d["line"], d["column"], d["rule"]) for d in found]
    assert f"found {len(found)} diagnostics" in page


def test_a_baseline_and_select_hide_the_same_spilled_or_held(corpus, glossqa, monkeypatch):
    corpus(site())
    glossqa("check", "--no-cache", "--write-baseline", "base.json", ".")
    held = glossqa("check", "--no-cache", "--baseline", "base.json", "--select", "glossary", ".")
    monkeypatch.setattr(spill, "RUN_SIZE", 3)
    spilled = glossqa("check", "--no-cache", "--baseline", "base.json", "--select", "glossary", ".")
    assert (spilled.code, spilled.out, spilled.err) == (held.code, held.out, held.err)
    assert (
        held.code == 0 and held.out == "" and f"({GROUPS} more hidden by the baseline)" in held.err
    )


def _diagnostic(path: str, line: int, severity: str, message: str) -> Diagnostic:
    return Diagnostic(path, line, 1, "r", severity, message, "sv", Location("en/a.md", line))


def test_sorted_diagnostics_merge_runs_as_one_stable_sort():
    generator = random.Random(7)
    groups = [
        [
            _diagnostic(
                f"{language}/p{n}.md",
                generator.randint(1, 5),
                generator.choice(("error", "warning", "info")),  # not in the key: ties keep order
                f"m{generator.randint(1, 2)}",
            )
            for language in ("en", "sv")
            for _ in range(generator.randint(0, 6))
        ]
        for n in range(40)
    ]
    generator.shuffle(groups)
    store = spill.SortedDiagnostics(run_size=5)
    for group in groups:
        store.add(group)
    expected = sorted((d for group in groups for d in group), key=Diagnostic.sort_key)
    assert len(store) == len(expected) > 2 * spill.MAX_RUNS * 5  # runs were merged on disk, twice
    assert 1 <= len(store._runs) < spill.MAX_RUNS
    assert list(store) == expected
    assert list(zip(store, store)) == list(zip(expected, expected))  # two readings at once
    store.close()
    assert list(store) == []


def _html_index(page: str) -> dict:
    blob = page.split('id="glossqa-index">', 1)[1].split("</script>", 1)[0]
    return json.loads(gzip.decompress(base64.b64decode(blob)))


def test_html_statuses_come_from_the_check_and_a_warm_run_parses_nothing(
    glossqa, monkeypatch, tmp_path
):
    from test_status_stamp import site as history_site

    repo = history_site.__wrapped__(tmp_path)
    status = glossqa("status", "--format", "json", "--files", cwd=repo.root).json["files"]
    shown = {"up-to-date": "up to date", "outdated": "outdated", "orphaned": "orphaned"}
    expected = {f["path"]: shown[f["state"]] for f in status if f["state"] in shown}
    assert set(expected.values()) == set(shown.values())
    cold = glossqa("check", "--format", "html", "--jobs", "2", ".", cwd=repo.root)
    statuses = {row[0]: row[5] for row in _html_index(cold.out)["files"] if row[5]}
    assert statuses == expected

    parsed = []
    monkeypatch.setattr(pipeline, "_parse_and_align", lambda *a: parsed.append(a) or 1 / 0)
    monkeypatch.setattr(status_module, "file_statuses", lambda *a: 1 / 0)
    warm = glossqa("check", "--format", "html", "--jobs", "1", ".", cwd=repo.root)
    assert (warm.code, warm.out) == (cold.code, cold.out) and parsed == []
