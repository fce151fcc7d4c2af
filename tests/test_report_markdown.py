"""--format markdown: the CI job summary / pull-request comment."""

from __future__ import annotations

from conftest import article

from qa.report import markdown

FILES = {
    "rules.yaml": "rules:\n  declared-language: false\n  untranslated: false\n",
    "en/a.md": article("A", "# A\n\nSee [x](/x).\n\n## B | <script>@team</script>\n\nText.\n"),
    "sv/a.md": article("A sv", "# A\n\nSe [x](/y).\n\n### B | <script>@team</script>\n\nText.\n"),
    "fi/a.md": article("A fi", "# A\n\nKatso [x](/z).\n\n## B | <script>@team</script>\n\nText.\n"),
}


def test_summary_has_totals_tables_and_linked_findings(corpus, glossqa, monkeypatch):
    monkeypatch.delenv("GITHUB_SHA", raising=False)
    corpus(FILES)
    run = glossqa(
        "check", "--format", "markdown", "--repository-url", "https://example.org/o/s", "."
    )
    assert run.code == 1
    assert run.out == (
        "## glossqa: 3 errors in 3 files\n"
        "\n"
        "3 findings fail the check (failing from `error` up).\n"
        "\n"
        "| Rule | errors | warnings | infos |\n"
        "| --- | ---: | ---: | ---: |\n"
        "| `link-targets` | 2 | 0 | 0 |\n"
        "| `heading-structure` | 1 | 0 | 0 |\n"
        "\n"
        "| Language | errors | warnings | infos |\n"
        "| --- | ---: | ---: | ---: |\n"
        "| sv | 2 | 0 | 0 |\n"
        "| fi | 1 | 0 | 0 |\n"
        "\n"
        "### 3 findings\n"
        "\n"
        "- 🔴 [fi/a.md:6](https://example.org/o/s/blob/HEAD/fi/a.md#L6) `link-targets` "
        "this link leads to '/z', the source's to '/x': change the target to '/x'\n"
        "- 🔴 [sv/a.md:6](https://example.org/o/s/blob/HEAD/sv/a.md#L6) `link-targets` "
        "this link leads to '/y', the source's to '/x': change the target to '/x'\n"
        "- 🔴 [sv/a.md:8](https://example.org/o/s/blob/HEAD/sv/a.md#L8) `heading-structure` "
        "heading level 3 should be 2, as the source heading "
        "\\#\\# B \\| &lt;script&gt;\\@team&lt;/script&gt; (source line 8): write it with \\#\\#\n"
    )


def test_findings_past_the_first_are_folded_and_counted(corpus, glossqa, monkeypatch):
    monkeypatch.setattr(markdown, "FIRST", 1)
    corpus(FILES)
    run = glossqa("check", "--format", "markdown", ".")
    assert "### The first 1 finding\n" in run.out
    assert run.out.count("\n- 🔴 ") == 1
    assert run.out.endswith(
        "…and 2 more findings (2 errors) in 1 file, not listed here: see the full report "
        "(the HTML report or the annotations).\n"
    )


def test_a_clean_run_says_so(corpus, glossqa):
    corpus({"en/a.md": article("A", "# A\n"), "sv/a.md": article("A sv", "# A\n")})
    run = glossqa(
        "check", "--format", "markdown", "--isolated", "--ignore", "declared-language", "."
    )
    assert run.out == "## glossqa: no findings in 2 files\n"
    assert run.code == 0
