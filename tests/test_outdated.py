"""outdated, content-drift and orphaned, on git repositories built in the test."""

from __future__ import annotations

import json
import subprocess
import textwrap
from pathlib import Path

import pytest

from qa import history

SOURCE = """\
---
title: Install
weight: 10
---

Intro with *emphasis* and [a link](../other/).

## Install

- Download the package
- Unpack it

```sh
kubectl apply -f x.yaml
```

## Use

Run it every day.
"""

TRANSLATION = """\
---
title: Installera
{key}---

Intro med *betoning* och [en länk](../other/).

## Installera

- Ladda ner paketet
- Packa upp det

```sh
kubectl apply -f x.yaml
```

## Använd

Kör det varje dag.
"""


class Repo:
    def __init__(self, root: Path):
        self.root = root
        root.mkdir(parents=True)
        self.git("init", "-q", "-b", "main")
        self.git("config", "user.email", "t@example.org")
        self.git("config", "user.name", "Tester")

    def git(self, *arguments: str) -> str:
        return subprocess.run(
            ["git", "-C", str(self.root), *arguments], check=True, capture_output=True, text=True
        ).stdout

    def write(self, name: str, text: str) -> None:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")

    def commit(self, message: str, **files: str) -> str:
        for name, text in files.items():  # en__guide__a_md is en/guide/a.md
            self.write(name.replace("__", "/").removesuffix("_md") + ".md", text)
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message)
        return self.git("rev-parse", "HEAD").strip()

    def edit(self, name: str, old: str, new: str, message: str) -> str:
        path = self.root / name
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new), encoding="utf-8")
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message)
        return self.git("rev-parse", "HEAD").strip()


@pytest.fixture
def repo(tmp_path):
    return Repo(tmp_path / "site")


def outdated(glossqa, repo: Repo, *extra: str) -> list[dict]:
    run = glossqa(
        "check",
        "--no-cache",
        "-j",
        "1",
        "--format",
        "json",
        "--select",
        "outdated",
        *extra,
        ".",
        cwd=repo.root,
    )
    assert run.code in (0, 1), run.err
    return run.json


def recorded(repo: Repo, key: str = "default_lang_commit") -> str:
    base = repo.commit("first", en__a_md=SOURCE, sv__a_md=TRANSLATION.format(key=""))
    repo.edit(
        "sv/a.md", "title: Installera\n", f"title: Installera\n{key}: {base}\n", "record base"
    )
    return base


def test_recorded_commit_list_item_added_reported_at_the_translated_section(glossqa, repo):
    recorded(repo)
    repo.edit(
        "en/a.md", "- Unpack it\n", "- Unpack it\n- Run the installer\n", "Add the installer step"
    )
    found = outdated(glossqa, repo)
    assert [(d["path"], d["line"]) for d in found] == [("sv/a.md", 8)]
    message = found[0]["message"]
    assert "'## Install'" in message and "list item added" in message
    assert '"Add the installer step"' in message
    detail = found[0]["detail"]
    assert detail["base"]["how"] == "recorded"
    assert [commit["subject"] for commit in detail["commits"]] == ["Add the installer step"]
    assert "+- Run the installer" in detail["diff"]
    assert found[0]["related"] == {"path": "en/a.md", "line": 8}


@pytest.mark.parametrize(
    "value",
    ["{short}", "{full} # patched", "'{full}'  #patched (links, formatting)"],
)
def test_abbreviated_hashes_and_trailing_comments_are_read(glossqa, repo, value):
    base = repo.commit("first", en__a_md=SOURCE, sv__a_md=TRANSLATION.format(key=""))
    text = value.format(short=base[:9], full=base)
    repo.edit(
        "sv/a.md", "title: Installera\n", f"title: Installera\ndefault_lang_commit: {text}\n", "rec"
    )
    repo.edit("en/a.md", "Run it every day.", "Run it every hour, not every day.", "Hourly")
    found = outdated(glossqa, repo)
    assert [d["line"] for d in found] == [17]  # ## Använd
    assert "paragraph changed" in found[0]["message"]


def test_mdn_nested_key_and_glossqa_key(glossqa, repo):
    base = repo.commit("first", en__a_md=SOURCE, sv__a_md=TRANSLATION.format(key=""))
    repo.edit(
        "sv/a.md",
        "title: Installera\n",
        f"title: Installera\nl10n:\n  sourceCommit: {base}\n",
        "mdn",
    )
    repo.edit("en/a.md", "kubectl apply", "kubectl create", "create, not apply")
    found = outdated(glossqa, repo)
    assert len(found) == 1 and "code block changed" in found[0]["message"]


@pytest.mark.parametrize(
    "old, new",
    [
        ("*emphasis*", "_emphasis_"),
        ("- Download the package\n- Unpack it", "* Download the package\n* Unpack it"),
        (
            "Intro with *emphasis* and [a link](../other/).",
            "Intro with *emphasis*\nand [a link](../other/).",
        ),
        ("[a link](../other/)", "[a link](/other/)"),
        ("[a link](../other/)", "[a link](/en/other)"),
        ("weight: 10", "weight: 20\naliases: [/old/]"),
    ],
    ids=[
        "emphasis",
        "list-marker",
        "reflow",
        "link-absolute",
        "link-locale",
        "front-matter",
    ],
)
def test_cosmetic_source_changes_are_not_outdated(glossqa, repo, old, new):
    recorded(repo)
    repo.edit("en/a.md", old, new, "cosmetic")
    assert outdated(glossqa, repo) == []


def test_shortcode_delimiter_swap_is_not_outdated(glossqa, repo):
    source = SOURCE.replace("Run it every day.", "{{< alert >}}Run it every day.{{< /alert >}}")
    translation = TRANSLATION.format(key="").replace(
        "Kör det varje dag.", "{{< alert >}}Kör det varje dag.{{< /alert >}}"
    )
    base = repo.commit("first", en__a_md=source, sv__a_md=translation)
    repo.edit(
        "sv/a.md", "title: Installera\n", f"title: Installera\nsource-commit: {base}\n", "rec"
    )
    repo.edit(
        "en/a.md",
        "{{< alert >}}Run it every day.{{< /alert >}}",
        "{{% alert %}}Run it every day.{{% /alert %}}",
        "delims",
    )
    assert outdated(glossqa, repo) == []


def test_heading_renamed_and_section_added(glossqa, repo):
    recorded(repo)
    repo.edit("en/a.md", "## Use\n", "## Usage\n", "Rename Use")
    repo.edit(
        "en/a.md",
        "Run it every day.\n",
        "Run it every day.\n\n## Uninstall\n\nRemove it.\n",
        "Uninstall",
    )
    found = outdated(glossqa, repo)
    assert [(d["line"], d["detail"]["changes"]) for d in found] == [
        (17, ["heading renamed"]),
        (20, ["section added"]),  # after the last section: the end of the file
    ]
    assert found[1]["detail"]["commits"][0]["subject"] == "Uninstall"


def test_skip_marker_excludes_a_commit(glossqa, repo):
    recorded(repo)
    repo.edit("en/a.md", "Run it every day.", "Run it every single day.", "Wording [glossqa skip]")
    assert outdated(glossqa, repo) == []
    repo.edit("en/a.md", "- Unpack it\n", "- Unpack it\n- Verify it\n", "Verify")
    assert [d["line"] for d in outdated(glossqa, repo)] == [8]


def test_inferred_base_is_not_moved_by_a_typo_fix_in_the_translation(glossqa, repo):
    repo.commit("first", en__a_md=SOURCE, sv__a_md=TRANSLATION.format(key=""))
    repo.edit(
        "en/a.md", "Run it every day.", "Run it every day, and check the logs it writes.", "Logs"
    )
    repo.edit("sv/a.md", "Kör det varje dag.", "Kör den varje dag.", "typo")
    found = outdated(glossqa, repo)
    assert [d["line"] for d in found] == [16]
    assert found[0]["detail"]["base"]["how"] == "inferred"
    assert "paragraph extended" in found[0]["message"]


def test_inferred_base_follows_a_real_translation_update(glossqa, repo):
    repo.commit("first", en__a_md=SOURCE, sv__a_md=TRANSLATION.format(key=""))
    repo.edit(
        "en/a.md", "Run it every day.", "Run it every day, and check the logs it writes.", "Logs"
    )
    repo.edit(
        "sv/a.md",
        "Kör det varje dag.",
        "Kör det varje dag och läs loggarna som det skriver.",
        "update",
    )
    assert outdated(glossqa, repo) == []


def test_inferred_base_from_structure(glossqa, repo):
    repo.commit("first", en__a_md=SOURCE, sv__a_md=TRANSLATION.format(key=""))
    repo.edit("en/a.md", "- Unpack it\n", "- Unpack it\n- Verify it\n", "Verify")
    repo.edit("sv/a.md", "- Packa upp det\n", "- Packa upp det\n- Kontrollera det\n", "sv: verify")
    repo.edit("en/a.md", "kubectl apply", "kubectl create", "create")
    found = outdated(glossqa, repo)
    assert [d["detail"]["changes"] for d in found] == [["code block changed"]]
    assert [c["subject"] for c in found[0]["detail"]["commits"]] == ["create"]


def test_unknown_recorded_commit_said_once_at_its_line(glossqa, repo):
    repo.commit(
        "first",
        en__a_md=SOURCE,
        sv__a_md=TRANSLATION.format(key="default_lang_commit: deadbeefcafe\n"),
    )
    found = outdated(glossqa, repo)
    assert [(d["line"], "deadbeefcafe" in d["message"]) for d in found] == [(3, True)]


def test_key_inside_a_fenced_block_is_not_the_base(glossqa, repo):
    body = TRANSLATION.format(key="") + "\n```yaml\ndefault_lang_commit: 0123456789abcdef\n```\n"
    repo.commit(
        "first", en__a_md=SOURCE + "\n```yaml\ndefault_lang_commit: <hash>\n```\n", sv__a_md=body
    )
    assert outdated(glossqa, repo) == []


def test_without_git_content_drift_still_runs(glossqa, corpus):
    root = corpus(
        {
            "en/a.md": SOURCE,
            "en/b.md": SOURCE,
            "sv/a.md": TRANSLATION.format(key="default_lang_commit: 0123456\n").replace(
                "- Packa upp det\n", ""
            ),
            "sv/b.md": TRANSLATION.format(key=""),
        }
    )
    run = glossqa("check", "--no-cache", "-j", "1", "--format", "json", str(root))
    assert "Traceback" not in run.err
    rules = [
        (d["path"], d["rule"], d["line"])
        for d in run.json
        if d["rule"] in ("outdated", "content-drift")
    ]
    assert ("sv/a.md", "content-drift", 8) in rules
    assert not any(rule == "outdated" for _, rule, _ in rules)  # status names it, per file
    assert not any(path == "sv/b.md" for path, _, _ in rules)


def test_git_log_runs_once_per_run_and_is_cached_by_head(glossqa, repo, monkeypatch):
    recorded(repo)
    repo.commit("more", en__b_md=SOURCE, sv__b_md=TRANSLATION.format(key=""))
    calls = []
    real = history._read_log
    monkeypatch.setattr(history, "_read_log", lambda root: calls.append(root) or real(root))
    cache = repo.root / ".cache"
    arguments = ("check", "-j", "1", "--cache-dir", str(cache), "--select", "outdated", ".")
    glossqa(*arguments, cwd=repo.root)
    assert len(calls) == 1
    glossqa(*arguments, cwd=repo.root)
    assert len(calls) == 1  # same HEAD: read from the cache folder
    repo.edit("en/a.md", "- Unpack it\n", "- Unpack it\n- Verify\n", "verify")
    run = glossqa(*arguments, "--format", "json", cwd=repo.root)
    assert len(calls) == 2
    assert [d["path"] for d in run.json] == ["sv/a.md"]  # the result cache knows HEAD moved


def test_content_drift_translation_side_deletions(glossqa, corpus):
    translation = TRANSLATION.format(key="")
    cases = {
        "sv/a.md": translation.replace("- Packa upp det\n", ""),
        "fi/a.md": translation.replace("```sh\nkubectl apply -f x.yaml\n```\n", ""),
        "de/a.md": translation.replace("kubectl apply -f x.yaml", "kubectl apply x.yaml"),
        "nb/a.md": translation,
    }
    root = corpus({"en/a.md": SOURCE, **cases})
    run = glossqa(
        "check", "--no-cache", "-j", "1", "--format", "json", "--select", "content-drift", str(root)
    )
    found = {(d["path"], d["line"]): d["message"] for d in run.json}
    assert set(found) == {("sv/a.md", 7), ("fi/a.md", 7), ("de/a.md", 7)}
    assert "1 list item where the source has 2" in found[("sv/a.md", 7)]
    assert "0 code blocks where the source has 1" in found[("fi/a.md", 7)]
    assert "`-f`" in found[("de/a.md", 7)]


def test_orphaned_translation_names_the_moved_source(glossqa, repo):
    repo.commit(
        "first",
        en__guide__install_md=SOURCE,
        sv__install_md=TRANSLATION.format(key=""),
        en__other_md="# Other\n\nText.\n",
        sv__gone_md="# Borta\n\nText.\n",
    )
    run = glossqa(
        "check",
        "--no-cache",
        "-j",
        "1",
        "--format",
        "json",
        "--select",
        "orphaned",
        ".",
        cwd=repo.root,
    )
    found = {d["path"]: d["message"] for d in run.json}
    assert set(found) == {"sv/install.md", "sv/gone.md"}
    assert "likely moved to en/guide/install.md" in found["sv/install.md"]
    assert "moved" not in found["sv/gone.md"].split(";")[0] and "likely" not in found["sv/gone.md"]


def test_json_detail_survives_the_result_cache(glossqa, repo):
    recorded(repo)
    repo.edit("en/a.md", "- Unpack it\n", "- Unpack it\n- Verify\n", "verify")
    arguments = ("check", "-j", "1", "--format", "json", "--select", "outdated", ".")
    first = glossqa(*arguments, cwd=repo.root).json
    second = glossqa(*arguments, cwd=repo.root).json
    assert first == second and json.dumps(first).count('"diff"') == 1


def test_shallow_clone_says_so_once_and_names_the_reason(glossqa, repo, tmp_path):
    base = recorded(repo)
    repo.edit("en/a.md", "- Unpack it\n", "- Unpack it\n- Verify\n", "verify")
    shallow = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{repo.root}", str(shallow)], check=True
    )
    run = glossqa(
        "check",
        "--no-cache",
        "-j",
        "1",
        "--format",
        "json",
        "--select",
        "outdated",
        ".",
        cwd=shallow,
    )
    assert run.err.count("shallow clone") == 1
    assert [
        (d["line"], f"recorded source commit {base} is unknown (shallow clone)") for d in run.json
    ] == [(3, run.json[0]["message"])]


def test_status_without_history_says_base_unknown(glossqa, corpus):
    root = corpus({"en/a.md": SOURCE, "sv/a.md": TRANSLATION.format(key="")})
    run = glossqa("status", "--format", "json", "--files", str(root))
    assert run.code == 0
    assert [(f["path"], f["state"]) for f in run.json["files"]] == [("sv/a.md", "unknown")]


def test_source_title_changed_is_reported_at_the_translated_title(glossqa, repo):
    recorded(repo)
    repo.edit("en/a.md", "title: Install\n", "title: Install the tool\n", "Longer title")
    found = outdated(glossqa, repo)
    assert [(d["line"], d["detail"]["changes"]) for d in found] == [(2, ["title changed"])]


def test_an_added_include_and_a_heading_level_are_substance(glossqa, repo):
    recorded(repo)
    repo.edit(
        "en/a.md", "Run it every day.\n", "{{% include note.md %}}\n\nRun it every day.\n", "note"
    )
    repo.edit("en/a.md", "## Use\n", "### Use\n", "demote")
    found = outdated(glossqa, repo)
    assert [(d["line"], d["detail"]["changes"]) for d in found] == [
        (17, ["heading level changed", "paragraph added"])
    ]


def test_content_drift_quiet_where_a_platform_re_emitted_paragraphs_as_html(glossqa, corpus):
    source = "# A\n\nFirst paragraph.\n\nSecond paragraph.\n\nThird paragraph.\n"
    exported = (
        "# A\n\n"
        '<p spaces-before="0">Första stycket.</p>\n\n'
        '<p spaces-before="0">Andra stycket.</p>\n\n'
        '<p spaces-before="0">Tredje stycket.</p>\n'
    )
    dropped = "# A\n\nFörsta stycket.\n"
    root = corpus({"en/a.md": source, "sv/a.md": exported, "fi/a.md": dropped})
    run = glossqa(
        "check", "--no-cache", "-j", "1", "--format", "json", "--select", "content-drift", str(root)
    )
    assert [(d["path"], d["line"]) for d in run.json] == [("fi/a.md", 1)]


def test_content_drift_finds_a_version_written_against_cjk_text(glossqa, corpus):
    root = corpus(
        {
            "en/a.md": "# A\n\nSupported since v1.35.0 and later.\n",
            "ja/a.md": "# A\n\nv1.35.0以降でサポートされています。\n",
            "zh/a.md": "# A\n\n自v1.34.0以来支持。\n",
        }
    )
    run = glossqa(
        "check", "--no-cache", "-j", "1", "--format", "json", "--select", "content-drift", str(root)
    )
    found = {d["path"]: d["message"] for d in run.json}
    assert list(found) == ["zh/a.md"]
    assert (
        "version 1.35.0 of the source is not in the translation (it has 1.34.0)" in found["zh/a.md"]
    )
