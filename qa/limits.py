"""A bound on the processor time one group of siblings may take, so that no input hangs a run.

Parsing is linear and the YAML, file-size and pattern bounds keep each step small, but aligning
two translations is quadratic in their sections: two 3,000-heading changelogs take about 40 s.
Past GROUP_SECONDS of processor time (not wall time: a busy machine does not trip it) the group
is given up with a diagnostic on each of its files, and the run goes on.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

GROUP_SECONDS = 60.0


class TimeLimit(Exception):
    pass


def _expired(signum: int, frame: object) -> None:
    raise TimeLimit()


@contextmanager
def processor_time(seconds: float) -> Iterator[None]:
    """Raise TimeLimit inside the block once it has used `seconds` of processor time.

    Only where a timer signal can be delivered: the main thread of a process, on a system with
    setitimer (not Windows); elsewhere the block runs unbounded.
    """
    if (
        not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        yield
        return
    previous = signal.signal(signal.SIGVTALRM, _expired)
    signal.setitimer(signal.ITIMER_VIRTUAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)
        signal.signal(signal.SIGVTALRM, previous)
