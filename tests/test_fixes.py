"""Fixes through the real CLI: `--diff` shows them and writes nothing, `--fix` writes exactly them to the
reported files, and a second run finds nothing left to fix. Each case: the English source, the
Swedish translation as found, and the translation as fixed."""

import subprocess
import sys

import pytest
from conftest import REPOSITORY

from qa.fixes import apply_fixes
from qa.model import Edit, Fix

SOURCE = """\
---
title: Soft sell
keywords:
  - Business
  - Sales
---

# Soft sell

## Setup {#setup}

Text.

```sh
echo hi
```

## Usage

More.
"""

TRANSLATION = """\
---
title: Mjuk försäljning
keywords:
  - Business
  - Sales
---

# Mjuk försäljning

## Installation {#setup}

Text.

```sh
echo hi
```

## Användning

Mer.
"""

CASES = {
    "front matter delimited by - - -": (
        TRANSLATION.replace("---\n", "- - -\n"),
        TRANSLATION,
    ),
    "a translated key": (TRANSLATION.replace("title:", "titel:"), TRANSLATION),
    "a must-stay-identical key": (
        TRANSLATION.replace("keywords:\n  - Business\n  - Sales", "keywords: Affärer, Försäljning"),
        TRANSLATION,
    ),
    "a dropped explicit id": (TRANSLATION.replace(" {#setup}", ""), TRANSLATION),
    "a closing fence one backtick short": (
        TRANSLATION.replace("echo hi\n```", "echo hi\n``"),
        TRANSLATION,
    ),
    "an opening fence one backtick short": (
        TRANSLATION.replace("```sh", "``sh"),
        TRANSLATION,
    ),
    "all of them at once, one uncovering another": (
        TRANSLATION.replace("---\n", "- - -\n")
        .replace("title:", "titel:")
        .replace(" {#setup}", "")
        .replace("echo hi\n```", "echo hi\n``"),
        TRANSLATION,
    ),
}


@pytest.fixture
def site(corpus):
    def make(translation: str):
        root = corpus({"rules.yaml": "rules:\n  declared-language: false\n  untranslated: false\n"})
        for name, text in (("en/a.md", SOURCE), ("sv/a.md", translation)):
            (root / name).parent.mkdir(exist_ok=True)
            (root / name).write_bytes(text.encode("utf-8"))
        return root

    return make


@pytest.mark.parametrize("broken, fixed", CASES.values(), ids=list(CASES))
def test_diff_shows_the_fix_and_writes_nothing(site, glossqa, broken, fixed):
    root = site(broken)
    run = glossqa("check", "--no-cache", "--diff", ".")
    assert run.code == 1
    assert run.out.startswith("--- a/sv/a.md\n+++ b/sv/a.md\n@@ ")
    assert (root / "sv/a.md").read_text(encoding="utf-8") == broken


@pytest.mark.parametrize("broken, fixed", CASES.values(), ids=list(CASES))
def test_fix_writes_exactly_the_fix_and_a_second_run_finds_nothing(site, glossqa, broken, fixed):
    root = site(broken)
    before = glossqa("check", "--no-cache", "--format", "json", ".").json
    assert before, "the case must be reported"
    run = glossqa("check", "--no-cache", "--fix", ".")
    assert run.code == 0 and run.out == "", run.out
    assert (root / "sv/a.md").read_text(encoding="utf-8") == fixed
    assert (root / "en/a.md").read_text(encoding="utf-8") == SOURCE
    assert "glossqa: fixed " in run.err
    again = glossqa("check", "--no-cache", "--diff", ".")
    assert again.code == 0 and again.out == ""
    assert glossqa("check", "--no-cache", ".").out == ""


def test_fix_keeps_a_bom_and_crlf_line_ends(site, glossqa):
    broken = CASES["a translated key"][0]
    root = site("")
    (root / "sv/a.md").write_bytes(b"\xef\xbb\xbf" + broken.replace("\n", "\r\n").encode())
    assert glossqa("check", "--no-cache", "--fix", ".").code == 0
    assert (root / "sv/a.md").read_bytes() == b"\xef\xbb\xbf" + TRANSLATION.replace(
        "\n", "\r\n"
    ).encode()


def test_fix_touches_only_the_reported_files(site, glossqa):
    root = site(CASES["a translated key"][0])
    finnish = TRANSLATION.replace("title:", "otsikko:")
    (root / "fi").mkdir()
    (root / "fi/a.md").write_text(finnish, encoding="utf-8")
    glossqa("check", "--no-cache", "--fix", "sv/a.md")
    assert (root / "sv/a.md").read_text(encoding="utf-8") == TRANSLATION
    assert (root / "fi/a.md").read_text(encoding="utf-8") == finnish


def test_a_diagnostic_without_a_fix_is_reported_after_fixing(site, glossqa):
    root = site(CASES["a dropped explicit id"][0].replace("## Användning", "### Användning"))
    run = glossqa("check", "--no-cache", "--fix", ".")
    assert run.code == 1
    assert run.lines == [
        "sv/a.md:18:1: error heading-structure heading level 3 differs from the reference's "
        "level 2 (## Usage) (reference: en/a.md:18)"
    ]
    assert "## Installation {#setup}\n" in (root / "sv/a.md").read_text(encoding="utf-8")


def test_stdin_fix_prints_the_fixed_buffer_and_writes_nothing(site):
    broken = CASES["all of them at once, one uncovering another"][0]
    root = site(TRANSLATION)
    ran = subprocess.run(
        [sys.executable, "-m", "qa", "check", "--no-cache", "--stdin-filename", "sv/a.md", "--fix"],
        input=broken.encode(),
        cwd=root,
        capture_output=True,
        env={"PYTHONPATH": str(REPOSITORY), "PATH": ""},
    )
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.decode() == TRANSLATION
    assert (root / "sv/a.md").read_text(encoding="utf-8") == TRANSLATION


def test_overlapping_fixes_are_left_for_the_next_pass():
    first = Fix("a", (Edit(1, 1, 1, 4, "xyz"),))
    overlapping = Fix("b", (Edit(1, 2, 1, 3, "Q"),))
    later = Fix("c", (Edit(2, 1, 2, 1, "> "),))
    text, applied = apply_fixes("abc\ndef\n", [later, overlapping, first])
    assert text == "xyz\n> def\n"
    assert applied == [first, later]


def test_a_key_every_translation_carries_is_never_renamed(corpus, glossqa):
    """Hugo sites keep `default_lang_commit` in each translation only: where it stands at the
    reference's `aliases`, the rule may call it renamed, but renaming it would lose it."""
    corpus(
        {
            "en/a.md": "---\ntitle: A\naliases: [/old]\n---\n\n# A\n",
            "sv/a.md": "---\ntitle: B\ndefault_lang_commit: abc123\n---\n\n# A\n",
            "fi/a.md": "---\ntitle: C\ndefault_lang_commit: abc123\n---\n\n# A\n",
        }
    )
    reported = glossqa("check", "--no-cache", "--isolated", "--select", "front-matter", ".")
    assert "'default_lang_commit' stands where the reference has 'aliases'" in reported.out
    run = glossqa("check", "--no-cache", "--isolated", "--select", "front-matter", "--diff", ".")
    assert "default_lang_commit" not in run.out and "+aliases" not in run.out


def test_a_key_identical_only_by_consensus_is_fixed_with_unsafe_fixes_only(corpus, glossqa):
    """`linkTitle` kept by every other sibling may still be translated on purpose: worth a look."""
    files = {
        f"{lang}/a.md": "---\ntitle: T\nlinkTitle: Demo\n---\n\n# A\n"
        for lang in "en sv fi de".split()
    }
    root = corpus({**files, "ja/a.md": "---\ntitle: T\nlinkTitle: デモ\n---\n\n# A\n"})
    select = ("--no-cache", "--isolated", "--select", "front-matter")
    assert "'linkTitle' must stay identical" in glossqa("check", *select, ".").out
    run = glossqa("check", *select, "--diff", ".")
    assert run.out == "" and run.code == 0
    assert "0 fixes available (1 more with --unsafe-fixes)" in run.err
    run = glossqa("check", *select, "--diff", "--unsafe-fixes", ".")
    assert "-linkTitle: デモ\n+linkTitle: Demo\n" in run.out
    glossqa("check", *select, "--fix", ".")
    assert "デモ" in (root / "ja/a.md").read_text(encoding="utf-8")
    glossqa("check", *select, "--fix", "--unsafe-fixes", ".")
    assert (root / "ja/a.md").read_text(encoding="utf-8") == files["en/a.md"]
