from conftest import article

CONFIG = "rules:\n  untranslated:\n    terms: [Soft Sell]\n    keep:\n      de: [Soft Sell]\n"


def test_listed_term_is_reported_with_line_and_column(corpus, glossqa):
    corpus({
        "rules.yaml": CONFIG,
        "sv/a.md": article("Mjuk", """
            # Förstå Soft Selling

            Text om [soft sell](/soft-sell) och `Soft Sell` i kod.

            Soft sell-reklam tenderar att betona.
            """, description="Soft sell hänvisar till en reklam."),
    })
    run = glossqa("check", "--format", "json", ".")
    found = [(d["line"], d["column"], d["message"]) for d in run.json if d["rule"] == "untranslated"]
    assert found == [
        (3, 14, "'Soft sell' is left in English in this front-matter 'description' (listed term 'Soft Sell')"),
        (5, 10, "'Soft Selling' is left in English in this heading (listed term 'Soft Sell')"),
        (7, 10, "'soft sell' is left in English in this paragraph (listed term 'Soft Sell')"),
        (9, 1, "'Soft sell' is left in English in this paragraph (listed term 'Soft Sell')"),
    ]
    assert {d["severity"] for d in run.json} == {"warning"} and run.code == 0


def test_link_targets_code_identical_keys_english_files_and_keep_list_are_never_flagged(corpus, glossqa):
    corpus({
        "rules.yaml": CONFIG,
        "sv/a.md": article("Mjuk", """
            # Mjuk försäljning

            Se [mjuk försäljning](/soft-sell) och `soft sell`.

            ```
            soft sell
            ```
            """, keywords="Soft Sell"),
        "en/a.md": article("Soft Sell", "# Soft Sell\n\nSoft sell is subtle.\n", keywords="Soft Sell"),
        "de/a.md": article("Soft Sell", "# Was ist Soft Sell?\n\nSoft Sell ist subtil.\n", keywords="Soft Sell"),
    })
    run = glossqa("check", "--format", "json", ".")
    assert [d for d in run.json if d["rule"] == "untranslated"] == []


def test_without_terms_the_listed_term_check_is_silent(corpus, glossqa):
    corpus({"sv/a.md": article("Mjuk", "# Förstå Soft Selling\n")})
    run = glossqa("check", "--isolated", "--format", "json", ".")
    assert not any("listed term" in d["message"] for d in run.json)
