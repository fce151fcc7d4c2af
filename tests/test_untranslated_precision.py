"""English a translation keeps on purpose, told by evidence on the page and in its source, not by a
list of words: cited titles, menu paths, labels and terms in bold or italics, names beside a kept
term, words the source writes as code, headings kept as a set, lists of names, option mnemonics.
Each with the leftover it must not hide, in Korean, Chinese, Japanese, Hindi, Turkish and Spanish."""

import pytest
from conftest import article

from qa.prose import is_machine_value


def untranslated(run) -> list[tuple[str, int, str]]:
    return [
        (d["path"], d["line"], d["message"].split(" is left")[0])
        for d in run.json
        if d["rule"] == "untranslated"
    ]


CITED_TITLES = {
    "ko": ("자세한 내용은 {} 글을 참고하세요.", "securing your collector"),
    "zh": ("详情请参阅 {} 一文。", "securing your collector"),
    "ja": ("詳細は {} を参照してください。", "securing your collector"),
    "hi": ("अधिक जानकारी के लिए {} देखें।", "securing your collector"),
    "tr": ("Ayrıntılar için {} yazısına bakın.", "securing your collector"),
    "es": ("Para más detalles, consulte {} en el blog.", "securing your collector"),
}


@pytest.mark.parametrize("language", sorted(CITED_TITLES))
def test_the_english_title_of_a_linked_page_on_another_site_is_cited_not_left(
    corpus, glossqa, language
):
    sentence, running = CITED_TITLES[language]
    cited = sentence.format("[Securing your OpenTelemetry Collector](https://medium.com/x)")
    short = sentence.format("[See details](https://example.com/)")
    corpus(
        {
            f"{language}/a.md": article(
                "X", f"# X\n\n{cited}\n\n{short}\n\n{sentence.format(running)}\n"
            )
        }
    )
    found = untranslated(glossqa("check", "--isolated", "--format", "json", "."))
    assert found == [
        (f"{language}/a.md", 8, "'See details'"),
        (f"{language}/a.md", 10, f"{running!r}"),
    ]


def test_a_step_of_a_menu_path_is_a_label_also_across_a_line_break(corpus, glossqa):
    corpus(
        {
            "ja/a.md": article(
                "X",
                "# X\n\n1. リポジトリに追加: **Settings → Secrets and variables → Actions → New\n"
                "   repository secret** を選びます。\n\n2. 次に secrets and variables を確認します。\n",
            ),
            "tr/a.md": article(
                "X",
                "# X\n\nSlack'te **Tools → Workflow Builder → Start from scratch** seçin.\n\n"
                "Sonra start from scratch düğmesi yok.\n",
            ),
        }
    )
    found = untranslated(glossqa("check", "--isolated", "--format", "json", "."))
    assert found == [
        ("ja/a.md", 9, "'secrets and variables'"),
        ("tr/a.md", 8, "'start from scratch'"),
    ]


def test_a_label_in_italics_across_a_line_break_and_a_term_in_italics_are_kept(corpus, glossqa):
    corpus(
        {
            "pt/a.md": article(
                "X",
                "# X\n\nSe estiver fechado, abra o menu _Runtime, build, connections and security\n"
                "settings_ da função.\n\nVeja a _issue_ de implementações no repositório.\n\n"
                "Depois abra connections and security no painel.\n",
            ),
            "ko/a.md": article(
                "X",
                "# X\n\n메뉴에서 *Connections and security settings* 를 엽니다.\n\n"
                "- [nodejs.dev](https://nodejs.dev) _(Redirects to https://nodejs.org)_\n",
            ),
        }
    )
    found = untranslated(glossqa("check", "--isolated", "--format", "json", "."))
    assert found == [
        ("ko/a.md", 8, "'Redirects to'"),
        ("pt/a.md", 11, "'connections and security'"),
    ]


SOURCE = article(
    "Bitcoin",
    "# Bitcoin\n\nStart the Bitcoin Core daemon in the background.\n\n"
    "Push your changes from `upstream` to `origin` often.\n",
)
NAMES_BESIDE_A_TERM = {
    "ko": "백그라운드에서 daemon Bitcoin Core 를 시작합니다. upstream 에서 origin 로 자주 보내세요.",
    "zh": "在后台启动 daemon Bitcoin Core 服务。经常把 upstream 的更改推送到 origin 仓库。",
    "ja": "バックグラウンドで daemon Bitcoin Core を起動します。upstream から origin へ変更を送ります。",
    "hi": "पृष्ठभूमि में daemon Bitcoin Core शुरू करें। upstream से origin में बदलाव भेजें।",
    "tr": "Arka planda daemon Bitcoin Core başlatılır. Değişiklikleri upstream ve origin arasında eşitleyin.",
    "es": "Inicia el daemon Bitcoin Core en segundo plano. Sube los cambios de upstream a origin.",
}


@pytest.mark.parametrize("language", sorted(NAMES_BESIDE_A_TERM))
def test_a_term_beside_a_name_or_between_code_words_of_the_source_is_kept(
    corpus, glossqa, language
):
    text = NAMES_BESIDE_A_TERM[language]
    corpus(
        {
            "en/a.md": SOURCE,
            f"{language}/a.md": article(
                "Bitcoin", f"# Bitcoin\n\n{text}\n\nstart the daemon now\n"
            ),
        }
    )
    found = untranslated(glossqa("check", "--isolated", "--format", "json", "."))
    assert found == [(f"{language}/a.md", 8, "this paragraph")]


SERVICES = "## Ad\n\nTexto.\n\n## Cart\n\nTexto.\n\n## Product Catalog\n\nTexto.\n\n## Product Reviews\n\nTexto.\n"


def test_headings_a_translation_keeps_as_a_set_are_names_one_english_heading_is_not(
    corpus, glossqa
):
    english = SERVICES.replace("Texto.", "Text.")
    corpus(
        {
            "en/a.md": article("Services", "# Services\n\n" + english),
            "es/a.md": article("Servicios", SERVICES),  # the title in front matter, as on otel
            "en/b.md": article(
                "Metrics", "# Metrics\n\n## Types\n\nText.\n\n## Language Support\n\nText.\n"
            ),
            "es/b.md": article(
                "Métricas", "# Métricas\n\n## Tipos\n\nTexto.\n\n## Language Support\n\nTexto.\n"
            ),
        }
    )
    found = untranslated(glossqa("check", "--isolated", "--format", "json", "."))
    assert found == [("es/b.md", 10, "'Language Support'")]


@pytest.mark.parametrize(
    "heading",
    [
        "## CentOS - Fedora - Red Hat Enterprise Linux",
        "## CentOS, Fedora and Red Hat Enterprise Linux",
    ],
)
def test_a_heading_listing_names_is_no_leftover(corpus, glossqa, heading):
    corpus(
        {
            "ja/a.md": article(
                "X", f"# X\n\n{heading}\n\nテキストです。\n\n## Understanding Soft Selling\n"
            ),
        }
    )
    found = untranslated(glossqa("check", "--isolated", "--format", "json", "."))
    assert found == [("ja/a.md", 10, "'Understanding Soft Selling'")]


def test_option_mnemonics_and_a_single_quoted_name_are_kept(corpus, glossqa):
    corpus(
        {
            "ko/tsv-filter.md": "# tsv-filter\n\n> 행을 거릅니다.\n\n"
            "- 특정 열이 주어진 숫자보다 [l]ess than or [e]qual한 행을 출력:\n\n`tsv-filter --le 1:5`\n",
            "ru/act.md": "# act\n\n> Запускает действия.\n\n"
            "- Не выполнять действия реально (пробный прогон, do [n]ot run):\n\n`act -n`\n",
            "de/nmap.md": "# nmap\n\n> Netzwerk-Scanner.\n\n"
            "- Scanne Ziel(e) vorsichtig mit 'default and safe' NSE Scripts:\n\n`nmap -sC`\n\n"
            "- Scanne default and safe Ziele:\n\n`nmap -sC x`\n",
        }
    )
    found = untranslated(glossqa("check", "--isolated", "--format", "json", "."))
    assert found == [("de/nmap.md", 9, "'default and safe'")]


@pytest.mark.parametrize(
    "language, before, after",
    [
        ("bn", "আপনাকে ", "-এর ঠিকানা দিতে হবে। Exporters push- বা pull-based হতে পারে।"),
        ("hi", "आपको ", "-का पता देना होगा।"),
    ],
)
def test_a_native_case_ending_after_a_hyphen_makes_the_term_a_word_of_the_translation(
    corpus, glossqa, language, before, after
):
    corpus({f"{language}/a.md": article("X", f"# X\n\n{before}frontend-proxy collector{after}\n")})
    assert untranslated(glossqa("check", "--isolated", "--format", "json", ".")) == []


def test_a_table_row_of_links_names_and_versions_is_not_prose(corpus, glossqa):
    row = (
        "| [Java Platform](https://docs.oracle.com/) | Java 8+ | "
        "[Messaging Spans][], [Database Client Spans][], [HTTP Client Spans][] |\n"
    )
    references = (
        "\n[Messaging Spans]: https://x.io/m\n[Database Client Spans]: https://x.io/d\n"
        "[HTTP Client Spans]: https://x.io/h\n"
    )
    table = "| Biblioteca | Versiones | Convenciones |\n|---|---|---|\n" + row
    english = "| Library | Versions | Conventions |\n|---|---|---|\n" + row
    corpus(
        {
            "en/a.md": article("Libraries", "# Libraries\n\n" + english + references),
            "es/a.md": article(
                "Bibliotecas",
                "# Bibliotecas\n\n"
                + table
                + "| Bibliotecas | 1.0 | Spans of the database client calls |\n"
                + references,
            ),
        }
    )
    found = untranslated(glossqa("check", "--isolated", "--format", "json", "."))
    assert [(path, line) for path, line, _ in found] == [("es/a.md", 9)]


@pytest.mark.parametrize(
    "value, machine",
    [
        ("4c6c2b4", True),  # a short commit
        ("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b", True),
        ("defaced", False),  # a word of a-f letters
        ("deadbeefcafe", False),
        ("2026-11-23", True),
        ("2026-11-23 17:10", True),
        ("v1.2.3", True),
        ("/docs/x/", True),
        ("Defaced pages", False),
    ],
)
def test_a_hash_needs_a_digit_so_a_word_of_hex_letters_is_prose(value, machine):
    assert is_machine_value(value) is machine


@pytest.mark.parametrize(
    "language, heading",
    [
        ("ja", "## SPI（Service provider interface）"),
        ("zh", "## SPI（Service provider interface）配置"),
        ("ko", "## SPI(Service provider interface) 설정"),
        ("hi", "## SPI (Service provider interface) विन्यास"),
        ("tr", "## SPI (Service provider interface) yapılandırması"),
        ("es", "## Configuración de SPI (Service provider interface)"),
    ],
)
def test_the_words_an_acronym_stands_for_in_parentheses_are_kept(
    corpus, glossqa, language, heading
):
    corpus(
        {f"{language}/a.md": article("X", f"# X\n\n{heading}\n\n## Service provider interface\n")}
    )
    found = untranslated(glossqa("check", "--isolated", "--format", "json", "."))
    assert [(path, line) for path, line, _ in found] == [(f"{language}/a.md", 8)]


def test_a_gloss_after_a_word_ending_in_a_vowel_sign_is_a_gloss(corpus, glossqa):
    corpus(
        {
            "bn/a.md": article("X", "# X\n\n### ক্লায়েন্ট লাইব্রেরি (Client library)\n"),
            "hi/a.md": article("X", "# X\n\n### क्लाइंट लाइब्रेरी (Client library)\n"),
        }
    )
    assert untranslated(glossqa("check", "--isolated", "--format", "json", ".")) == []


def test_a_romanian_ending_after_a_hyphen_and_a_repository_path_are_kept(corpus, glossqa):
    corpus(
        {
            "ro/a.md": article(
                "X",
                "# X\n\nPagina identifică în front matter commit-ul paginii în limba engleză.\n\n"
                "Trimite schimbări via [pull request-uri mici](#small-prs) mereu.\n\n"
                "Vezi [open-telemetry/otel-arrow](https://github.com/open-telemetry/otel-arrow) "
                "acum.\n\nPagina identifică front matter commit paginii.\n",
            )
        }
    )
    found = untranslated(glossqa("check", "--isolated", "--format", "json", "."))
    assert found == [("ro/a.md", 12, "'front matter commit'")]


def test_a_gloss_may_hold_a_name_no_table_knows(corpus, glossqa):
    corpus({"zh/a.md": article("X", "# X\n\n### 上下文传播（Propagators and Context）\n")})
    assert untranslated(glossqa("check", "--isolated", "--format", "json", ".")) == []


def test_lowercase_english_inside_a_name_is_no_title(corpus, glossqa):
    corpus(
        {
            "ja/a.md": article(
                "X",
                "# X\n\nTarget keep your Allocator を有効にすると作成されます。\n\n"
                "[Humans of OpenTelemetry](/blog/humans/) の第2弾です。\n",
            )
        }
    )
    found = untranslated(glossqa("check", "--isolated", "--format", "json", "."))
    assert found == [("ja/a.md", 6, "'Target keep your'")]
