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
            "heading id {#install} breaks links to this section: the source heading ## Setup "
            "(source line 8) has the id #setup; write {#setup}",
            {"path": "en/guide.md", "line": 8},
        ),
        (
            "sv/guide.md",
            12,
            "heading level 3 should be 2, as the source heading ## Usage (source line 12): "
            "write it with ##",
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


HUGO_EN = article(
    "Install",
    """
# Install

Intro.

## Install using [Helm](https://helm.sh/)

Helm.

### `CSPELL` check {.notranslate lang=en}

Spelling.

## Further reading

One.

## Further reading

Two.
""",
)


def test_english_ids_kept_in_a_translation_are_right(corpus, glossqa):
    """OpenTelemetry and CNCF keep the anchor the generator derives from the English heading."""
    corpus(
        {
            "en/install.md": HUGO_EN,
            "fr/install.md": article(
                "Installer",
                """
        # Installer

        Intro.

        ## Installer avec [Helm](https://helm.sh/) {#install-using-helm}

        Helm.

        ### Vérification `CSPELL` {#cspell-check}

        Orthographe.

        ## Pour aller plus loin {#further-reading}

        Un.

        ## Pour aller plus loin {#further-reading-1}

        Deux.
        """,
            ),
        }
    )
    run = glossqa("check", "--isolated", "--format", "json", ".")
    assert "heading-structure" not in run.rules()


def test_an_id_that_breaks_the_source_anchor_is_reported_at_the_id(corpus, glossqa):
    corpus(
        {
            "en/install.md": HUGO_EN,
            "fr/install.md": article(
                "Installer",
                """
        # Installer

        Intro.

        ## Installer avec [Helm](https://helm.sh/) {#install-using-helm-recommended}

        Helm.

        ### Vérification `CSPELL` {#cspell-check}

        Orthographe.

        ## Pour aller plus loin {#further-reading}

        Un.

        ## Pour aller plus loin {#further-reading}

        Deux.
        """,
            ),
        }
    )
    run = glossqa("check", "--isolated", "--format", "json", ".")
    found = [
        (d["line"], d["column"], d["message"], d["related"]["line"])
        for d in run.json
        if d["rule"] == "heading-structure"
    ]
    assert found == [
        (
            8,
            44,
            "heading id {#install-using-helm-recommended} breaks links to this section: the "
            "source heading ## Install using [Helm](https://helm.sh/) (source line 8) has the "
            "anchor #install-using-helm; write {#install-using-helm}",
            8,
        ),
        (
            20,
            25,
            "heading id {#further-reading} breaks links to this section: the source heading "
            "## Further reading (source line 20) has the anchor #further-reading-1; "
            "write {#further-reading-1}",
            20,
        ),
    ]


def test_a_dropped_explicit_id_is_reported_unless_the_heading_keeps_its_anchor(corpus, glossqa):
    corpus(
        {
            "en/guide.md": EN,
            "sv/guide.md": article(
                "Guide sv",
                """
        # Guide

        Intro [hem](/home).

        ## Installation

        Installera.

        ## Användning

        Kör.
        """,
            ),
            "de/guide.md": article(
                "Guide de",
                """
        # Guide

        Intro [Start](/home).

        ## Setup

        Installieren.

        ## Verwendung

        Ausführen.
        """,
            ),
        }
    )
    run = glossqa("check", "--isolated", "--format", "json", ".")
    found = [
        (d["path"], d["line"], d["column"], d["message"])
        for d in run.json
        if d["rule"] == "heading-structure"
    ]
    assert found == [
        (
            "sv/guide.md",
            8,
            16,
            "heading has no id: the source heading ## Setup (source line 8) has the id #setup, "
            "which links use; add {#setup} at the end of the heading",
        )
    ]


def test_kept_english_ids_pair_sections_when_one_is_dropped(corpus, glossqa):
    """A glossary of look-alike sections: the kept English ids say which entry is missing."""
    terms = ["Aggregation", "Attribute", "Baggage", "Cardinality", "Collector", "Exporter"]
    english = "# Glossary\n\nTerms.\n\n" + "".join(
        f"### {term}\n\nThe {term.lower()} is a thing.\n\n" for term in terms
    )
    swedish = "# Ordlista\n\nTermer.\n\n" + "".join(
        f"### Svensk {term.lower()} {{#{term.lower()}}}\n\nEn sak.\n\n"
        for term in terms
        if term != "Attribute"
    )
    corpus(
        {
            "en/glossary.md": article("Glossary", english),
            "sv/glossary.md": article("Ordlista", swedish),
        }
    )
    run = glossqa("check", "--isolated", "--format", "json", ".")
    found = [(d["line"], d["message"]) for d in run.json if d["rule"] == "heading-structure"]
    assert len(found) == 1
    assert found[0][0] == 12 and "### Attribute" in found[0][1]


def test_an_id_kept_from_another_source_heading_is_no_id_defect(corpus, glossqa):
    """A glossary sorted in the translation's alphabet: each id keeps its own heading's anchor."""
    english = "# Glossary\n\n" + "".join(
        f"### {term}\n\nThe {term.lower()}.\n\n" for term in ("Baggage", "Context", "Event")
    )
    spanish = "# Glosario\n\n" + "".join(
        f"### {term} {{#{anchor}}}\n\nEl {term.lower()}.\n\n"
        for term, anchor in (("Contexto", "context"), ("Equipaje", "baggage"), ("Evento", "event"))
    )
    corpus({"en/g.md": article("Glossary", english), "es/g.md": article("Glosario", spanish)})
    run = glossqa("check", "--isolated", "--format", "json", ".")
    messages = [d["message"] for d in run.json if d["rule"] == "heading-structure"]
    assert not [message for message in messages if message.startswith("heading id")]


def test_a_glossary_sorted_in_each_language_has_no_moved_sections(corpus, glossqa):
    """Each language keeps its glossary in its own alphabetical order (OpenTelemetry es, pt)."""
    english = ["Aggregation", "Baggage", "Cardinality", "Collector", "Exporter", "Metric"]
    english += ["Span", "Trace"]
    spanish = [
        ("Agregación", "aggregation"),
        ("Cardinalidad", "cardinality"),
        ("Colector", "collector"),
        ("Equipaje", "baggage"),
        ("Exportador", "exporter"),
        ("Métrica", "metric"),
        ("Tramo", "span"),
        ("Traza", "trace"),
    ]
    corpus(
        {
            "en/g.md": article(
                "Glossary",
                "# Glossary\n\n" + "".join(f"### {t}\n\nThe {t.lower()}.\n\n" for t in english),
            ),
            "es/g.md": article(
                "Glosario",
                "# Glosario\n\n"
                + "".join(f"### {t} {{#{a}}}\n\nEl {t.lower()}.\n\n" for t, a in spanish),
            ),
        }
    )
    run = glossqa("check", "--isolated", "--format", "json", ".")
    assert [d["message"] for d in run.json if d["rule"] == "heading-structure"] == []


def test_headings_lost_in_a_row_are_each_reported_at_the_line_their_text_kept(corpus, glossqa):
    # Privacy Guides' home page from Crowdin: `## ` dropped, the heading's words left as a line
    corpus(
        {
            "en/index.md": (
                "Intro.\n\n## Why should I care?\n\nFirst reason.\n\nSecond reason.\n\n"
                "## What should I do?\n\nMake a plan.\n\nModel threats.\n\n## Reviews\n\nWe review.\n"
            ),
            "zh/index.md": (
                "简介。\n\n为何我该关心？\n\n第一个理由。\n\n第二个理由。\n\n"
                "我该怎么做？\n\n制定计划。\n\n威胁建模。\n\n## 评论\n\n我们评论。\n"
            ),
            "ar/index.md": (
                "مقدمة.\n\n## لماذا يهمني هذا؟\n\nالسبب الأول.\n\nالسبب الثاني.\n\n"
                "ماذا يجب أن أفعل؟\n\nضع خطة.\n\nنمذجة التهديدات.\n\n## المراجعات\n\nنحن نراجع.\n"
            ),
        }
    )
    run = glossqa("check", "--isolated", "--format", "json", ".")
    found = [
        (d["path"], d["line"], d["message"]) for d in run.json if d["rule"] == "heading-structure"
    ]
    assert found == [
        (
            "ar/index.md",
            9,
            "missing heading ## What should I do?: line 9 is its text without a heading mark "
            "that works; write it as `## ماذا يجب أن أفعل؟`",
        ),
        (
            "zh/index.md",
            3,
            "missing heading ## Why should I care?: line 3 is its text without a heading mark "
            "that works; write it as `## 为何我该关心？`",
        ),
        (
            "zh/index.md",
            9,
            "missing heading ## What should I do?: line 9 is its text without a heading mark "
            "that works; write it as `## 我该怎么做？`",
        ),
    ]


def test_a_placeholder_under_a_parent_heading_is_not_the_text_of_its_subsections(corpus, glossqa):
    # OpenTelemetry's Bengali demo page: `## Logs` holds `TBD` where the source has subsections
    corpus(
        {
            "en/email.md": (
                "## Logs\n\n### Initializing logs\n\nThe SDK is set up at root level.\n\n"
                "```ruby\nrequire 'logs'\n```\n\nIt reads the environment.\n\n"
                "### Emitting structured logs\n\nUse `on_emit`.\n"
            ),
            "bn/email.md": "## লগস {#logs}\n\nTBD\n",
        }
    )
    run = glossqa("check", "--isolated", "--format", "json", ".")
    found = [(d["line"], d["message"]) for d in run.json if d["rule"] == "heading-structure"]
    assert found == [
        (
            3,
            "missing section ### Initializing logs: translate the section at source line 3 and "
            "insert it after line 3",
        ),
        (
            3,
            "missing section ### Emitting structured logs: translate the section at source "
            "line 13 and insert it after line 3",
        ),
    ]
