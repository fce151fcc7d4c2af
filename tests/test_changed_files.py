"""Checking only some files (as pre-commit does): their siblings are read to align them, only they are reported."""

from conftest import article

FILES = {
    "rules.yaml": "rules:\n  declared-language: false\n",
    "docs/en/a.md": article("A", "# A\n\nSee [x](/x).\n\n## B\n"),
    "docs/sv/a.md": article("B", "# A\n\nSe [x](/y).\n"),
    "docs/fi/a.md": article("C", "# A\n\nKatso [x](/z).\n\n## B\n"),
    "docs/en/other.md": article("O", "# O\n\n[x](/x)\n"),
    "docs/sv/other.md": article("P", "# O\n\n[x](/nope)\n"),
}


def places(run) -> list[str]:
    return [line.split(" ")[0] + " " + line.split(" ")[2] for line in run.lines]


def test_a_changed_translation_is_aligned_with_its_siblings_and_reported_alone(corpus, glossqa):
    corpus(FILES)
    run = glossqa("check", "docs/sv/a.md")
    assert places(run) == ["docs/sv/a.md:6:4: link-targets", "docs/sv/a.md:7:1: heading-structure"]
    assert run.err == "glossqa: 1 file in 1 group: 2 errors, 0 warnings, 0 info\n" and run.code == 1


def test_several_changed_files_each_get_their_own_group(corpus, glossqa):
    corpus(FILES)
    run = glossqa("check", "docs/fi/a.md", "docs/sv/other.md")
    assert places(run) == ["docs/fi/a.md:6:7: link-targets", "docs/sv/other.md:6:1: link-targets"]


def test_a_changed_source_is_reported_alone_and_its_translations_are_not(corpus, glossqa):
    corpus(FILES)
    run = glossqa("check", "docs/en/a.md")
    assert run.out == "" and run.code == 0
    assert run.err.startswith("glossqa: 1 file in 1 group:")


def test_a_language_folder_is_checked_against_its_siblings_elsewhere(corpus, glossqa):
    corpus(FILES)
    run = glossqa("check", "docs/sv")
    assert places(run) == [
        "docs/sv/a.md:6:4: link-targets",
        "docs/sv/a.md:7:1: heading-structure",
        "docs/sv/other.md:6:1: link-targets",
    ]


def test_the_project_root_is_the_git_work_tree_without_a_config(corpus, glossqa, tmp_path):
    corpus({name: content for name, content in FILES.items() if name != "rules.yaml"})
    (tmp_path / ".git").mkdir()
    run = glossqa("check", "--ignore", "declared-language", "sv/a.md", cwd=tmp_path / "docs")
    assert places(run) == ["sv/a.md:6:4: link-targets", "sv/a.md:7:1: heading-structure"]


def test_a_whole_folder_run_is_unchanged(corpus, glossqa):
    corpus(FILES)
    run = glossqa("check", ".")
    assert [place.split(":")[0] for place in places(run)] == [
        "docs/fi/a.md",
        "docs/sv/a.md",
        "docs/sv/a.md",
        "docs/sv/other.md",
    ]


def test_each_file_alone_gets_exactly_its_diagnostics_from_the_full_run(corpus, glossqa):
    corpus(
        {
            **FILES,
            "docs/en/c.md": article("C", "# C\n\n[x](/x)\n\n## D\n"),
            "docs/de/c.md": article("C", "# C\n\n[x](/x)\n\n## D\n"),
            "docs/fr/c.md": article("C2", "# C\n\n[x](/x)\n\n## D\n"),
            "docs/nl/c.md": article("C3", "# C\n\n[x](/y)\n\n### D\n"),
        }
    )
    full = glossqa("check", ".").lines
    assert any(line.startswith("docs/nl/c.md:") for line in full)
    for path in ("docs/sv/a.md", "docs/fi/a.md", "docs/en/a.md", "docs/nl/c.md", "docs/de/c.md"):
        assert glossqa("check", path).lines == [
            line for line in full if line.startswith(path + ":")
        ]
