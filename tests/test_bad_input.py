import json
import os
import time
from xml.etree import ElementTree

import pytest
from conftest import article

from qa import discover, group, limits, pipeline, scope

GOOD = article("Guide", "# Guide\n\nText.\n")


@pytest.mark.parametrize(
    "content, line, reason",
    [
        (b"", 1, "file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", 1, "file is binary"),
        (b"# Title\n\nok\n\xff\xfe broken\n", 4, "invalid UTF-8"),
        (b"---\ntitle: [unclosed\n---\n# T\n", 3, "malformed front matter"),
        (b"---\ntitle: x\n# never closed\n", 1, "front matter opened at line 1 is never closed"),
        (b"+++\ntitle = 'x'\n+++\n# T\n", 1, "TOML front matter (+++) is not supported"),
    ],
)
def test_bad_file_gets_a_parse_error_and_the_run_goes_on(corpus, glossqa, content, line, reason):
    root = corpus(
        {
            "en/guide.md": GOOD,
            "sv/guide.md": content,
            "fi/guide.md": article("Opas", "# Opas\n\nTeksti.\n", lang="sv"),
        }
    )
    before = {p: p.read_bytes() for p in root.rglob("*.md")}
    run = glossqa("check", "--isolated", "--format", "json", ".")
    errors = [d for d in run.json if d["rule"] == "parse-error"]
    assert [(d["path"], d["line"]) for d in errors] == [("sv/guide.md", line)]
    assert reason in errors[0]["message"]
    assert any(d["path"] == "fi/guide.md" and d["rule"] == "declared-language" for d in run.json)
    assert "Traceback" not in run.err and run.code == 1
    assert {p: p.read_bytes() for p in root.rglob("*.md")} == before


def test_unreadable_file(corpus, glossqa):
    root = corpus({"en/guide.md": GOOD})
    (root / "sv").mkdir()
    (root / "sv/guide.md").symlink_to(root / "nowhere.md")
    run = glossqa("check", "--isolated", ".")
    assert run.lines == [
        "sv/guide.md:1:1: error parse-error cannot read file: No such file or directory"
    ]


def test_crlf_and_bom_keep_line_numbers(corpus, glossqa):
    corpus(
        {
            "en/a.md": article("A", "# A\n\nSee [x](/x).\n"),
            "sv/a.md": "\ufeff---\r\ntitle: B\r\n---\r\n# B\r\n\r\nSe [x](/y).\r\n".encode(),
        }
    )
    run = glossqa("check", "--isolated", ".")
    assert run.lines == [
        "sv/a.md:6:4: error link-targets this link leads to '/y', the source's to '/x': change the target to '/x' (reference: en/a.md:6)"
    ]


# Regression tests for issue 13: each crash or hang class found with generated input.

LAUGHS = "lol: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"l{n}: &{chr(98 + n)} [{', '.join(['*' + chr(97 + n)] * 9)}]\n" for n in range(8)
)
FRONT_MATTER_CASES = [  # YAML after a `title:` line; the line the problem is reported at
    ("date: 2024-02-30\n", 3, "day is out of range"),
    ("count: !!int abc\n", 3, "invalid literal for int()"),
    ("ratio: !!float x\n", 3, "could not convert string to float"),
    ("count: !!int\n", 3, "cannot read '' as !!int"),  # found by Hypothesis
    ("big: 1" + "0" * 5000 + "\n", 3, "Exceeds the limit (4300 digits)"),
    ("keywords: &a [*a]\n", 3, "alias *a refers to the collection that contains it"),
    ("x: " + "[" * 1000 + "]" * 1000 + "\n", 3, "nested more than 64 levels deep"),
    ("x:\n" + "".join("  " * depth + "- \n" for depth in range(1, 200)), 67, "nested more"),
    (LAUGHS, 8, "more than 100,000 values once its aliases are expanded"),
]
CONSTRUCTOR_ERRORS = ("day is out", "invalid", "could not", "Exceeds the limit", "cannot read")


@pytest.mark.parametrize("yaml_text, line, reason", FRONT_MATTER_CASES)
@pytest.mark.parametrize("delimiter", ["---", "- - -"])
def test_front_matter_the_yaml_loader_rejects_is_a_parse_error(
    corpus, glossqa, yaml_text, line, reason, delimiter
):
    corpus(
        {
            "en/guide.md": GOOD,
            "sv/guide.md": f"{delimiter}\ntitle: Guide\n{yaml_text}{delimiter}\n# Guide\n\nText.\n",
        }
    )
    run = glossqa("check", "--isolated", "--format", "json", ".")
    errors = [d for d in run.json if d["rule"] == "parse-error"]
    if delimiter == "- - -" and not reason.startswith(CONSTRUCTOR_ERRORS):
        # "- - -" around text that is not even YAML in shape is a thematic break, not front matter
        assert errors == []
    else:
        assert [(d["path"], d["line"]) for d in errors] == [("sv/guide.md", line)]
        assert reason in errors[0]["message"]
    assert run.code in (0, 1) and "Traceback" not in run.err


@pytest.mark.parametrize("yaml_text, line, reason", FRONT_MATTER_CASES)
def test_grouping_by_front_matter_language_survives_what_the_loader_rejects(
    corpus, glossqa, tmp_path, yaml_text, line, reason
):
    corpus(
        {
            "guide.md": "---\nlang: en\n---\n# Guide\n\nText.\n",
            "guide-sv.md": f"---\nlang: sv\n{yaml_text}---\n# Guide\n\nText.\n",
        }
    )
    # a file whose language cannot be told is in no group: nothing to check it against
    assert group.read_front_matter_head(tmp_path / "guide-sv.md") == {}
    run = glossqa("check", "--isolated", "--format", "json", ".")
    assert (run.code, run.json) == (0, []) and "Traceback" not in run.err


def test_a_long_run_of_markdown_in_html_lines_is_parsed_without_recursion(corpus, glossqa):
    corpus({"en/guide.md": GOOD, "sv/guide.md": "# Guide\n\n" + "<div markdown>text\n" * 5000})
    run = glossqa("check", "--isolated", "--select", "parse-error,heading-structure", ".")
    assert run.code == 0 and "Traceback" not in run.err


def test_a_fifo_named_like_markdown_is_a_parse_error_not_a_hang(corpus, glossqa, tmp_path):
    corpus({"en/guide.md": GOOD, "fi/guide.md": GOOD})
    (tmp_path / "sv").mkdir()
    os.mkfifo(tmp_path / "sv/guide.md")
    run = glossqa("check", "--isolated", "--select", "parse-error", ".")
    assert run.lines == [
        "sv/guide.md:1:1: error parse-error cannot read file: it is a FIFO, not a regular file"
    ]


def test_a_symlink_to_a_device_is_a_parse_error_not_an_endless_read(corpus, glossqa, tmp_path):
    corpus({"en/guide.md": GOOD})
    (tmp_path / "sv").mkdir()
    (tmp_path / "sv/guide.md").symlink_to("/dev/zero")
    run = glossqa("check", "--isolated", "--select", "parse-error", ".")
    assert run.lines == [
        "sv/guide.md:1:1: error parse-error cannot read file: it is a character device, "
        "not a regular file"
    ]


def test_a_file_over_the_size_limit_is_a_parse_error(corpus, glossqa, tmp_path):
    corpus({"en/guide.md": GOOD, "sv/guide.md": GOOD})
    os.truncate(tmp_path / "sv/guide.md", discover.MAX_FILE_BYTES + 1)  # sparse: nothing written
    run = glossqa("check", "--isolated", "--select", "parse-error", ".")
    assert run.lines == [
        "sv/guide.md:1:1: error parse-error cannot read file: it is larger than the limit of 8 MB "
        f"({discover.MAX_FILE_BYTES + 1:,} bytes)"
    ]


def test_symlink_loops_and_folders_named_like_markdown_are_no_problem(corpus, glossqa, tmp_path):
    corpus({"en/guide.md": GOOD, "sv/guide.md": GOOD, "sv/folder.md/inner.md": GOOD})
    (tmp_path / "sv/loop.md").symlink_to(tmp_path / "sv/loop.md")
    (tmp_path / "sv/up").symlink_to(tmp_path)
    run = glossqa("check", "--isolated", "--select", "parse-error", ".")
    assert run.lines == [
        "sv/loop.md:1:1: error parse-error cannot read file: Too many levels of symbolic links"
    ]


NOT_UTF8 = b"sv/caf\xe9.md"


@pytest.mark.parametrize("output", ["text", "json", "sarif", "junit", "github"])
def test_a_file_name_that_is_not_utf8_is_carried_into_every_output(
    corpus, glossqa, tmp_path, output
):
    corpus({"en/caf\xe9.md".encode().decode(): GOOD})
    os.rename(os.fsencode(tmp_path / "en/café.md"), os.fsencode(tmp_path) + b"/en/caf\xe9.md")
    (tmp_path / "sv").mkdir()
    with open(os.fsencode(tmp_path) + b"/" + NOT_UTF8, "wb") as handle:
        handle.write(b"---\ntitle: Guide\n---\n# Guide\n\n## Extra\n")
    for _ in range(2):  # cold, then from the cache
        run = glossqa("check", "--isolated", "--format", output, "--cache-dir", "cache", ".")
        assert run.code == 1 and "Traceback" not in run.err
        run.out.encode("utf-8", "surrogateescape")
        if output in ("json", "sarif"):
            parsed = json.loads(run.out.encode("utf-8", "surrogateescape"))
            text = json.dumps(parsed)
            assert "\\udce9" in text or "caf%E9" in text
        if output == "junit":
            ElementTree.fromstring(run.out.encode("utf-8"))
    written = glossqa("check", "--isolated", "--write-baseline", "baseline.json", ".")
    assert written.code == 0
    recorded = json.loads((tmp_path / "baseline.json").read_bytes())
    assert os.fsencode(recorded["diagnostics"][0]["path"]) == NOT_UTF8
    assert glossqa("check", "--isolated", "--baseline", "baseline.json", ".").code == 0


@pytest.mark.parametrize(
    "config, line, reason",
    [
        (
            "rules:\n  link-targets:\n    localized-sites: [1]\n",
            3,
            "rules.link-targets.localized-sites[0] must be a string, not an integer",
        ),
        (
            "rules:\n  declared-language:\n    confusable: [[nb, nn], [1, 2]]\n",
            3,
            "rules.declared-language.confusable[1][0] must be a string, not an integer",
        ),
        (
            "rules:\n  untranslated:\n    keep:\n      sv: 5\n",
            4,
            "rules.untranslated.keep.sv must be a list of strings, not an integer",
        ),
        (
            "rules:\n  glossary:\n    terms:\n      X: 5\n",
            4,
            "rules.glossary.terms.X must be a mapping",
        ),
        (
            "rules:\n  glossary:\n    terms:\n      X:\n        sv: [a, 3]\n",
            5,
            "rules.glossary.terms.X.sv[1] must be a string, not an integer",
        ),
        (
            "rules:\n  link-targets:\n    ignore:\n      - ok\n      - '(unclosed'\n",
            5,
            "rules.link-targets.ignore[1]: '(unclosed' is not a regular expression",
        ),
        (
            "rules:\n  link-targets:\n    locale-prefix: '[a-'\n",
            3,
            "rules.link-targets.locale-prefix: '[a-' is not a regular expression",
        ),
        ("rules:\n  untranslated:\n    min-words: !!int abc\n", 3, "invalid literal for int()"),
        ("source: 2024-02-30\n", 1, "day is out of range for month"),
        ("identical-keys: &a [*a]\n", 1, "refers to the collection that contains it"),
        ("rules: " + "[" * 1000 + "\n", 1, "nested more than 64 levels deep"),
        (LAUGHS.replace("lol:", "identical-keys:"), 6, "more than 100,000 values"),
        ("rules:\n  glossary:\n    file: fifo.csv\n", 2, "it is a FIFO, not a regular file"),
    ],
)
def test_config_mistakes_found_by_fuzzing_stop_with_exit_2(
    corpus, glossqa, tmp_path, config, line, reason
):
    corpus({"en/guide.md": GOOD, "sv/guide.md": GOOD, "rules.yaml": config})
    os.mkfifo(tmp_path / "fifo.csv")
    run = glossqa("check", ".")
    assert (run.code, run.out) == (2, "")
    assert run.err.startswith(f"glossqa: rules.yaml:{line}: invalid config: "), run.err
    assert reason in run.err and "Traceback" not in run.err


def test_a_catastrophic_pattern_from_the_config_does_not_hang(corpus, glossqa):
    corpus(
        {
            "en/guide.md": article("Guide", "# Guide\n\n" + f"[x](/{'a' * 40}!)\n" * 20),
            "sv/guide.md": article("Guide", "# Guide\n\n" + f"[x](/{'a' * 40}!)\n" * 20),
            "rules.yaml": "rules:\n  link-targets:\n    ignore: ['(a|aa)+$']\n"
            "    locale-prefix: '(a|aa)+$'\n",
        }
    )
    started = time.monotonic()
    run = glossqa("check", "--no-cache", "--select", "link-targets", ".")
    assert run.code == 0 and run.out == ""
    assert time.monotonic() - started < 30  # unbounded, 40 a's take minutes per search


@pytest.mark.parametrize(
    "content, reason",
    [
        ("[" * 100_000 + "]" * 100_000, "nested too deep"),
        ('{"glossqa-baseline": 1' + "0" * 5000 + "}", "Exceeds the limit (4300 digits)"),
    ],
)
def test_a_hostile_baseline_stops_with_exit_2(corpus, glossqa, content, reason):
    corpus({"en/guide.md": GOOD, "sv/guide.md": GOOD, "baseline.json": content})
    run = glossqa("check", "--isolated", "--baseline", "baseline.json", ".")
    assert run.code == 2 and reason in run.err and "Traceback" not in run.err


def test_outside_any_project_only_the_checked_folder_is_read(corpus, glossqa, tmp_path):
    corpus(
        {
            "unrelated/en/x.md": GOOD,
            "unrelated/sv/x.md": b"\xff\xfe not text",
            "site/en/guide.md": GOOD,
            "site/sv/guide.md": article("Guiden", "# Guide\n\nText.\n"),
        }
    )
    for paths in (["site"], ["site/sv/guide.md"], ["site/en", "site/sv"]):
        run = glossqa("check", "--isolated", "--no-cache", *paths)
        assert run.code == 0 and "unrelated" not in run.out + run.err
    assert scope.project_root([tmp_path / "site/sv/guide.md"], None) == tmp_path / "site"
    assert scope.project_root([tmp_path / "site"], None) == tmp_path / "site"


def test_a_group_over_the_time_bound_gets_a_diagnostic_and_the_run_goes_on(
    corpus, glossqa, monkeypatch
):
    sections = "".join(f"## H{number}\n\n[x](/x{number})\n\n" for number in range(300))
    corpus(
        {
            "en/big.md": sections,
            "sv/big.md": sections.replace("/x1", "/y1"),
            "en/small.md": GOOD,
            "sv/small.md": GOOD.replace("Guide\n\nText", "Guide\n\nText [x](/x)"),
        }
    )
    monkeypatch.setattr(limits, "GROUP_SECONDS", 0.02)
    run = glossqa("check", "--isolated", "--no-cache", "--select", "parse-error,link-targets", ".")
    too_slow = pipeline.TOO_SLOW.format(0.02)
    assert run.lines[:2] == [
        f"en/big.md:1:1: error parse-error {too_slow}",
        f"sv/big.md:1:1: error parse-error {too_slow}",
    ]
    assert len(run.lines) == 3 and run.lines[2].startswith("sv/small.md:6:6: error link-targets")


@pytest.mark.parametrize(
    "content",
    [
        b"[" * 100_000,
        b'{"runs": [5]}',
        b'[{"path": "x"}]',
        b'{"runs": [{"results": [{"locations": []}]}]}',
        b"\xff",
    ],
)
def test_merge_refuses_a_report_glossqa_did_not_write(corpus, glossqa, tmp_path, content):
    corpus({"a.json": content, "b.json": content})
    run = glossqa("merge", "a.json", "b.json")
    assert run.code == 2 and run.err.startswith("glossqa: merge: ") and "Traceback" not in run.err
