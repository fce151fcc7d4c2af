"""The hook through the real pre-commit: it installs glossqa from a git repository and passes changed files."""

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import REPOSITORY, article, write_corpus

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git")

GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.org",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.org",
}

PROJECT = {
    "rules.yaml": "rules:\n  declared-language: false\n",
    "README.txt": "not Markdown: pre-commit never passes it to the hook\n",
    "en/a.md": article("A", "# A\n\nSee [x](/x).\n\n## B\n"),
    "sv/a.md": article("B", "# A\n\nSe [x](/x).\n\n## B\n"),
    "fi/a.md": article("C", "# A\n\nKatso [x](/wrong).\n\n## B\n"),
}


def git(*arguments: str, cwd: Path) -> str:
    return subprocess.run(
        ["git", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", *arguments],
        cwd=cwd,
        env={**os.environ, **GIT_IDENTITY},
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()


def commit_all(folder: Path) -> str:
    git("add", "-A", cwd=folder)
    git("commit", "-q", "-m", "snapshot", cwd=folder)
    return git("rev-parse", "HEAD", cwd=folder)


@pytest.fixture(scope="module")
def hook_repository(tmp_path_factory) -> tuple[Path, str]:
    """A git repository holding this working tree's glossqa, as pre-commit would clone it."""
    folder = tmp_path_factory.mktemp("glossqa-hook")
    for name in ("pyproject.toml", "README.md", "LICENSE", ".pre-commit-hooks.yaml"):
        shutil.copy(REPOSITORY / name, folder / name)
    shutil.copytree(REPOSITORY / "qa", folder / "qa", ignore=shutil.ignore_patterns("__pycache__"))
    git("init", "-q", cwd=folder)
    return folder, commit_all(folder)


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture
def project(tmp_path) -> Path:
    folder = write_corpus(tmp_path / "project", PROJECT)
    git("init", "-q", cwd=folder)
    commit_all(folder)
    return folder


def pre_commit(*arguments: str, cwd: Path, home: Path) -> subprocess.CompletedProcess:
    environment = {
        **os.environ,
        **GIT_IDENTITY,
        "PRE_COMMIT_HOME": str(home),
        "PRE_COMMIT_COLOR": "never",
    }
    environment.pop("GITHUB_ACTIONS", None)
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *arguments],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_try_repo_checks_the_changed_translation_against_its_siblings(
    hook_repository, project, tmp_path
):
    repository, revision = hook_repository
    ran = pre_commit(
        "try-repo",
        str(repository),
        "glossqa",
        "--ref",
        revision,
        "--files",
        "sv/a.md",
        "README.txt",
        cwd=project,
        home=tmp_path / "home",
    )
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert "glossqa" in ran.stdout and "Passed" in ran.stdout

    (project / "sv/a.md").write_text(article("B", "# A\n\nSe [x](/y).\n"))
    ran = pre_commit(
        "try-repo",
        str(repository),
        "glossqa",
        "--ref",
        revision,
        "--files",
        "sv/a.md",
        cwd=project,
        home=tmp_path / "home",
    )
    assert ran.returncode == 1 and "Failed" in ran.stdout
    assert (
        "sv/a.md:6:4: error link-targets this link leads to '/y', the source's to '/x': change the target to '/x' (reference: en/a.md:6)"
        in ran.stdout
    )
    assert "sv/a.md:7:1: error heading-structure missing section" in ran.stdout
    assert "fi/a.md" not in ran.stdout  # broken too, but not changed


@pytest.fixture
def configured(hook_repository, project) -> Path:
    repository, revision = hook_repository
    (project / ".pre-commit-config.yaml").write_text(
        textwrap.dedent(f"""\
        repos:
          - repo: {repository}
            rev: {revision}
            hooks:
              - id: glossqa
        """)
    )
    commit_all(project)
    return project


def test_commit_of_a_changed_source_reports_the_source_only(configured, pre_commit_home):
    (configured / "en/a.md").write_text(
        article("A", "# A\n\nSee [x](/x).\n\n## B\n\n## New section\n")
    )
    git("add", "en/a.md", cwd=configured)
    ran = pre_commit("run", "glossqa", cwd=configured, home=pre_commit_home)
    assert ran.returncode == 0 and "Passed" in ran.stdout, ran.stdout + ran.stderr


def test_commit_of_a_changed_translation_fails_on_it(configured, pre_commit_home):
    (configured / "sv/a.md").write_text(article("B", "# A\n\nSe [x](/x).\n\n### B\n"))
    git("add", "sv/a.md", cwd=configured)
    ran = pre_commit("run", "glossqa", cwd=configured, home=pre_commit_home)
    assert ran.returncode == 1
    assert "sv/a.md:8:1: error heading-structure heading level 3 differs" in ran.stdout
    assert "fi/a.md" not in ran.stdout


def test_all_files_reports_every_file(configured, pre_commit_home):
    ran = pre_commit("run", "glossqa", "--all-files", cwd=configured, home=pre_commit_home)
    assert ran.returncode == 1
    assert (
        "fi/a.md:6:7: error link-targets this link leads to '/wrong'" in ran.stdout
        and "sv/a.md" not in ran.stdout
    )


def test_a_passing_hook_shows_the_warnings_of_the_changed_file(hook_repository, project, tmp_path):
    """Warnings do not fail the commit, but the translator sees them (`verbose: true`)."""
    repository, revision = hook_repository
    (project / "sv/a.md").write_text(
        article(
            "B",
            "# A\n\nSe [x](/x). The translator left this whole sentence in English for later.\n"
            "\n## B\n",
        )
    )
    ran = pre_commit(
        "try-repo",
        str(repository),
        "glossqa",
        "--ref",
        revision,
        "--files",
        "sv/a.md",
        cwd=project,
        home=tmp_path / "home",
    )
    assert ran.returncode == 0 and "Passed" in ran.stdout, ran.stdout + ran.stderr
    assert "sv/a.md:6:1: warning untranslated this paragraph is left in English" in ran.stdout
