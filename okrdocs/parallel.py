"""Run a per-item function over many items on every core, when that pays.

Parsing YAML and rendering pages are CPU-bound and items are independent, so a large
repository is split across processes. Small runs (what pre-commit does) stay in one process:
starting workers costs more than it saves below a few hundred items.

On Linux workers are forked, so they start with everything this process has loaded (no
pickling of the state); elsewhere they are spawned and receive the job pickled. Items are
handed out in small chunks from a shared counter, and this process takes chunks too: whoever
is free takes the next one, so a worker that must also send its results back, or a run of
heavier items, does not leave the others waiting. A worker sends each chunk's
results as soon as it is done, and a thread here receives them, so the pickling (in the worker)
and unpickling (here) of loaded models happen while both processes are still busy, not in a
serial tail (at 10,000 files that tail was a quarter of the loading time).
"""

from __future__ import annotations

import gc
import os
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

PARALLEL_MIN_ITEMS = 400
CHUNKS_PER_JOB = 12


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector during bulk loading.

    Loading creates millions of short-lived, acyclic objects; reference counting frees them, and
    the cyclic collector would otherwise rescan the growing heap again and again.

    Pauses nest and may overlap across threads (okrdocs serve renders a save's summary pages in
    the background while the next request is answered): the collector is enabled again only
    when the last pause ends, never by one thread under another's feet.
    """
    global _pauses, _enable_after
    with _pause_lock:
        if _pauses == 0:
            _enable_after = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _pause_lock:
            _pauses -= 1
            if _pauses == 0 and _enable_after:
                gc.enable()


_pause_lock = threading.Lock()
_pauses = 0
_enable_after = False


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def start_method() -> str:
    """How workers start: forked on Linux (they inherit what this process has loaded, nothing
    is pickled); spawned elsewhere (macOS and Windows), receiving the job pickled."""
    return "fork" if sys.platform.startswith("linux") else "spawn"


class _Job:
    """One parallel map: the function, its shared state, the chunks and who takes which.

    Workers receive it as an argument: forked ones share it with this process as it is,
    spawned ones get a pickled copy (the state must then be picklable).
    """

    def __init__(
        self, function: Callable[[Any, Any], Any], state: Any, chunks: list[Any], counter: Any
    ) -> None:
        from okrdocs.i18n import language

        self.function = function
        self.state = state
        self.chunks = chunks
        self.counter = counter
        # Spawned workers start in English; messages they make must be in the user's language.
        self.language = language()

    def take(self) -> Iterator[tuple[int, list[Any]]]:
        """Process chunks until none is left, yielding (chunk number, results) as each is done."""
        while True:
            with self.counter.get_lock():
                number = self.counter.value
                self.counter.value += 1
            if number >= len(self.chunks):
                return
            yield number, [self.function(self.state, item) for item in self.chunks[number]]

    def stop_handing_out(self) -> None:
        with self.counter.get_lock():
            self.counter.value = len(self.chunks)


def _worker(job: _Job, results: Any) -> None:
    """A worker: sends each chunk's results as soon as it is done.

    Sending per chunk, rather than all at the end, lets the results be pickled here and
    unpickled in the parent while both processes are still working, instead of after.
    """
    gc.disable()
    try:
        from okrdocs.i18n import language, set_language

        if language() != job.language:
            set_language(job.language)
        for number, chunk in job.take():
            results.put(("chunk", number, chunk))
    except BaseException as error:  # reported in the parent, which re-raises it
        import pickle
        import traceback

        job.stop_handing_out()
        try:
            pickle.dumps(error)
        except Exception:
            error = RuntimeError("".join(traceback.format_exception(error)))
        results.put(("error", -1, error))
    finally:
        results.put(("end", -1, None))
        results.close()
        results.join_thread()


class _Receiver(threading.Thread):
    """Collects the workers' results in this process while it processes chunks itself."""

    def __init__(
        self, job: _Job, results: Any, workers: list[Any], done: dict[int, list[Any]]
    ) -> None:
        super().__init__(daemon=True)
        self.job, self.results, self.workers, self.done = job, results, workers, done
        self.error: BaseException | None = None

    def run(self) -> None:
        import queue

        running = len(self.workers)
        while running:
            try:
                kind, number, payload = self.results.get(timeout=0.2)
            except queue.Empty:
                if any(worker.exitcode is None for worker in self.workers):
                    continue
                try:  # every worker has exited: whatever it sent is in the pipe by now
                    kind, number, payload = self.results.get(timeout=0.2)
                except queue.Empty:
                    codes = sorted({worker.exitcode for worker in self.workers})
                    self.error = RuntimeError(f"a worker process stopped unexpectedly {codes}")
                    self.job.stop_handing_out()
                    return
            if kind == "chunk":
                self.done[number] = payload
            elif kind == "error":
                self.error = self.error or payload
            else:
                running -= 1


def map_files(
    function: Callable[[Any, T], R],
    state: Any,
    items: Sequence[T],
    jobs: int | None = None,
    meanwhile: Callable[[], None] | None = None,
    method: str | None = None,
) -> list[R]:
    """``[function(state, item) for item in items]``, in order, on up to ``jobs`` processes.

    ``meanwhile``: other work for this process, done while the workers take the first chunks
    (or first, when the items are few): preparing the next phase costs about half as much
    there as on its own, since the workers take the chunks this process would have taken.
    ``method``: how workers start (default: ``start_method()``). Re-entrant: all state is in
    the job object.
    """
    jobs = default_jobs() if jobs is None else jobs
    if jobs <= 1 or len(items) < PARALLEL_MIN_ITEMS:
        if meanwhile is not None:
            meanwhile()
        return [function(state, item) for item in items]
    import multiprocessing  # only large runs pay for importing it

    context: Any = multiprocessing.get_context(method or start_method())
    size = max(1, -(-len(items) // (jobs * CHUNKS_PER_JOB)))
    chunks = [items[i : i + size] for i in range(0, len(items), size)]
    job = _Job(function, state, chunks, context.Value("i", 0))
    results = context.Queue()
    workers = [
        context.Process(target=_worker, args=(job, results), daemon=True) for _ in range(jobs - 1)
    ]
    try:
        for worker in workers:
            worker.start()
        done: dict[int, list[Any]] = {}
        receiver = _Receiver(job, results, workers, done)
        receiver.start()  # after forking: a forked child must not inherit a running thread
        try:
            if meanwhile is not None:
                meanwhile()
            for number, chunk in job.take():
                done[number] = chunk
        except BaseException:
            job.stop_handing_out()
            raise
        receiver.join()
        if receiver.error is not None:
            raise receiver.error
        if len(done) != len(chunks):  # pragma: no cover - a worker's results were lost
            raise RuntimeError("a worker process did not send back all of its results")
        return [result for number in range(len(chunks)) for result in done[number]]
    finally:
        for worker in workers:
            worker.join(timeout=5)
            if worker.is_alive():
                worker.kill()
                worker.join()
        results.close()
