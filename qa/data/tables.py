"""The word tables as one file that is mapped into memory, not read: ready in a millisecond, and one
copy in the page cache however many workers and runs read it.

The shipped tables (qa/data/wordfreq/<language>.txt.gz: word, tab, Zipf frequency × 10) are the
source. On first use they are compiled into `wordtables-<key>.bin`, where `key` names the format and
the shipped files, so an upgrade builds a new one. Places tried, in order:

- qa/data/wordfreq itself, where a wheel built by setup.py carries it (or `python -m qa.data.tables`
  put it);
- the user's cache folder (`$XDG_CACHE_HOME/glossqa`, `~/.cache/glossqa`; `%LOCALAPPDATA%` on Windows),
  where it is built if missing or damaged, written to a temporary file and renamed into place;
- memory, when neither can be written (a read-only installation and home): the same bytes, built
  for this run only, with a message saying why.

Layout (native byte order): MAGIC, u32 header length, the JSON header (languages, slot count,
offsets), the slots of an open-addressing hash table (u32 each: 0 empty, else where the word's
entry is; probing starts at crc32(word) mod slots), the entries (u8 length, the word in UTF-8, u8
count, then per language its index | 0x80 and its Zipf × 10), MAGIC again. Entries run from the
most frequent words down, so the words a run looks up sit on few pages.
"""

from __future__ import annotations

import gzip
import json
import mmap
import os
import struct
import sys
import tempfile
import zlib
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path

MAGIC = b"glossqa wordtables\n"
FORMAT = 1
SOURCES = "qa.data.wordfreq"
SOURCE_SUFFIX = ".txt.gz"
LANGUAGE_MARK = (
    0x80  # set on a language index, never on a Zipf × 10 (at most 80): bytes.find tells them apart
)
SLOTS_PER_WORD = 1.5
SLOT = struct.Struct("=I")


class DamagedTables(Exception):
    """A table file that cannot be used: the message says why."""


class WordTables:
    """Every language's words and their Zipf frequencies, read from one buffer (a mapped file or bytes)."""

    def __init__(self, buffer: mmap.mmap | bytes, origin: str):
        self.origin = origin
        self._buffer = buffer
        view = memoryview(buffer)
        if bytes(view[: len(MAGIC)]) != MAGIC or bytes(view[-len(MAGIC) :]) != MAGIC:
            raise DamagedTables("it does not start and end as a glossqa word-table file")
        try:
            (length,) = SLOT.unpack_from(buffer, len(MAGIC))
            header = json.loads(bytes(view[len(MAGIC) + 4 : len(MAGIC) + 4 + length]))
            self.languages: tuple[str, ...] = tuple(header["languages"])
            self._slot_count = header["slots"]
            slots_at = header["slots_at"]
            if header["format"] != FORMAT or header["size"] != len(buffer):
                raise DamagedTables(f"format {header['format']}, size {header['size']}")
            if header["byteorder"] != sys.byteorder:
                raise DamagedTables(f"it was built for a {header['byteorder']}-endian machine")
        except (KeyError, TypeError, ValueError, struct.error) as error:
            raise DamagedTables(f"its header is unreadable ({error})") from None
        self.key: str = header["key"]
        self.index = {language: position for position, language in enumerate(self.languages)}
        self._slots = view[slots_at : slots_at + 4 * self._slot_count].cast("I")
        self._entries_at = slots_at + 4 * self._slot_count

    def words(self, mark: int) -> Iterator[str]:
        """The words of the language whose index | LANGUAGE_MARK is `mark`, most frequent first."""
        buffer, at, end = self._buffer, self._entries_at, len(self._buffer) - len(MAGIC)
        wanted = bytes((mark,))
        while at < end:
            length = buffer[at]
            count = buffer[at + 1 + length]
            pairs = buffer[at + 2 + length : at + 2 + length + 2 * count]
            found = pairs.find(wanted)
            if found >= 0 and found % 2 == 0:
                yield buffer[at + 1 : at + 1 + length].decode("utf-8", "surrogatepass")
            at += 2 + length + 2 * count

    def pairs(self, word: str) -> bytes:
        """(language index | LANGUAGE_MARK, Zipf × 10) byte pairs for the word; b"" for a word no table has."""
        encoded = word.encode("utf-8", "surrogatepass")
        slots, buffer, count = self._slots, self._buffer, self._slot_count
        slot = zlib.crc32(encoded) % count
        length = len(encoded)
        while at := slots[slot]:
            if buffer[at] == length and buffer[at + 1 : at + 1 + length] == encoded:
                start = at + 2 + length
                return buffer[start : start + 2 * buffer[at + 1 + length]]
            slot = slot + 1 if slot + 1 < count else 0
        return b""


def build(sources: Iterable[tuple[str, bytes]], key: str) -> bytes:
    """The table file for (language, gzip-compressed "word<TAB>zipf×10" lines) pairs."""
    languages: list[str] = []
    by_word: dict[bytes, dict[int, int]] = {}
    for index, (language, compressed) in enumerate(sorted(sources)):
        languages.append(language)
        for line in gzip.decompress(compressed).splitlines():
            word, _, zipf = line.partition(b"\t")
            if not 0 < len(word) < 256:
                raise ValueError(f"{language}: {word[:40]!r}... does not fit a one-byte length")
            if not 0 <= int(zipf) < LANGUAGE_MARK:
                raise ValueError(f"{language}: {word[:40]!r} has a Zipf × 10 of {int(zipf)}")
            by_word.setdefault(word, {})[index | LANGUAGE_MARK] = int(zipf)
    ordered = sorted(by_word.items(), key=_most_frequent_first)
    slot_count = max(1, int(len(ordered) * SLOTS_PER_WORD)) | 1
    header_guess = _header(languages, slot_count, 0, 0, key)
    slots_at = _aligned(len(MAGIC) + 4 + len(header_guess) + 64)
    entries_at = slots_at + 4 * slot_count
    chunks = []
    slots = [0] * slot_count
    at = entries_at
    crc32 = zlib.crc32
    for word, frequencies in ordered:
        slot = crc32(word) % slot_count
        while slots[slot]:
            slot = slot + 1 if slot + 1 < slot_count else 0
        slots[slot] = at
        pairs = [value for item in frequencies.items() for value in item]  # in language order
        chunk = bytes((len(word),)) + word + bytes((len(frequencies), *pairs))
        chunks.append(chunk)
        at += len(chunk)
    entries = b"".join(chunks)
    size = at + len(MAGIC)
    header = _header(languages, slot_count, slots_at, size, key)
    prefix = MAGIC + SLOT.pack(len(header)) + header
    if len(prefix) > slots_at:
        raise AssertionError("the header outgrew the room left for it")
    slot_bytes = struct.pack(f"={slot_count}I", *slots)
    return b"".join((prefix, bytes(slots_at - len(prefix)), slot_bytes, entries, MAGIC))


def _most_frequent_first(item: tuple[bytes, dict[int, int]]) -> int:
    return -max(item[1].values())


def _header(languages: list[str], slots: int, slots_at: int, size: int, key: str) -> bytes:
    return json.dumps(
        {
            "format": FORMAT,
            "key": key,
            "languages": languages,
            "slots": slots,
            "slots_at": slots_at,
            "size": size,
            "byteorder": sys.byteorder,
        }
    ).encode()


def _aligned(offset: int) -> int:
    return (offset + 7) // 8 * 8


def shipped_sources() -> dict[str, Path]:
    """language -> its shipped table file."""
    folder = resources.files(SOURCES)
    return {
        entry.name.removesuffix(SOURCE_SUFFIX): Path(str(entry))
        for entry in folder.iterdir()
        if entry.name.endswith(SOURCE_SUFFIX)
    }


def source_key(sources: dict[str, Path]) -> str:
    """Names the format and the shipped files (by name and size, which survive copying into a wheel
    and installing it), so that new tables mean a new file."""
    parts = [f"format {FORMAT}"]
    parts += [f"{language} {path.stat().st_size}" for language, path in sorted(sources.items())]
    return f"{zlib.crc32(chr(10).join(parts).encode()):08x}"


def cache_directory() -> Path:
    """The user's cache folder for glossqa."""
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "glossqa" / "Cache"
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "glossqa"


def file_name(key: str) -> str:
    return f"wordtables-{key}.bin"


def load(
    sources: dict[str, Path] | None = None,
    places: list[Path] | None = None,
    say=None,
) -> WordTables:
    """The word tables: mapped from the first place that holds a sound file for these sources, else
    built into the first place that can be written, else built in memory for this run.

    `say` gets one line for anything the user should know (a damaged file, nowhere to write).
    """
    sources = shipped_sources() if sources is None else sources
    places = [Path(str(resources.files(SOURCES))), cache_directory()] if places is None else places
    say = say or (lambda message: print(f"glossqa: {message}", file=sys.stderr))
    key = source_key(sources)
    name = file_name(key)
    damaged: list[str] = []
    for place in places:
        path = place / name
        try:
            tables = _mapped(path)
        except FileNotFoundError:
            continue
        except (OSError, ValueError, DamagedTables) as error:
            damaged.append(f"{path} ({error})")
            continue
        if tables.key == key:
            return tables
        damaged.append(f"{path} (built for other tables)")
    data = build(((language, path.read_bytes()) for language, path in sources.items()), key)
    refused = []
    for place in places[-1:]:  # the cache folder: never write into an installation or a checkout
        path = place / name
        try:
            _write_atomically(path, data)
            tables = _mapped(path)
        except (OSError, ValueError, DamagedTables) as error:
            refused.append(f"{place} ({getattr(error, 'strerror', None) or error})")
            continue
        if damaged:
            say(f"the word-table file {'; '.join(damaged)} could not be used; rebuilt it as {path}")
        return tables
    say(
        "cannot write the word-table file to "
        + " or ".join(refused)
        + "; built the tables in memory for this run, which is slower to start "
        + "(set XDG_CACHE_HOME to a writable folder to keep them)"
    )
    return WordTables(data, "memory")


def _mapped(path: Path) -> WordTables:
    with open(path, "rb") as stream:
        mapped = mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ)
    return WordTables(mapped, str(path))


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    finally:
        Path(temporary).unlink(missing_ok=True)


def build_into(folder: Path) -> Path:
    """Build the table file for the tables in `folder` into it: at install time, for an installation
    that then never needs to build one (setup.py runs this on the wheel's copy of qa/data/wordfreq)."""
    sources = {
        path.name.removesuffix(SOURCE_SUFFIX): path
        for path in folder.iterdir()
        if path.name.endswith(SOURCE_SUFFIX)
    }
    key = source_key(sources)
    path = folder / file_name(key)
    _write_atomically(
        path, build(((language, p.read_bytes()) for language, p in sources.items()), key)
    )
    return path


def main() -> None:
    path = build_into(Path(str(resources.files(SOURCES))))
    print(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
