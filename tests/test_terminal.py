"""Terminal behaviour: colour on a terminal only, a progress bar on a terminal's stderr, a closing summary."""

import os
import pty
import subprocess
import sys

from conftest import REPOSITORY, article

ESCAPE = "\033["
FILES = {
    "en/a.md": article("A", "# A\n\nSee [x](/x).\n"),
    "sv/a.md": article("B", "# A\n\nSe [x](/y).\n"),
}


def on_terminal(arguments: list[str], cwd, **environment: str) -> str:
    """Run the real CLI with stdout and stderr on a pseudo-terminal; return what the terminal shows."""
    primary, secondary = pty.openpty()
    env = {
        key: value for key, value in os.environ.items() if key not in ("NO_COLOR", "FORCE_COLOR")
    }
    env.update(PYTHONPATH=str(REPOSITORY), TERM="xterm", **environment)
    process = subprocess.Popen(
        [sys.executable, "-m", "qa", *arguments],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=secondary,
        stderr=secondary,
    )
    os.close(secondary)
    shown = b""
    while True:
        try:
            chunk = os.read(primary, 65536)
        except OSError:  # the terminal closes when the process ends
            break
        if not chunk:
            break
        shown += chunk
    os.close(primary)
    process.wait(timeout=60)
    return shown.decode()


def test_colour_on_a_terminal(corpus, tmp_path):
    corpus(FILES)
    shown = on_terminal(["check", "--isolated", "."], tmp_path)
    assert "\033[1;31merror\033[0m" in shown and "sv/a.md:6:4:" in shown


def test_no_colour_when_no_color_is_set(corpus, tmp_path):
    corpus(FILES)
    shown = on_terminal(["check", "--isolated", "."], tmp_path, NO_COLOR="1")
    assert "sv/a.md:6:4: error link-targets" in shown and ESCAPE not in shown


def test_no_colour_when_piped_unless_forced(corpus, glossqa, monkeypatch):
    corpus(FILES)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    assert ESCAPE not in glossqa("check", "--isolated", ".").out
    assert ESCAPE in glossqa("check", "--isolated", "--color", "always", ".").out
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert ESCAPE in glossqa("check", "--isolated", ".").out
    assert ESCAPE not in glossqa("check", "--isolated", "--color", "never", ".").out
    assert ESCAPE not in glossqa("check", "--isolated", "--format", "json", ".").out


def many_groups(corpus, count: int):
    corpus(
        {
            name.replace("a.md", f"page{index}.md"): content
            for index in range(count)
            for name, content in FILES.items()
        }
    )


def test_progress_bar_on_a_terminal_for_a_long_run(corpus, tmp_path):
    many_groups(corpus, 60)
    shown = on_terminal(["check", "--isolated", "--select", "link-targets", "."], tmp_path)
    assert "60/60 groups" in shown and "\r[" + "#" * 30 + "]" in shown
    assert shown.rstrip().endswith("glossqa: 120 files in 60 groups: 60 errors, 0 warnings, 0 info")
    assert "groups" not in on_terminal(["check", "--isolated", "--quiet", "."], tmp_path)


def test_no_progress_bar_when_piped_or_short(corpus, glossqa, tmp_path):
    many_groups(corpus, 60)
    assert "\r[" not in glossqa("check", "--isolated", ".").err
    short = tmp_path / "short"
    short.mkdir()
    for name, content in FILES.items():
        (short / name).parent.mkdir(parents=True, exist_ok=True)
        (short / name).write_text(content)
    assert "\r[" not in on_terminal(["check", "--isolated", "."], short)


def test_closing_summary_counts_files_groups_and_severities(corpus, glossqa):
    corpus(
        {
            **FILES,
            "fi/a.md": article("C", "# A\n\nKatso [x](/x). Soft Sell, Soft Sell.\n"),
            "de/b.md": article("D", "# B\n"),
            "rules.yaml": "rules:\n  untranslated: {severity: info, terms: [Soft Sell], detect: false}\n",
        }
    )
    run = glossqa("check", ".")
    assert (
        run.err
        == (
            "glossqa: 1 of 2 articles has no en file (deleted or moved?), so their translations were"
            " not compared with a source; first: de/b.md\n"
            "glossqa: 4 files in 2 groups: 1 error, 1 warning, 2 info\n"  # the warning: orphaned de/b.md
        )
    )
    assert glossqa("check", "--quiet", ".").err == ""
