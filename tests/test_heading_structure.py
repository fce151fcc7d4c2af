from conftest import article

EN = article(
    "Guide",
    """
# Guide

Intro [home](/home).

## Setup {#setup}

Install it.

## Usage

Run it.
""",
)


def test_matching_headings_pass(corpus, glossqa):
    corpus(
        {
            "en/guide.md": EN,
            "sv/guide.md": article(
                "Guide sv",
                """
        # Guide

        Intro [hem](/home).

        ## Installation {#setup}

        Installera.

        ## Användning

        Kör.
        """,
            ),
        }
    )
    run = glossqa("check", "--isolated", "--format", "json", ".")
    assert "heading-structure" not in run.rules()


def test_level_change_and_id_change_are_reported_at_the_heading(corpus, glossqa):
    corpus(
        {
            "en/guide.md": EN,
            "sv/guide.md": article(
                "Guide sv",
                """
        # Guide

        Intro [hem](/home).

        ## Installation {#install}

        Installera.

        ### Användning

        Kör.
        """,
            ),
        }
    )
    run = glossqa("check", "--isolated", "--format", "json", ".")
    found = [
        (d["path"], d["line"], d["message"], d["related"])
        for d in run.json
        if d["rule"] == "heading-structure"
    ]
    assert found == [
        (
            "sv/guide.md",
            8,
            "heading id {#install} differs from the reference's {#setup}",
            {"path": "en/guide.md", "line": 8},
        ),
        (
            "sv/guide.md",
            12,
            "heading level 3 differs from the reference's level 2 (## Usage)",
            {"path": "en/guide.md", "line": 12},
        ),
    ]
    assert run.code == 1


def test_missing_section_is_one_diagnostic_at_the_insertion_point(corpus, glossqa):
    corpus(
        {
            "en/guide.md": EN,
            "sv/guide.md": article(
                "Guide sv",
                """
        # Guide

        Intro [hem](/home).

        ## Användning

        Kör.
        """,
            ),
        }
    )
    run = glossqa("check", "--isolated", "--format", "json", ".")
    found = [
        (d["line"], d["message"], d["related"]["line"])
        for d in run.json
        if d["rule"] == "heading-structure"
    ]
    assert found == [
        (
            8,
            "missing section ## Setup: translate the section at source line 8 and insert it "
            "before line 8",
            8,
        )
    ]
