import pytest
from conftest import article

GOOD = article("Guide", "# Guide\n\nText.\n")


@pytest.mark.parametrize(
    "content, line, reason",
    [
        (b"", 1, "file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", 1, "file is binary"),
        (b"# Title\n\nok\n\xff\xfe broken\n", 4, "invalid UTF-8"),
        (b"---\ntitle: [unclosed\n---\n# T\n", 3, "malformed front matter"),
        (b"---\ntitle: x\n# never closed\n", 1, "front matter opened at line 1 is never closed"),
        (b"+++\ntitle = 'x'\n+++\n# T\n", 1, "TOML front matter (+++) is not supported"),
    ],
)
def test_bad_file_gets_a_parse_error_and_the_run_goes_on(corpus, glossqa, content, line, reason):
    root = corpus(
        {
            "en/guide.md": GOOD,
            "sv/guide.md": content,
            "fi/guide.md": article("Opas", "# Opas\n\nTeksti.\n", lang="sv"),
        }
    )
    before = {p: p.read_bytes() for p in root.rglob("*.md")}
    run = glossqa("check", "--isolated", "--format", "json", ".")
    errors = [d for d in run.json if d["rule"] == "parse-error"]
    assert [(d["path"], d["line"]) for d in errors] == [("sv/guide.md", line)]
    assert reason in errors[0]["message"]
    assert any(d["path"] == "fi/guide.md" and d["rule"] == "declared-language" for d in run.json)
    assert "Traceback" not in run.err and run.code == 1
    assert {p: p.read_bytes() for p in root.rglob("*.md")} == before


def test_unreadable_file(corpus, glossqa):
    root = corpus({"en/guide.md": GOOD})
    (root / "sv").mkdir()
    (root / "sv/guide.md").symlink_to(root / "nowhere.md")
    run = glossqa("check", "--isolated", ".")
    assert run.lines == [
        "sv/guide.md:1:1: error parse-error cannot read file: No such file or directory"
    ]


def test_crlf_and_bom_keep_line_numbers(corpus, glossqa):
    corpus(
        {
            "en/a.md": article("A", "# A\n\nSee [x](/x).\n"),
            "sv/a.md": "\ufeff---\r\ntitle: B\r\n---\r\n# B\r\n\r\nSe [x](/y).\r\n".encode(),
        }
    )
    run = glossqa("check", "--isolated", ".")
    assert run.lines == [
        "sv/a.md:6:4: error link-targets this link leads to '/y', the source's to '/x': change the target to '/x' (reference: en/a.md:6)"
    ]
