"""What changed on disk, for ``okrdocs serve``: the operating system's file events, else polling.

Walking and stat-ing 10,000 files twice a second costs a quarter of a second each time and
still notices a save up to half a second late. The operating system already knows (inotify on
Linux, FSEvents on macOS, ReadDirectoryChangesW on Windows); ``watchfiles`` (a small Rust
extension with wheels for all three, used by uvicorn and others) delivers those events in
batches. Where events are not available (a network file system, a container without inotify,
watchfiles missing), the watcher falls back to polling: it says "look at everything" every
interval, and okrdocs serve compares modification times as before.

The watcher starts before the site is built and its first batch is "look at everything", so
that a save made while the site was building, or before the events were set up, is seen.
"""

from __future__ import annotations

import os
import queue
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

# A batch of changed paths, or None: look at everything (polling, or a first look).
Batch = set[str] | None


def _stamps(paths: set[str]) -> dict[str, tuple[int, int] | None]:
    found: dict[str, tuple[int, int] | None] = {}
    for path in paths:
        try:
            info = os.stat(path)
            found[path] = (info.st_mtime_ns, info.st_size)
        except OSError:
            found[path] = None
    return found


class Watcher:
    """Batches of changes under ``folders`` until ``stop`` is set. ``mode``: "auto" (events,
    else polling), "events" or "poll"."""

    def __init__(
        self,
        folders: list[Path],
        stop: threading.Event,
        interval: float,
        mode: str = "auto",
        report: Callable[[str], None] | None = None,
    ) -> None:
        self.folders = [str(folder) for folder in folders if folder.exists()]
        self.stop = stop
        self.interval = interval
        self.mode = mode
        self.report = report
        self.batches: queue.Queue[set[str]] = queue.Queue()
        self.thread: threading.Thread | None = None

    def start(self) -> Watcher:
        """Start listening for events now (before the first build)."""
        if self.mode == "poll" or not self.folders:
            return self
        try:
            import watchfiles  # noqa: F401
        except ImportError:
            if self.mode == "events":
                raise
            return self
        self.thread = threading.Thread(target=self._listen, daemon=True)
        self.thread.start()
        return self

    def _listen(self) -> None:
        import watchfiles

        try:
            for batch in watchfiles.watch(
                *self.folders,
                stop_event=self.stop,
                debounce=max(int(self.interval * 1000), 50),
                step=50,
                rust_timeout=0,
                yield_on_timeout=False,
                raise_interrupt=False,
                ignore_permission_denied=True,
            ):
                paths = {path for _change, path in batch}
                if paths:
                    self.batches.put(paths)
        except Exception as error:  # no inotify watches left, and the like: poll instead
            if self.report is not None:
                self.report(f"okrdocs: file events unavailable ({error}); watching by polling")
            self.thread = None

    def __iter__(self) -> Iterator[Batch]:
        yield None  # a first look at everything
        while not self.stop.is_set():
            if self.thread is None:  # polling
                if self.stop.wait(self.interval):
                    return
                yield None
                continue
            try:
                batch = self.batches.get(timeout=0.1)
            except queue.Empty:
                continue
            yield self._settled(batch)

    def _settled(self, batch: set[str], pause: float = 0.03, rounds: int = 15) -> set[str]:
        """``batch`` once its files stop changing: an editor that writes a file in place
        (truncate, then write) must not have its half-written file read and shown."""
        before = _stamps(batch)
        for _round in range(rounds):
            if self.stop.wait(pause):
                break
            while True:  # events that came meanwhile join the batch
                try:
                    batch |= self.batches.get_nowait()
                except queue.Empty:
                    break
            after = _stamps(batch)
            if after == before:
                break
            before = after
        return batch
