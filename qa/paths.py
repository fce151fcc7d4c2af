"""File names that are not valid UTF-8.

Python carries such a name as a str with lone surrogates (os.fsdecode), which every string
operation accepts but no UTF-8 encoder does. These turn it into text that can be written: JSON
escapes that read back as the same name, and URIs with the name's own bytes percent-encoded.
"""

from __future__ import annotations

import re
from urllib.parse import quote

LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def json_text(text: str) -> str:
    """JSON text (as json.dumps writes it with ensure_ascii=False) with each lone surrogate escaped
    as \\uXXXX, so it encodes as UTF-8 and json.loads gives back the same string."""
    return LONE_SURROGATE.sub(lambda match: f"\\u{ord(match[0]):04x}", text)


def uri_path(path: str) -> str:
    """A path as a relative URI reference: its bytes, as the file system has them, percent-encoded."""
    return quote(path.encode("utf-8", "surrogateescape"))


def printable(text: str) -> str:
    """Text for a reader: each byte that is not UTF-8 shown as \\xNN."""
    if not LONE_SURROGATE.search(text):
        return text
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
