from conftest import article

SWEDISH = (
    "Mjuk försäljning hänvisar till en reklam- och försäljningsstrategi som har ett subtilt språk och en "
    "icke-aggressiv teknik. En mjukförsäljning är utformad för att undvika att reta potentiella kunder och "
    "stöta bort dem. Eftersom mjukförsäljning är en lågtrycks, övertygande och subtil försäljningsteknik, "
    "kanske det inte resulterar i en försäljning första gången en produkt presenteras.\n"
)
FINNISH = (
    "Pehmeä myynti viittaa mainontaan ja myyntiin, joka sisältää hienovaraista kieltä ja ei-aggressiivista "
    "tekniikkaa. Pehmeä myynti on suunniteltu välttämään mahdollisten asiakkaiden ärsyttämistä ja heidän "
    "työntämistään pois. Koska pehmeä myynti on matalapaineinen, vakuuttava ja hienovarainen myyntitekniikka, "
    "se ei välttämättä johda myyntiin ensimmäisellä kerralla.\n"
)


def test_prose_in_the_declared_language_passes(corpus, glossqa):
    corpus(
        {
            "sv/a.md": article("Mjuk", "# Mjuk\n\n" + SWEDISH),
            "fi/a.md": article("Pehmeä", "# Pehmeä\n\n" + FINNISH),
        }
    )
    run = glossqa("check", "--isolated", "--format", "json", ".")
    assert [d for d in run.json if d["rule"] == "declared-language"] == []


def test_swedish_under_fi_is_reported_at_the_first_prose_line(corpus, glossqa):
    corpus(
        {
            "sv/a.md": article("Mjuk", "# Mjuk\n\n" + SWEDISH),
            "fi/a.md": article("Pehmeä", "# Mjuk\n\n" + SWEDISH),
        }
    )
    run = glossqa("check", "--isolated", "--format", "json", ".")
    found = [
        (d["path"], d["line"], d["language"]) for d in run.json if d["rule"] == "declared-language"
    ]
    assert found == [("fi/a.md", 4, "fi")]
    assert "Swedish (sv" in next(d["message"] for d in run.json if d["rule"] == "declared-language")


def test_short_text_is_skipped_not_guessed(corpus, glossqa):
    corpus({"fi/a.md": article("Pehmeä", "# Mjuk\n\nMjuk försäljning är bra.\n")})
    run = glossqa("check", "--isolated", "--format", "json", ".")
    assert [d for d in run.json if d["rule"] == "declared-language"] == []


def test_code_is_removed_before_detection(corpus, glossqa):
    code = (
        "```\n"
        + ("the quick brown fox jumps over the lazy dog and then some more english words\n" * 10)
        + "```\n"
    )
    corpus({"fi/a.md": article("Pehmeä", "# Pehmeä\n\n" + FINNISH + "\n" + code)})
    run = glossqa("check", "--isolated", "--format", "json", ".")
    assert [d for d in run.json if d["rule"] == "declared-language"] == []


def test_path_and_front_matter_must_agree(corpus, glossqa):
    corpus({"fi/a.md": article("Pehmeä", "# Pehmeä\n\n" + FINNISH, lang="sv")})
    run = glossqa("check", "--isolated", "--format", "json", ".")
    found = [(d["line"], d["message"]) for d in run.json if d["rule"] == "declared-language"]
    assert found == [(3, "the front matter declares 'sv' but the path declares 'fi'")]


def test_confusable_languages_are_configurable(corpus, glossqa):
    danish_like = article(
        "Salg",
        "# Salg\n\n"
        + (
            "Blødt salg refererer til en reklame- og salgstilgang, der har et subtilt sprog og en ikke-aggressiv "
            "teknik. Et blødt salg er designet til at undgå at irritere potentielle kunder og skubbe dem væk. "
            "Fordi blødt salg er en lavtryks, overbevisende og subtil salgsteknik, resulterer det måske ikke i et salg.\n"
        ),
    )
    corpus({"nb/a.md": danish_like})
    assert [
        d
        for d in glossqa("check", "--isolated", "--format", "json", ".").json
        if d["rule"] == "declared-language"
    ] == []
    corpus({"rules.yaml": "rules:\n  declared-language:\n    confusable: []\n"})
    found = [
        d
        for d in glossqa("check", "--format", "json", ".").json
        if d["rule"] == "declared-language"
    ]
    assert [(d["path"], d["line"]) for d in found] == [("nb/a.md", 4)]


ESPERANTO = (
    "Privateco estas la rajto de ĉiu homo decidi, kiuj informoj pri si mem estas konataj al aliaj homoj. En la "
    "interreto multaj kompanioj kolektas datumojn pri siaj uzantoj, kaj ofte ili vendas tiujn datumojn al "
    "reklamistoj. Tial ni rekomendas uzi programojn, kiuj protektas vian privatecon, kaj elekti servojn, kiuj ne "
    "spuras vin. Bona pasvorta administrilo helpas vin krei fortajn pasvortojn por ĉiu konto.\n"
)
ENGLISH = (
    "Privacy is the right of every person to decide which information about themselves is known to other people. "
    "On the internet many companies collect data about their users, and they often sell that data to advertisers. "
    "That is why we recommend using programs that protect your privacy and choosing services that do not track you.\n"
)


def test_a_language_without_a_word_table_is_judged_too(corpus, glossqa):
    corpus(
        {
            "eo/a.md": article("Privateco", "# Privateco\n\n" + ESPERANTO),
            "eo/b.md": article("Privateco", "# Privacy\n\n" + ENGLISH),
        }
    )
    run = glossqa("check", "--isolated", "--format", "json", ".")
    found = [
        (d["path"], d["line"], d["message"].split(":")[0])
        for d in run.json
        if d["rule"] == "declared-language"
    ]
    assert found == [
        ("eo/b.md", 4, "the prose reads as English (en), but the file is declared Esperanto (eo)")
    ]
