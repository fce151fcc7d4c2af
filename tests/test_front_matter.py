from conftest import article

EN = article(
    "Soft sell",
    "# Soft sell\n\nText.\n",
    keywords="Business,Marketing",
    description="About soft selling.",
)


def test_translated_front_matter_passes(corpus, glossqa):
    corpus(
        {
            "en/a.md": EN,
            "sv/a.md": article(
                "Mjuk försäljning",
                "# Mjuk\n\nText.\n",
                keywords="Business,Marketing",
                description="Om mjuk försäljning.",
            ),
        }
    )
    run = glossqa("check", "--isolated", "--format", "json", ".")
    assert [d for d in run.json if d["rule"] == "front-matter"] == []


def test_missing_changed_and_untranslated_keys(corpus, glossqa):
    corpus(
        {"en/a.md": EN, "sv/a.md": article("Soft sell", "# Mjuk\n\nText.\n", keywords="Affärer")}
    )
    run = glossqa("check", "--isolated", "--format", "json", ".")
    found = [
        (d["path"], d["line"], d["message"], d["related"])
        for d in run.json
        if d["rule"] == "front-matter"
    ]
    assert found == [
        ("sv/a.md", 1, "missing front-matter key 'description'", {"path": "en/a.md", "line": 4}),
        (
            "sv/a.md",
            2,
            "front-matter 'title' is identical to the English source; translate it",
            {"path": "en/a.md", "line": 2},
        ),
        (
            "sv/a.md",
            3,
            "front-matter 'keywords' must stay identical to the reference: 'Affärer' is not 'Business,Marketing'",
            {"path": "en/a.md", "line": 3},
        ),
    ]


def test_key_shared_by_all_siblings_but_one_must_stay_identical(corpus, glossqa):
    corpus(
        {
            "en/a.md": article("A", "# A\n", icon="material/book"),
            "sv/a.md": article("B", "# B\n", icon="material/book"),
            "fi/a.md": article("C", "# C\n", icon="material/kirja"),
            "de/a.md": article("D", "# D\n", icon="material/book"),
        }
    )
    run = glossqa("check", "--isolated", "--format", "json", ".")
    found = [
        (d["path"], d["line"], d["message"], d["related"])
        for d in run.json
        if d["rule"] == "front-matter"
    ]
    assert found == [
        (
            "fi/a.md",
            3,
            "front-matter 'icon' must stay identical to the reference: "
            "'material/kirja' is not 'material/book'",
            {"path": "en/a.md", "line": 3},
        )
    ]


def test_key_that_differs_in_two_siblings_is_free(corpus, glossqa):
    corpus(
        {
            "en/a.md": article("A", "# A\n", icon="material/book"),
            "sv/a.md": article("B", "# B\n", icon="material/bok"),
            "fi/a.md": article("C", "# C\n", icon="material/kirja"),
            "de/a.md": article("D", "# D\n", icon="material/book"),
        }
    )
    assert "front-matter" not in glossqa("check", "--isolated", "--format", "json", ".").rules()


def test_configured_identical_key_is_checked_against_the_consensus(corpus, glossqa):
    corpus(
        {
            "rules.yaml": "identical-keys: [icon]\n",
            "sv/a.md": article("B", "# B\n", icon="book"),
            "fi/a.md": article("C", "# C\n", icon="book"),
            "de/a.md": article("D", "# D\n", icon="buch"),
        }
    )
    run = glossqa("check", "--format", "json", ".")
    found = [(d["path"], d["line"]) for d in run.json if d["rule"] == "front-matter"]
    assert found == [("de/a.md", 3)]
