"""Files a check never reads: the `exclude:` globs of rules.yaml and, by default, what git ignores."""

from __future__ import annotations

import os
import shutil
import subprocess
from fnmatch import fnmatchcase
from pathlib import Path, PurePosixPath


def without_excluded(
    paths: list[Path], base: Path | None, patterns: list[str], respect_gitignore: bool
) -> list[Path]:
    """`paths` (absolute) less those an `exclude` glob (relative to `base`) or git ignores."""
    if patterns and base is not None:
        paths = [path for path in paths if not _matches(path, base, patterns)]
    if respect_gitignore and paths:
        ignored = _git_ignored(paths)
        paths = [path for path in paths if path not in ignored]
    return paths


def _matches(path: Path, base: Path, patterns: list[str]) -> bool:
    try:
        relative = PurePosixPath(Path(os.path.relpath(path, base)).as_posix())
    except ValueError:  # another drive
        return False
    if relative.parts and relative.parts[0] == "..":
        return False
    text = str(relative)
    for pattern in patterns:
        pattern = pattern.strip().removeprefix("./")
        if "/" not in pattern.rstrip("/"):
            if any(fnmatchcase(part, pattern.rstrip("/")) for part in relative.parts):
                return True
        elif fnmatchcase(text, pattern) or fnmatchcase(text, pattern.rstrip("/") + "/*"):
            return True
    return False


def _git_ignored(paths: list[Path]) -> set[Path]:
    """The paths git ignores (tracked files never are); none when git or a work tree is missing."""
    git = shutil.which("git")
    if git is None:
        return set()
    by_folder: dict[Path, list[Path]] = {}
    for path in paths:
        by_folder.setdefault(_work_tree(path.parent), []).append(path)
    ignored: set[Path] = set()
    for tree, members in by_folder.items():
        if tree == Path():
            continue
        try:
            ran = subprocess.run(
                [git, "-C", str(tree), "check-ignore", "--stdin", "-z"],
                input="\0".join(str(path) for path in members).encode("utf-8", "surrogateescape"),
                capture_output=True,
                timeout=60,
            )
        except (OSError, subprocess.SubprocessError):
            continue
        if ran.returncode == 0:
            ignored.update(
                Path(os.path.abspath(tree / name))
                for name in ran.stdout.decode("utf-8", "surrogateescape").split("\0")
                if name
            )
    return ignored


def _work_tree(folder: Path) -> Path:
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return Path()
