from qa.slug import anchor_variants, normalize_fragment


def test_github_and_hugo_keep_any_script_and_drop_punctuation():
    assert "什么是-opentelemetry" in anchor_variants("什么是 OpenTelemetry？")
    assert "what-is-opentelemetry" in anchor_variants("What is OpenTelemetry?")


def test_mkdocs_folds_to_ascii():
    assert "uberblick-einfuhrung" in anchor_variants("Überblick & Einführung")


def test_hexo_keeps_case_and_joins_punctuation_runs():
    assert "Node-js-v20-API" in anchor_variants("Node.js v20 API")


def test_fragments_are_percent_decoded():
    assert normalize_fragment("#%E4%BB%80%E4%B9%88") == "什么"


def test_headings_are_slugified_as_rendered():
    from qa.slug import rendered_text

    assert rendered_text("[Go](/docs/languages/go/)") == "Go"
    assert rendered_text("`CSPELL` check {.notranslate lang=en}") == "CSPELL check"
    assert rendered_text("{verb} {object}") == "{verb} {object}"  # no attribute block
    assert "verb-object" in anchor_variants(rendered_text("{verb} {object}"))


def test_repeated_anchors_are_numbered_and_explicit_ids_take_their_name():
    from qa.slug import page_anchors

    anchors = page_anchors(
        [
            ("Dependencies", "example-app-dependencies"),
            ("Dependencies", None),
            ("Further reading", None),
            ("Further reading", None),
        ]
    )
    assert anchors[0] == {"example-app-dependencies"}
    assert "dependencies" in anchors[1]
    assert "further-reading" in anchors[2]
    assert {"further-reading-1", "further-reading_1"} <= anchors[3]
    assert "further-reading" not in anchors[3]
