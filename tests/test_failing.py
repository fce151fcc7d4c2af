"""Choosing what is reported and what fails: --select, --ignore, --fail-on, --strict, exit codes."""

import pytest
from conftest import article

FILES = {
    "en/a.md": article("A", "# A\n\nSee [x](/x).\n\n## B\n\nSoft Sell.\n"),
    "sv/a.md": article("B", "# A\n\nSe [x](/y).\n\n### B\n\nSoft Sell är kvar.\n"),
    "rules.yaml": "rules:\n  untranslated:\n    terms: [Soft Sell]\n  declared-language: false\n",
}


def rules_of(run):
    return [line.split()[2] for line in run.lines]


def test_select_reports_only_the_named_rules(corpus, glossqa):
    corpus(FILES)
    assert rules_of(glossqa("check", ".")) == ["link-targets", "heading-structure", "untranslated"]
    assert rules_of(glossqa("check", "--select", "untranslated", ".")) == ["untranslated"]
    assert rules_of(glossqa("check", "--select", "untranslated,link-targets", ".")) == [
        "link-targets",
        "untranslated",
    ]
    assert rules_of(
        glossqa("check", "--select", "untranslated", "--select", "link-targets", ".")
    ) == ["link-targets", "untranslated"]


def test_ignore_drops_the_named_rules_and_the_exit_code_follows(corpus, glossqa):
    corpus(FILES)
    run = glossqa("check", "--ignore", "link-targets, heading-structure", ".")
    assert rules_of(run) == ["untranslated"] and run.code == 0


def test_select_runs_a_rule_that_rules_yaml_disables(corpus, glossqa):
    corpus({**FILES, "rules.yaml": "rules:\n  link-targets: false\n  declared-language: false\n"})
    assert "link-targets" not in rules_of(glossqa("check", "."))
    assert rules_of(glossqa("check", "--select", "link-targets", ".")) == ["link-targets"]


def test_parse_errors_can_be_selected_and_ignored(corpus, glossqa):
    corpus({**FILES, "fi/a.md": b"\xff\xfe broken"})
    assert rules_of(glossqa("check", "--select", "parse-error", ".")) == ["parse-error"]
    assert "parse-error" not in rules_of(glossqa("check", "--ignore", "parse-error", "."))


@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_unknown_rule_id_exits_2_naming_it(corpus, glossqa, option):
    corpus(FILES)
    run = glossqa("check", option, "link-targets,no-such-rule", ".")
    assert run.code == 2 and "unknown rule 'no-such-rule'" in run.err and "untranslated" in run.err


WARNINGS_ONLY = ["--ignore", "link-targets,heading-structure"]


@pytest.mark.parametrize(
    "arguments, code",
    [
        ([], 0),
        (["--strict"], 1),
        (["--fail-on", "warning"], 1),
        (["--fail-on", "info"], 1),
        (["--fail-on", "error"], 0),
    ],
)
def test_severity_threshold_decides_the_exit_code(corpus, glossqa, arguments, code):
    corpus(FILES)
    assert glossqa("check", *WARNINGS_ONLY, *arguments, ".").code == code


def test_info_fails_only_at_the_info_threshold(corpus, glossqa):
    corpus(
        {
            **FILES,
            "rules.yaml": "rules:\n  untranslated: {terms: [Soft Sell], severity: info}\n  declared-language: false\n",
        }
    )
    assert glossqa("check", *WARNINGS_ONLY, "--strict", ".").code == 0
    assert glossqa("check", *WARNINGS_ONLY, "--fail-on", "info", ".").code == 1


def test_strict_contradicting_fail_on_is_a_usage_error(corpus, glossqa):
    corpus(FILES)
    run = glossqa("check", "--strict", "--fail-on", "error", ".")
    assert run.code == 2 and "--strict" in run.err


def test_rules_command_shows_one_rule_or_refuses_an_unknown_one(glossqa):
    run = glossqa("rules", "link-targets")
    assert run.out.startswith("link-targets (default severity: error)")
    assert "heading-structure (default" not in run.out and "Options (defaults):" in run.out
    assert "suppression (default severity: warning)" in glossqa("rules").out
    assert "parse-error (default severity: error)" in glossqa("rules", "parse-error").out
    run = glossqa("rules", "nope")
    assert run.code == 2 and "unknown rule 'nope'" in run.err
