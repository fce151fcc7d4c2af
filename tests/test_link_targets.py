from conftest import article

EN = article(
    "Sales",
    """
# Sales

See [hard sell](/hard-sell) and ![chart](img/chart.png).

Read <https://example.com/guide> or <a href="/contact">us</a>.

[ref]: /reference-target

More in [the reference][ref].
""",
)


def test_same_targets_with_locale_prefix_pass(corpus, glossqa):
    corpus(
        {
            "en/sales.md": EN,
            "sv/sales.md": article(
                "Försäljning",
                """
        # Försäljning

        Se [hårt salg](/sv/hard-sell) och ![diagram](img/chart.png).

        Läs <https://example.com/guide> eller <a href="/sv/contact">oss</a>.

        [ref]: /reference-target

        Mer i [referensen][ref].
        """,
            ),
        }
    )
    run = glossqa("check", "--isolated", "--format", "json", ".")
    assert [d for d in run.json if d["rule"] == "link-targets"] == []


def test_changed_image_html_and_reference_targets_are_reported_at_their_lines(corpus, glossqa):
    corpus(
        {
            "en/sales.md": EN,
            "sv/sales.md": article(
                "Försäljning",
                """
        # Försäljning

        Se [hårt salg](/hard-sell) och ![diagram](img/graf.png).

        Läs <https://example.com/guide> eller <a href="/kontakt">oss</a>.

        [ref]: /other-target

        Mer i [referensen][ref].
        """,
            ),
        }
    )
    run = glossqa("check", "--isolated", "--format", "json", ".")
    found = [
        (d["line"], d["message"], d["related"]["line"])
        for d in run.json
        if d["rule"] == "link-targets"
    ]
    assert found == [
        (6, "link target 'img/graf.png' differs from the reference's 'img/chart.png'", 6),
        (8, "link target '/kontakt' differs from the reference's '/contact'", 8),
        (12, "link target '/other-target' differs from the reference's '/reference-target'", 12),
    ]


def test_missing_link_is_reported_at_the_line_that_lost_it(corpus, glossqa):
    corpus(
        {
            "en/sales.md": EN,
            "sv/sales.md": article(
                "Försäljning",
                """
        # Försäljning

        Se hårt salg och ![diagram](img/chart.png).

        Läs <https://example.com/guide> eller <a href="/contact">oss</a>.

        [ref]: /reference-target

        Mer i [referensen][ref].
        """,
            ),
        }
    )
    run = glossqa("check", "--isolated", "--format", "json", ".")
    found = [(d["line"], d["message"]) for d in run.json if d["rule"] == "link-targets"]
    assert found == [(6, "missing link to '/hard-sell' in this section")]


def test_own_language_edition_of_wikipedia_matches_but_a_retarget_does_not(corpus, glossqa):
    en = article(
        "Sales",
        "# Sales\n\nSee [selling](https://en.wikipedia.org/wiki/Selling) and [buying](https://en.wikipedia.org/wiki/Buying).\n",
    )
    corpus(
        {
            "en/sales.md": en,
            "sv/sales.md": article(
                "Försäljning",
                """
        # Försäljning

        Se [försäljning](https://sv.wikipedia.org/wiki/F%C3%B6rs%C3%A4ljning) och [köp](https://en.wikipedia.org/wiki/Purchasing).
        """,
            ),
        }
    )
    run = glossqa("check", "--isolated", "--format", "json", ".")
    assert [(d["line"], d["message"]) for d in run.json if d["rule"] == "link-targets"] == [
        (
            6,
            "link target 'https://en.wikipedia.org/wiki/Purchasing' differs from the reference's "
            "'https://en.wikipedia.org/wiki/Buying'",
        ),
    ]
