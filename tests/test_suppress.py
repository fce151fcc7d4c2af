"""Suppression comments in Markdown, and the diagnostics for faulty or unused ones."""

import pytest
from conftest import article

ENGLISH = article(
    "A",
    """
    # A

    See [x](/x).

    ## B

    See [y](/y).
    """,
)


def swedish(body: str) -> str:
    return article("B", body)


def check(corpus, glossqa, body: str, *arguments: str) -> list[str]:
    corpus({"en/a.md": ENGLISH, "sv/a.md": swedish(body)})
    run = glossqa("check", "--isolated", "--ignore", "declared-language", *arguments, ".")
    return [line.split(" ", 1)[0] + " " + line.split()[2] for line in run.lines]


BROKEN = "# A\n\nSe [x](/wrong).\n\n### B\n\nSe [y](/also-wrong).\n"


def test_without_directives_every_problem_shows(corpus, glossqa):
    assert check(corpus, glossqa, BROKEN) == [
        "sv/a.md:6:4: link-targets",
        "sv/a.md:8:1: heading-structure",
        "sv/a.md:10:4: link-targets",
    ]


def test_disable_next_line_silences_the_next_non_blank_line_only(corpus, glossqa):
    body = BROKEN.replace(
        "Se [x]",
        "<!-- glossqa-disable-next-line link-targets -- the Swedish page moved -->\n\nSe [x]",
    )
    assert check(corpus, glossqa, body) == [
        "sv/a.md:10:1: heading-structure",
        "sv/a.md:12:4: link-targets",
    ]


def test_disable_enable_silences_a_range_and_a_list_of_rules(corpus, glossqa):
    body = BROKEN.replace(
        "Se [x]", "<!-- glossqa-disable link-targets, heading-structure -->\nSe [x]"
    )
    body = body.replace("Se [y]", "<!-- glossqa-enable link-targets,heading-structure -->\nSe [y]")
    assert check(corpus, glossqa, body) == ["sv/a.md:12:4: link-targets"]


def test_disable_without_enable_runs_to_the_end_of_the_file(corpus, glossqa):
    body = BROKEN.replace("### B", "<!-- glossqa-disable link-targets -->\n### B")
    assert check(corpus, glossqa, body) == [
        "sv/a.md:6:4: link-targets",
        "sv/a.md:9:1: heading-structure",
    ]


def test_disable_file_silences_the_whole_file_from_anywhere(corpus, glossqa):
    body = BROKEN + "\n<!-- glossqa-disable-file link-targets -->\n"
    assert check(corpus, glossqa, body) == ["sv/a.md:8:1: heading-structure"]


def test_an_inline_directive_works_too(corpus, glossqa):
    body = BROKEN.replace("### B", "### B <!-- glossqa-disable-next-line link-targets -->")
    assert check(corpus, glossqa, body) == [
        "sv/a.md:6:4: link-targets",
        "sv/a.md:8:1: heading-structure",
    ]


def test_a_directive_silences_only_its_own_file(corpus, glossqa):
    corpus(
        {
            "en/a.md": ENGLISH + "\n<!-- glossqa-disable-file link-targets -->\n",
            "sv/a.md": swedish(BROKEN),
        }
    )
    run = glossqa("check", "--isolated", "--ignore", "declared-language", ".")
    assert [line.split()[2] for line in run.lines] == [
        "suppression",
        "link-targets",
        "heading-structure",
        "link-targets",
    ]
    assert run.lines[0].startswith("en/a.md:")


def test_a_directive_in_a_code_block_is_not_a_directive(corpus, glossqa):
    body = BROKEN.replace("### B", "```\n<!-- glossqa-disable-file link-targets -->\n```\n\n### B")
    assert [found.split()[1] for found in check(corpus, glossqa, body)] == [
        "link-targets",
        "heading-structure",
        "link-targets",
    ]


@pytest.mark.parametrize(
    "directive, message",
    [
        (
            "<!-- glossqa-disable-next-lines link-targets -->",
            "unknown directive 'glossqa-disable-next-lines'",
        ),
        ("<!-- glossqa-disable-next-line link-target -->", "names unknown rule 'link-target'"),
        ("<!-- glossqa-disable-next-line -->", "names no rule"),
        ("<!-- glossqa-disable-next-line -- just because -->", "names no rule"),
        (
            "<!-- glossqa-enable link-targets -->",
            "has no earlier 'glossqa-disable link-targets' to end",
        ),
        ("<!-- glossqa-disable-next-line suppression -->", "names unknown rule 'suppression'"),
    ],
)
def test_a_malformed_directive_is_reported_where_it_is(corpus, glossqa, directive, message):
    corpus({"en/a.md": ENGLISH, "sv/a.md": swedish(BROKEN.replace("### B", f"{directive}\n### B"))})
    run = glossqa("check", "--isolated", "--ignore", "declared-language", "--format", "json", ".")
    found = [d for d in run.json if d["rule"] == "suppression"]
    assert len(found) == 1 and (found[0]["path"], found[0]["line"], found[0]["severity"]) == (
        "sv/a.md",
        8,
        "warning",
    )
    assert message in found[0]["message"]


def test_a_directive_that_silences_nothing_is_reported(corpus, glossqa):
    body = BROKEN.replace(
        "### B", "<!-- glossqa-disable-next-line untranslated, link-targets -->\n### B"
    )
    corpus(
        {
            "en/a.md": ENGLISH,
            "sv/a.md": swedish(body),
            "rules.yaml": "rules:\n  untranslated: {terms: [Soft Sell]}\n",
        }
    )
    run = glossqa("check", "--ignore", "declared-language", "--format", "json", ".")
    found = [(d["line"], d["message"]) for d in run.json if d["rule"] == "suppression"]
    assert found == [
        (
            8,
            "'glossqa-disable-next-line link-targets' silences nothing: no link-targets diagnostic on line 9",
        ),
        (
            8,
            "'glossqa-disable-next-line untranslated' silences nothing: no untranslated diagnostic on line 9",
        ),
    ]


def test_a_directive_for_a_rule_that_did_not_run_is_not_called_unused(corpus, glossqa):
    body = BROKEN + "\n<!-- glossqa-disable-file declared-language -->\n"
    assert "suppression" not in " ".join(check(corpus, glossqa, body))
    assert "suppression" not in " ".join(
        check(
            corpus,
            glossqa,
            body.replace("declared-language", "link-targets"),
            "--ignore",
            "link-targets",
        )
    )


def test_suppression_diagnostics_can_themselves_be_ignored(corpus, glossqa):
    body = BROKEN + "\n<!-- glossqa-disable-file heading-structure, front-matter -->\n"
    assert "sv/a.md:12:1: suppression" in check(corpus, glossqa, body)
    assert "suppression" not in " ".join(check(corpus, glossqa, body, "--ignore", "suppression"))
