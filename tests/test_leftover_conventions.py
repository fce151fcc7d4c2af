"""How localization teams really keep English: glosses, names, identifiers, site conventions, and
one diagnostic per English sentence or untranslated file. Each convention in Korean, Chinese,
Japanese, Hindi, Turkish and a Latin-script language (Spanish)."""

import pytest
from conftest import article

ENGLISH_SENTENCE = "The seller may use a more conversational approach to let the customer relax."


def untranslated(run) -> list[tuple[str, int, str]]:
    return [(d["path"], d["line"], d["message"]) for d in run.json if d["rule"] == "untranslated"]


GLOSSES = {
    "ko": (
        "모놀리식 애플리케이션(monolithic application)은 하나의 단위로 배포됩니다.",
        "이 문서는 monolithic application 구조를 설명합니다.",
    ),
    "zh": (
        "提交拉取请求（pull request）之前，请先阅读贡献指南。",
        "提交之前请先创建一个 pull request 并等待审核。",
    ),
    "ja": (
        "継続的デリバリー（continuous delivery）を使うと、変更をすぐに届けられます。",
        "この章では continuous delivery の流れを説明します。",
    ),
    "hi": (
        "प्रक्रिया समय (process time) को कम करना हमारा लक्ष्य है।",
        "हम अपनी टीम में process time को मापते हैं और सुधारते हैं।",
    ),
    "tr": (
        "Sürekli teslimat (continuous delivery) ile değişiklikler hızla yayınlanır.",
        "Bu bölüm continuous delivery sürecini ayrıntılı olarak anlatır.",
    ),
    "es": (
        "Una solicitud de cambios (pull request) se revisa antes de integrarla.",
        "Abra un pull request en el repositorio cuando termine.",
    ),
}


@pytest.mark.parametrize("language", sorted(GLOSSES))
def test_an_english_gloss_in_parentheses_is_quiet_and_the_same_english_in_running_text_is_not(
    corpus, glossqa, language
):
    gloss, running = GLOSSES[language]
    corpus({f"{language}/a.md": article("X", f"# X\n\n{gloss}\n\n{running}\n")})
    found = untranslated(glossqa("check", "--isolated", "--format", "json", "."))
    phrase = next(p for p in ENGLISH_TERMS if p in running)
    assert [(line, message.split(" is left")[0]) for _, line, message in found] == [
        (8, repr(phrase))
    ]


ENGLISH_TERMS = ("monolithic application", "pull request", "continuous delivery", "process time")


def test_glosses_false_reports_glosses_too(corpus, glossqa):
    corpus(
        {
            "rules.yaml": "rules:\n  untranslated:\n    glosses: false\n",
            "ko/a.md": article("X", "# X\n\n" + GLOSSES["ko"][0] + "\n"),
        }
    )
    found = untranslated(glossqa("check", "--format", "json", "."))
    assert [message.split(" is left")[0] for _, _, message in found] == ["'monolithic application'"]


NAMES = {
    "ko": '우리는 Apache Kafka Streams 를 사용합니다. 설정에서 "Save Changes" 버튼을 누르세요. grpc-health-probe는 상태를 확인합니다.',
    "zh": "我们使用 Apache Kafka Streams 处理数据。在设置中点击「Save Changes」按钮。grpc-health-probe 会检查状态。",
    "ja": "私たちは Apache Kafka Streams を使います。設定で「Save Changes」ボタンを押します。grpc-health-probeは状態を確認します。",
    "hi": 'हम Apache Kafka Streams का उपयोग करते हैं। सेटिंग में "Save Changes" बटन दबाएँ। grpc-health-probe स्थिति की जाँच करता है।',
    "tr": 'Verileri Apache Kafka Streams ile işliyoruz. Ayarlarda "Save Changes" düğmesine basın. Kubernetes\'in health-check aracı durumu denetler.',
    "es": "Procesamos los datos con Apache Kafka Streams cada día. Pulse el botón «Save Changes» en los ajustes. La herramienta grpc-health-probe comprueba el estado.",
}


@pytest.mark.parametrize("language", sorted(NAMES))
def test_names_quoted_labels_and_identifiers_with_a_suffix_are_quiet(corpus, glossqa, language):
    corpus({f"{language}/a.md": article("X", f"# X\n\n{NAMES[language]}\n")})
    assert untranslated(glossqa("check", "--isolated", "--format", "json", ".")) == []


def test_a_heading_naming_the_pages_command_is_quiet_but_an_english_heading_is_not(corpus, glossqa):
    corpus(
        {
            "ko/docker-compose-stop.md": "# docker compose stop\n\n> 실행 중인 컨테이너를 중지합니다.\n",
            "tr/docker-compose-stop.md": "# docker compose stop\n\n> Çalışan kapsayıcıları durdurur.\n",
            "es/b.md": "# Understanding the soft selling approach\n\n> Detiene los contenedores en ejecución.\n",
            "fr/nix-build.3.md": "# nix build\n\n> Construit une expression Nix.\n",
            "en/git-delete-squashed-branches.md": "# git delete-squashed-branches\n\n> Delete branches.\n",
            "ko/git-delete-squashed-branches.md": "# git delete-squashed-branches\n\n> 브랜치를 삭제합니다.\n",
        }
    )
    found = untranslated(glossqa("check", "--isolated", "--format", "json", "."))
    assert [(path, line) for path, line, _ in found] == [("es/b.md", 1)]


SENTENCES = {
    "ko": "이 방법은 부드럽고 친절합니다.",
    "zh": "这种方法既微妙又友好。",
    "ja": "この方法は穏やかで親切です。",
    "hi": "यह तरीका सूक्ष्म और मैत्रीपूर्ण है।",
    "tr": "Bu yöntem ince ve dostça bir yaklaşımdır.",
    "es": "Este método es sutil y amable con el comprador.",
}


@pytest.mark.parametrize("language", sorted(SENTENCES))
def test_an_english_sentence_in_a_wrapped_paragraph_is_one_diagnostic_at_its_line(
    corpus, glossqa, language
):
    native = SENTENCES[language]
    paragraph = f"{native}\n{native} {ENGLISH_SENTENCE}\n{native}\n"
    corpus({f"{language}/a.md": article("X", f"# X\n\n{paragraph}")})
    found = untranslated(glossqa("check", "--isolated", "--format", "json", "."))
    assert len(found) == 1 and found[0][1] == 7, found
    assert "this sentence of the paragraph is left in English: 'The seller may use" in found[0][2]


def test_an_english_phrase_between_cjk_characters_is_found(corpus, glossqa):
    corpus(
        {
            "zh/a.md": article("X", "# X\n\n软销售是一种the soft selling approach的广告方法。\n"),
            "ja/a.md": article("X", "# X\n\nこの方法はthe gentle technique と呼ばれています。\n"),
        }
    )
    found = untranslated(glossqa("check", "--isolated", "--format", "json", "."))
    assert [(path, message.split(" is left")[0]) for path, _, message in found] == [
        ("ja/a.md", "'the gentle technique'"),
        ("zh/a.md", "'the soft selling approach'"),
    ]


def test_a_listed_term_inside_an_english_sentence_is_reported_with_the_sentence(corpus, glossqa):
    corpus(
        {
            "rules.yaml": "rules:\n  untranslated:\n    terms: [soft sell]\n",
            "tr/a.md": article(
                "X",
                "# X\n\nBu yöntem ince ve dostça. A soft sell is designed to avoid irritating "
                "potential customers.\n\nBu bir soft sell yöntemidir.\n",
            ),
        }
    )
    found = untranslated(glossqa("check", "--format", "json", "."))
    assert [(line, message.split(":")[0]) for _, line, message in found] == [
        (6, "this sentence of the paragraph is left in English"),
        (8, "'soft sell' is left in English in this paragraph"),
    ]
    assert "'soft sell'" in found[0][2]


def test_an_untranslated_file_is_one_diagnostic_counting_what_it_folds_in(corpus, glossqa):
    english = "".join(
        f"This paragraph number {n} explains how the seller may approach the customer.\n\n"
        for n in range(5)
    )
    corpus(
        {
            "ko/a.md": article(
                "The soft selling approach explained",
                "# X\n\n" + english + "이 방법은 부드럽고 the buyer 친절합니다.\n",
            )
        }
    )
    run = glossqa("check", "--isolated", "--format", "json", ".")
    assert [d["rule"] for d in run.json if d["rule"] in ("untranslated", "declared-language")] == [
        "untranslated"
    ]
    ((_, line, message),) = untranslated(run)
    assert line == 2
    assert message == (
        "this file looks untranslated: 6 of its 7 paragraphs, headings and other text blocks "
        "read as English; 1 more English phrases in it are not listed one by one"
    )


def test_hashes_dates_and_paths_in_front_matter_are_not_prose(corpus, glossqa):
    corpus(
        {
            "ja/a.md": article(
                "概要",
                "# 概要\n\nこの文書は概要です。\n",
                default_lang_commit="4c6c2b4aea0ad5e1a0bd4a57ee08c86d5cf1a2b3",
                date="2024-05-01",
                aliases="/docs/a/b-c/",
            )
        }
    )
    assert untranslated(glossqa("check", "--isolated", "--format", "json", ".")) == []


def test_another_language_is_declared_language_naming_it_not_english(corpus, glossqa):
    spanish = (
        "La venta suave es un enfoque de la publicidad y las ventas que utiliza un lenguaje sutil "
        "y una técnica que no es agresiva. Está pensada para no molestar a los clientes y para que "
        "el comprador se sienta cómodo con la decisión de comprar algo.\n"
    )
    corpus({"ru/a.md": article("Продажа", "# Продажа\n\n" + spanish + "\n" + spanish)})
    run = glossqa("check", "--isolated", "--format", "json", ".")
    assert untranslated(run) == []
    (message,) = [d["message"] for d in run.json if d["rule"] == "declared-language"]
    assert message.startswith("the prose reads as Spanish (es), but the file is declared Russian")
    assert "Zipf" not in message and "better than" not in message


CONVENTION = {
    "ko": "이 기능은 {} 를 통해 동작합니다.",
    "zh": "这个功能通过 {} 运行。",
    "ja": "この機能は {} を通じて動作します。",
    "hi": "यह सुविधा {} के माध्यम से काम करती है।",
    "tr": "Bu özellik {} üzerinden çalışır ve herkes kullanır.",
    "es": "Esta función trabaja mediante el {} de la plataforma.",
}


@pytest.mark.parametrize("language", sorted(CONVENTION))
def test_a_term_a_language_keeps_in_many_files_is_one_info_with_a_keep_line(
    corpus, glossqa, language
):
    sentence = CONVENTION[language].format("service mesh")
    corpus({f"{language}/page{n}.md": article("X", f"# X\n\n{sentence}\n") for n in range(3)})
    found = [d for d in glossqa("check", "--isolated", "--format", "json", ".").json]
    assert [(d["path"], d["severity"]) for d in found if d["rule"] == "untranslated"] == [
        (f"{language}/page0.md", "info")
    ]
    message = found[0]["message"]
    assert "'service mesh' is kept in English in 3 " in message
    assert f'keep: {{{language}: ["service mesh"]}}' in message


def test_conventions_false_reports_every_occurrence(corpus, glossqa):
    sentence = CONVENTION["es"].format("service mesh")
    files = {f"es/page{n}.md": article("X", f"# X\n\n{sentence}\n") for n in range(3)}
    files["rules.yaml"] = "rules:\n  untranslated:\n    conventions: false\n"
    corpus(files)
    found = [d for d in glossqa("check", "--format", "json", ".").json]
    assert [d["severity"] for d in found if d["rule"] == "untranslated"] == ["warning"] * 3


def test_a_link_to_the_terms_own_page_keeps_it(corpus, glossqa):
    corpus(
        {
            "ko/a.md": article(
                "X",
                "# X\n\n[service mesh](/docs/concepts/service-mesh/)를 사용하면 트래픽을 제어할 수 "
                "있습니다.\n\n이 문서는 service mesh 를 설명합니다.\n",
            )
        }
    )
    found = untranslated(glossqa("check", "--isolated", "--format", "json", "."))
    assert [line for _, line, _ in found] == [8]


def test_name_share_never_silences_lowercase_prose_but_does_silence_a_shared_name(corpus, glossqa):
    corpus(
        {
            f"{language}/a.md": article("X", f"# X\n\n{text}\n")
            for language, text in {
                "es": "Usamos Tor Browser para navegar y the buyer decide cuándo comprar.",
                "pt": "Usamos Tor Browser para navegar e the buyer decide quando comprar.",
                "fr": "Nous utilisons Tor Browser pour naviguer et the buyer décide quand acheter.",
            }.items()
        }
    )
    found = untranslated(glossqa("check", "--isolated", "--format", "json", "."))
    assert [(path, message.split(" is left")[0]) for path, _, message in found] == [
        ("es/a.md", "'the buyer'"),
        ("fr/a.md", "'the buyer'"),
        ("pt/a.md", "'the buyer'"),
    ]


def test_one_file_or_two_uses_are_no_convention_yet(corpus, glossqa):
    sentence = CONVENTION["tr"].format("service mesh")
    corpus(
        {
            "tr/page0.md": article("X", f"# X\n\n{sentence}\n\n{sentence}\n\n{sentence}\n"),
            "hi/page0.md": article("X", "# X\n\n" + CONVENTION["hi"].format("service mesh") + "\n"),
            "hi/page1.md": article("X", "# X\n\n" + CONVENTION["hi"].format("service mesh") + "\n"),
        }
    )
    found = glossqa("check", "--isolated", "--format", "json", ".").json
    assert [d["severity"] for d in found if d["rule"] == "untranslated"] == ["warning"] * 5


@pytest.mark.parametrize(
    "heading",
    [
        "## CentOS, Fedora dan Red Hat Enterprise Linux",  # Indonesian, Latin script
        "## CentOS, Fedora 및 Red Hat Enterprise Linux",  # Korean
    ],
)
def test_a_block_of_names_joined_by_native_words_is_not_english(corpus, glossqa, heading):
    language = "ko" if "및" in heading else "id"
    corpus({f"{language}/a.md": article("X", f"# X\n\n{heading}\n\nTeks.\n")})
    assert untranslated(glossqa("check", "--isolated", "--format", "json", ".")) == []


@pytest.mark.parametrize(
    "language, text, reported",
    [
        ("tr", "Değişiklikleri göndermek için bir pull request'i açın.", False),
        ("ko", "변경 사항을 보내려면 pull request를 엽니다.", False),
        ("uk", "Коментарі до issue та pull request'ів тут.", False),
        (
            "zh",
            "要提交更改，请打开pull request页面。",
            True,
        ),  # no spaces in Chinese: nothing is attached
    ],
)
def test_a_term_with_a_native_suffix_is_a_word_of_the_translation(
    corpus, glossqa, language, text, reported
):
    corpus({f"{language}/a.md": article("X", f"# X\n\n{text}\n")})
    found = untranslated(glossqa("check", "--isolated", "--format", "json", "."))
    assert bool(found) == reported, found


def test_one_english_cell_in_a_translated_row_is_one_diagnostic(corpus, glossqa):
    corpus(
        {
            "es/a.md": article(
                "X",
                "# X\n\n| Tipo | Unidad | Descripción |\n|---|---|---|\n"
                "| Histograma | segundos | Duration of the service calls from the server side |\n"
                "| Histograma | bytes | Tamaño del cuerpo de la respuesta en el servidor |\n",
            )
        }
    )
    found = untranslated(glossqa("check", "--isolated", "--format", "json", "."))
    assert [(line, message.split(":")[0]) for _, line, message in found] == [
        (8, "this table cell is left in English")
    ]


def test_english_inside_parentheses_with_native_words_is_no_gloss(corpus, glossqa):
    corpus(
        {
            "pt/a.md": article(
                "X",
                "# X\n\nUm conector de log (ou decision to buy ponte de log) capaz de emitir "
                "logs.\n\nA entrega contínua (continuous delivery - CD) publica mudanças.\n",
            )
        }
    )
    found = untranslated(glossqa("check", "--isolated", "--format", "json", "."))
    assert [(line, message.split(" is left")[0]) for _, line, message in found] == [
        (6, "'decision to buy'")
    ]


def test_a_bold_ui_label_and_a_template_call_are_not_leftovers(corpus, glossqa):
    corpus(
        {
            "zh/a.md": article(
                "X",
                "# X\n\n6. 选择 **Create pull request** 按钮。\n\n{{ if $no_default_lang_page }}\n\n"
                "7. 然后 create pull request 按钮。\n",
            )
        }
    )
    found = untranslated(glossqa("check", "--isolated", "--format", "json", "."))
    assert [line for _, line, _ in found] == [10]


def test_a_quoted_label_a_series_name_and_a_term_glossed_after_it_are_quiet(corpus, glossqa):
    corpus(
        {
            "zh/a.md": article(
                "X", "# X\n\n请打开 “Runtime, build, connections and security settings” 菜单。\n"
            ),
            "ja/a.md": article(
                "X",
                "# X\n\n- OTel in Practice セッションに参加する\n\n"
                "bill of materials（ソフトウェア部品表）は依存関係のバージョンを揃えます。\n",
            ),
            "fr/a.md": article(
                "X", "# X\n\nExécutez le script sans l'agent the buyer d'instrumentation.\n"
            ),
        }
    )
    found = untranslated(glossqa("check", "--isolated", "--format", "json", "."))
    assert [(path, message.split(" is left")[0]) for path, _, message in found] == [
        ("fr/a.md", "'the buyer'")
    ]
