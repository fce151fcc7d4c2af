"""Fixes: the exact edits a rule attaches to a diagnostic, and applying them to a file's text.

A rule builds a Fix with the helpers here and yields it on its Problem; `check --fix` writes the
edited files (atomically, only the files reported on), `check --diff` prints them as a unified
diff and the language server offers them as code actions. One source of truth for all three.
Each fix restores what the reference has, so a second run finds nothing left to fix.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from .model import Diagnostic, Document, Edit, Fix, FrontMatter, UnclosedFence
from .parse import FENCE_RUN, HEADING_ANCHOR, TOP_LEVEL_KEY

ATX_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+\S")
ATX_CLOSING = re.compile(r"[ \t]#+[ \t]*$")
BOM = "\ufeff"


def replace_line(document: Document, line: int, text: str) -> Edit:
    return Edit(line, 1, line, len(document.lines[line - 1]) + 1, text)


def restore_delimiters(document: Document, front_matter: FrontMatter, delimiter: str) -> Fix:
    return Fix(
        f"delimit the front matter with {delimiter}",
        (
            replace_line(document, front_matter.line, delimiter),
            replace_line(document, front_matter.end_line, delimiter),
        ),
    )


def rename_key(
    document: Document,
    line: int,
    reference: Document,
    reference_line: int,
    siblings: list[Document],
) -> Fix | None:
    """The translation's key on `line` spelled as the reference writes its key on `reference_line`.

    Only for a key no other sibling has, holding the same kind of value: a key every translation
    carries (Hugo's `default_lang_commit`) is the site's own, and a list where the reference has a
    string is another key, not a translated one; renaming either would lose it.
    """
    ours = TOP_LEVEL_KEY.match(document.lines[line - 1])
    theirs = TOP_LEVEL_KEY.match(reference.lines[reference_line - 1])
    if not ours or not theirs or not document.front_matter or not reference.front_matter:
        return None
    our_key, their_key = ours[1].strip("'\""), theirs[1].strip("'\"")
    our_entry = document.front_matter.entries.get(our_key)
    their_entry = reference.front_matter.entries.get(their_key)
    if our_entry is None or their_entry is None:
        return None
    if type(our_entry.value) is not type(their_entry.value):
        return None
    if any(
        sibling.front_matter and our_key in sibling.front_matter.entries
        for sibling in siblings
        if sibling is not document
    ):
        return None
    return Fix(
        f"rename {ours[1]!r} back to {theirs[1]!r}",
        (Edit(line, 1, line, ours.end(1) + 1, theirs[1]),),
    )


def copy_entry(
    document: Document, line: int, reference: Document, reference_line: int, safe: bool = True
) -> Fix | None:
    """The translation's front-matter entry at `line` replaced by the reference's lines for it.

    Unsafe for a key found identical only by the siblings' consensus: a site may translate it
    (Hugo's `linkTitle`), and then the fix would undo a translation.
    """
    ours = _entry_lines(document, line)
    theirs = _entry_lines(reference, reference_line)
    if ours is None or theirs is None:
        return None
    first, last = ours
    text = "\n".join(reference.lines[theirs[0] - 1 : theirs[1]])
    return Fix(
        "restore the reference's value",
        (Edit(first, 1, last, len(document.lines[last - 1]) + 1, text),),
        safe,
    )


def _entry_lines(document: Document, line: int) -> tuple[int, int] | None:
    """The first and last line of the front-matter entry whose key is on `line`."""
    front_matter = document.front_matter
    if front_matter is None or not front_matter.line < line < front_matter.end_line:
        return None
    if not TOP_LEVEL_KEY.match(document.lines[line - 1]):
        return None
    last = line
    for number in range(line + 1, front_matter.end_line):
        text = document.lines[number - 1]
        if TOP_LEVEL_KEY.match(text) or (text and not text[0].isspace() and text[0] not in "-#"):
            break
        if text.strip() and not text.lstrip().startswith("#"):
            last = number
    return line, last


def restore_anchor(
    document: Document, line: int, reference: Document, reference_line: int
) -> Fix | None:
    """Append the reference heading's attribute list (`{#id}`) to the translation's ATX heading."""
    ours = document.lines[line - 1]
    found = HEADING_ANCHOR.search(reference.lines[reference_line - 1])
    if not found or not ATX_HEADING.match(ours) or ATX_CLOSING.search(ours):
        return None
    attributes = found[0].strip()
    end = len(ours.rstrip()) + 1
    return Fix(
        f"restore the heading id {attributes}",
        (Edit(line, end, line, len(ours) + 1, " " + attributes),),
    )


def lengthen_fence(document: Document, fence: UnclosedFence | None) -> Fix | None:
    if fence is None or not fence.short_by_one:
        return None
    run = FENCE_RUN.match(document.lines[fence.line - 1])
    if not run:
        return None
    column = run.end(1) + 1
    return Fix(
        f"lengthen the fence to {run[1] + run[1][0]}",
        (Edit(fence.line, column, fence.line, column, run[1][0]),),
    )


@dataclass
class FixedFile:
    path: str
    before: str
    after: str
    fixed: list[Diagnostic]

    def diff(self) -> str:
        return "".join(
            difflib.unified_diff(
                self.before.splitlines(keepends=True),
                self.after.splitlines(keepends=True),
                fromfile=f"a/{self.path}",
                tofile=f"b/{self.path}",
            )
        )


def apply_fixes(text: str, fixes: Iterable[Fix]) -> tuple[str, list[Fix]]:
    """`text` (the file as read: a BOM and CRLF line ends are kept) with the fixes applied, and the
    fixes applied. A fix whose edits overlap one applied before it is left for the next run."""
    bom = BOM if text.startswith(BOM) else ""
    newline = "\r\n" if "\r\n" in text else "\n"
    body = text[len(bom) :].replace("\r\n", "\n").replace("\r", "\n")
    starts = [0]
    for line in body.split("\n"):
        starts.append(starts[-1] + len(line) + 1)

    def offset(line: int, column: int) -> int:
        line = min(max(line, 1), len(starts) - 1)
        return min(starts[line - 1] + column - 1, starts[line] - 1)

    taken: list[tuple[int, int]] = []
    replacements: list[tuple[int, int, str]] = []
    applied: list[Fix] = []
    for fix in sorted(fixes, key=lambda fix: min((e.line, e.column) for e in fix.edits)):
        spans = [
            (offset(e.line, e.column), offset(e.end_line, e.end_column), e.text) for e in fix.edits
        ]
        if any(_overlaps(start, end, taken) for start, end, _ in spans):
            continue
        taken += [(start, end) for start, end, _ in spans]
        replacements += spans
        applied.append(fix)
    for start, end, replacement in sorted(replacements, reverse=True):
        body = body[:start] + replacement + body[end:]
    return bom + body.replace("\n", newline), applied


def _overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return any(
        start < other_end and other_start < end or start == other_start
        for other_start, other_end in taken
    )


def fixable(diagnostics: Iterable[Diagnostic], unsafe: bool = False) -> dict[str, list[Diagnostic]]:
    """The diagnostics that carry a fix (a safe one, unless `unsafe`), by path, in report order."""
    found: dict[str, list[Diagnostic]] = {}
    for diagnostic in diagnostics:
        if diagnostic.fix is not None and (unsafe or diagnostic.fix.safe):
            found.setdefault(diagnostic.path, []).append(diagnostic)
    return found


def fix_text(path: str, text: str, diagnostics: list[Diagnostic]) -> FixedFile:
    after, applied = apply_fixes(text, [d.fix for d in diagnostics if d.fix is not None])
    fixed = [d for d in diagnostics if d.fix is not None and any(d.fix is fix for fix in applied)]
    return FixedFile(path, text, after, fixed)
