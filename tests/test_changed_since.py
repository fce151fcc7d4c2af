"""--changed-since REF: only diagnostics on lines changed since REF (plus whole-file ones and those
pointing at a changed reference line); the rest are counted, not shown."""

from __future__ import annotations

import subprocess

import pytest
from conftest import article

FILES = {
    "rules.yaml": "rules:\n  declared-language: false\n  untranslated: false\n",
    "en/a.md": article("A", "# A\n\nSee [x](/x).\n\n## B\n\nSee [y](/y).\n"),
    "sv/a.md": article("A sv", "# A\n\nSe [x](/wrong).\n\n## B\n\nSe [y](/y).\n"),
}


def git(root, *arguments: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@t", *arguments],
        cwd=root,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


@pytest.fixture
def repository(corpus, tmp_path):
    corpus(FILES)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "start")
    return tmp_path


def locations(run) -> list[str]:
    return [f"{item['path']}:{item['line']} {item['rule']}" for item in run.json]


def test_only_changed_lines_are_reported_and_the_rest_counted(repository, glossqa):
    everything = glossqa("check", "--format", "json", "--no-cache", ".")
    assert locations(everything) == ["sv/a.md:6 link-targets"]
    text = (repository / "sv/a.md").read_text(encoding="utf-8")
    (repository / "sv/a.md").write_text(text.replace("/y)", "/z)"), encoding="utf-8")
    run = glossqa("check", "--format", "json", "--no-cache", "--changed-since", "HEAD", ".")
    assert locations(run) == ["sv/a.md:10 link-targets"]  # the edit, not the old finding
    assert "glossqa: 1 more on lines not changed since HEAD" in run.err
    summary = glossqa("check", "--format", "markdown", "--no-cache", "--changed-since", "HEAD", ".")
    assert "**1 more finding** on unchanged lines not shown" in summary.out


def test_a_changed_reference_line_brings_its_translations_findings(repository, glossqa):
    text = (repository / "en/a.md").read_text(encoding="utf-8")
    (repository / "en/a.md").write_text(text.replace("/y)", "/new)"), encoding="utf-8")
    git(repository, "commit", "-qam", "source changed")
    run = glossqa("check", "--format", "json", "--no-cache", "--changed-since", "HEAD~1", ".")
    assert locations(run) == ["sv/a.md:10 link-targets"]  # its reference line changed


def test_untracked_files_count_as_changed(repository, glossqa):
    (repository / "fi").mkdir()
    (repository / "fi/a.md").write_text(
        article("A fi", "# A\n\nKatso [x](/elsewhere).\n\n## B\n\nKatso [y](/y).\n"),
        encoding="utf-8",
    )
    run = glossqa("check", "--format", "json", "--no-cache", "--changed-since", "HEAD", ".")
    assert locations(run) == ["fi/a.md:6 link-targets"]


def test_unknown_revision_is_a_usage_error(repository, glossqa):
    run = glossqa("check", "--changed-since", "no-such-ref", ".")
    assert run.code == 2
    assert run.err.startswith("glossqa: --changed-since: ")
    assert "Traceback" not in run.err


def test_the_html_report_carries_what_was_left_out(repository, glossqa):
    from test_report_html import page_index

    text = (repository / "sv/a.md").read_text(encoding="utf-8")
    (repository / "sv/a.md").write_text(text.replace("/y)", "/z)"), encoding="utf-8")
    run = glossqa("check", "--format", "html", "--no-cache", "--changed-since", "HEAD", ".")
    index = page_index(run.out)
    assert (index["changedSince"], index["unchanged"]) == ("HEAD", 1)
    assert [row[1] for row in index["diagnostics"]] == [10]
