from conftest import article

EN = article(
    "Sales",
    """
    # Sales

    ## Hard sell

    A hard sell is direct and insistent.

    ## Other

    Nothing about it here.
    """,
)
CONFIG = """\
rules:
  glossary:
    terms:
      hard sell: {sv: hård försäljning, fi: [kova myynti, aggressiivinen myynti]}
    forbidden:
      sv: [hårt skal]
"""


def _glossary(run):
    return [
        (d["path"], d["line"], d["message"], d["related"])
        for d in run.json
        if d["rule"] == "glossary"
    ]


def test_expected_rendering_present_passes(corpus, glossqa):
    corpus(
        {
            "rules.yaml": CONFIG,
            "en/a.md": EN,
            "sv/a.md": article(
                "Försäljning",
                """
        # Försäljning

        ## Hård försäljning

        De hårda försäljningen är direkt och enträgen.

        ## Annat

        Inget om det här.
        """,
            ),
        }
    )
    assert _glossary(glossqa("check", "--format", "json", ".")) == []


def test_missing_rendering_and_forbidden_phrase_are_reported(corpus, glossqa):
    corpus(
        {
            "rules.yaml": CONFIG,
            "en/a.md": EN,
            "sv/a.md": article(
                "Försäljning",
                """
        # Försäljning

        ## Hårt skal

        Ett hårt skal är direkt och enträget.

        ## Annat

        Inget om det här.
        """,
            ),
        }
    )
    assert _glossary(glossqa("check", "--format", "json", ".")) == [
        (
            "sv/a.md",
            6,
            "the source uses 'hard sell' in this section; the glossary's Swedish rendering "
            "'hård försäljning' is missing",
            {"path": "en/a.md", "line": 6},
        ),
        ("sv/a.md", 6, "'hårt skal' is a forbidden rendering in Swedish (glossary)", None),
        ("sv/a.md", 8, "'hårt skal' is a forbidden rendering in Swedish (glossary)", None),
    ]


def test_terms_import_from_csv_and_tbx(corpus, glossqa):
    finnish = article(
        "Myynti", "# Myynti\n\n## Kova\n\nSe on suoraa ja vaativaa.\n\n## Muu\n\nEi mitään.\n"
    )
    corpus(
        {
            "glossary.csv": "term,sv,fi\nhard sell,hård försäljning,kova myynti|aggressiivinen myynti\n",
            "rules.yaml": "rules:\n  glossary:\n    file: glossary.csv\n",
            "en/a.md": EN,
            "fi/a.md": finnish,
        }
    )
    expected = [
        (
            "fi/a.md",
            6,
            "the source uses 'hard sell' in this section; the glossary's Finnish rendering "
            "'kova myynti' or 'aggressiivinen myynti' is missing",
            {"path": "en/a.md", "line": 6},
        )
    ]
    assert _glossary(glossqa("check", "--format", "json", ".")) == expected
    corpus(
        {
            "glossary.tbx": """<?xml version="1.0"?>
            <martif type="TBX"><text><body>
              <termEntry id="1">
                <langSet xml:lang="en"><tig><term>hard sell</term></tig></langSet>
                <langSet xml:lang="fi"><tig><term>kova myynti</term></tig><tig><term>aggressiivinen myynti</term></tig></langSet>
              </termEntry>
            </body></text></martif>
            """,
            "rules.yaml": "rules:\n  glossary:\n    file: glossary.tbx\n",
        }
    )
    assert _glossary(glossqa("check", "--format", "json", ".")) == expected


def test_unreadable_termbase_is_a_config_error(corpus, glossqa):
    corpus({"rules.yaml": "rules:\n  glossary:\n    file: missing.csv\n", "en/a.md": EN})
    run = glossqa("check", ".")
    assert run.code == 2
    assert run.err.startswith(
        "glossqa: rules.yaml:2: invalid config: rules.glossary.file: cannot read missing.csv"
    )
