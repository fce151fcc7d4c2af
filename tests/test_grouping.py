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
    assert groups == {"posts/x.md": ["sv", "zh-CN"]}


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
