"""Run a per-file function over many files on every core, when that pays.

Parsing YAML is CPU-bound and files are independent, so a large repository is split across
processes. Small runs (what pre-commit does) stay in one process: starting workers costs more
than it saves below a few hundred files.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

PARALLEL_MIN_ITEMS = 400

_state: Any = None  # what the worker function needs besides its item, set before workers start


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector during bulk loading.

    Loading creates millions of short-lived, acyclic objects; reference counting frees them, and
    the cyclic collector would otherwise rescan the growing heap again and again.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _init(state: Any) -> None:
    global _state
    _state = state
    gc.disable()


def _chunk(function: Callable[[Any, Any], R], items: Sequence[Any]) -> list[R]:
    return [function(_state, item) for item in items]


def map_files(
    function: Callable[[Any, T], R], state: Any, items: Sequence[T], jobs: int | None = None
) -> list[R]:
    """``[function(state, item) for item in items]``, in order, on up to ``jobs`` processes."""
    jobs = default_jobs() if jobs is None else jobs
    if jobs <= 1 or len(items) < PARALLEL_MIN_ITEMS:
        return [function(state, item) for item in items]
    import multiprocessing  # only large runs pay for importing it

    method = "fork" if sys.platform.startswith("linux") else None
    context = multiprocessing.get_context(method)
    # This process takes the first share itself (no results to send back) and jobs - 1 workers
    # share the rest, in a few chunks each to balance the load.
    own = len(items) // jobs
    rest = items[own:]
    size = max(1, -(-len(rest) // ((jobs - 1) * 3)))
    chunks = [rest[i : i + size] for i in range(0, len(rest), size)]
    with context.Pool(jobs - 1, initializer=_init, initargs=(state,)) as pool:
        pending = pool.starmap_async(_chunk, [(function, chunk) for chunk in chunks])
        results = [function(state, item) for item in items[:own]]
        for part in pending.get():
            results.extend(part)
    return results
