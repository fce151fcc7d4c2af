"""The HTML report: one self-contained, deterministic file, checked in a real headless Chromium.

The browser tests skip only when no Chromium is installed and CI is not set; in CI they run.
"""

from __future__ import annotations

import base64
import gzip
import json
import os
import re
import subprocess

import pytest
from conftest import article
from headless import Browser, find_chromium

from qa.gitinfo import detect_repository, web_url

SCRIPT_HEADING = "<script>window.pwned = 1</script> & <b>bold</b>"
FILES = {
    "rules.yaml": "rules:\n  declared-language: false\n  untranslated: false\n",
    "en/guide.md": article(
        "Guide",
        f"""
        # Guide

        See [setup](/setup).

        ## Install

        Run it.

        ## {SCRIPT_HEADING}

        Text.

        ## Configure

        Set it.
        """,
    ),
    # sv: misses "Install", changed a link, adds a section of its own
    "sv/guide.md": article(
        "Guide",
        f"""
        # Guide

        Se [setup](/other).

        ## {SCRIPT_HEADING}

        Text.

        ## Configure

        Ställ in.

        ## Extra

        Mer.
        """,
    ),
    "fi/guide.md": article(
        "Opas",
        f"""
        # Guide

        Katso [setup](/setup).

        ## Install

        Aja.

        ## {SCRIPT_HEADING}

        Teksti.

        ## Configure

        Aseta.
        """,
    ),
    "en/clean.md": article("Clean", "# Clean\n\nNothing.\n"),
    "fi/clean.md": article("Puhdas", "# Clean\n\nEi mitään.\n"),
}


def page_index(html: str) -> dict:
    blob = re.search(r'id="glossqa-index">([^<]*)</script>', html)[1]
    return json.loads(gzip.decompress(base64.b64decode(blob)))


def test_html_report_is_one_self_contained_deterministic_file(corpus, glossqa):
    corpus(FILES)
    first = glossqa("check", "--format", "html", "--isolated", "--jobs", "1", ".")
    again = glossqa("check", "--format", "html", "--isolated", "--jobs", "1", "--no-cache", ".")
    assert first.code == 1  # the link and the missing heading are errors
    assert first.out == again.out
    html = first.out
    assert html.startswith("<!DOCTYPE html>")
    assert not re.search(r"<(link|img|iframe)\b|\bsrc=|@import|url\(", html)
    assert "default-src 'none'" in html  # the page may not ask any host for anything
    assert "<script>window.pwned" not in html  # corpus text travels compressed, never as markup


def test_html_report_index_counts_each_file_and_diagnostic(corpus, glossqa):
    corpus(FILES)
    json_run = glossqa("check", "--format", "json", "--isolated", ".")
    index = page_index(glossqa("check", "--format", "html", "--isolated", ".").out)
    paths = [row[0] for row in index["files"]]
    assert sorted(paths) == [
        "en/clean.md",
        "en/guide.md",
        "fi/clean.md",
        "fi/guide.md",
        "sv/guide.md",
    ]
    assert len(index["diagnostics"]) == len(json_run.json)
    by_file = {row[0]: row[3] for row in index["files"]}
    expected = {path: [0, 0, 0] for path in paths}
    for item in json_run.json:
        expected[item["path"]][["error", "warning", "info"].index(item["severity"])] += 1
    assert by_file == expected
    assert index["languages"][0] in ("en", "fi")  # most files first


def test_output_writes_the_report_to_a_file_and_nothing_to_stdout(corpus, glossqa, tmp_path):
    corpus(FILES)
    run = glossqa("check", "--format", "html", "--isolated", "-q", "-o", "out/report.html", ".")
    assert (run.code, run.out) == (2, "")
    assert run.err.startswith("glossqa: --output out/report.html: ")
    (tmp_path / "out").mkdir()
    umask = os.umask(0o022)
    try:
        run = glossqa("check", "--format", "html", "--isolated", "-q", "-o", "out/report.html", ".")
    finally:
        os.umask(umask)
    assert (run.code, run.out) == (1, "")
    assert (tmp_path / "out/report.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert (tmp_path / "out/report.html").stat().st_mode & 0o044 == 0o044  # others may read it


def test_remote_addresses_become_web_links():
    assert web_url("git@github.com:owner/site.git") == "https://github.com/owner/site"
    assert (
        web_url("https://user:token@gitlab.com/group/site.git") == "https://gitlab.com/group/site"
    )
    assert web_url("ssh://git@codeberg.org:22/owner/site.git") == "https://codeberg.org/owner/site"
    assert web_url("/srv/git/site.git") is None


def test_repository_is_detected_from_remote_origin(corpus, tmp_path, monkeypatch):
    corpus(FILES)
    for command in (
        ["init", "-q"],
        ["remote", "add", "origin", "git@github.com:owner/site.git"],
        ["add", "."],
        ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "x"],
    ):
        subprocess.run(["git", *command], cwd=tmp_path, check=True)
    commit = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=tmp_path, capture_output=True, text=True
    ).stdout.strip()
    monkeypatch.chdir(tmp_path / "sv")
    environ = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    repository = detect_repository(None, environ)
    assert repository is not None
    assert repository.link("guide.md", 7) == (
        f"https://github.com/owner/site/blob/{commit}/sv/guide.md#L7"
    )


# --- in a real browser -------------------------------------------------------------------------

CHROMIUM = find_chromium()


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but no Chromium: .ci/run installs Debian's chromium package")
        pytest.skip("no Chromium installed (apt-get install chromium)")
    with Browser(CHROMIUM) as opened:
        yield opened


@pytest.fixture
def report(corpus, glossqa, tmp_path, monkeypatch):
    monkeypatch.delenv("GITHUB_SHA", raising=False)
    corpus(FILES)
    glossqa(
        "check",
        "--format",
        "html",
        "--isolated",
        "-q",
        "--repository-url",
        "https://example.org/site",
        "--output",
        "report.html",
        ".",
    )
    return tmp_path / "report.html"


def rows(browser: Browser, selector: str) -> list[list[str]]:
    return browser.evaluate(
        f"[...document.querySelectorAll({json.dumps(selector)})]"
        ".map(row => [...row.children].map(cell => cell.textContent.trim()))"
    )


def test_page_loads_without_console_errors_or_requests(browser, report):
    browser.errors.clear()
    browser.requests.clear()
    browser.open(report, "document.body.dataset.ready")
    assert browser.errors == []
    assert browser.requests == [report.resolve().as_uri()]


def test_matrix_shows_each_article_with_counts_and_worst_severity(browser, report):
    browser.open(report, "document.body.dataset.ready")
    header = rows(browser, "#matrix thead tr")[0]
    assert header[:2] == ["Article", "Findings"]
    assert sorted(header[2:]) == ["en", "fi", "sv"]
    matrix = {row[0]: dict(zip(header[1:], row[1:])) for row in rows(browser, "#matrix tbody tr")}
    assert set(matrix) == {"guide.md", "clean.md"}
    assert matrix["clean.md"]["sv"] == "–"  # no Swedish file: a gap
    assert matrix["clean.md"]["fi"] == "✓"
    sv_cell = browser.evaluate(
        "document.querySelector('#matrix a[href=\"#file=sv%2Fguide.md\"]').className"
    )
    assert sv_cell == "sev-0"  # errors colour the cell
    assert int(matrix["guide.md"]["sv"]) >= 2
    assert list(matrix)[0] == "guide.md"  # most findings first


def test_file_view_aligns_sections_side_by_side_with_gaps_and_pinned_diagnostics(browser, report):
    browser.open(report, "document.body.dataset.ready")
    browser.evaluate("location.hash = '#file=sv%2Fguide.md'")
    browser.wait_for("document.body.dataset.view === 'sv/guide.md'")
    kinds = browser.evaluate(
        "[...document.querySelectorAll('table.sides tbody tr')].map(row => row.className)"
    )
    heads = browser.evaluate(
        "[...document.querySelectorAll('table.sides tbody tr')].map(row => "
        "[...row.children].map(cell => (cell.querySelector('.section-head') || {}).textContent || 'GAP'))"
    )
    assert heads == [
        ["(before the first heading)", "(before the first heading)"],
        ["# Guide", "# Guide"],
        ["## Install", "GAP"],
        [f"## {SCRIPT_HEADING}", f"## {SCRIPT_HEADING}"],
        ["## Configure", "## Configure"],
        ["GAP", "## Extra"],
    ]
    assert kinds == ["paired", "paired", "missing", "paired", "paired", "extra"]
    notes = browser.evaluate(
        "[...document.querySelectorAll('#file-view .diag')].map(note => "
        "[note.dataset.line, note.querySelector('.rule').textContent])"
    )
    assert ["6", "link-targets"] in notes
    link = browser.evaluate(
        "[...document.querySelectorAll('table.sides td:nth-child(2) .ln')]"
        ".find(line => line.id.endsWith('-6')).querySelector('a.no').href"
    )
    assert link == "https://example.org/site/blob/HEAD/sv/guide.md#L6"  # not a git work tree
    assert browser.errors == []


def test_corpus_markup_stays_text(browser, report):
    browser.open(report, "document.body.dataset.ready")
    browser.evaluate("location.hash = '#file=sv%2Fguide.md'")
    browser.wait_for("document.body.dataset.view === 'sv/guide.md'")
    assert browser.evaluate("typeof window.pwned") == "undefined"
    assert browser.evaluate("document.querySelectorAll('#file-view b').length") == browser.evaluate(
        "document.querySelectorAll('#file-view .diag').length"
    )  # the only <b> are the severity labels, none from the corpus
    texts = browser.evaluate(
        "[...document.querySelectorAll('.section-head')].map(head => head.textContent)"
    )
    assert f"## {SCRIPT_HEADING}" in texts


def test_filters_narrow_the_matrix(browser, report):
    browser.open(report, "document.body.dataset.ready")
    browser.evaluate(
        "(() => { const s = document.getElementById('filter-severity'); s.value = '0';"
        " s.dispatchEvent(new Event('change')); })()"
    )
    articles = [row[0] for row in rows(browser, "#matrix tbody tr")]
    assert articles == ["guide.md"]  # clean.md has no error
    browser.evaluate(
        "(() => { const s = document.getElementById('filter-language'); "
        "s.value = [...s.options].find(o => o.text === 'fi').value; s.dispatchEvent(new Event('change')); })()"
    )
    header = rows(browser, "#matrix thead tr")[0]
    assert header == ["Article", "Findings", "fi"]


def test_screenshot_is_written(browser, report, tmp_path):
    browser.open(report, "document.body.dataset.ready")
    shot = tmp_path / "report.png"
    browser.screenshot(shot)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 5000


def test_keyboard_opens_a_file_and_escape_returns(browser, report):
    browser.open(report, "document.body.dataset.ready")
    browser.evaluate("document.querySelector('#matrix a[href=\"#file=sv%2Fguide.md\"]').focus()")
    for kind in ("rawKeyDown", "char", "keyUp"):
        browser.send(
            "Input.dispatchKeyEvent",
            type=kind,
            key="Enter",
            code="Enter",
            windowsVirtualKeyCode=13,
            text="\r" if kind == "char" else "",
        )
    browser.wait_for(
        "document.body.dataset.view === 'sv/guide.md' && !document.getElementById('file-view').hidden"
    )
    browser.send(
        "Input.dispatchKeyEvent",
        type="rawKeyDown",
        key="Escape",
        code="Escape",
        windowsVirtualKeyCode=27,
    )
    browser.wait_for("!document.getElementById('overview').hidden")
    assert browser.evaluate("document.getElementById('file-view').hidden") is True


def test_printing_hides_the_controls_and_renders_a_pdf(browser, report):
    browser.open(report, "document.body.dataset.ready")
    browser.send("Emulation.setEmulatedMedia", media="print")
    try:
        assert (
            browser.evaluate("getComputedStyle(document.querySelector('.controls')).display")
            == "none"
        )
    finally:
        browser.send("Emulation.setEmulatedMedia", media="")
    pdf = base64.b64decode(browser.send("Page.printToPDF")["data"])
    assert pdf.startswith(b"%PDF")


def test_status_columns_render_when_the_pipeline_knows_them(browser, tmp_path):
    from qa.model import FileOutline, GroupOutline, ReportContext, SectionOutline
    from qa.report import html

    def outline(key: str, statuses: dict[str, str | None]) -> GroupOutline:
        files = [
            FileOutline(
                f"{language}/{key}", language, "# A\n", [SectionOutline(1, 1, 1, "A")], status
            )
            for language, status in statuses.items()
        ]
        return GroupOutline(key, f"en/{key}", files, {})

    context = ReportContext(
        files=["en/a.md", "fi/a.md", "sv/a.md", "en/b.md", "fi/b.md"],
        outlines=[
            outline("a.md", {"en": None, "fi": "up to date", "sv": "outdated"}),
            outline("b.md", {"en": None, "fi": "orphaned"}),
        ],
    )
    page = tmp_path / "status.html"
    page.write_text(html.render([], context), encoding="utf-8")
    browser.errors.clear()
    browser.open(page, "document.body.dataset.ready")
    bars = browser.evaluate(
        "[...document.querySelectorAll('#languages tbody tr')].map(row => "
        "[row.cells[0].textContent, (row.querySelector('.bar') || {}).title])"
    )
    assert bars == [
        ["en", "up to date 0, outdated 0, missing 0, orphaned 0"],
        ["fi", "up to date 1, outdated 0, missing 0, orphaned 1"],
        ["sv", "up to date 0, outdated 1, missing 1, orphaned 0"],
    ]
    cell = browser.evaluate(
        "document.querySelector('#matrix a[href=\"#file=sv%2Fa.md\"]').textContent"
    )
    assert cell == "✓outdated"
    assert browser.errors == []


def test_a_large_matrix_renders_rows_as_they_scroll_into_view(browser, tmp_path):
    from qa.model import FileOutline, GroupOutline, ReportContext, SectionOutline
    from qa.report import html

    outlines = [
        GroupOutline(
            f"page-{number:04d}.md",
            f"en/page-{number:04d}.md",
            [
                FileOutline(
                    f"{language}/page-{number:04d}.md",
                    language,
                    "# A",
                    [SectionOutline(1, 1, 1, "A")],
                )
                for language in ("en", "sv")
            ],
        )
        for number in range(1000)
    ]
    page = tmp_path / "large.html"
    page.write_text(html.render([], ReportContext(outlines=outlines)), encoding="utf-8")
    browser.open(page, "document.body.dataset.ready")
    count = "document.querySelectorAll('#matrix tbody tr').length"
    assert browser.evaluate(count) == 100
    browser.evaluate("document.getElementById('matrix-scroll').scrollTop = 1e9")
    browser.wait_for(f"{count} >= 200")
    before = browser.evaluate(count)
    browser.evaluate("document.getElementById('more').click()")
    assert browser.evaluate(count) >= before + 100


def test_sorting_follows_the_numbers_shown(browser, tmp_path):
    from qa.model import Diagnostic, FileOutline, GroupOutline, ReportContext, SectionOutline
    from qa.report import html

    def outline(key: str) -> GroupOutline:
        return GroupOutline(
            key,
            f"en/{key}",
            [
                FileOutline(f"{language}/{key}", language, "# A", [SectionOutline(1, 1, 1, "A")])
                for language in ("en", "sv")
            ],
        )

    # one error in a.md, three warnings in b.md, two warnings in c.md
    found = [Diagnostic("sv/a.md", 1, 1, "link-targets", "error", "x", "sv")]
    found += [
        Diagnostic("sv/b.md", line, 1, "untranslated", "warning", "x", "sv") for line in (1, 2, 3)
    ]
    found += [
        Diagnostic("sv/c.md", line, 1, "untranslated", "warning", "x", "sv") for line in (1, 2)
    ]
    context = ReportContext(outlines=[outline("a.md"), outline("b.md"), outline("c.md")])
    page = tmp_path / "sorted.html"
    page.write_text(html.render(found, context), encoding="utf-8")
    browser.open(page, "document.body.dataset.ready")
    assert [row[:2] for row in rows(browser, "#matrix tbody tr")] == [
        ["b.md", "3"],
        ["c.md", "2"],
        ["a.md", "1"],
    ]
    browser.evaluate(
        "[...document.querySelectorAll('#matrix th button')].find(b => b.textContent === 'Findings').click()"
    )
    assert [row[0] for row in rows(browser, "#matrix tbody tr")] == ["a.md", "c.md", "b.md"]
    browser.evaluate(
        "[...document.querySelectorAll('#matrix th button')].find(b => b.textContent === 'Article').click()"
    )
    assert [row[0] for row in rows(browser, "#matrix tbody tr")] == ["a.md", "b.md", "c.md"]


def test_an_outdated_section_shows_what_changed_in_the_source(browser, tmp_path):
    from qa.model import (
        Diagnostic,
        FileOutline,
        GroupOutline,
        Location,
        ReportContext,
        SectionOutline,
    )
    from qa.report import html

    files = [
        FileOutline(f"{language}/a.md", language, "# A\n\nText.\n", [SectionOutline(1, 3, 1, "A")])
        for language in ("en", "sv")
    ]
    diff = "- Run it every day.\n+ Run it every hour. <script>window.pwned = 1</script>"
    outdated = Diagnostic(
        "sv/a.md",
        3,
        1,
        "outdated",
        "warning",
        "the source changed this paragraph since the translation",
        "sv",
        Location("en/a.md", 3),
        detail={"diff": diff},
    )
    context = ReportContext(
        files=["en/a.md", "sv/a.md"],
        severities={"outdated": "warning"},
        outlines=[GroupOutline("a.md", "en/a.md", files, {"sv/a.md": [(0, 0, False)]})],
    )
    page = tmp_path / "outdated.html"
    page.write_text(html.render([outdated], context), encoding="utf-8")
    browser.errors.clear()
    browser.open(page, "document.body.dataset.ready")
    browser.evaluate("location.hash = '#file=sv%2Fa.md'")
    browser.wait_for("document.body.dataset.view === 'sv/a.md'")
    shown = browser.evaluate(
        "[...document.querySelectorAll('#file-view .diag .source-diff')].map(pre => pre.textContent)"
    )
    assert shown == [diff]
    assert browser.evaluate("window.pwned === undefined")
    assert browser.errors == []
