from conftest import article

CONFIG = "rules:\n  untranslated:\n    terms: [Soft Sell]\n    keep:\n      de: [Soft Sell]\n"


def test_listed_term_is_reported_with_line_and_column(corpus, glossqa):
    corpus(
        {
            "rules.yaml": CONFIG,
            "sv/a.md": article(
                "Mjuk",
                """
            # Förstå Soft Selling

            Text om [soft sell](/soft-sell) och `Soft Sell` i kod.

            Soft sell-reklam tenderar att betona.
            """,
                description="Soft sell hänvisar till en reklam.",
            ),
        }
    )
    run = glossqa("check", "--format", "json", ".")
    found = [
        (d["line"], d["column"], d["message"]) for d in run.json if d["rule"] == "untranslated"
    ]
    assert found == [
        (
            3,
            14,
            "'Soft sell' is left in English in this front-matter 'description': listed term 'Soft Sell'",
        ),
        (5, 10, "'Soft Selling' is left in English in this heading: listed term 'Soft Sell'"),
        (7, 10, "'soft sell' is left in English in this paragraph: listed term 'Soft Sell'"),
        (9, 1, "'Soft sell' is left in English in this paragraph: listed term 'Soft Sell'"),
    ]
    assert {d["severity"] for d in run.json} == {"warning"} and run.code == 0


def test_link_targets_code_identical_keys_english_files_and_keep_list_are_never_flagged(
    corpus, glossqa
):
    corpus(
        {
            "rules.yaml": CONFIG,
            "sv/a.md": article(
                "Mjuk",
                """
            # Mjuk försäljning

            Se [mjuk försäljning](/soft-sell) och `soft sell`.

            ```
            soft sell
            ```
            """,
                keywords="Soft Sell",
            ),
            "en/a.md": article(
                "Soft Sell", "# Soft Sell\n\nSoft sell is subtle.\n", keywords="Soft Sell"
            ),
            "de/a.md": article(
                "Soft Sell", "# Was ist Soft Sell?\n\nSoft Sell ist subtil.\n", keywords="Soft Sell"
            ),
        }
    )
    run = glossqa("check", "--format", "json", ".")
    assert [d for d in run.json if d["rule"] == "untranslated"] == []


def test_without_terms_the_listed_term_check_is_silent(corpus, glossqa):
    corpus({"sv/a.md": article("Mjuk", "# Förstå Soft Selling\n")})
    run = glossqa("check", "--isolated", "--format", "json", ".")
    assert not any("listed term" in d["message"] for d in run.json)


def test_isolated_corpus_finds_the_swedish_english_without_a_list(glossqa):
    from conftest import REPOSITORY

    run = glossqa("check", "--isolated", "--format", "json", "corpus/", cwd=REPOSITORY)
    found = [(d["path"], d["line"]) for d in run.json if d["rule"] == "untranslated"]
    assert found == [("corpus/sv/soft-sell.md", line) for line in (4, 10, 12, 16, 18)]
    assert all("common English word" in d["message"] for d in run.json)


EN = article(
    "Privacy",
    """
    # Privacy Guides

    We recommend Privacy Guides readers use a password manager.

    The soft sell approach is subtle and friendly, and it avoids pressure on the buyer.
    """,
)


def test_english_phrase_inside_a_translated_sentence_is_quoted_with_its_reason(corpus, glossqa):
    corpus(
        {
            "en/a.md": EN,
            "sv/a.md": article(
                "Integritet",
                """
        # Integritet

        Vi rekommenderar att läsare av Privacy Guides använder en lösenordshanterare online.

        Metoden är subtil och vänlig, och den undviker press på the buyer när man säljer.
        """,
            ),
        }
    )
    run = glossqa("check", "--isolated", "--format", "json", ".")
    found = [(d["line"], d["message"]) for d in run.json if d["rule"] == "untranslated"]
    assert found == [
        (
            8,
            "'the buyer' is left in English in this paragraph: 'the', 'buyer' are common English words and rare in Swedish",
        )
    ]


def test_english_paragraph_and_copy_of_the_source_are_reported_at_the_block(corpus, glossqa):
    corpus(
        {
            "en/a.md": EN,
            "sv/a.md": article(
                "Integritet",
                """
        # Integritet

        Vi rekommenderar att läsare använder en lösenordshanterare.

        The soft sell approach is subtle and friendly, and it avoids pressure on the buyer.

        This paragraph was never translated by anyone at all.

        Den mjuka metoden är subtil och vänlig och undviker press på köparen.

        Säljaren kommer att fastställa köparens behov baserat på svaren.
        """,
            ),
        }
    )
    run = glossqa("check", "--isolated", "--format", "json", ".")
    found = [
        (d["line"], d["message"].split(":")[0], d["related"])
        for d in run.json
        if d["rule"] == "untranslated"
    ]
    assert found == [
        (
            8,
            "this paragraph is copied unchanged from the English source",
            {"path": "en/a.md", "line": 8},
        ),
        (10, "this paragraph is left in English", None),
    ]


def test_names_kept_by_the_other_translations_are_quiet(corpus, glossqa):
    files = {
        "sv/a.md": article(
            "A", "# A\n\nDu kan använda Tor Browser för att surfa anonymt på webben.\n"
        ),
        "nb/a.md": article("A", "# A\n\nDu kan bruke Tor Browser for å surfe anonymt på nettet.\n"),
        "fi/a.md": article(
            "A", "# A\n\nVoit käyttää Tor Browser -selainta selataksesi verkkoa nimettömästi.\n"
        ),
    }
    corpus(files)
    run = glossqa("check", "--isolated", "--format", "json", ".")
    assert [d for d in run.json if d["rule"] == "untranslated"] == []


def test_lowercase_prose_all_translations_keep_is_still_reported_around_any_link(corpus, glossqa):
    markdown_link = "hosts a [public instance](https://send.vis.ee)"
    html_link = 'hosts a <a href="https://send.vis.ee">public instance</a>'
    corpus(
        {
            "sv/a.md": article("A", f"# A\n\nUnderhållaren av Send {markdown_link} av tjänsten.\n"),
            "fi/a.md": article(
                "A",
                f"# A\n\nSendin ylläpitäjä {markdown_link} palvelusta, jota kaikki käyttäjät voivat käyttää ilmaiseksi.\n",
            ),
            "nb/a.md": article("A", f"# A\n\nVedlikeholderen av Send {html_link} av tjenesten.\n"),
            "da/a.md": article("A", f"# A\n\nVedligeholderen af Send {html_link} af tjenesten.\n"),
        }
    )
    run = glossqa("check", "--isolated", "--format", "json", ".")
    found = [
        (d["path"], d["message"].split(" is left")[0])
        for d in run.json
        if d["rule"] == "untranslated"
    ]
    assert found == [
        ("da/a.md", "'hosts a public instance'"),
        ("fi/a.md", "'hosts a public instance'"),
        ("nb/a.md", "'hosts a public instance'"),
        ("sv/a.md", "'Send hosts a public instance'"),
    ]


def test_cjk_and_cyrillic_translations(corpus, glossqa):
    corpus(
        {
            "zh/a.md": article(
                "软销售",
                "# 软销售\n\n软销售是一种广告和销售方法，the soft selling approach 使用微妙的语言和非侵略性的技术。\n",
            ),
            "ru/a.md": article(
                "Мягкая продажа",
                "# Мягкая продажа\n\nМягкая продажа относится к рекламе и soft selling techniques с тонким языком.\n",
            ),
        }
    )
    run = glossqa("check", "--isolated", "--format", "json", ".")
    found = sorted(
        (d["path"], d["line"], d["message"].split(" is left")[0])
        for d in run.json
        if d["rule"] == "untranslated"
    )
    assert found == [
        ("ru/a.md", 6, "'soft selling techniques'"),
        ("zh/a.md", 6, "'the soft selling approach'"),
    ]


def test_a_file_left_in_english_gets_one_diagnostic(corpus, glossqa):
    english = "".join(
        f"This is English paragraph number {n} and it was never translated at all.\n\n"
        for n in range(6)
    )
    corpus({"sv/a.md": article("A", "# A\n\n" + english)})
    run = glossqa("check", "--isolated", "--format", "json", ".")
    found = [(d["line"], d["message"]) for d in run.json if d["rule"] == "untranslated"]
    assert found == [
        (
            6,
            "this file looks untranslated: 6 of its 6 paragraphs, headings and other text blocks "
            "read as English",
        )
    ]


def test_words_both_languages_share_are_quiet(corpus, glossqa):
    corpus(
        {
            "sv/a.md": article(
                "A", "# A\n\nSom e-handel online med humor och system, en bra design av internet.\n"
            )
        }
    )
    run = glossqa("check", "--isolated", "--format", "json", ".")
    assert [d for d in run.json if d["rule"] == "untranslated"] == []


def test_a_clear_english_word_beside_an_english_function_word_is_a_phrase(corpus, glossqa):
    corpus(
        {
            "es/a.md": article(
                "Listas",
                """
        # Listas

        Tu lista de use a suscripciones se guarda localmente en tu dispositivo.

        Puedes llevar un smartwatch a la playa sin ningún problema.
        """,
            )
        }
    )
    run = glossqa("check", "--isolated", "--format", "json", ".")
    found = [(d["line"], d["message"]) for d in run.json if d["rule"] == "untranslated"]
    assert found == [
        (
            6,
            "'use a' is left in English in this paragraph: 'use' is a common English word and rare in Spanish",
        )
    ]


def test_names_joined_by_the_translations_own_words_are_quiet(corpus, glossqa):
    corpus(
        {
            "es/a.md": article(
                "Mensajería",
                "# Mensajería\n\nPuedes pasar de Signal a Molly sin perder tus mensajes.\n",
            ),
            "pl/a.md": article(
                "Okna", "# Okna\n\nFunkcje Hyper-V i Windows Sandbox są dostępne w wersji Pro.\n"
            ),
            "sv/a.md": article(
                "Sälj",
                "# Förstå Soft Selling\n\nDen här metoden är subtil och vänlig mot köparen.\n",
            ),
        }
    )
    run = glossqa("check", "--isolated", "--format", "json", ".")
    found = [
        (d["path"], d["line"], d["message"].split(" is left")[0])
        for d in run.json
        if d["rule"] == "untranslated"
    ]
    assert found == [("sv/a.md", 4, "'Soft Selling'")]


def test_names_the_english_source_capitalises_do_not_make_a_block_english(corpus, glossqa):
    corpus(
        {
            "en/a.md": article(
                "Private Cryptocurrency Blockchains - Privacy Guides",
                "# Crypto\n\nWe at Privacy Guides recommend Monero for private payments.\n",
            ),
            "de/a.md": article(
                "Private Kryptowährungs-Blockchains - Privacy Guides",
                "# Krypto\n\nWir bei Privacy Guides empfehlen Monero für private Zahlungen.\n",
            ),
        }
    )
    run = glossqa("check", "--isolated", "--format", "json", ".")
    assert [d for d in run.json if d["rule"] == "untranslated"] == []


def test_a_path_with_folders_and_anchor_left_in_prose_is_not_english(corpus, glossqa):
    corpus(
        {
            "fr/a.md": article(
                "Extensions",
                """
        # Extensions

        Certaines offrent des fonctions utiles, en particulier le [blocage de contenu] (basics/common-threats.md#mass-surveillance-programs).
        """,
            )
        }
    )
    run = glossqa("check", "--isolated", "--format", "json", ".")
    assert [d["message"] for d in run.json if d["rule"] == "untranslated"] == []


def test_a_phrase_around_hidden_markup_is_quoted_once_spaced_at_its_first_word(corpus, glossqa):
    corpus(
        {
            "fr/a.md": article(
                "Monero",
                """
        # Monero

        Les transactions sont cachées to achieve [:material-incognito: Anonymity](basics/common-threats.md#anonymity) pour tous les utilisateurs.
        """,
            )
        }
    )
    run = glossqa("check", "--isolated", "--format", "json", ".")
    found = [
        (d["line"], d["column"], d["message"].split(" is left")[0])
        for d in run.json
        if d["rule"] == "untranslated"
    ]
    assert found == [(6, 31, "'to achieve Anonymity'")]
