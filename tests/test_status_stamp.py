"""`glossqa status` and `glossqa stamp` on git repositories built in the test."""

from __future__ import annotations

import pytest
from test_outdated import SOURCE, TRANSLATION, Repo

from qa.stamp import with_commit


@pytest.fixture
def site(tmp_path):
    repo = Repo(tmp_path / "site")
    base = repo.commit(
        "first",
        en__a_md=SOURCE,
        en__b_md=SOURCE.replace("Install", "Build"),
        en__c_md="# C\n\nOnly English.\n",
        sv__a_md=TRANSLATION.format(key=""),
        sv__b_md=TRANSLATION.format(key=""),
        fi__a_md=TRANSLATION.format(key=""),
        sv__old_md="# Gammal\n\nText.\n",
    )
    repo.edit(
        "sv/a.md", "title: Installera\n", f"title: Installera\ndefault_lang_commit: {base}\n", "rec"
    )
    repo.edit("en/a.md", "- Unpack it\n", "- Unpack it\n- Verify it\n", "Verify")
    repo.edit("en/a.md", "Run it every day.", "Run it every hour.", "Hourly")
    return repo


def test_status_per_language_and_per_file(glossqa, site):
    run = glossqa("status", "--format", "json", "--files", cwd=site.root)
    assert run.code == 0
    assert run.json["languages"] == {
        "fi": {
            "up-to-date": 0,
            "outdated": 1,
            "missing": 2,
            "orphaned": 0,
            "unknown": 0,
            "outdated-sections": 2,
        },
        "sv": {
            "up-to-date": 1,
            "outdated": 1,
            "missing": 1,
            "orphaned": 1,
            "unknown": 0,
            "outdated-sections": 2,
        },
    }
    files = {(f["path"], f["state"], f["sections"]) for f in run.json["files"]}
    assert ("sv/a.md", "outdated", 2) in files
    assert ("sv/b.md", "up-to-date", 0) in files
    assert ("sv/c.md", "missing", 0) in files
    assert ("sv/old.md", "orphaned", 0) in files
    assert ("fi/b.md", "missing", 0) in files


def test_status_text_and_markdown(glossqa, site):
    text = glossqa("status", cwd=site.root)
    assert text.code == 0
    assert text.lines[1].split() == ["fi", "0", "1", "(2", "sections)", "2", "0", "0"]
    markdown = glossqa("status", "--format", "markdown", "--files", cwd=site.root)
    assert "| sv | 1 | 1 (2 sections) | 1 | 1 | 0 |" in markdown.lines
    assert any(line.startswith("| `sv/a.md` | sv | outdated | 2 |") for line in markdown.lines)


def test_stamp_records_the_source_commit_and_nothing_else(glossqa, site):
    before = (site.root / "sv/a.md").read_bytes()
    head = site.git("rev-parse", "HEAD").strip()
    run = glossqa("stamp", "sv/a.md", "sv/b.md", cwd=site.root)
    assert run.code == 0, run.out
    after = (site.root / "sv/a.md").read_bytes()
    assert after.replace(head.encode(), b"X") == before.replace(
        before.split(b"default_lang_commit: ")[1][:40], b"X"
    )
    b = (site.root / "sv/b.md").read_text()
    assert b.startswith("---\ntitle: Installera\nsource-commit: ")
    status = glossqa("status", "--format", "json", "--files", cwd=site.root).json
    assert {f["path"]: f["state"] for f in status["files"]}["sv/a.md"] == "up-to-date"


def test_stamp_refuses_uncommitted_source(glossqa, site):
    (site.root / "en/a.md").write_text(SOURCE + "\nMore.\n")
    run = glossqa("stamp", "sv/a.md", cwd=site.root)
    assert run.code == 1 and "uncommitted" in run.out


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "---\r\ntitle: X\r\n---\r\nBody\r\n",
            "---\r\ntitle: X\r\nsource-commit: abc\r\n---\r\nBody\r\n",
        ),
        (
            "---\ndefault_lang_commit: 1234567 # patched\n---\n",
            "---\ndefault_lang_commit: abc # patched\n---\n",
        ),
        ("\ufeffBody\n", "\ufeff---\nsource-commit: abc\n---\nBody\n"),
        (
            "---\nl10n:\n  sourceCommit: 'ffff'\ntitle: x\n---\n",
            "---\nl10n:\n  sourceCommit: 'abc'\ntitle: x\n---\n",
        ),
        (
            "---\ntitle: x\n---\n```yaml\ndefault_lang_commit: 1234567\n```\n",
            "---\ntitle: x\nsource-commit: abc\n---\n```yaml\ndefault_lang_commit: 1234567\n```\n",
        ),
    ],
    ids=["crlf", "comment-kept", "no-front-matter", "nested", "fenced-key-untouched"],
)
def test_with_commit_changes_only_the_hash(text, expected):
    assert (
        with_commit(text, "abc", ["default_lang_commit", "l10n.sourceCommit"], "source-commit")
        == expected
    )


def test_the_html_report_carries_each_translation_status(glossqa, site):
    import base64
    import gzip
    import json
    import re

    run = glossqa("check", "--format", "html", cwd=site.root)
    blob = re.search(r'id="glossqa-index">([^<]+)</script>', run.out)
    assert blob, run.err
    index = json.loads(gzip.decompress(base64.b64decode(blob[1])))
    statuses = {row[0]: row[5] for row in index["files"]}
    assert statuses["sv/a.md"] == "outdated"
    assert statuses["sv/b.md"] == "up to date"
    assert statuses["sv/old.md"] == "orphaned"
    assert statuses["en/a.md"] is None
