"""Recall of the English-phrase detector (qa/langid.py english_phrases) on the defects the quality
benchmark injects, each next to the kept English it must stay quiet about, in Korean, Chinese,
Japanese and a Latin-script language (Portuguese, Spanish)."""

from conftest import article


def untranslated(run) -> list[tuple[str, int, str]]:
    return [(d["path"], d["line"], d["message"]) for d in run.json if d["rule"] == "untranslated"]


def test_two_lowercase_english_words_in_a_korean_sentence_are_found_but_a_capitalised_name_is_not(
    corpus, glossqa
):
    # "language" is common in Korean text (English asides), so it is no clear English word there:
    # beside a clear one ("subtle") it still makes the pair prose
    corpus(
        {
            "ko/a.md": article(
                "X",
                "# X\n\n파일 subtle language 생성, 업데이트 또는 삭제 시 명령을 실행합니다.\n\n"
                "Metrics Server 를 먼저 설치하고 Spring Boot 애플리케이션을 실행합니다.\n",
            ),
        }
    )
    assert untranslated(glossqa("check", "--isolated", "--format", "json", ".")) == [
        (
            "ko/a.md",
            6,
            "'subtle language' is left in English in this paragraph: 'subtle' is a common "
            "English word and rare in Korean",
        )
    ]


def test_in_a_latin_script_language_two_words_still_need_a_clear_everyday_english_word(
    corpus, glossqa
):
    # French shares "server" with English often enough: "span server" stays a kept term
    corpus(
        {
            "fr/a.md": article(
                "X",
                "# X\n\nUn span server représente un appel distant entrant synchrone.\n\n"
                "Le vendeur peut adopter the potential buyer sans insister.\n",
            ),
        }
    )
    assert untranslated(glossqa("check", "--isolated", "--format", "json", ".")) == [
        (
            "fr/a.md",
            8,
            "'the potential buyer' is left in English in this paragraph: 'the', 'potential', "
            "'buyer' are common English words and rare in French",
        )
    ]


def test_a_clear_english_function_word_beside_a_word_both_languages_share_is_a_phrase(
    corpus, glossqa
):
    corpus(
        {
            "pt/a.md": article(
                "X",
                "# X\n\nOs your software eventos do projeto são abertos ao público.\n\n"
                "O software livre é mantido por voluntários.\n\n"
                "Os dados de the seller são guardados aqui.\n",
            ),
        }
    )
    assert untranslated(glossqa("check", "--isolated", "--format", "json", ".")) == [
        (
            "pt/a.md",
            6,
            "'your software' is left in English in this paragraph: 'your' is a common English "
            "word and rare in Portuguese",
        ),
        (
            "pt/a.md",
            10,
            "'the seller' is left in English in this paragraph: 'the' is a common English "
            "word and rare in Portuguese",
        ),
    ]


def test_english_before_parentheses_is_a_glossed_title_only_when_a_translation_follows(
    corpus, glossqa
):
    corpus(
        {
            "ko/a.md": article(
                "X",
                "# X\n\n- 현재 호스트의 숫자 식별자를 출력 a soft sell (IP 주소일 필요는 없음).\n",
            ),
            "es/a.md": article(
                "X",
                "# X\n\nfnm tiene soporte date and choose strong (macOS, Windows, Linux) y más.\n\n"
                "Vimos la charla Beyond the Dashboard (más allá del panel) ayer.\n",
            ),
            "ja/a.md": article(
                "X",
                "# X\n\nbill of materials（ソフトウェア部品表）は依存関係のバージョンを揃えます。\n\n"
                "- The Art and Craft of No-touch Instrumentation（ノータッチ計装の技法）\n",
            ),
        }
    )
    assert untranslated(glossqa("check", "--isolated", "--format", "json", ".")) == [
        (
            "es/a.md",
            6,
            "'date and choose strong' is left in English in this paragraph: 'and', 'choose', "
            "'strong' are common English words and rare in Spanish",
        ),
        (
            "ko/a.md",
            6,
            "'a soft sell' is left in English in this list item: 'a', 'soft', 'sell' are common "
            "English words and rare in Korean",
        ),
    ]


def test_an_english_phrase_between_chinese_characters_is_found_and_a_gloss_is_not(corpus, glossqa):
    corpus(
        {
            "zh/a.md": article(
                "X",
                "# X\n\n提交拉取请求（pull request）之前，请先阅读贡献指南。\n\n"
                "这个工具会the needs of the buyer检查每个文件的状态。\n",
            ),
        }
    )
    assert untranslated(glossqa("check", "--isolated", "--format", "json", ".")) == [
        (
            "zh/a.md",
            8,
            "'the needs of the buyer' is left in English in this paragraph: 'the', 'needs', "
            "'of', 'the' and 1 more are common English words and rare in Chinese",
        )
    ]


def test_a_clause_before_a_native_parenthesis_is_no_glossed_term(corpus, glossqa):
    corpus(
        {
            "de/a.md": article(
                "X",
                "# X\n\n- Speichere alle Datensätze some sales experts (in einer separaten Datei):\n",
            ),
            "tr/a.md": article(
                "X",
                "# X\n\n- Çalıştığınız mimari always keep your software updated (32bit veya 64bit)\n",
            ),
        }
    )
    assert untranslated(glossqa("check", "--isolated", "--format", "json", ".")) == [
        (
            "de/a.md",
            6,
            "'some sales experts' is left in English in this list item: 'some', 'experts' are "
            "common English words and rare in German",
        ),
        (
            "tr/a.md",
            6,
            "'always keep your software updated' is left in English in this list item: 'always', "
            "'keep', 'your', 'updated' are common English words and rare in Turkish",
        ),
    ]


def test_a_dotted_name_glued_to_japanese_text_hides_no_english_after_it(corpus, glossqa):
    # "Node.jsコンポーネントを利" is the name "Node.js" and then Japanese, not one identifier
    corpus(
        {
            "ja/a.md": article(
                "X",
                "# X\n\n公式にサポートされているNode.jsコンポーネントを利soft selling用しています。\n",
            ),
        }
    )
    assert untranslated(glossqa("check", "--isolated", "--format", "json", ".")) == [
        (
            "ja/a.md",
            6,
            "'soft selling' is left in English in this paragraph: 'soft', 'selling' are common "
            "English words and rare in Japanese",
        )
    ]
