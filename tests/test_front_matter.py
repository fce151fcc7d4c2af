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
        (
            "sv/a.md",
            2,
            "front-matter 'title' is still the English source's text: translate it",
            {"path": "en/a.md", "line": 2},
        ),
        (
            "sv/a.md",
            3,
            "front-matter 'keywords' must be the same as in the source: change 'Affärer' to "
            "'Business,Marketing'",
            {"path": "en/a.md", "line": 3},
        ),
        (
            "sv/a.md",
            4,
            "front-matter key 'description' is missing: copy it from the source (line 4) and "
            "insert it before line 4, the closing '---'",
            {"path": "en/a.md", "line": 4},
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
            "front-matter 'icon' must be the same as in the source: "
            "change 'material/kirja' to 'material/book'",
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


def front_matter_problems(run) -> list[tuple]:
    return [(d["path"], d["line"], d["message"]) for d in run.json if d["rule"] == "front-matter"]


def test_site_machinery_keys_are_neither_missing_renamed_nor_prose(corpus, glossqa):
    """OpenTelemetry: the source keeps spell-checker words and reviewers, translations record the
    English commit they follow; none of it is drift or English prose."""
    corpus(
        {
            "en/a.md": "---\ntitle: Soft sell\nreviewers: [ada]\ncSpell:ignore: otelcol\n"
            "weight: 10\n---\n\n# Soft sell\n\nText.\n",
            "sv/a.md": "---\ntitle: Mjuk försäljning\n"
            "default_lang_commit: 1ececa0615b64c5dfd93fd6393f3e4052e0cc496 # patched\n"
            "drifted_from_default: file not found\ncSpell:ignore: otelcol mjuk\nweight: 10\n"
            "---\n\n# Mjuk försäljning\n\nText på svenska om att sälja.\n",
            "fi/a.md": "---\ntitle: Pehmeä myynti\ntranslationKey: soft-sell\n"
            "default_lang_commit: d638c386\nweight: 10\n---\n\n# Pehmeä myynti\n\nTekstiä.\n",
        }
    )
    run = glossqa("check", "--isolated", "--format", "json", ".")
    assert front_matter_problems(run) == []
    assert [d for d in run.json if d["rule"] == "untranslated" and d["line"] <= 7] == []


def test_machinery_keys_are_options_of_the_rule(corpus, glossqa):
    files = {
        "en/a.md": "---\ntitle: Soft sell\nowner: ada\n---\n\n# Soft sell\n\nText.\n",
        "sv/a.md": "---\ntitle: Mjuk försäljning\n---\n\n# Mjuk\n\nText.\n",
    }
    corpus(files)
    assert front_matter_problems(glossqa("check", "--isolated", "--format", "json", ".")) == [
        (
            "sv/a.md",
            3,
            "front-matter key 'owner' is missing: copy it from the source (line 3) and insert it "
            "before line 3, the closing '---'",
        )
    ]
    corpus({"rules.yaml": "rules:\n  front-matter:\n    source-only-keys: [owner]\n"})
    assert front_matter_problems(glossqa("check", "--format", "json", ".")) == []


def test_a_title_kept_in_english_is_reported_only_when_it_reads_as_english_prose(corpus, glossqa):
    kept = {
        "ja": "Getting Started",
        "fr": "Idempotence",
        "de": "JavaScript",
        "es": "@astrojs/vue",
        "it": "ERR_INVALID_ARG_TYPE",
        "pt": "OpenTelemetry Demo Chart",
        "sv": "DevSecOps",
        "nl": "Node.js",
        "id": "End-Of-Life",
    }
    files = {}
    for language, title in kept.items():
        files[f"en/{language}.md"] = article(title, "# Page\n\nText.\n")
        files[f"{language}/{language}.md"] = article(title, "# Sida\n\nText.\n")
    corpus(files)
    run = glossqa("check", "--isolated", "--format", "json", ".")
    assert front_matter_problems(run) == [
        ("ja/ja.md", 2, "front-matter 'title' is still the English source's text: translate it")
    ]


def test_a_defect_of_the_source_is_one_diagnostic_on_the_source(corpus, glossqa):
    corpus(
        {
            "en/a.md": "---\ntitle: Soft sell\nCategory: guide\n---\n\n# Soft sell\n\nText.\n",
            "sv/a.md": "---\ntitle: Mjuk\ncategory: guide\n---\n\n# Mjuk\n\nText.\n",
            "fi/a.md": "---\ntitle: Pehmeä\ncategory: guide\n---\n\n# Pehmeä\n\nText.\n",
            "de/a.md": "---\ntitle: Sanft\ncategory: guide\n---\n\n# Sanft\n\nText.\n",
        }
    )
    run = glossqa("check", "--isolated", "--format", "json", ".")
    assert front_matter_problems(run) == [
        (
            "en/a.md",
            3,
            "front-matter key 'Category' is 'category' in all 3 translations: "
            "rename it to 'category' here",
        )
    ]


def test_a_consensus_value_translated_by_one_sibling_is_not_drift(corpus, glossqa):
    """Every sibling keeps `linkTitle: Demo Chart` but Japanese translates it: not drift. A
    configured identical key stays identical, in any script."""
    files = {
        f"{language}/a.md": f"---\ntitle: T {language}\nlinkTitle: Demo Chart\nkeywords: chart\n"
        "---\n\n# T\n\nText.\n"
        for language in ("en", "sv", "fi", "de")
    }
    files["ja/a.md"] = (
        "---\ntitle: T ja\nlinkTitle: デモチャート\nkeywords: チャート\n---\n\n# T\n\nText.\n"
    )
    corpus(files)
    run = glossqa("check", "--isolated", "--format", "json", ".")
    assert front_matter_problems(run) == [
        (
            "ja/a.md",
            4,
            "front-matter 'keywords' must be the same as in the source: change 'チャート' to 'chart'",
        )
    ]


def test_an_identifier_in_place_of_a_source_key_is_not_a_translated_key(corpus, glossqa):
    corpus(
        {
            "en/a.md": "---\ntitle: A\nparams:\n  show_banner: true\n---\n\n# A\n\nText.\n",
            "sv/a.md": "---\ntitle: B\nshow_banner: true\n---\n\n# B\n\nText.\n",
        }
    )
    run = glossqa("check", "--isolated", "--format", "json", ".")
    assert front_matter_problems(run) == [
        (
            "sv/a.md",
            4,
            "front-matter key 'params' is missing: copy it from the source (line 3) and insert "
            "it before line 4, the closing '---'",
        )
    ]


def test_values_are_shown_as_the_front_matter_writes_them(corpus, glossqa):
    files = {
        f"{language}/a.md": f"---\ntitle: T {language}\ndate: 2025-10-20\n---\n\n# T\n\nText.\n"
        for language in ("en", "sv", "fi")
    }
    files["de/a.md"] = "---\ntitle: T de\ndate: 2025-10-17\n---\n\n# T\n\nText.\n"
    corpus(files)
    run = glossqa("check", "--isolated", "--format", "json", ".")
    assert front_matter_problems(run) == [
        (
            "de/a.md",
            3,
            "front-matter 'date' must be the same as in the source: change 2025-10-17 to 2025-10-20",
        )
    ]


HUGO_SOURCE = """---
title: End-user resources
cascade:
  type: docs
  params:
    hide_feedback: true
params:
  btn-class: l-primary-buttons mt-4
  show_banner: true
---

# End-user resources

{{% param btn-class %}}
"""


def test_cascade_is_not_missing_and_page_params_only_where_the_translation_reads_them(
    corpus, glossqa
):
    # Hugo: `cascade` sets values on other pages; `params` holds values the page's text reads
    corpus(
        {
            "en/end-user/_index.md": HUGO_SOURCE,
            "es/end-user/_index.md": "---\ntitle: Recursos\n---\n\n# Recursos\n\nTexto.\n",
            "fr/end-user/_index.md": (
                "---\ntitle: Ressources\n---\n\n# Ressources\n\n{{% param btn-class %}}\n"
            ),
            "zh/end-user/_index.md": "---\ntitle: 资源\nshow_banner: true\n---\n\n# 资源\n\n文本。\n",
        }
    )
    run = glossqa("check", "--isolated", "--format", "json", ".")
    found = [(d["path"], d["line"], d["message"]) for d in run.json if d["rule"] == "front-matter"]
    assert found == [
        (
            "fr/end-user/_index.md",
            3,
            "front-matter key 'params' is missing: copy it from the source (line 7) and insert "
            "it before line 3, the closing '---'",
        ),
        (
            "zh/end-user/_index.md",
            4,
            "front-matter key 'params' is missing: copy it from the source (line 7) and insert "
            "it before line 4, the closing '---'",
        ),
    ]
