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
