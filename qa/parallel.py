"""Run one function over many tasks in worker processes; results come back as they finish, in no set order."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Iterator

TASKS_PER_WORKER = (
    64  # chunks small enough that no worker idles long at the end, large enough to save round trips
)

_function: Callable | None = None
_arguments: tuple = ()


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def run(function: Callable, tasks: list, jobs: int, arguments: tuple = ()) -> Iterator:
    """function(task, *arguments) for each task; in this process when one job (or one task) is all there is."""
    workers = min(jobs, len(tasks))
    if workers <= 1:
        return (function(task, *arguments) for task in tasks)
    return _in_pool(function, tasks, workers, arguments)


def _in_pool(function: Callable, tasks: list, workers: int, arguments: tuple) -> Iterator:
    # fork starts workers with every module already imported; elsewhere it is unsafe or missing
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    chunk = max(1, len(tasks) // (workers * TASKS_PER_WORKER))
    with context.Pool(workers, initializer=_start_worker, initargs=(function, arguments)) as pool:
        yield from pool.imap_unordered(_call, tasks, chunk)


def _start_worker(function: Callable, arguments: tuple) -> None:
    global _function, _arguments
    signal.signal(
        signal.SIGINT, signal.SIG_IGN
    )  # Ctrl-C is the main process's to handle: it stops the pool
    _function, _arguments = function, arguments


def _call(task) -> object:
    assert _function is not None, "runs only in a worker that _start_worker set up"
    return _function(task, *_arguments)
