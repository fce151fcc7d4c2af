from conftest import article

EN = article(
    "Sales",
    """
# Sales

See [hard sell](/hard-sell) and ![chart](img/chart.png).

Read <https://example.com/guide> or <a href="/contact">us</a>.

[ref]: /reference-target

More in [the reference][ref].
""",
)


def test_same_targets_with_locale_prefix_pass(corpus, glossqa):
    corpus(
        {
            "en/sales.md": EN,
            "sv/sales.md": article(
                "Försäljning",
                """
        # Försäljning

        Se [hårt salg](/sv/hard-sell) och ![diagram](img/chart.png).

        Läs <https://example.com/guide> eller <a href="/sv/contact">oss</a>.

        [ref]: /reference-target

        Mer i [referensen][ref].
        """,
            ),
        }
    )
    run = glossqa("check", "--isolated", "--format", "json", ".")
    assert [d for d in run.json if d["rule"] == "link-targets"] == []


def test_changed_image_html_and_reference_targets_are_reported_at_their_lines(corpus, glossqa):
    corpus(
        {
            "en/sales.md": EN,
            "sv/sales.md": article(
                "Försäljning",
                """
        # Försäljning

        Se [hårt salg](/hard-sell) och ![diagram](img/graf.png).

        Läs <https://example.com/guide> eller <a href="/kontakt">oss</a>.

        [ref]: /other-target

        Mer i [referensen][ref].
        """,
            ),
        }
    )
    run = glossqa("check", "--isolated", "--format", "json", ".")
    found = [
        (d["line"], d["message"], d["related"]["line"])
        for d in run.json
        if d["rule"] == "link-targets"
    ]
    assert found == [
        (
            6,
            "this link leads to 'img/graf.png', the source's to 'img/chart.png': change the target to 'img/chart.png'",
            6,
        ),
        (
            8,
            "this link leads to '/kontakt', the source's to '/contact': change the target to '/contact'",
            8,
        ),
        (
            12,
            "this link leads to '/other-target', the source's to '/reference-target': change the target to '/reference-target'",
            12,
        ),
    ]


def test_missing_link_is_reported_at_the_line_that_lost_it(corpus, glossqa):
    corpus(
        {
            "en/sales.md": EN,
            "sv/sales.md": article(
                "Försäljning",
                """
        # Försäljning

        Se hårt salg och ![diagram](img/chart.png).

        Läs <https://example.com/guide> eller <a href="/contact">oss</a>.

        [ref]: /reference-target

        Mer i [referensen][ref].
        """,
            ),
        }
    )
    run = glossqa("check", "--isolated", "--format", "json", ".")
    found = [(d["line"], d["message"]) for d in run.json if d["rule"] == "link-targets"]
    assert found == [(6, "the source links '/hard-sell' here: add that link to this text")]


def test_own_language_edition_of_wikipedia_matches_but_a_retarget_does_not(corpus, glossqa):
    en = article(
        "Sales",
        "# Sales\n\nSee [selling](https://en.wikipedia.org/wiki/Selling) and [buying](https://en.wikipedia.org/wiki/Buying).\n",
    )
    corpus(
        {
            "en/sales.md": en,
            "sv/sales.md": article(
                "Försäljning",
                """
        # Försäljning

        Se [försäljning](https://sv.wikipedia.org/wiki/F%C3%B6rs%C3%A4ljning) och [köp](https://en.wikipedia.org/wiki/Purchasing).
        """,
            ),
        }
    )
    run = glossqa("check", "--isolated", "--format", "json", ".")
    assert [(d["line"], d["message"]) for d in run.json if d["rule"] == "link-targets"] == [
        (
            6,
            "this link leads to 'https://en.wikipedia.org/wiki/Purchasing', the source's to "
            "'https://en.wikipedia.org/wiki/Buying': change the target to "
            "'https://en.wikipedia.org/wiki/Buying'",
        ),
    ]


def link_problems(run) -> list[tuple[str, int, int, str]]:
    return [
        (d["path"], d["line"], d["column"], d["message"])
        for d in run.json
        if d["rule"] == "link-targets"
    ]


HUGO_SOURCE = article(
    "Traces",
    """
    # Traces

    Read [signals](../signals/) and [logs](/docs/concepts/signals/logs/).

    See [the guide](https://opentelemetry.io/docs/guide/) and [metrics](../metrics/_index.md).

    Old [notes](https://web.archive.org/web/2024/https://example.org/en/notes/).

    Go to [setup](../setup/).
    """,
)


def test_targets_written_differently_but_leading_to_the_same_page_pass(corpus, glossqa):
    """Relative vs site-absolute, the site's own host vs a path, a trailing slash, `_index.md`,
    percent-encoding and a locale segment anywhere all lead to the same page."""
    corpus(
        {
            "rules.yaml": "rules:\n  link-targets:\n    site-hosts: [opentelemetry.io]\n",
            "content/en/docs/concepts/traces.md": HUGO_SOURCE,
            "content/ko/docs/concepts/traces.md": article(
                "트레이스",
                """
        # 트레이스

        [신호](/docs/concepts/signals)와 [로그](../signals/logs)를 읽으세요.

        [안내서](/ko/docs/guide)와 [메트릭](/docs/concepts/metrics/)을 보세요.

        오래된 [메모](https://web.archive.org/web/2024/https://example.org/ko/notes).

        [설정](../%EC%84%A4%EC%A0%95/)으로 가세요.
        """,
            ),
        }
    )
    run = glossqa("check", "--select", "link-targets", "--format", "json", ".")
    assert link_problems(run) == [
        (
            "content/ko/docs/concepts/traces.md",
            12,
            1,
            "this link leads to '../%EC%84%A4%EC%A0%95/', the source's to '../setup/': "
            "change the target to '../setup/'",
        )
    ]


def test_the_sites_own_host_is_learned_and_a_language_query_leads_to_the_same_page(corpus, glossqa):
    corpus(
        {
            "en/a.md": article(
                "A", "# A\n\nSee [x](https://example.org/docs/x) and [y](https://y.org/a?id=1).\n"
            ),
            "sv/a.md": article(
                "B", "# A\n\nSe [x](/docs/x/) och [y](https://y.org/a?id=1&hl=sv).\n"
            ),
        }
    )
    run = glossqa("check", "--isolated", "--select", "link-targets", "--format", "json", ".")
    assert link_problems(run) == []


def test_md_mdx_and_percent_encoded_links_match_the_page_they_build(corpus, glossqa):
    corpus(
        {
            "en/guide/a.md": article(
                "A", "# A\n\nSee [b](b.md), [c](../c/index.mdx) and [d](/caf%C3%A9/menu).\n"
            ),
            "sv/guide/a.md": article(
                "B", '# A\n\nSe [b](/guide/b/), [c](/c) och <a href="/café/menu/">d</a>.\n'
            ),
        }
    )
    run = glossqa("check", "--isolated", "--select", "link-targets", "--format", "json", ".")
    assert link_problems(run) == []


ANCHORS_SOURCE = article(
    "Practice",
    """
    # Practice

    See [best practice](#best-practice) and [the end](#the-end).

    ## Best practice

    Text.

    ## The end

    Text.
    """,
)


def test_an_anchor_naming_the_translated_heading_passes_in_any_script(corpus, glossqa):
    """Starlight/Hexo/Docusaurus slugify the translated heading: the anchor follows it."""
    corpus(
        {
            "en/a.md": ANCHORS_SOURCE,
            "sv/a.md": article(
                "Praxis",
                """
        # Praxis

        Se [bästa praxis](#b%C3%A4sta-praxis) och [slutet](#slutet).

        ## Bästa praxis

        Text.

        ## Slutet

        Text.
        """,
            ),
            "ko/a.md": article(
                "실천",
                """
        # 실천

        [모범 사례](#모범-사례)와 [끝](#the-end)을 보세요.

        ## 모범 사례

        텍스트.

        ## 끝 {#the-end}

        텍스트.
        """,
            ),
        }
    )
    run = glossqa("check", "--isolated", "--select", "link-targets", "--format", "json", ".")
    assert link_problems(run) == []


def test_an_anchor_that_names_no_heading_is_reported(corpus, glossqa):
    corpus(
        {
            "en/a.md": ANCHORS_SOURCE,
            "sv/a.md": article(
                "Praxis",
                """
        # Praxis

        Se [bästa praxis](#praxis-bast) och [slutet](#slutet).

        ## Bästa praxis

        Text.

        ## Slutet

        Text.
        """,
            ),
        }
    )
    run = glossqa("check", "--isolated", "--select", "link-targets", "--format", "json", ".")
    assert link_problems(run) == [
        (
            "sv/a.md",
            6,
            4,
            "no heading of this page has the anchor '#praxis-bast': link the heading that the "
            "source's '#best-practice' names, by its anchor here",
        ),
    ]


def test_an_anchor_naming_another_heading_than_the_sources_is_reported(corpus, glossqa):
    corpus(
        {
            "en/a.md": ANCHORS_SOURCE,
            "sv/a.md": article(
                "Praxis",
                """
        # Praxis

        Se [bästa praxis](#slutet) och [slutet](#slutet).

        ## Bästa praxis

        Text.

        ## Slutet

        Text.
        """,
            ),
        }
    )
    run = glossqa("check", "--isolated", "--select", "link-targets", "--format", "json", ".")
    assert link_problems(run) == [
        (
            "sv/a.md",
            6,
            4,
            "this link leads to '#slutet', the source's to '#best-practice': "
            "change the target to '#best-practice'",
        ),
    ]


def test_footnote_links_are_compared_over_the_page_wherever_the_definition_sits(corpus, glossqa):
    """Translation platforms move footnote definitions to the end of the file."""
    corpus(
        {
            "en/a.md": article(
                "A",
                """
        # A

        Text[^1].

        [^1]: See [ISO](https://iso.org/27001) and [ISMS](https://example.org/isms).

        ## B

        More.
        """,
            ),
            "sv/a.md": article(
                "B",
                """
        # A

        Text[^1].

        ## B

        Mer.

        [^1]: Se [ISO](https://iso.org/27001).
        """,
            ),
        }
    )
    run = glossqa("check", "--isolated", "--select", "link-targets", "--format", "json", ".")
    assert link_problems(run) == [
        (
            "sv/a.md",
            12,
            1,
            "the source's footnote [^1] links 'https://example.org/isms': add that link to this "
            "footnote",
        )
    ]


def test_a_missing_link_is_placed_between_the_links_both_sides_share_never_at_the_front_matter(
    corpus, glossqa
):
    source = article(
        "A",
        """
        Intro with [one](/one).

        | Tool | Site |
        |---|---|
        | A | [a](/a) |
        | B | [b](/b), [mirror](/b2) |
        | C | [c](/c) |
        """,
    )
    corpus(
        {
            "en/a.md": source,
            "sv/a.md": article(
                "B",
                """
        Inledning med en länk.

        | Verktyg | Webbplats |
        |---|---|
        | A | [a](/a) |
        | C | [c](/c) |
        """,
            ),
        }
    )
    run = glossqa("check", "--isolated", "--select", "link-targets", "--format", "json", ".")
    found = [(d["line"], d["message"], d["related"]["line"]) for d in run.json]
    assert found == [
        (4, "the source links '/one' here: add that link to this text", 4),
        (9, "the source links '/b' and '/b2' on its line 9: add those links here", 9),
    ]


def test_an_extra_links_source_line_is_its_counterpart_not_the_front_matter(corpus, glossqa):
    corpus(
        {
            "en/a.md": article("A", "Intro.\n\nMore text here.\n"),
            "sv/a.md": article("B", "Inledning.\n\nMer [text](/text) här.\n"),
        }
    )
    run = glossqa("check", "--isolated", "--select", "link-targets", "--format", "json", ".")
    found = [(d["line"], d["column"], d["message"], d["related"]["line"]) for d in run.json]
    assert found == [
        (
            6,
            5,
            "the source has no link to '/text' in this section: remove it, or add it to the source",
            6,
        )
    ]


def test_a_shortcode_inside_a_link_target_keeps_the_link(corpus, glossqa):
    corpus(
        {
            "en/a.md": article(
                "A", '# A\n\nGet [it](/docs/{{< param "version" >}}/install) now.\n'
            ),
            "sv/a.md": article(
                "B", '# A\n\nHämta [den](/docs/{{< param "version" >}}/setup) nu.\n'
            ),
        }
    )
    run = glossqa("check", "--isolated", "--select", "link-targets", "--format", "json", ".")
    assert link_problems(run) == [
        (
            "sv/a.md",
            6,
            7,
            "this link leads to '/docs/{{< param \"version\" >}}/setup', the source's to "
            "'/docs/{{< param \"version\" >}}/install': change the target to "
            "'/docs/{{< param \"version\" >}}/install'",
        )
    ]


def test_a_split_link_a_localized_app_store_link_and_an_image_beside_a_link(corpus, glossqa):
    corpus(
        {
            "en/a.md": article(
                "A",
                """
        # A

        - [VPN - a Very Precarious Narrative](https://example.org/vpn) by Dennis
        - [App Store](https://apps.apple.com/app/id1514709943)

        Never [blur text](https://example.org/blur).
        """,
            ),
            "tr/a.md": article(
                "B",
                """
        # A

        - [VPN -](https://example.org/vpn) [Çok Tehlikeli](https://example.org/vpn) Dennis
        - [App Store](https://apps.apple.com/tr/app/proton-takvim/id1514709943)

        ![logo](/img/logo.svg)
        Asla bulanıklaştırma.
        """,
            ),
        }
    )
    run = glossqa("check", "--isolated", "--select", "link-targets", "--format", "json", ".")
    assert link_problems(run) == [
        (
            "tr/a.md",
            9,
            1,
            "the source has no link to '/img/logo.svg' in this section: remove it, "
            "or add it to the source",
        ),
        (
            "tr/a.md",
            9,
            1,
            "the source links 'https://example.org/blur' here: add that link to this text",
        ),
    ]


def test_glossary_sorted_in_the_translations_alphabet_pairs_entries_by_their_kept_ids(
    corpus, glossqa
):
    # OpenTelemetry's Spanish glossary: each entry keeps its English id, in Spanish order
    corpus(
        {
            "en/glossary.md": article(
                "Glossary",
                """
        ### Apple

        A fruit; see [the orchard](/orchard) and [cider](/cider).

        ### Lemon

        A fruit; see [the grove](/grove).

        ### Strawberry

        A fruit; see [the field](/field) and [jam](/jam).
        """,
            ),
            "es/glossary.md": article(
                "Glosario",
                """
        ### Fresa {#strawberry}

        Una fruta; ver [el campo](/field) y [mermelada](/jelly).

        ### Limón {#lemon}

        Una fruta; ver [la arboleda](/grove).

        ### Manzana {#apple}

        Una fruta; ver [el huerto](/orchard) y [sidra](/cider).
        """,
            ),
        }
    )
    run = glossqa("check", "--isolated", "--format", "json", ".")
    found = [
        (d["line"], d["column"], d["message"], d["related"]["line"])
        for d in run.json
        if d["rule"] == "link-targets"
    ]
    assert found == [
        (
            6,
            37,
            "this link leads to '/jelly', the source's to '/jam': change the target to '/jam'",
            14,
        )
    ]


def test_links_where_the_other_side_includes_a_file_are_not_judged(corpus, glossqa):
    # Hugo/Docsy `{{% include "note.md" %}}` renders another file's text, links and all, in place
    corpus(
        {
            "en/general.md": article(
                "General",
                """
        {{% include "env-var-note.md" %}}

        ## Service name

        Sets the [service name](/docs/resources).
        """,
            ),
            "pt/general.md": article(
                "Geral",
                """
        Consulte a [matriz](https://github.com/example/spec/blob/main/matrix.md#env).

        ## Nome do serviço

        Define o [nome do serviço](/docs/resources) e a [origem](/docs/origin).
        """,
            ),
            "fr/general.md": article(
                "Général",
                """
        {{< include "env-var-note.md" >}}

        ## Nom du service

        Définit le [nom du service](/docs/ressources).
        """,
            ),
        }
    )
    run = glossqa("check", "--isolated", "--format", "json", ".")
    found = [(d["path"], d["line"], d["message"]) for d in run.json if d["rule"] == "link-targets"]
    assert found == [
        (
            "fr/general.md",
            8,
            "this link leads to '/docs/ressources', the source's to '/docs/resources': "
            "change the target to '/docs/resources'",
        ),
        (
            "pt/general.md",
            8,
            "the source has no link to '/docs/origin' in this section: remove it, "
            "or add it to the source",
        ),
    ]


def test_one_id_on_repeated_headings_does_not_move_their_links(corpus, glossqa):
    # the source's repeated "Further reading" anchors are further-reading, further-reading-1
    corpus(
        {
            "en/guide.md": article(
                "Guide",
                """
        ## Metrics

        ### Further reading

        - [Metrics](/metrics)

        ## Logs

        ### Further reading

        - [Logs](/logs)
        """,
            ),
            "pt/guide.md": article(
                "Guia",
                """
        ## Métricas {#metrics}

        ### Leituras adicionais {#further-reading}

        - [Métricas](/metrics)

        ## Logs {#logs}

        ### Leituras adicionais {#further-reading}

        - [Logs](/logs)
        """,
            ),
        }
    )
    run = glossqa("check", "--isolated", "--format", "json", ".")
    assert [d["message"] for d in run.json if d["rule"] == "link-targets"] == []


def test_a_changed_link_pairs_with_the_nearest_new_one(corpus, glossqa):
    # nodejs.org's Korean download page: a dropped sentence's link two lines above the changed one
    corpus(
        {
            "en/download.md": article(
                "Download",
                """
        Learn how to [verify](https://example.org/verify) signed SHASUMS.

        Download a signed source tarball.

        Check out our [nightly](https://example.org/nightly) binaries or all
        [previous releases](/download/archive) or the [unofficial](https://example.org/unofficial) ones.
        """,
            ),
            "ko/download.md": article(
                "다운로드",
                """
        서명된 SHASUMS를 [검증](https://example.org/verify)하는 방법을 배워보세요.

        소스에서 [빌드](https://example.org/building)하는 방법을 확인하세요.

        [nightly](https://example.org/nightly) 바이너리나 모든 [이전 릴리스](/about/previous-releases) 또는 [비공식](https://example.org/unofficial) 바이너리를 확인해보세요.
        """,
            ),
        }
    )
    run = glossqa("check", "--isolated", "--format", "json", ".")
    found = [(d["line"], d["message"]) for d in run.json if d["rule"] == "link-targets"]
    assert found == [
        (
            6,
            "the source has no link to 'https://example.org/building' in this section: remove "
            "it, or add it to the source",
        ),
        (
            8,
            "this link leads to '/about/previous-releases', the source's to '/download/archive': "
            "change the target to '/download/archive'",
        ),
    ]


def test_a_changed_link_after_a_shared_one_is_one_diagnostic_however_the_blocks_split(
    corpus, glossqa
):
    # nodejs.org's end-of-life page: the translation splits the buttons into more blocks
    corpus(
        {
            "en/eol.md": article(
                "EOL",
                """
        [Upgrade](/download) or [get support](#commercial-support).

        [View the release schedule](/about/previous-releases/).
        """,
            ),
            "pt/eol.md": article(
                "EOL",
                """
        [Atualize](/download)

        ou

        [Obtenha suporte](#commercial-support)

        [Veja o cronograma](/about/releases/).
        """,
            ),
        }
    )
    run = glossqa("check", "--isolated", "--format", "json", ".")
    found = [(d["line"], d["message"]) for d in run.json if d["rule"] == "link-targets"]
    assert found == [
        (
            10,
            "this link leads to '/about/releases/', the source's to '/about/previous-releases/': "
            "change the target to '/about/previous-releases/'",
        )
    ]
