from pathlib import Path

import pytest
from conftest import article, write_corpus

from qa import langtags
from qa.group import group_files


@pytest.mark.parametrize(
    "tag, expected",
    [
        ("no", "nb"),
        ("nb", "nb"),
        ("pt-br", "pt-BR"),
        ("pt_BR", "pt-BR"),
        ("zh-cn", "zh-CN"),
        ("zh-Hant", "zh-Hant"),
        ("zh-hant-tw", "zh-Hant-TW"),
        ("es-419", "es-419"),
        ("fil", "fil"),
        ("docs", None),
        ("img", None),
        ("api", None),
        ("en-", None),
        ("xx", None),
    ],
)
def test_language_tags_are_normalized(tag, expected):
    assert langtags.normalize(tag) == expected


def _groups(root: Path, files: dict, layout="auto", monkeypatch=None):
    write_corpus(root, files)
    groups, unplaced = group_files(sorted(root.rglob("*.md")), layout)
    return {group.key: sorted(group.files) for group in groups}, [s.display_path for s in unplaced]


def test_language_folder_at_any_depth(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    groups, unplaced = _groups(
        tmp_path,
        {
            "content/en/docs/x.md": "# X\n",
            "content/pt-br/docs/x.md": "# X\n",
            "content/no/docs/x.md": "# X\n",
            "content/images/docs/y.md": "# Y\n",
        },
    )
    assert groups == {"content/docs/x.md": ["en", "nb", "pt-BR"]}
    assert unplaced == ["content/images/docs/y.md"]


def test_hugo_suffix_layout(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    groups, _ = _groups(
        tmp_path, {"posts/x.md": "# X\n", "posts/x.sv.md": "# X\n", "posts/x.zh-cn.md": "# X\n"}
    )
    assert groups == {"posts/x.md": ["en", "sv", "zh-CN"]}  # Hugo's default language has no suffix


def test_front_matter_language(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    groups, _ = _groups(
        tmp_path,
        {
            "docs/intro.md": article("Intro", "# Intro\n", lang="en"),
            "docs/intro-sv.md": article("Intro", "# Intro\n", lang="sv"),
            "docs/other.md": article("Other", "# Other\n", locale="fi", translationKey="intro"),
        },
    )
    assert groups == {"docs/intro": ["fi"], "docs/intro.md": ["en", "sv"]}


def test_explicit_layout_ignores_other_signals(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    groups, unplaced = _groups(tmp_path, {"sv/x.fi.md": "# X\n"}, layout="directory")
    assert groups == {"x.fi.md": ["sv"]}
    groups, unplaced = _groups(tmp_path, {"sv/x.fi.md": "# X\n"}, layout="suffix")
    assert groups == {"sv/x.md": ["fi"]}


def test_tldr_language_in_a_folder_suffix(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    groups, unplaced = _groups(
        tmp_path,
        {
            "pages/common/tar.md": "# tar\n",
            "pages.de/common/tar.md": "# tar\n",
            "pages.pt_BR/common/tar.md": "# tar\n",
            "pages/common/..md": "# .\n",
            "pages.ko/common/..md": "# .\n",
            "pages/common/only-english.md": "# x\n",
            "pages/common/trunk.io.md": "# trunk.io\n",
            "pages.ko/common/trunk.io.md": "# trunk.io\n",
            "notes/todo.md": "# todo\n",
        },
    )
    assert groups == {
        "pages/common/..md": ["en", "ko"],
        "pages/common/only-english.md": ["en"],  # a source page not yet translated
        "pages/common/tar.md": ["de", "en", "pt-BR"],
        "pages/common/trunk.io.md": ["en", "ko"],
    }
    assert unplaced == ["notes/todo.md"]


def test_hexo_source_at_the_root_translations_in_language_folders(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    groups, _ = _groups(tmp_path, {"source/docs/x.md": "# X\n", "source/ja/docs/x.md": "# X\n"})
    assert groups == {"source/docs/x.md": ["en", "ja"]}


def test_docusaurus_i18n_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    groups, _ = _groups(
        tmp_path,
        {
            "docs/intro.md": "# Intro\n",
            "i18n/fr/docusaurus-plugin-content-docs/current/intro.md": "# Intro\n",
            "blog/2024-01-01-hello.md": "# Hello\n",
            "i18n/fr/docusaurus-plugin-content-blog/2024-01-01-hello.md": "# Bonjour\n",
        },
    )
    assert groups == {"blog/2024-01-01-hello.md": ["en", "fr"], "docs/intro.md": ["en", "fr"]}


def test_region_tagged_english_source_is_the_reference(corpus, glossqa):
    corpus(
        {
            "components/button/index.en-US.md": article("Button", "# Button\n\n## When\n"),
            "components/button/index.zh-CN.md": article("按钮", "# 按钮\n\n### 何时\n"),
        }
    )
    run = glossqa("check", "--isolated", "--select", "heading-structure", ".")
    assert [line.split(":")[0] for line in run.lines] == ["components/button/index.zh-CN.md"]


def test_a_run_that_finds_no_translations_says_why(corpus, glossqa):
    corpus({"notes/a.md": "# A\n", "notes/b.md": "# B\n"})
    run = glossqa("check", "--isolated", ".")
    assert run.code == 0 and run.out == ""
    assert run.err.splitlines()[0] == (
        "glossqa: found 2 Markdown files but no translations among them: the language of none could"
        " be told (tried a language folder (sv/x.md, pages.de/x.md, i18n/fr/...), a language suffix"
        " (x.sv.md, index.zh-CN.md), a source beside its translations, front matter (lang:));"
        " first: notes/a.md"
    )


def test_source_option_naming_a_missing_language_says_so(corpus, glossqa):
    corpus({"sv/a.md": article("A", "# A\n"), "fi/a.md": article("A", "# A\n")})
    run = glossqa("check", "--isolated", "--source", "de", ".")
    assert run.err.splitlines()[0] == (
        "glossqa: --source de: 1 of 1 articles has no de file (deleted or moved?), so their"
        " translations were not compared with a source; first: fi/a.md"
    )


def test_a_translation_whose_source_was_deleted_is_not_judged_by_consensus(corpus, glossqa):
    corpus(
        {
            "en/kept.md": article("Kept", "# Kept\n"),
            "sv/kept.md": article("Behållen", "# Behållen\n"),
            "sv/gone.md": article("Borta", "# Borta\n\n## A\n"),
            "fi/gone.md": article("Poissa", "# Poissa\n\n### A\n"),
        }
    )
    run = glossqa("check", "--isolated", "--select", "heading-structure", ".")
    assert run.out == ""
    assert "1 of 2 articles has no en file" in run.err
