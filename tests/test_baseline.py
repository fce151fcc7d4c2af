"""Baselines: record today's diagnostics, then only new ones show and fail."""

import json

import pytest
from conftest import article

FILES = {
    "en/a.md": article("A", "# A\n\nSee [x](/x).\n\n## B\n\nSoft Sell.\n"),
    "sv/a.md": article("B", "# A\n\nSe [x](/y).\n\n### B\n\nSoft Sell är kvar.\n"),
    "rules.yaml": "rules:\n  untranslated:\n    terms: [Soft Sell]\n  declared-language: false\n",
}


def test_write_baseline_records_and_exits_0(corpus, glossqa, tmp_path):
    corpus(FILES)
    run = glossqa("check", "--write-baseline", "baseline.json", ".")
    assert run.code == 0 and run.out == "" and "recorded 3 diagnostics in baseline.json" in run.err
    recorded = json.loads((tmp_path / "baseline.json").read_text())
    assert recorded["glossqa-baseline"] == 1
    assert recorded["diagnostics"][0] == {
        "path": "sv/a.md",
        "rule": "link-targets",
        "message": "this link leads to '/y', the source's to '/x': change the target to '/x'",
        "line": 6,
        "text": "Se [x](/y).",
    }
    assert [
        p.name for p in tmp_path.iterdir() if p.name.startswith(".baseline")
    ] == []  # no temporary left


def test_baseline_hides_recorded_diagnostics_and_shows_new_ones(corpus, glossqa, tmp_path):
    corpus(FILES)
    glossqa("check", "--write-baseline", "baseline.json", ".")
    run = glossqa("check", "--baseline", "baseline.json", ".")
    assert run.out == "" and run.code == 0
    assert "(3 more hidden by the baseline)" in run.err
    swedish = tmp_path / "sv/a.md"
    swedish.write_text(swedish.read_text() + "\nSe [z](/z).\n")
    run = glossqa("check", "--baseline", "baseline.json", ".")
    assert (
        [line.split()[2] for line in run.lines] == ["link-targets"]
        and "'/z'" in run.out
        and run.code == 1
    )


def test_recorded_diagnostics_still_match_after_lines_move(corpus, glossqa, tmp_path):
    corpus(FILES)
    glossqa("check", "--write-baseline", "baseline.json", ".")
    swedish = tmp_path / "sv/a.md"
    swedish.write_text(
        swedish.read_text().replace("# A\n", "# A\n\nEn ny inledning.\n\nOch en till.\n", 1)
    )
    assert glossqa("check", "--format", "json", ".").json[0]["line"] == 10  # moved from 6
    run = glossqa("check", "--baseline", "baseline.json", ".")
    assert run.out == "" and run.code == 0


def test_identical_diagnostics_are_matched_by_count(corpus, glossqa, tmp_path):
    corpus(FILES)
    glossqa("check", "--write-baseline", "baseline.json", ".")
    swedish = tmp_path / "sv/a.md"
    swedish.write_text(swedish.read_text() + "\nSoft Sell är kvar.\n")
    run = glossqa("check", "--baseline", "baseline.json", ".")
    assert run.lines == [
        "sv/a.md:12:1: warning untranslated 'Soft Sell' is left in English in this paragraph: listed term 'Soft Sell'"
    ]


def test_a_fixed_problem_is_not_resurrected_by_a_changed_line(corpus, glossqa, tmp_path):
    corpus(FILES)
    glossqa("check", "--write-baseline", "baseline.json", ".")
    swedish = tmp_path / "sv/a.md"
    swedish.write_text(swedish.read_text().replace("Se [x](/y).", "Se [x](/y) igen."))
    run = glossqa("check", "--baseline", "baseline.json", ".")
    assert [line.split()[2] for line in run.lines] == [
        "link-targets"
    ]  # its line changed: a new diagnostic


def test_baseline_paths_are_relative_to_the_baseline_file(corpus, glossqa, tmp_path):
    corpus({f"site/{name}": content for name, content in FILES.items()})
    glossqa("check", "--write-baseline", "site/baseline.json", "site", cwd=tmp_path)
    assert (
        json.loads((tmp_path / "site/baseline.json").read_text())["diagnostics"][0]["path"]
        == "sv/a.md"
    )
    assert glossqa("check", "--baseline", "baseline.json", ".", cwd=tmp_path / "site").out == ""


@pytest.mark.parametrize(
    "content, reason",
    [
        ("{not json", "broken baseline: invalid JSON at line 1"),
        ("[]", "not a glossqa baseline"),
        ('{"glossqa-baseline": 1, "diagnostics": {}}', '"diagnostics" must be a list'),
        (
            '{"glossqa-baseline": 1, "diagnostics": [{"path": "a.md"}]}',
            "diagnostic 1 needs string fields",
        ),
    ],
)
def test_a_broken_baseline_exits_2_naming_file_and_reason(corpus, glossqa, content, reason):
    corpus({**FILES, "baseline.json": content})
    run = glossqa("check", "--baseline", "baseline.json", ".")
    assert run.code == 2 and run.out == ""
    assert (
        run.err.startswith("glossqa: baseline.json: ")
        and reason in run.err
        and "Traceback" not in run.err
    )


def test_a_missing_baseline_exits_2(corpus, glossqa):
    corpus(FILES)
    run = glossqa("check", "--baseline", "nowhere.json", ".")
    assert run.code == 2 and "nowhere.json: cannot read baseline" in run.err


def test_an_unwritable_baseline_exits_2(corpus, glossqa):
    corpus(FILES)
    run = glossqa("check", "--write-baseline", "no/such/folder/baseline.json", ".")
    assert run.code == 2 and "no/such/folder/baseline.json: cannot write baseline" in run.err
