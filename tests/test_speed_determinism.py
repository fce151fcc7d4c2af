"""Worker processes and the result cache change how fast glossqa is, never what it says."""

import os
import subprocess
import sys

import pytest
from conftest import REPOSITORY, article

from qa import cache, pipeline

GROUPS = 6
CONFIG = "rules:\n  glossary:\n    forbidden:\n      sv: [hårt skal]\n"


def site(groups: int = GROUPS) -> dict[str, str]:
    """Groups that each give diagnostics of several rules; sorted output interleaves them."""
    files = {"rules.yaml": CONFIG}
    for n in range(groups):
        files[f"en/page{n}.md"] = article(
            f"Page {n}", f"# Page {n}\n\nSee [x](/x{n}).\n\n## Details\n\nMore text.\n"
        )
        files[f"sv/page{n}.md"] = article(
            f"Sida {n}", f"# Sida {n}\n\nSe [x](/y{n}), inte hårt skal.\n"
        )
        files[f"fi/page{n}.md"] = article(
            f"Sivu {n}", f"# Sivu {n}\n\nKatso [x](/w{n}).\n\n## Lisää\n\nLisää tekstiä.\n"
        )
    return files


@pytest.fixture
def checked_groups(monkeypatch):
    """How many groups were really checked (not answered from the cache), in this process."""
    checked = []
    real = pipeline._check_contents

    def counting(group, *arguments):
        checked.append(group.key)
        return real(group, *arguments)

    monkeypatch.setattr(pipeline, "_check_contents", counting)
    return checked


def cli(cwd, *arguments: str) -> subprocess.CompletedProcess:
    """The real CLI in its own process, so --jobs really starts workers."""
    environment = {**os.environ, "PYTHONPATH": str(REPOSITORY)}
    return subprocess.run(
        [sys.executable, "-m", "qa", "check", *arguments],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_same_diagnostics_in_the_same_order_whatever_the_jobs_count(corpus, tmp_path):
    corpus(site())
    runs = {jobs: cli(tmp_path, ".", "--no-cache", "--jobs", jobs) for jobs in ("1", "2", "3")}
    one = runs["1"]
    assert one.returncode == 1 and len(one.stdout.splitlines()) == 4 * GROUPS
    assert {line.split(" ")[2] for line in one.stdout.splitlines()} == {
        "link-targets",
        "heading-structure",
        "glossary",
    }
    for jobs, run in runs.items():
        assert (run.stdout, run.stderr, run.returncode) == (
            one.stdout,
            one.stderr,
            one.returncode,
        ), jobs


def test_json_output_is_the_same_with_workers_and_a_warm_cache(corpus, tmp_path):
    corpus(site())
    cold = cli(tmp_path, ".", "--format", "json", "--jobs", "2")
    warm = cli(tmp_path, ".", "--format", "json", "--jobs", "2")
    alone = cli(tmp_path, ".", "--format", "json", "--jobs", "1", "--no-cache")
    assert cold.stdout == warm.stdout == alone.stdout and cold.stdout.count('"rule"') == 4 * GROUPS


def test_a_warm_run_checks_nothing_and_says_the_same(corpus, glossqa, checked_groups, tmp_path):
    corpus(site())
    cold = glossqa("check", ".", "--jobs", "1")
    assert len(checked_groups) == GROUPS
    warm = glossqa("check", ".", "--jobs", "1")
    assert len(checked_groups) == GROUPS
    uncached = glossqa("check", ".", "--jobs", "1", "--no-cache")
    assert len(checked_groups) == 2 * GROUPS
    assert (
        (cold.out, cold.err, cold.code)
        == (warm.out, warm.err, warm.code)
        == (uncached.out, uncached.err, uncached.code)
    )
    assert (tmp_path / ".glossqa_cache").is_dir()


def test_a_changed_sibling_invalidates_the_group_of_a_file_that_did_not_change(
    corpus, glossqa, checked_groups, tmp_path
):
    corpus(site())
    before = glossqa("check", "sv/page2.md", "--jobs", "1")
    assert "heading-structure" in before.out
    english = tmp_path / "en/page2.md"
    english.write_text(english.read_text().replace("\n## Details\n\nMore text.\n", "\n"))
    after = glossqa("check", "sv/page2.md", "--jobs", "1")
    assert checked_groups == ["page2.md", "page2.md"]
    assert "heading-structure" not in after.out
    assert after.out == glossqa("check", "sv/page2.md", "--jobs", "1", "--no-cache").out


def test_only_the_changed_group_is_checked_again(corpus, glossqa, checked_groups, tmp_path):
    corpus(site())
    glossqa("check", ".", "--jobs", "1")
    finnish = tmp_path / "fi/page4.md"
    finnish.write_text(finnish.read_text().replace("[x](/w4)", "[x](/x4)"))
    changed = glossqa("check", ".", "--jobs", "1")
    assert checked_groups[GROUPS:] == ["page4.md"]
    assert "fi/page3.md:6:7: error link-targets" in changed.out and "fi/page4.md" not in changed.out


def test_a_changed_config_invalidates_every_group(corpus, glossqa, checked_groups, tmp_path):
    corpus(site())
    glossqa("check", ".", "--jobs", "1")
    (tmp_path / "rules.yaml").write_text(CONFIG + "  link-targets:\n    severity: info\n")
    run = glossqa("check", ".", "--jobs", "1")
    assert len(checked_groups) == 2 * GROUPS
    assert "info link-targets" in run.out and "error link-targets" not in run.out


def test_a_changed_glossary_file_invalidates_the_cache(corpus, glossqa, tmp_path):
    corpus(
        {
            "rules.yaml": "rules:\n  glossary:\n    file: terms.csv\n",
            "terms.csv": "en,sv\nsoft sell,mjuk försäljning\n",
            "en/a.md": article("A", "# A\n\nA soft sell works.\n"),
            "sv/a.md": article("A", "# A\n\nEn mjuk försäljning.\n"),
        }
    )
    assert "glossary" not in glossqa("check", ".", "--jobs", "1").out
    (tmp_path / "terms.csv").write_text("en,sv\nsoft sell,mild försäljning\n", encoding="utf-8")
    assert "'mild försäljning' is missing" in glossqa("check", ".", "--jobs", "1").out


def test_a_narrower_scope_is_not_answered_from_a_wider_run(corpus, glossqa):
    corpus(site())
    everything = glossqa("check", ".", "--jobs", "1")
    one_file = glossqa("check", "sv/page1.md", "--jobs", "1")
    assert {line.split(":")[0] for line in one_file.lines} == {"sv/page1.md"}
    assert one_file.out == glossqa("check", "sv/page1.md", "--jobs", "1", "--no-cache").out
    assert glossqa("check", ".", "--jobs", "1").out == everything.out


@pytest.mark.parametrize(
    "garbage", [b"", b"{not json", b'{"diagnostics": [["x", "one"]]}', b"[]", b"\xff\xfe"]
)
def test_a_corrupt_cache_entry_is_ignored(corpus, glossqa, checked_groups, tmp_path, garbage):
    corpus(site())
    cold = glossqa("check", ".", "--jobs", "1")
    entries = sorted((tmp_path / ".glossqa_cache").glob("*/*.json"))
    assert len(entries) == GROUPS
    for entry in entries:
        entry.write_bytes(garbage)
    warm = glossqa("check", ".", "--jobs", "1")
    assert (warm.out, warm.err, warm.code) == (cold.out, cold.err, cold.code)
    assert len(checked_groups) == 2 * GROUPS
    assert all(entry.read_bytes() != garbage for entry in entries)  # rewritten


def test_a_cache_that_cannot_be_written_costs_only_time(corpus, glossqa, tmp_path):
    corpus({**site(2), "blocked": "a file where the cache folder would go\n"})
    run = glossqa("check", ".", "--jobs", "1", "--cache-dir", "blocked/cache")
    assert run.code == 1 and len(run.lines) == 8
    assert run.out == glossqa("check", ".", "--jobs", "1", "--no-cache").out


def test_the_default_cache_sits_beside_the_config_and_is_never_checked(corpus, glossqa, tmp_path):
    corpus({f"docs/{name}": content for name, content in site(2).items()})
    first = glossqa("check", "docs/sv", "--jobs", "1")
    cache = tmp_path / "docs/.glossqa_cache"
    assert cache.is_dir() and (cache / ".gitignore").read_text().splitlines()[-1] == "*"
    second = glossqa("check", "docs", "--jobs", "1")
    assert second.err.startswith("glossqa: 6 files in 2 groups:")
    assert first.err.startswith("glossqa: 2 files in 2 groups:")


def test_no_cache_writes_nothing_and_a_chosen_cache_dir_is_used(corpus, glossqa, tmp_path):
    corpus(site(2))
    glossqa("check", ".", "--no-cache")
    assert not (tmp_path / ".glossqa_cache").exists()
    glossqa("check", ".", "--cache-dir", "elsewhere")
    assert (
        len(list((tmp_path / "elsewhere").glob("*/*.json"))) == 2
        and not (tmp_path / ".glossqa_cache").exists()
    )


@pytest.mark.parametrize("jobs", ["0", "-1", "two"])
def test_jobs_must_be_a_positive_number(corpus, glossqa, jobs):
    corpus(site(1))
    run = glossqa("check", ".", "--jobs", jobs)
    assert run.code == 2 and "--jobs" in run.err


def test_another_glossqa_version_does_not_reuse_the_cache(
    corpus, glossqa, checked_groups, monkeypatch
):
    corpus(site(2))
    glossqa("check", ".", "--jobs", "1")
    glossqa("check", ".", "--jobs", "1")
    assert len(checked_groups) == 2
    monkeypatch.setattr(cache, "__version__", "0.0.0-other")
    glossqa("check", ".", "--jobs", "1")
    assert len(checked_groups) == 4


def test_the_cache_tells_a_mostly_warm_run_from_a_cold_one(corpus, glossqa, tmp_path):
    from qa.config import defaults
    from qa.rules import RULES

    corpus(site())
    folder = cache.Cache(tmp_path / ".glossqa_cache", defaults(RULES))
    assert not folder.holds_at_least(1)
    glossqa("check", ".", "--jobs", "1")
    assert folder.holds_at_least(GROUPS) and not folder.holds_at_least(GROUPS + 1)


def test_entries_no_run_used_for_a_month_are_pruned(corpus, glossqa, tmp_path):
    corpus(site())
    glossqa("check", ".", "--jobs", "1")
    folder = tmp_path / ".glossqa_cache"
    entries = sorted(folder.glob("*/*.json"))
    stale = folder / "ab" / ("0" * 62 + ".json")
    stale.parent.mkdir(exist_ok=True)
    stale.write_text('{"diagnostics": []}')
    month_ago = os.stat(stale).st_mtime - 31 * 86400
    for entry in [stale, *entries]:
        os.utime(entry, (month_ago, month_ago))
    glossqa("check", ".", "--jobs", "1")
    assert sorted(folder.glob("*/*.json")) == entries
