"""Every id a diagnostic can carry, with its documentation: the rules, parse-error and suppression."""

from __future__ import annotations

from dataclasses import dataclass

from . import suppress
from .pipeline import PARSE_ERROR
from .rules import RULES

PARSE_ERROR_DOC = """parse-error: a file that cannot be read as Markdown.

Not a rule you configure: an unreadable file, invalid UTF-8, malformed or unclosed front matter,
TOML front matter, an empty file or a binary file gets a parse-error with the reason, and the run
goes on with the other files.

Fails (`sv/a.md`):

    ---
    title: [unclosed

Passes:

    ---
    title: Mjuk försäljning
    ---
"""


REPOSITORY_URL = "https://github.com/glossqa/glossqa"  # where glossqa is published
DOCUMENTATION = f"{REPOSITORY_URL}/blob/main/README.md"
SCHEMA_URL = "https://raw.githubusercontent.com/glossqa/glossqa/main/qa/rules.schema.json"


def rule_url(check_id: str) -> str:
    """The check's documentation: README.md has a stable anchor named after each check id."""
    return f"{DOCUMENTATION}#{check_id}"


@dataclass(frozen=True)
class Check:
    id: str
    severity: str
    doc: str
    options: dict

    @property
    def summary(self) -> str:
        """The docstring's first line, without the leading `id:`."""
        first = self.doc.strip().splitlines()[0] if self.doc.strip() else self.id
        return first.removeprefix(f"{self.id}:").strip()


def checks() -> dict[str, Check]:
    found = {
        rule_id: Check(rule_id, module.SEVERITY, module.__doc__ or "", dict(module.OPTIONS))
        for rule_id, module in RULES.items()
    }
    found[PARSE_ERROR] = Check(PARSE_ERROR, "error", PARSE_ERROR_DOC, {})
    found[suppress.ID] = Check(suppress.ID, suppress.SEVERITY, suppress.__doc__ or "", {})
    return found
