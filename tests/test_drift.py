"""Real drift gives one diagnostic per defect, at the translation's line, naming the reference's line."""

from conftest import article

EN = article(
    "Guide",
    """
# Guide

Intro [home](/home).

## Install

Get it from [the site](https://example.com/get).

### On Linux

Run `apt install guide`.

## Configure

Edit [the file](/config) and set 42.

## Use

```bash
guide --run
```

Read [more](/more).

## Help

Ask on [the forum](https://forum.example.com).
""",
    keywords="guide",
)

SV_LINES = """
# Guide

Intro [hem](/home).

## Installera

Hämta den från [sidan](https://example.com/get).

### På Linux

Kör `apt install guide`.

## Konfigurera

Redigera [filen](/config) och sätt 42.

## Använd

```bash
guide --run
```

Läs [mer](/more).

## Hjälp

Fråga på [forumet](https://forum.example.com).
"""


def structural(run):
    return [
        (d["path"], d["line"], d["rule"], d["message"], d["related"]["path"], d["related"]["line"])
        for d in run.json
        if d["rule"] in ("heading-structure", "link-targets", "front-matter")
    ]


def check(corpus, glossqa, sv_body, **front_matter):
    others = {
        f"{language}/guide.md": article("Guiden", SV_LINES, keywords="guide")
        for language in ("da", "fi", "de")
    }
    corpus({"en/guide.md": EN, **others, "sv/guide.md": article("Guiden", sv_body, **front_matter)})
    return structural(glossqa("check", "--isolated", "--format", "json", "sv/guide.md"))


def test_faithful_translation_passes(corpus, glossqa):
    assert check(corpus, glossqa, SV_LINES, keywords="guide") == []


def test_missing_section_with_its_subsection_is_one_diagnostic(corpus, glossqa):
    body = SV_LINES.replace(
        "## Installera\n\nHämta den från [sidan](https://example.com/get).\n\n"
        "### På Linux\n\nKör `apt install guide`.\n\n",
        "",
    )
    assert check(corpus, glossqa, body, keywords="guide") == [
        (
            "sv/guide.md",
            9,
            "heading-structure",
            "missing section: the reference has ## Install (with 1 subsection)",
            "en/guide.md",
            9,
        ),
    ]


def test_extra_section(corpus, glossqa):
    body = SV_LINES.replace(
        "## Hjälp", "## Tips\n\nSe [bloggen](https://blog.example.com).\n\n## Hjälp"
    )
    assert check(corpus, glossqa, body, keywords="guide") == [
        (
            "sv/guide.md",
            29,
            "heading-structure",
            "extra section ## Tips has no counterpart in the reference",
            "en/guide.md",
            21,
        ),
    ]


def test_moved_section_is_reported_once_where_it_now_is(corpus, glossqa):
    configure = "## Konfigurera\n\nRedigera [filen](/config) och sätt 42.\n\n"
    body = SV_LINES.replace(configure, "").replace("## Hjälp", configure + "## Hjälp")
    assert check(corpus, glossqa, body, keywords="guide") == [
        (
            "sv/guide.md",
            25,
            "heading-structure",
            "section ## Konfigurera moved: the reference has it after ## Install",
            "en/guide.md",
            17,
        ),
    ]


def test_retargeted_dropped_and_added_links_at_their_lines(corpus, glossqa):
    body = (
        SV_LINES.replace("(/config)", "(/settings)")
        .replace("[forumet](https://forum.example.com)", "forumet")
        .replace("Läs [mer](/more).", "Läs [mer](/more) och [FAQ](/faq).")
    )
    assert check(corpus, glossqa, body, keywords="guide") == [
        (
            "sv/guide.md",
            19,
            "link-targets",
            "this link leads to '/settings', the source's to '/config': change the target to '/config'",
            "en/guide.md",
            19,
        ),
        (
            "sv/guide.md",
            27,
            "link-targets",
            "the source has no link to '/faq' in this section: remove it, or add it to the source",
            "en/guide.md",
            27,
        ),
        (
            "sv/guide.md",
            31,
            "link-targets",
            "the source links 'https://forum.example.com' here: add that link to this text",
            "en/guide.md",
            31,
        ),
    ]


def test_fence_that_lost_a_backtick_is_one_diagnostic_at_the_broken_fence(corpus, glossqa):
    body = SV_LINES.replace("```bash", "``bash")
    assert check(corpus, glossqa, body, keywords="guide") == [
        (
            "sv/guide.md",
            23,
            "heading-structure",
            "broken code fence: this fence opens with 2 backticks, not 3, so the closing fence at line 25 opens a "
            "code block that runs to the end of the file, swallowing 1 section of the reference (## Help)",
            "en/guide.md",
            23,
        ),
    ]


def test_closing_fence_that_lost_a_backtick(corpus, glossqa):
    body = SV_LINES.replace("guide --run\n```", "guide --run\n``")
    assert check(corpus, glossqa, body, keywords="guide") == [
        (
            "sv/guide.md",
            25,
            "heading-structure",
            "broken code fence: this fence closes with 2 of the 3 backticks that opened it at line 23, so the code "
            "block runs to the end of the file, swallowing 1 section of the reference (## Help)",
            "en/guide.md",
            23,
        ),
    ]


def test_mangled_front_matter_delimiters_are_one_diagnostic_and_keys_are_still_compared(
    corpus, glossqa
):
    others = {
        f"{language}/guide.md": article("Guiden", SV_LINES, keywords="guide")
        for language in ("da", "fi", "de")
    }
    corpus(
        {
            "en/guide.md": EN,
            **others,
            "sv/guide.md": "- - -\ntitle: Guiden\nkeywords: guider\n- - -\n"
            + SV_LINES.lstrip("\n"),
        }
    )
    assert structural(glossqa("check", "--isolated", "--format", "json", "sv/guide.md")) == [
        (
            "sv/guide.md",
            1,
            "front-matter",
            "front matter is delimited by '- - -', not '---': Markdown renders it as a rule and body text",
            "en/guide.md",
            1,
        ),
        (
            "sv/guide.md",
            3,
            "front-matter",
            "front-matter 'keywords' must stay identical to the reference: 'guider' is not 'guide'",
            "en/guide.md",
            3,
        ),
    ]


def test_translated_key_name_is_one_diagnostic_at_its_line(corpus, glossqa):
    assert check(corpus, glossqa, SV_LINES, nyckelord="guide") == [
        (
            "sv/guide.md",
            3,
            "front-matter",
            "front-matter key 'nyckelord' stands where the reference has 'keywords'; "
            "keys are not translated",
            "en/guide.md",
            3,
        ),
    ]


def test_missing_key_is_reported_at_the_start_of_the_front_matter(corpus, glossqa):
    assert check(corpus, glossqa, SV_LINES) == [
        ("sv/guide.md", 1, "front-matter", "missing front-matter key 'keywords'", "en/guide.md", 3),
    ]


def test_headings_and_links_re_emitted_as_html_are_not_drift(corpus, glossqa):
    body = (
        SV_LINES.replace("## Konfigurera\n", '<h2 spaces-before="0">\n  Konfigurera\n</h2>\n')
        .replace("[filen](/config)", '<a href="/config">filen</a>')
        .replace("## Hjälp\n", "<h2>Hjälp</h2>\n")
    )
    assert check(corpus, glossqa, body, keywords="guide") == []


def test_shortcodes_admonitions_and_attribute_lists_are_not_drift(corpus, glossqa):
    body = (
        SV_LINES.replace("Intro [hem](/home).", "{{< note >}}\nIntro [hem](/home).\n{{< /note >}}")
        .replace(
            "Redigera [filen](/config) och sätt 42.",
            '!!! tip "Tips"\n    Redigera [filen](/config) och sätt 42.',
        )
        .replace("Läs [mer](/more).", "Läs [mer](/more){ .md-button }.")
    )
    assert check(corpus, glossqa, body, keywords="guide") == []


def test_content_tabs_are_prose_and_links_not_code(corpus, glossqa):
    tabs = '=== "Linux"\n\n    Run it from [the site](https://example.com/get){ rel=nofollow }.\n\n'
    english = EN.replace("## Help", tabs + "## Help")
    translated = SV_LINES.replace(
        "## Hjälp",
        tabs.replace("Run it from", "Kör den från").replace("/get", "/other") + "## Hjälp",
    )
    others = {
        f"{language}/guide.md": article("Guiden", translated, keywords="guide")
        for language in ("da", "fi", "de")
    }
    corpus(
        {
            "en/guide.md": english,
            **others,
            "sv/guide.md": article("Guiden", translated, keywords="guide"),
        }
    )
    found = structural(glossqa("check", "--isolated", "--format", "json", "sv/guide.md"))
    assert found == [
        (
            "sv/guide.md",
            31,
            "link-targets",
            "this link leads to 'https://example.com/other', the source's to "
            "'https://example.com/get': change the target to 'https://example.com/get'",
            "en/guide.md",
            31,
        )
    ]


def test_fence_one_backtick_short_that_makes_later_fences_pair_wrongly(corpus, glossqa):
    two_fences = "```bash\nguide --run\n```\n\nLäs [mer](/more).\n\n```bash\nguide --stop\n```\n"
    english = EN.replace(
        "```bash\nguide --run\n```\n",
        two_fences.replace("Läs [mer]", "Read [more]").replace("Läs", "Read"),
    )
    translated = SV_LINES.replace("```bash\nguide --run\n```\n\nLäs [mer](/more).\n", two_fences)
    others = {
        f"{language}/guide.md": article("Guiden", translated, keywords="guide")
        for language in ("da", "fi", "de")
    }
    corpus(
        {
            "en/guide.md": english,
            **others,
            "sv/guide.md": article(
                "Guiden",
                translated.replace("```bash\nguide --run", "``bash\nguide --run"),
                keywords="guide",
            ),
        }
    )
    found = structural(glossqa("check", "--isolated", "--format", "json", "sv/guide.md"))
    assert [(line, rule, message) for _, line, rule, message, _, _ in found] == [
        (
            23,
            "heading-structure",
            "broken code fence: this line opens a code fence with 2 backticks, not 3, so every later "
            "fence pairs with the wrong one, swallowing 1 section of the reference (## Help)",
        ),
    ]
