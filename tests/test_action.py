"""The composite GitHub Action (action.yml): its shell steps run here as a runner would run them,
with the inputs and GitHub's files ($GITHUB_OUTPUT, $GITHUB_STEP_SUMMARY) in a temporary folder.
The install step is not run: glossqa from this checkout is on PATH already."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import yaml
from conftest import article

ACTION = yaml.safe_load((Path(__file__).parent.parent / "action.yml").read_text(encoding="utf-8"))
EXPRESSION = re.compile(r"\$\{\{\s*([\w.-]+)\s*\}\}")

FILES = {
    "rules.yaml": "rules:\n  declared-language: false\n  untranslated: false\n",
    "docs/en/a.md": article("A", "# A\n\nSee [x](/x).\n\n## B\n\nSee [y](/y).\n"),
    "docs/sv/a.md": article("A sv", "# A\n\nSe [x](/wrong).\n\n## B\n\nSe [y](/y).\n"),
}


def git(root: Path, *arguments: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@t", *arguments],
        cwd=root,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def run_action(workspace: Path, runner: Path, **inputs: str) -> tuple[int, str, dict[str, str]]:
    """Run the action's shell steps (not the install, not `uses:` steps); its exit code, stdout
    (the annotations) and outputs."""
    context = {
        "runner.temp": str(runner),
        "github.action_path": str(Path(__file__).parent.parent),
        "github.event.pull_request.base.sha": "",  # not a pull request
    }
    values = {
        name: EXPRESSION.sub(lambda match: context[match[1]], str(spec.get("default", "")))
        for name, spec in ACTION["inputs"].items()
    }
    values.update({name.replace("_", "-"): value for name, value in inputs.items()})
    outputs: dict[str, str] = {}
    output_file, summary = runner / "output", runner / "summary.md"
    stdout = ""
    for step in ACTION["runs"]["steps"]:
        if "uses" in step or step.get("id") == "install":
            continue

        def value(match: re.Match) -> str:
            name = match[1]
            if name.startswith("inputs."):
                return values[name.removeprefix("inputs.")]
            if name.startswith("steps."):
                return outputs.get(name.split(".")[-1], "")
            return context[name]

        env = {key: EXPRESSION.sub(value, str(text)) for key, text in step.get("env", {}).items()}
        output_file.write_text("", encoding="utf-8")
        run = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
            cwd=workspace,
            env={
                **os.environ,
                **env,
                "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
                "GITHUB_OUTPUT": str(output_file),
                "GITHUB_STEP_SUMMARY": str(summary),
            },
            capture_output=True,
            text=True,
        )
        stdout += run.stdout
        sys.stderr.write(run.stderr)  # shown when a test fails
        for row in output_file.read_text(encoding="utf-8").splitlines():
            key, _, text = row.partition("=")
            outputs[key] = text
        if run.returncode:
            return run.returncode, stdout, outputs
    return 0, stdout, outputs


def test_action_annotates_changed_lines_and_summarises_the_rest(corpus, tmp_path):
    workspace = corpus({f"site/{name}": text for name, text in FILES.items()}) / "site"
    git(workspace, "init", "-q")
    git(workspace, "add", ".")
    git(workspace, "commit", "-qm", "base")
    base = git(workspace, "rev-parse", "HEAD").strip()
    sv = workspace / "docs/sv/a.md"
    sv.write_text(sv.read_text(encoding="utf-8").replace("/y)", "/z)"), encoding="utf-8")
    git(workspace, "commit", "-qam", "pull request")
    runner = tmp_path / "runner"
    runner.mkdir()

    code, annotations, outputs = run_action(
        workspace, runner, paths="docs", changed_since=base, sarif="glossqa.sarif"
    )

    assert code == 1  # the step fails on the errors, after writing everything
    assert outputs["exit-code"] == "1"
    assert annotations.splitlines() == [
        "::error file=docs/sv/a.md,line=10,col=4,title=link-targets::"
        "this link leads to '/z', the source's to '/y': change the target to '/y' "
        "(reference: docs/en/a.md:10)"
    ]
    summary = (runner / "summary.md").read_text(encoding="utf-8")
    assert summary.startswith("## glossqa: 1 error in 2 files\n")
    assert "**1 more finding** on unchanged lines not shown" in summary
    assert '"ruleId": "link-targets"' in (workspace / "glossqa.sarif").read_text(encoding="utf-8")
    report = Path(outputs["report"])
    assert report.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_action_on_a_clean_site_succeeds_without_changed_since(corpus, tmp_path):
    workspace = corpus(
        {
            "en/a.md": article("A", "# A\n\nSee [x](/x).\n"),
            "sv/a.md": article("A sv", "# A\n\nSe [x](/x).\n"),
            "rules.yaml": "rules:\n  declared-language: false\n",
        }
    )
    git(workspace, "init", "-q")
    runner = tmp_path / "runner"
    runner.mkdir()
    code, annotations, outputs = run_action(workspace, runner, html_report="false")
    assert (code, annotations, outputs["exit-code"]) == (0, "", "0")
    assert "report" not in outputs
    assert (runner / "summary.md").read_text(
        encoding="utf-8"
    ) == "## glossqa: no findings in 2 files\n"


def test_action_uploads_the_report_with_the_official_artifact_action():
    uploads = [step for step in ACTION["runs"]["steps"] if "uses" in step]
    assert [step["uses"] for step in uploads] == ["actions/upload-artifact@v4"]
    assert uploads[0]["with"]["path"] == "${{ steps.check.outputs.report }}"
