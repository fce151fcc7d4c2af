import json

import pytest
from conftest import article


def _site() -> dict:
    files = {}
    for number in range(9):
        name = f"page{number}.md"
        files[f"en/{name}"] = article(f"P{number}", f"# P{number}\n\n[x](/x{number})\n\n## A\n")
        files[f"sv/{name}"] = article(f"P{number}", f"# P{number}\n\n[x](/y{number})\n\n### A\n")
        files[f"fi/{name}"] = article(f"P{number}", f"# P{number}\n\nLue [x](/x{number}).\n")
    return files


@pytest.mark.parametrize("report", ["json", "sarif"])
@pytest.mark.parametrize("count", [1, 2, 3, 7])
def test_merged_shards_equal_one_run(corpus, glossqa, tmp_path, report, count):
    corpus(_site())
    whole = glossqa("check", "--isolated", "--no-cache", "--format", report, ".")
    assert whole.code == 1 and json.loads(whole.out)
    reports = []
    for index in range(1, count + 1):
        shard = glossqa(
            "check",
            "--isolated",
            "--no-cache",
            "--format",
            report,
            "--shard",
            f"{index}/{count}",
            ".",
        )
        path = tmp_path / f"shard{index}.{report}"
        path.write_text(shard.out, encoding="utf-8")
        reports.append(str(path))
    merged = glossqa("merge", *reports)
    assert merged.code == 0
    assert merged.out == whole.out


def test_each_article_is_in_exactly_one_shard(corpus, glossqa):
    corpus(_site())
    paths = []
    for index in (1, 2, 3):
        run = glossqa(
            "check", "--isolated", "--no-cache", "--format", "json", "--shard", f"{index}/3", "."
        )
        paths.append({d["path"] for d in json.loads(run.out)})
    assert not (paths[0] & paths[1]) and not (paths[1] & paths[2]) and not (paths[0] & paths[2])
    assert all(paths)


def test_bad_shard_and_bad_report_are_usage_errors(corpus, glossqa, tmp_path):
    corpus(_site())
    assert glossqa("check", "--shard", "4/3", ".").code == 2
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    run = glossqa("merge", str(broken))
    assert run.code == 2 and "broken.json: not a readable JSON or SARIF report" in run.err
