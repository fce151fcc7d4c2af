"""The fuzz suite's short profile: generated sites through the whole CLI (benchmarks/fuzz.py has
the generator, the invariants and the long profile), and Hypothesis on the stages that take text."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from conftest import REPOSITORY
from hypothesis import given, settings
from hypothesis import strategies as st

from qa import baseline, options, safe_yaml
from qa.model import SourceFile
from qa.parse import decode_text, parse_text
from qa.rules import RULES

sys.path.insert(0, str(REPOSITORY / "benchmarks"))
import fuzz  # noqa: E402

SHORT_PROFILE = 60  # cases; the long profile runs 25,000 (README: Robustness)


def test_generated_sites_keep_every_invariant():
    summary = fuzz.fuzz(first_seed=0, cases=SHORT_PROFILE)
    assert summary["cases"] == SHORT_PROFILE and summary["files"] > SHORT_PROFILE
    assert summary["failures"] == []


def test_the_invariants_catch_a_broken_glossqa(monkeypatch):
    """The harness itself can fail: a reader that raises is found, with its seed."""

    def broken(text, source):
        raise RuntimeError("injected")

    monkeypatch.setattr("qa.pipeline.parse_text", broken)
    summary = fuzz.fuzz(first_seed=0, cases=3)
    assert summary["failures"] and all(
        "RuntimeError: injected" in failure for _, failure in summary["failures"]
    )


YAMLISH = st.lists(
    st.sampled_from(
        list("ab:-[]{}&*!|>'\"#?,\n \t0.") + ["!!int ", "<<: ", "2024-02-30", "&a ", "*a"]
    ),
    max_size=80,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(YAMLISH)
def test_yaml_gives_a_value_or_a_problem(text):
    try:
        safe_yaml.load(text)
    except safe_yaml.YAMLProblem as problem:
        assert problem.line >= 1 and problem.problem


SOURCE = SourceFile(Path("sv/x.md"), "sv/x.md", "x.md", "sv", "path")
MARKDOWNISH = st.lists(
    st.sampled_from(
        [
            "---",
            "- - -",
            "title: x",
            "date: 2024-02-30",
            "# H",
            "## H {#id}",
            "```",
            "``",
            "~~~",
            "<div markdown>",
            "</div>",
            "<!-- glossqa-disable x -->",
            "[a](/b)",
            "> q",
            "- i",
            "| a |",
            "|---|",
            '=== "T"',
            "    code",
            "!!! note",
            "<h2 id=x>H</h2>",
            "",
            "\ufeff",
            "[^1]: f",
            "[r]: /x",
            "{{< x >}}",
            "\x00",
            "\r",
        ]
    ),
    max_size=40,
).map("\n".join)


@settings(max_examples=300, deadline=None)
@given(MARKDOWNISH)
def test_any_text_parses(text):
    decoded, error = decode_text(text.encode("utf-8", "surrogatepass"))
    if decoded is not None:
        parsed = parse_text(decoded, SOURCE)
        assert all(1 <= error.line <= len(parsed.lines) + 1 for error in parsed.errors)


JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=4), children, max_size=4)
    ),
    max_leaves=12,
)
DECLARED = [
    options.declared_type(module, name) for module in RULES.values() for name in module.OPTIONS
]


@settings(max_examples=150, deadline=None)
@given(JSONISH, st.sampled_from(DECLARED))
def test_any_option_value_is_accepted_or_refused_with_a_message(value, declared):
    for path, message in options.mismatches(value, declared, "rules.x.y"):
        assert isinstance(path, tuple) and message.startswith("rules.x.y")


@settings(max_examples=100, deadline=None)
@given(
    st.binary(max_size=300)
    | JSONISH.map(lambda value: json.dumps({"glossqa-baseline": 1, "diagnostics": value}).encode())
)
def test_any_baseline_file_loads_or_is_refused(tmp_path_factory, content):
    path = tmp_path_factory.mktemp("baseline") / "baseline.json"
    path.write_bytes(content)
    try:
        recorded = baseline.load(path)
    except baseline.BaselineError as error:
        assert str(error).startswith(f"{path}: ")
    else:
        assert all(len(identity) == 4 for identity in recorded)
