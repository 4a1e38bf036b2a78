"""Run a per-item function over many items on every core, when that pays.

Parsing YAML and rendering pages are CPU-bound and items are independent, so a large
repository is split across processes. Small runs (what pre-commit does) stay in one process:
starting workers costs more than it saves below a few hundred items.

Workers are forked, so they start with everything this process has loaded (no pickling of
the state). Items are handed out in small chunks from a shared counter, and this process takes
chunks too: whoever is free takes the next one, so a worker that must also send its results
back, or a run of heavier items, does not leave the others waiting.
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
CHUNKS_PER_JOB = 12

# Set in this process just before forking; the forked workers read them.
_function: Callable[[Any, Any], Any] | None = None
_state: Any = None
_chunks: list[Sequence[Any]] = []
_counter: Any = None


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


def _take_chunks() -> dict[int, list[Any]]:
    """Process chunks until none is left; returns their results by chunk number."""
    assert _function is not None
    done: dict[int, list[Any]] = {}
    while True:
        with _counter.get_lock():
            number = _counter.value
            _counter.value += 1
        if number >= len(_chunks):
            return done
        done[number] = [_function(_state, item) for item in _chunks[number]]


def _worker() -> dict[int, list[Any]]:
    gc.disable()
    return _take_chunks()


def map_files(
    function: Callable[[Any, T], R], state: Any, items: Sequence[T], jobs: int | None = None
) -> list[R]:
    """``[function(state, item) for item in items]``, in order, on up to ``jobs`` processes."""
    global _function, _state, _chunks, _counter
    jobs = default_jobs() if jobs is None else jobs
    if jobs <= 1 or len(items) < PARALLEL_MIN_ITEMS or not sys.platform.startswith("linux"):
        return [function(state, item) for item in items]
    import multiprocessing  # only large runs pay for importing it

    context = multiprocessing.get_context("fork")
    size = max(1, -(-len(items) // (jobs * CHUNKS_PER_JOB)))
    _function, _state = function, state
    _chunks = [items[i : i + size] for i in range(0, len(items), size)]
    _counter = context.Value("i", 0)
    try:
        with context.Pool(jobs - 1) as pool:
            pending = [pool.apply_async(_worker) for _ in range(jobs - 1)]
            done = _take_chunks()
            for result in pending:
                done.update(result.get())
        return [result for number in range(len(_chunks)) for result in done[number]]
    finally:
        _function, _state, _chunks, _counter = None, None, [], None
