"""Everyday CLI behaviour: init, config, exclude and .gitignore, --stdin-filename, --statistics, a closed
pipe, SARIF helpUri with README anchors, and the LICENSE in the wheel."""

import json
import os
import re
import shutil
import subprocess
import sys
import zipfile

import jsonschema
import pytest
import yaml
from conftest import REPOSITORY, article

from qa.catalog import checks, rule_url
from qa.config import load_config
from qa.rules import RULES
from qa.schema import rules_schema

EN = article("Soft sell", "# Soft sell\n\nSee [x](/x).\n")
SV = article("Mjuk försäljning", "# Mjuk försäljning\n\nSe [x](/y).\n")
FI = article("Pehmeä myynti", "# Pehmeä myynti\n\nKatso [x](/z).\n")
QUIET = "rules:\n  declared-language: false\n  untranslated: false\n"


def cli(*arguments: str, cwd, stdin: bytes = b"") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "qa", *arguments],
        input=stdin,
        cwd=cwd,
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(REPOSITORY)},
        timeout=300,
    )


def test_init_writes_a_starter_that_glossqa_and_the_schema_accept(corpus, glossqa):
    root = corpus(
        {
            "docs/a.en.md": EN,
            "docs/a.sv.md": SV,
            "docs/a.fi.md": FI,
            "docs/b.en.md": EN,
            "docs/b.sv.md": SV,
        }
    )
    run = glossqa("init")
    assert run.code == 0 and run.err == "glossqa: wrote rules.yaml\n"
    text = (root / "rules.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=https://")
    assert "# Found 5 Markdown files in 2 groups" in text
    assert "languages: en (2), sv (2), fi (1)." in text
    assert "\nsource: en\n" in text and "\nlayout: suffix\n" in text
    config = load_config(root / "rules.yaml", RULES)
    assert config.source == "en" and config.layout == "suffix"
    jsonschema.validate(yaml.safe_load(text), rules_schema())
    assert glossqa("check", "--no-cache", ".").code == 1  # the config works: sv links differ


def test_init_never_overwrites(corpus, glossqa):
    root = corpus({"en/a.md": EN, "sv/a.md": SV, ".glossqa.yaml": "source: sv\n"})
    run = glossqa("init")
    assert run.code == 2 and "already exists" in run.err
    assert not (root / "rules.yaml").exists()
    assert (root / ".glossqa.yaml").read_text() == "source: sv\n"


def test_init_leaves_source_to_consensus_when_no_language_stands_out(corpus, glossqa):
    root = corpus({"sv/a.md": SV, "fi/a.md": FI})
    assert glossqa("init").code == 0
    text = (root / "rules.yaml").read_text(encoding="utf-8")
    assert "\n# source: en\n" in text and "\nlayout: directory\n" in text


def test_config_shows_each_value_with_its_origin(corpus, glossqa):
    corpus(
        {
            "rules.yaml": "source: sv\nrules:\n  link-targets:\n    severity: warning\n"
            "  glossary: false\n",
            "en/a.md": EN,
        }
    )
    run = glossqa("config", "en/a.md")
    assert run.code == 0
    assert run.lines[0] == "# config file: rules.yaml"
    assert "source: sv  # rules.yaml:1" in run.lines
    assert "layout: auto  # default" in run.lines
    link_targets = run.lines.index("  link-targets:")
    assert run.lines[link_targets + 1 : link_targets + 3] == [
        "    enabled: true  # default",
        "    severity: warning  # rules.yaml:4",
    ]
    assert "    enabled: false  # rules.yaml:5" in run.lines
    assert yaml.safe_load(run.out)["rules"]["glossary"]["enabled"] is False


def test_config_without_a_file_is_all_defaults(corpus, glossqa):
    corpus({"en/a.md": EN})
    run = glossqa("config")
    assert run.lines[0] == "# config file: none (every value is a default)"
    assert all(line.endswith("# default") for line in run.lines[1:] if ": " in line)


def test_exclude_globs_skip_files_and_their_siblings_still_align(corpus, glossqa):
    corpus({"rules.yaml": QUIET + "exclude: [fi/*, drafts]\n", "en/a.md": EN, "sv/a.md": SV})
    corpus({"fi/a.md": FI, "drafts/sv/b.md": SV, "drafts/en/b.md": EN})
    run = glossqa("check", "--no-cache", ".")
    assert [line.split(":")[0] for line in run.lines] == ["sv/a.md"]
    assert glossqa("check", "--no-cache", "fi/a.md").out == ""  # named, still excluded


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_gitignored_files_are_skipped_unless_respect_gitignore_is_false(corpus, glossqa):
    root = corpus({"rules.yaml": QUIET, "en/a.md": EN, "sv/a.md": SV, "fi/a.md": FI})
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    (root / ".gitignore").write_text("fi/\n")
    assert [line[:7] for line in glossqa("check", "--no-cache", ".").lines] == ["sv/a.md"]
    (root / "rules.yaml").write_text(QUIET + "respect-gitignore: false\n")
    assert [line[:7] for line in glossqa("check", "--no-cache", ".").lines] == [
        "fi/a.md",
        "sv/a.md",
    ]


def test_stdin_filename_checks_the_buffer_against_siblings_on_disk(corpus):
    root = corpus({"rules.yaml": QUIET, "en/a.md": EN, "sv/a.md": SV})
    ran = cli("check", "--no-cache", "--stdin-filename", "sv/a.md", cwd=root, stdin=SV.encode())
    assert ran.returncode == 1
    assert ran.stdout.decode().startswith("sv/a.md:6:4: error link-targets this link leads to '/y'")
    fixed = SV.replace("(/y)", "(/x)")
    ran = cli("check", "--no-cache", "--stdin-filename", "sv/a.md", cwd=root, stdin=fixed.encode())
    assert ran.returncode == 0 and ran.stdout == b""
    assert (root / "sv/a.md").read_text(encoding="utf-8") == SV


def test_statistics_counts_per_rule_and_language(corpus, glossqa):
    corpus({"rules.yaml": QUIET, "en/a.md": EN, "sv/a.md": SV, "fi/a.md": FI})
    corpus({"en/b.md": EN, "sv/b.md": SV.replace("# Mjuk", "## Mjuk")})
    run = glossqa("check", "--no-cache", "--statistics", ".")
    assert run.code == 1
    assert run.lines == [
        "     3  link-targets       fi 1 sv 2",
        "     1  heading-structure  sv 1",
    ]


@pytest.mark.parametrize(
    "arguments", [("rules",), ("schema",), ("check", "--no-cache", "--format", "json", ".")]
)
def test_a_closed_pipe_ends_quietly(corpus, arguments):
    files = {"rules.yaml": QUIET, "en/a.md": EN}
    files.update({f"{lang}/a.md": SV for lang in ("sv", "da", "nb", "de", "fr", "es", "it")})
    root = corpus(files)
    command = " ".join([sys.executable, "-m", "qa", *arguments])
    ran = subprocess.run(
        ["sh", "-c", f"{command} | head -n 1"],
        cwd=root,
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(REPOSITORY)},
        timeout=300,
    )
    assert ran.returncode == 0 and len(ran.stdout.splitlines()) == 1
    assert b"Traceback" not in ran.stderr and b"BrokenPipe" not in ran.stderr, ran.stderr


def test_closed_pipe_exit_code(corpus):
    """Without a shell in between: the reader is gone before glossqa writes."""
    reading, writing = os.pipe()
    os.close(reading)
    ran = subprocess.run(
        [sys.executable, "-m", "qa", "rules"],
        stdout=writing,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(REPOSITORY)},
        timeout=300,
    )
    os.close(writing)
    assert ran.returncode == 141 and ran.stderr == b""


def test_sarif_rules_link_to_stable_readme_anchors(corpus, glossqa):
    corpus({"en/a.md": EN, "sv/a.md": SV})
    log = json.loads(glossqa("check", "--no-cache", "--format", "sarif", ".").out)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert [rule["helpUri"] for rule in rules] == [rule_url(check) for check in checks()]
    readme = (REPOSITORY / "README.md").read_text(encoding="utf-8")
    anchors = set(re.findall(r'<a id="([\w-]+)"></a>', readme))
    assert set(checks()) <= anchors


def test_the_wheel_ships_the_license_with_the_word_data_attribution(tmp_path):
    """Built by pip as a user would (it fetches setuptools from PyPI, as the pre-commit tests do)."""
    license_text = (REPOSITORY / "LICENSE").read_text(encoding="utf-8")
    assert "MIT License" in license_text and "CC BY-SA 4.0" in license_text
    assert "wordfreq" in license_text
    source = tmp_path / "src"
    for name in ("pyproject.toml", "setup.py", "README.md", "LICENSE"):
        shutil.copy(REPOSITORY / name, source / name if source.exists() else _mkdir(source) / name)
    shutil.copytree(REPOSITORY / "qa", source / "qa", ignore=shutil.ignore_patterns("__pycache__"))
    ran = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "-q",
            "-w",
            str(tmp_path / "dist"),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert ran.returncode == 0, ran.stderr
    [wheel] = (tmp_path / "dist").glob("glossqa-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    licenses = [name for name in names if name.endswith("LICENSE")]
    assert any(".dist-info/" in name for name in licenses), names
    assert "qa/rules.schema.json" in names
    assert "qa/data/wordfreq/LICENSE" in names
    shipped = zipfile.ZipFile(wheel).read("qa/data/wordfreq/LICENSE").decode()
    assert "CC BY-SA 4.0" in shipped
    # the compiled word tables, under the name an installed glossqa looks for (qa/data/tables.py)
    from qa.data import tables

    name = tables.file_name(tables.source_key(tables.shipped_sources()))
    compiled = tables.WordTables(zipfile.ZipFile(wheel).read(f"qa/data/wordfreq/{name}"), "wheel")
    assert compiled.languages == tuple(sorted(tables.shipped_sources()))


def _mkdir(path):
    path.mkdir(parents=True)
    return path
