import pytest
from conftest import REPOSITORY, article

FILES = {"en/a.md": article("A", "# A\n\n## B\n"), "sv/a.md": article("Mjuk", "# A\n\n### B\n")}


@pytest.mark.parametrize(
    "config, line, reason",
    [
        ("rules:\n  no-such-rule: {}\n", 2, "unknown rule 'no-such-rule'"),
        (
            "rules:\n  untranslated:\n    colour: red\n",
            3,
            "unknown option 'colour' for rule untranslated",
        ),
        (
            "rules:\n  untranslated:\n    terms: Soft Sell\n",
            3,
            "rules.untranslated.terms must be a list of strings, not a string",
        ),
        ("rules:\n  declared-language:\n    min-words: many\n", 3, "must be an integer"),
        (
            "rules:\n  link-targets:\n    severity: fatal\n",
            3,
            "severity must be one of error, warning, info",
        ),
        ("rules: [\n  oops\n", 3, "broken YAML"),
        ("source: english\n", 1, "'english' is not a language tag"),
        ("layout: pages\n", 1, "layout must be one of"),
        ("colour: red\n", 1, "unknown key 'colour'"),
        ("rules:\n  untranslated: {}\n  untranslated: {}\n", 3, "duplicate key 'untranslated'"),
    ],
)
def test_config_mistakes_stop_with_exit_2_naming_file_and_line(
    corpus, glossqa, config, line, reason
):
    corpus({**FILES, "rules.yaml": config})
    run = glossqa("check", ".")
    assert run.code == 2 and run.out == ""
    assert run.err.startswith(f"glossqa: rules.yaml:{line}: invalid config: ")
    assert reason in run.err and "Traceback" not in run.err


def test_config_is_found_by_walking_up_from_the_checked_path(corpus, glossqa):
    root = corpus(
        {
            **{f"docs/{k}": v for k, v in FILES.items()},
            "rules.yaml": "rules:\n  heading-structure:\n    severity: warning\n",
        }
    )
    run = glossqa("check", "en", cwd=root / "docs")
    assert run.code == 0
    run = glossqa("check", ".", cwd=root / "docs")
    assert [line.split()[1:3] for line in run.lines] == [["warning", "heading-structure"]]


def test_explicit_config_and_isolated(corpus, glossqa):
    corpus(
        {
            **FILES,
            "rules.yaml": "rules:\n  heading-structure: false\n",
            "strict.yaml": "rules:\n  heading-structure:\n    severity: info\n",
        }
    )
    assert glossqa("check", ".").out == ""
    assert " info heading-structure " in glossqa("check", "--config", "strict.yaml", ".").out
    isolated = glossqa("check", "--isolated", ".")
    assert " error heading-structure " in isolated.out and isolated.code == 1


def test_source_option_picks_the_reference(corpus, glossqa):
    corpus(
        {
            "sv/a.md": article("A", "# A\n\n## B\n"),
            "fi/a.md": article("A", "# A\n\n### B\n"),
            "de/a.md": article("A", "# A\n\n### B\n"),
        }
    )
    consensus = glossqa("check", "--isolated", ".")
    assert [line.split(":")[0] for line in consensus.lines] == ["sv/a.md"]
    sourced = glossqa("check", "--isolated", "--source", "sv", ".")
    assert [line.split(":")[0] for line in sourced.lines] == ["de/a.md", "fi/a.md"]


def test_usage_errors_exit_2(glossqa):
    assert glossqa("check", "no/such/path").code == 2
    assert glossqa("check", "--source", "klingon-xx-yy", ".").code == 2
    assert glossqa("check", "--format", "yaml", ".").code == 2


def test_repository_rules_yaml_is_valid(glossqa):
    assert glossqa("check", "corpus/", cwd=REPOSITORY).code == 0
