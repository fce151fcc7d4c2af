"""The seed corpus: the one test that runs over corpus/ and asserts the whole output."""

from conftest import REPOSITORY

EXPECTED = """\
corpus/sv/soft-sell.md:4:14: warning untranslated 'Soft sell' is left in English in this front-matter 'description': listed term 'Soft Sell'
corpus/sv/soft-sell.md:10:1: warning untranslated 'Soft sell' is left in English in this paragraph: listed term 'Soft Sell'
corpus/sv/soft-sell.md:12:11: warning untranslated 'Soft Selling' is left in English in this heading: listed term 'Soft Sell'
corpus/sv/soft-sell.md:16:1: warning untranslated 'Soft sell' is left in English in this paragraph: listed term 'Soft Sell'
corpus/sv/soft-sell.md:18:4: warning untranslated 'Soft Sell' is left in English in this heading: listed term 'Soft Sell'
corpus/sv/soft-sell.md:18:18: warning glossary 'hårt skal' is a forbidden rendering in Swedish (glossary)
"""


def test_corpus_reports_the_five_swedish_soft_sell_lines_and_the_forbidden_rendering(glossqa):
    run = glossqa("check", "corpus/", cwd=REPOSITORY)
    assert run.out == EXPECTED
    assert run.code == 0


def test_corpus_json_names_language_and_rule(glossqa):
    run = glossqa("check", "--format", "json", "corpus/", cwd=REPOSITORY)
    assert {
        (item["path"], item["line"], item["language"])
        for item in run.json
        if item["rule"] == "untranslated"
    } == {("corpus/sv/soft-sell.md", line, "sv") for line in (4, 10, 12, 16, 18)}
    assert set(run.rules()) == {"untranslated", "glossary"}
