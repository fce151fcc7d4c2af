"""The site's diagnostics in report order, kept on disk in sorted runs so that memory stays flat in
the site's size.

Groups come back from the workers in no set order, each with its diagnostics; they are gathered
until RUN_SIZE are held, sorted and written to a temporary file as one run. Reading merges the runs
(and what is still held) back into one sorted stream, as often as a report needs to read it: a
format that starts with totals reads it twice. Sorting is stable and on equal keys the merge takes
the earlier run first, so equal keys keep the order they came in, as one sort of one list did.
"""

from __future__ import annotations

import functools
import heapq
import itertools
import os
import pickle
import tempfile
from collections.abc import Iterable, Iterator
from typing import IO

from .model import Diagnostic, FileOutline, GroupOutline

RUN_SIZE = 2000  # diagnostics held before a run is written: a few MB
CHUNK = 128  # diagnostics per pickled chunk: what a reader of one run holds at a time
MAX_RUNS = 16  # more, and they are merged into one: reading holds at most this many chunks


class SortedDiagnostics:
    """Add diagnostics in any order, group by group; iterate them sorted by Diagnostic.sort_key."""

    def __init__(self, run_size: int | None = None):
        self.run_size = run_size or RUN_SIZE
        self._held: list[Diagnostic] = []
        self._runs: list[list[tuple[int, int]]] = []  # per run: (offset, length) of each chunk
        self._file: IO[bytes] | None = None
        self._count = 0

    def add(self, diagnostics: Iterable[Diagnostic]) -> None:
        for diagnostic in diagnostics:
            self._held.append(diagnostic)
            self._count += 1
            if len(self._held) >= self.run_size:
                self._spill()

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[Diagnostic]:
        held = sorted(self._held, key=Diagnostic.sort_key)
        if not self._runs:
            return iter(held)
        return heapq.merge(*(self._read(run) for run in self._runs), held, key=Diagnostic.sort_key)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
        self._runs, self._held, self._count = [], [], 0

    def __enter__(self) -> SortedDiagnostics:
        return self

    def __exit__(self, *exception) -> None:
        self.close()

    def _spill(self) -> None:
        self._held.sort(key=Diagnostic.sort_key)
        self._runs.append(self._write(self._held))
        self._held = []
        if len(self._runs) >= MAX_RUNS:
            # one run in their place, at their place: all of them came before what is held now
            merged = heapq.merge(*(self._read(run) for run in self._runs), key=Diagnostic.sort_key)
            self._runs = [self._write(merged)]

    def _write(self, diagnostics: Iterable[Diagnostic]) -> list[tuple[int, int]]:
        """Appended to the file in chunks; their places. (The space of merged runs is not reused:
        the file is as large as the diagnostics a few times over, and goes when the run ends.)"""
        if self._file is None:
            self._file = tempfile.TemporaryFile(prefix="glossqa-diagnostics-")
        spilled = self._file
        chunks = []
        iterator = iter(diagnostics)
        while chunk := list(itertools.islice(iterator, CHUNK)):
            data = pickle.dumps(chunk, pickle.HIGHEST_PROTOCOL)
            offset = spilled.seek(0, os.SEEK_END)
            spilled.write(data)
            chunks.append((offset, len(data)))
        spilled.flush()
        return chunks

    def _read(self, run: list[tuple[int, int]]) -> Iterator[Diagnostic]:
        """pread, not seek and read: several readings of the same runs may be under way at once."""
        assert self._file is not None, "a run is only recorded once it is written"
        descriptor = self._file.fileno()
        for offset, length in run:
            yield from pickle.loads(os.pread(descriptor, length, offset))


class MergedDiagnostics:
    """Sorted streams read as one, as often as needed; on equal keys the earlier stream's come first."""

    def __init__(self, parts: list[SortedDiagnostics]):
        self.parts = parts

    def __iter__(self) -> Iterator[Diagnostic]:
        return heapq.merge(*self.parts, key=Diagnostic.sort_key)

    def __len__(self) -> int:
        return sum(len(part) for part in self.parts)


class SpilledOutlines:
    """Each group's outline on disk as it comes (a site's every file's text would otherwise stay in
    memory until the report), a skeleton of it in memory: what the report's index needs."""

    def __init__(self) -> None:
        self._file: IO[bytes] = tempfile.TemporaryFile(prefix="glossqa-outlines-")

    def skeleton(self, outline: GroupOutline) -> GroupOutline:
        data = pickle.dumps(outline, pickle.HIGHEST_PROTOCOL)
        offset = self._file.seek(0, os.SEEK_END)
        self._file.write(data)
        self._file.flush()
        return GroupOutline(
            outline.key,
            outline.reference,
            [FileOutline(file.path, file.language, "", [], file.status) for file in outline.files],
            spilled=functools.partial(self._read, offset, len(data)),
        )

    def _read(self, offset: int, length: int) -> GroupOutline:
        return pickle.loads(os.pread(self._file.fileno(), length, offset))
