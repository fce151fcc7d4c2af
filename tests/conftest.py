from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from qa.cli import main

REPOSITORY = Path(__file__).resolve().parent.parent


def write_corpus(root: Path, files: dict[str, str | bytes]) -> Path:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")
    return root


class Run:
    def __init__(self, code: int, out: str, err: str):
        self.code, self.out, self.err = code, out, err

    @property
    def lines(self) -> list[str]:
        return self.out.splitlines()

    @property
    def json(self) -> list[dict]:
        return json.loads(self.out)

    def rules(self) -> list[str]:
        return [item["rule"] for item in self.json]


@pytest.fixture
def glossqa(capsys, monkeypatch, tmp_path):
    """Run the real CLI in-process from `cwd` (default: the test's tmp_path)."""

    def run(*arguments: str, cwd: Path | None = None) -> Run:
        monkeypatch.chdir(cwd or tmp_path)
        try:
            code = main(list(arguments))
        except SystemExit as exit_:
            code = exit_.code
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


@pytest.fixture
def corpus(tmp_path):
    def make(files: dict[str, str | bytes]) -> Path:
        return write_corpus(tmp_path, files)

    return make


def article(title: str, body: str, **front_matter: str) -> str:
    """A Markdown file with YAML front matter; body is dedented."""
    lines = (
        ["---", f"title: {title}"]
        + [f"{key}: {value}" for key, value in front_matter.items()]
        + ["---", ""]
    )
    return "\n".join(lines) + textwrap.dedent(body).lstrip("\n")
