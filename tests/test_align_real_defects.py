"""Defects the mutation benchmark injects into real sites, each one diagnostic at its line: a code
fence that lost a backtick where Markdown then reads its contents as headings or swallows the
page's link definitions, and an MDX heading re-emitted as `<h3>` (no defect at all)."""

from conftest import article

EN_STYLE = article(
    "Style guide",
    """
Run the [spell checker](https://cspell.org) before you commit.

## Spelling

Add a word to the page's front matter:

```markdown
---
title: PageTitle
cSpell:ignore: <word>
---
```

For a YAML file, a comment does the same:

```yaml
# cSpell:ignore <word>
title: entryTitle
```

## File format

We use [Prettier][] for formatting. Run it with `npm run fix:format`.

## Checks

See the [link checker][checker] for [links][checker].

```sh
npm run check:links
```

[Prettier]: https://prettier.io
[checker]: https://github.com/example/htmltest
""",
)

SV_STYLE = """
Kör [stavningskontrollen](https://cspell.org) innan du gör en commit.

## Stavning

Lägg till ett ord i sidans front matter:

```markdown
---
title: Sidtitel
cSpell:ignore: <ord>
---
```

För en YAML-fil gör en kommentar samma sak:

```yaml
# cSpell:ignore <ord>
title: postTitel
```

## Filformat

Vi använder [Prettier][] för formatering. Kör det med `npm run fix:format`.

## Kontroller

Se [länkkontrollen][checker] för [länkar][checker].

```sh
npm run check:links
```

[Prettier]: https://prettier.io
[checker]: https://github.com/example/htmltest
"""


def structural(corpus, glossqa, files: dict[str, str], path: str):
    corpus(files)
    run = glossqa("check", "--isolated", "--format", "json", path)
    return [
        (d["line"], d["rule"], d["message"])
        for d in run.json
        if d["rule"] in ("heading-structure", "link-targets", "front-matter", "parse-error")
    ]


def style_check(corpus, glossqa, sv_body):
    return structural(
        corpus,
        glossqa,
        {"en/style.md": EN_STYLE, "sv/style.md": article("Stilguide", sv_body)},
        "sv/style.md",
    )


def test_faithful_style_guide_passes(corpus, glossqa):
    assert style_check(corpus, glossqa, SV_STYLE) == []


def test_short_fence_over_front_matter_example_is_the_broken_fence_only(corpus, glossqa):
    """``markdown then `---`, `title: ...`, `---`: Markdown reads two setext headings, which are
    the broken fence's doing, not extra sections."""
    body = SV_STYLE.replace("```markdown", "``markdown")
    assert style_check(corpus, glossqa, body) == [
        (
            10,
            "heading-structure",
            "broken code fence: this line opens a code fence with 2 backticks, not 3, so every "
            "later fence pairs with the wrong one, swallowing 1 section of the reference "
            "(## Checks)",
        )
    ]


def test_links_whose_definitions_a_broken_fence_swallowed_are_the_fence_only(corpus, glossqa):
    """The last fence never closes, so the page's link definitions below it are code: the links
    of every earlier section lose their targets, and the one fix is the fence."""
    lines = SV_STYLE.split("\n")
    closing = max(index for index, line in enumerate(lines) if line == "```")
    lines[closing] = "``"
    assert style_check(corpus, glossqa, "\n".join(lines)) == [
        (
            34,
            "heading-structure",
            "broken code fence: this fence closes with 2 of the 3 backticks that opened it at "
            "line 32, so the code block runs to the end of the file",
        )
    ]


EN_BRANDING = """---
title: Branding
---

# Branding of Node.js

## Node.js® Logos

<img alt="Hex logo" src="/static/logos/nodejsHex.svg" />

### JS Icons

<table>
  <tbody>
    <tr>
      <td>
        <img alt="Green JS icon" src="/static/logos/jsIconGreen.svg" />
      </td>
    </tr>
  </tbody>
</table>
"""

SV_BRANDING = """---
title: Varumärke
---

# Node.js varumärke

## Node.js® logotyper

<img alt="Hexlogotyp" src="/static/logos/nodejsHex.svg" />

<h3 spaces-before="0">
  JS-ikoner
</h3>

<table>
  <tbody>
    <tr>
      <td>
        <img alt="Grön JS-ikon" src="/static/logos/jsIconGreen.svg" />
      </td>
    </tr>
  </tbody>
</table>
"""


def test_mdx_heading_re_emitted_as_html_is_still_the_heading(corpus, glossqa):
    files = {"en/branding.mdx": EN_BRANDING, "sv/branding.mdx": SV_BRANDING}
    assert structural(corpus, glossqa, files, "sv/branding.mdx") == []


def test_mdx_heading_re_emitted_as_html_at_the_wrong_level_is_reported(corpus, glossqa):
    files = {
        "en/branding.mdx": EN_BRANDING,
        "sv/branding.mdx": SV_BRANDING.replace("h3", "h2"),
    }
    assert structural(corpus, glossqa, files, "sv/branding.mdx") == [
        (
            11,
            "heading-structure",
            "heading level 2 should be 3, as the source heading ### JS Icons (source line 11): "
            "write it with ###",
        )
    ]


EN_DOMAINS = article(
    "About",
    """
To download Node.js, use these domains only:

- [nodejs.org](https://nodejs.org)
- [Node Slackers](https://www.nodeslackers.com/)
- [the docs](https://nodejs.org/docs/)
""",
)


def test_a_link_to_another_host_is_a_changed_link_even_with_the_same_path(corpus, glossqa):
    """`https://nodejs.org` and `https://nodejs.dev` both have the path `/`: that alone does not
    make them one place. `www.` and a path on the page's own site still match."""
    sv = article(
        "Om",
        """
Använd bara de här domänerna för att hämta Node.js:

- [nodejs.org](https://nodejs.dev)
- [Node Slackers](https://nodeslackers.com)
- [dokumentationen](/docs/)
""",
    )
    files = {"en/about.md": EN_DOMAINS, "sv/about.md": sv}
    assert structural(corpus, glossqa, files, "sv/about.md") == [
        (
            6,
            "link-targets",
            "this link leads to 'https://nodejs.dev', the source's to 'https://nodejs.org': "
            "change the target to 'https://nodejs.org'",
        )
    ]


EN_GLOSSARY = article(
    "Glossary",
    """
Terms used across the site.

### Label

A term used by metrics.

### Language

A programming language.

### Library

A language-specific collection of behavior invoked by an interface.

### Log

Sometimes used to refer to a collection of log records.
""",
)

SV_GLOSSARY = """
Termer som används på hela webbplatsen.

### Etikett {#label}

En term som används av mätvärden.

### Språk {#language}

Ett programmeringsspråk.

### Bibliotek {#library}

En språkspecifik samling beteenden som anropas via ett gränssnitt.

### Logg {#log}

Används ibland om en samling loggposter.
"""


def test_neighbours_swapped_whose_ids_keep_the_source_anchors_are_one_move(corpus, glossqa):
    """The ids say which section is which even where the paragraphs' shape cannot."""
    files = {"en/glossary.md": EN_GLOSSARY, "sv/glossary.md": article("Ordlista", SV_GLOSSARY)}
    assert structural(corpus, glossqa, files, "sv/glossary.md") == []
    swapped = SV_GLOSSARY.replace(
        "### Språk {#language}\n\nEtt programmeringsspråk.\n\n"
        "### Bibliotek {#library}\n\n"
        "En språkspecifik samling beteenden som anropas via ett gränssnitt.\n\n",
        "### Bibliotek {#library}\n\n"
        "En språkspecifik samling beteenden som anropas via ett gränssnitt.\n\n"
        "### Språk {#language}\n\nEtt programmeringsspråk.\n\n",
    )
    files["sv/glossary.md"] = article("Ordlista", swapped)
    assert structural(corpus, glossqa, files, "sv/glossary.md") == [
        (
            10,
            "heading-structure",
            "section ### Bibliotek is out of place: the source has it after ### Language "
            "(source line 10): move it below line 16",
        )
    ]


EN_TERMS = [
    ("Attribute", "attribute", "A key-value pair, see [Metadata](#metadata)."),
    ("Baggage", "baggage", "Contextual metadata, see [Attribute](#attribute)."),
    ("Client library", "client-library", "See [Library](#library)."),
    ("Event", "event", "Something that happened, see [Log](#log)."),
    ("Library", "library", "A collection of behavior, see [Attribute](#attribute)."),
    ("Log", "log", "A collection of records, see [Event](#event)."),
    ("Metadata", "metadata", "A key-value pair, see [Baggage](#baggage)."),
    ("Span", "span", "One operation, see [Trace](#trace)."),
    ("Trace", "trace", "A tree of spans, see [Span](#span)."),
]
SV_TERMS = {  # sorted by the Swedish title, as a translated glossary is
    "attribute": ("Attribut", "Ett nyckel-värde-par, se [Metadata](#metadata)."),
    "baggage": ("Bagage", "Sammanhangets metadata, se [Attribut](#attribute)."),
    "library": ("Bibliotek", "En samling beteenden, se [Attribut](#attribute)."),
    "event": ("Händelse", "Något som hänt, se [Logg](#log)."),
    "client-library": ("Klientbibliotek", "Se [Bibliotek](#library)."),
    "log": ("Logg", "En samling poster, se [Händelse](#event)."),
    "metadata": ("Metadata", "Ett nyckel-värde-par, se [Bagage](#baggage)."),
    "span": ("Spann", "En operation, se [Spår](#trace)."),
    "trace": ("Spår", "Ett träd av spann, se [Spann](#span)."),
}


def glossary(entries: list[tuple[str, str, str]]) -> str:
    return "Terms.\n\n" + "".join(f"### {title}\n\n{text}\n\n" for title, _id, text in entries)


def test_glossary_sorted_in_the_translations_alphabet_pairs_its_sections_by_id(corpus, glossqa):
    """Each translated heading keeps its English id; the sections are where the Swedish titles
    sort. Each pairs with the source section its id names, so each links are compared with the
    right section's, and a heading level changed there is one diagnostic."""
    sv_entries = [(f"{title} {{#{key}}}", key, text) for key, (title, text) in SV_TERMS.items()]
    files = {
        "en/glossary.md": article("Glossary", glossary(EN_TERMS)),
        "sv/glossary.md": article("Ordlista", glossary(sv_entries)),
    }
    assert structural(corpus, glossqa, files, "sv/glossary.md") == []
    files["sv/glossary.md"] = files["sv/glossary.md"].replace("### Logg", "#### Logg")
    assert structural(corpus, glossqa, files, "sv/glossary.md") == [
        (
            26,
            "heading-structure",
            "heading level 4 should be 3, as the source heading ### Log (source line 26): "
            "write it with ###",
        )
    ]


EN_LOGOS = article(
    "Branding",
    """
## Node.js® Mascot

![Mascot](/static/images/node-mascot.svg)

## Node.js® Logos

### Node.js® Hex Logo

![Hex](/static/logos/nodejsHex.svg)

### Node.js® Horizontal Logo

![Dark](/static/logos/nodejsDark.svg) ![Light](/static/logos/nodejsLight.svg)

### Node.js® Stacked Logo

![Dark](/static/logos/nodejsStackedDark.svg) ![Light](/static/logos/nodejsStackedLight.svg)
![Black](/static/logos/nodejsStackedBlack.svg) ![White](/static/logos/nodejsStackedWhite.svg)

### JS Icons

![Green](/static/logos/jsIconGreen.svg) ![White](/static/logos/jsIconWhite.svg)
""",
)

SV_LOGOS_MOVED = """
## Node.js® maskot

![Maskot](/static/images/node-mascot.svg)

## Node.js® logotyper

### Node.js® vågrät logotyp

![Mörk](/static/logos/nodejsDark.svg) ![Ljus](/static/logos/nodejsLight.svg)

### Node.js® staplad logotyp

![Mörk](/static/logos/nodejsStackedDark.svg) ![Ljus](/static/logos/nodejsStackedLight.svg)
![Svart](/static/logos/nodejsStackedBlack.svg) ![Vit](/static/logos/nodejsStackedWhite.svg)

### Node.js® hexlogotyp

![Hex](/static/logos/nodejsHex.svg)

### JS-ikoner

![Grön](/static/logos/jsIconGreen.svg) ![Vit](/static/logos/jsIconWhite.svg)
"""


def test_a_name_every_heading_shares_does_not_pair_sections(corpus, glossqa):
    """`Node.js®` is in every heading, so it says nothing of which section is which: the moved
    section is one move, and the others' images are compared with their own sections'."""
    files = {"en/branding.md": EN_LOGOS, "sv/branding.md": article("Varumärke", SV_LOGOS_MOVED)}
    assert structural(corpus, glossqa, files, "sv/branding.md") == [
        (
            19,
            "heading-structure",
            "section ### Node.js® hexlogotyp is out of place: the source has it after "
            "## Node.js® Logos (source line 8): move it below line 8",
        )
    ]
