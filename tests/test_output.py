from conftest import article

FILES = {
    "en/a.md": article("A", "# A\n\nSee [x](/x).\n\n## B\n"),
    "sv/a.md": article("B", "# A\n\nSe [x](/y).\n\n### B\n"),
    "fi/b.md": article("B", "# A\n"),
}


def test_text_format_is_sorted_by_path_then_line(corpus, glossqa):
    corpus(FILES)
    run = glossqa("check", "--isolated", ".")
    assert run.lines == [
        "fi/b.md:1:1: warning orphaned orphaned translation: there is no en source file for it; move it along with its source, or delete it",
        "sv/a.md:6:4: error link-targets this link leads to '/y', the source's to '/x': change the target to '/x' (reference: en/a.md:6)",
        "sv/a.md:8:1: error heading-structure heading level 3 should be 2, as the source heading ## B (source line 8): write it with ## (reference: en/a.md:8)",
    ]
    assert run.code == 1


def test_json_schema(corpus, glossqa):
    corpus(FILES)
    run = glossqa("check", "--isolated", "--format", "json", ".")
    assert run.json[1] == {  # [0]: fi/b.md is orphaned
        "path": "sv/a.md",
        "line": 6,
        "column": 4,
        "rule": "link-targets",
        "severity": "error",
        "message": "this link leads to '/y', the source's to '/x': change the target to '/x'",
        "language": "sv",
        "related": {"path": "en/a.md", "line": 6},
    }


def test_paths_are_relative_to_the_current_directory(corpus, glossqa, tmp_path):
    corpus({f"site/{name}": content for name, content in FILES.items()})
    run = glossqa("check", "--isolated", str(tmp_path / "site"), cwd=tmp_path)
    assert run.lines[0].startswith("site/fi/b.md:1:1:")
    assert run.lines[1].startswith("site/sv/a.md:6:4:")


def test_output_is_deterministic(corpus, glossqa):
    corpus(FILES)
    assert glossqa("check", "--isolated", ".").out == glossqa("check", "--isolated", ".").out


def test_warnings_alone_exit_0(corpus, glossqa):
    corpus(
        {
            **FILES,
            "rules.yaml": "rules:\n  link-targets: {severity: warning}\n  heading-structure: {severity: info}\n",
        }
    )
    run = glossqa("check", ".")
    assert run.code == 0 and len(run.lines) == 3  # with fi/b.md orphaned


def test_rules_command_prints_each_rules_documentation(glossqa):
    run = glossqa("rules")
    for rule in (
        "heading-structure",
        "link-targets",
        "front-matter",
        "declared-language",
        "untranslated",
    ):
        assert f"{rule} (default severity:" in run.out
    assert "Fails" in run.out and "Passes" in run.out
