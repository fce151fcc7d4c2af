"""What reports learn from git: the repository's web address for links, and the lines changed since a revision.

Paths in and out are the display paths (relative to the current folder), like the diagnostics'.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .model import Diagnostic

HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
SCP_LIKE = re.compile(r"^(?:[\w.-]+@)?([\w.-]+):(?!//)(.+)$")  # git@github.com:owner/repo.git
QUOTED = re.compile(r"\\([0-7]{3})|\\(.)")
ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}
FILE_LEVEL_LINE = 1  # a diagnostic about the file as a whole sits on its first line


class GitError(Exception):
    """git is missing, this is not a work tree, or the revision is unknown."""


def _git(*arguments: str) -> str:
    try:
        run = subprocess.run(
            ["git", "-c", "core.quotePath=false", *arguments],
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
        )
    except OSError as error:
        raise GitError(f"cannot run git: {error.strerror}") from error
    if run.returncode != 0:
        raise GitError(
            run.stderr.strip().splitlines()[-1]
            if run.stderr.strip()
            else f"git {arguments[0]} failed"
        )
    return run.stdout


def web_url(remote: str) -> str | None:
    """The browsable https address of a remote (ssh, scp-like or https; credentials dropped)."""
    remote = remote.strip()
    if not remote:
        return None
    if "://" in remote:
        scheme, rest = remote.split("://", 1)
        if scheme not in ("https", "http", "ssh", "git"):
            return None
        host_and_path = rest.split("@", 1)[-1] if "@" in rest.split("/", 1)[0] else rest
        host, _, path = host_and_path.partition("/")
        host = host.split(":")[0] if scheme in ("ssh", "git") else host
    else:
        match = SCP_LIKE.match(remote)
        if not match or os.path.isabs(remote):
            return None
        host, path = match[1], match[2]
    path = path.strip("/").removesuffix(".git")
    if not host or not path:
        return None
    return f"https://{host}/{path}"


@dataclass
class Repository:
    """Where links into the repository point: `url` (a web address) at `revision`, files under `prefix`."""

    url: str
    revision: str
    prefix: str  # the current folder, relative to the work tree's top

    def link(self, path: str, line: int | None = None) -> str:
        full = f"{self.prefix}/{path}" if self.prefix else path
        return f"{self.url}/blob/{self.revision}/{full}" + (f"#L{line}" if line else "")


def detect_repository(configured: str | None = None, environ=os.environ) -> Repository | None:
    """The configured URL, else GitHub Actions' repository, else remote.origin.url; None outside git
    without a configured URL."""
    try:
        top = Path(_git("rev-parse", "--show-toplevel").strip())
        prefix = PurePosixPath(os.path.relpath(Path.cwd().resolve(), top.resolve())).as_posix()
        revision = environ.get("GITHUB_SHA") or _git("rev-parse", "HEAD").strip()
    except GitError:
        top, prefix, revision = None, "", "HEAD"
    url = configured
    if not url and environ.get("GITHUB_REPOSITORY"):
        server = environ.get("GITHUB_SERVER_URL", "https://github.com")
        url = f"{server}/{environ['GITHUB_REPOSITORY']}"
    if not url and top is not None:
        try:
            url = web_url(_git("config", "--get", "remote.origin.url"))
        except GitError:
            url = None
    if not url:
        return None
    return Repository(url.rstrip("/"), revision, "" if prefix == "." else prefix)


@dataclass
class Changes:
    """Lines added or changed since a revision, by display path; `whole` files are new or untracked."""

    lines: dict[str, set[int]] = field(default_factory=dict)
    whole: set[str] = field(default_factory=set)

    def touches(self, path: str, line: int) -> bool:
        return path in self.whole or line in self.lines.get(path, ())

    def keeps(self, diagnostic: Diagnostic) -> bool:
        """On a changed line, about the file as a whole, or pointing at a changed line of the reference."""
        if diagnostic.line <= FILE_LEVEL_LINE or self.touches(diagnostic.path, diagnostic.line):
            return True
        related = diagnostic.related
        return related is not None and self.touches(related.path, related.line)


def changed_since(revision: str) -> Changes:
    """The work tree's changes (committed or not) since `revision`, and the untracked files."""
    try:
        _git("rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    except GitError as error:
        raise GitError(f"{revision!r} is not a commit here ({error})") from error
    changes = Changes()
    diff = _git("diff", "--unified=0", "--no-color", "--no-ext-diff", "--relative", revision, "--")
    path = None
    for row in diff.splitlines():
        if row.startswith("+++ "):
            name = row[4:]
            path = None if name == "/dev/null" else _display(name.removeprefix("b/"))
        elif path and (match := HUNK.match(row)):
            start, count = int(match[1]), int(match[2] if match[2] is not None else 1)
            changes.lines.setdefault(path, set()).update(range(start, start + count))
    untracked = _git("ls-files", "--others", "--exclude-standard")
    changes.whole.update(_display(name) for name in untracked.splitlines() if name)
    return changes


def _display(name: str) -> str:
    """A path as git printed it: C-quoted when it holds quotes, backslashes or control characters."""
    if not name.startswith('"'):
        return name
    return QUOTED.sub(lambda m: chr(int(m[1], 8)) if m[1] else ESCAPES.get(m[2], m[2]), name[1:-1])
