"""Writing files a user owns: atomically, under an exclusive lock, through links.

- ``exclusive(path)``: holds an exclusive lock on an OKR file while a command reads, edits and
  writes it, so that two ``okrdocs checkin`` at once both land (the second waits, then reads the
  first's result). On POSIX the lock is ``flock`` on the file itself, taken again if the file
  was replaced while waiting; on Windows, a lock file in the temporary folder.
- ``replace_contents(path, data)``: writes new contents so that a crash leaves either the old
  or the new file. A symbolic link stays a link (its target is written); a file with several
  hard links is rewritten in place, so that every link sees the new contents.
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from okrdocs.i18n import _


class LockTimeout(Exception):
    """Another okrdocs command kept the file locked for too long."""


def real_path(path: Path) -> Path:
    """The file a path names, through symbolic links."""
    return Path(os.path.realpath(path))


@contextmanager
def exclusive(path: Path, timeout: float = 30.0) -> Iterator[Path]:
    """Hold an exclusive lock on the file ``path`` names; yields its real path."""
    target = real_path(path)
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        with _windows_lock(target, timeout):
            yield target
        return
    import fcntl

    deadline = time.monotonic() + timeout
    while True:
        descriptor = os.open(target, os.O_RDONLY)
        try:
            while True:
                try:
                    fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise LockTimeout(
                            _("{path} is locked by another okrdocs command; try again", path=path)
                        ) from None
                    time.sleep(0.02)
            # The file may have been replaced (a new inode) while this process waited: then
            # the lock it holds is on the old file, and it must lock the new one.
            try:
                same = os.fstat(descriptor).st_ino == os.stat(target).st_ino
            except FileNotFoundError:
                same = False
            if same:
                try:
                    yield target
                finally:
                    fcntl.flock(descriptor, fcntl.LOCK_UN)
                return
        finally:
            os.close(descriptor)


@contextmanager
def _windows_lock(target: Path, timeout: float) -> Iterator[None]:  # pragma: no cover
    import msvcrt

    folder = Path(tempfile.gettempdir()) / "okrdocs-locks"
    folder.mkdir(exist_ok=True)
    name = hashlib.sha256(str(target).lower().encode("utf-8")).hexdigest()[:32]
    descriptor = os.open(folder / f"{name}.lock", os.O_RDWR | os.O_CREAT, 0o600)
    deadline = time.monotonic() + timeout
    try:
        while True:
            try:
                msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise LockTimeout(
                        _("{path} is locked by another okrdocs command; try again", path=target)
                    ) from None
                time.sleep(0.02)
        try:
            yield
        finally:
            msvcrt.locking(descriptor, msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]
    finally:
        os.close(descriptor)


def replace_contents(path: Path, data: bytes) -> None:
    """Give the file ``path`` names the contents ``data``, never leaving it half-written.

    The new contents go to a temporary file beside the real file, which then replaces it
    (keeping its permissions). Through a symbolic link the link's target is replaced. A file
    with several hard links is instead rewritten in place (replacing it would detach the other
    links): the new contents are written and synced before the old tail is cut.
    """
    target = real_path(path)
    info = target.stat() if target.exists() else None
    if info is not None and info.st_nlink > 1:
        with open(target, "r+b") as stream:
            stream.write(data)
            stream.truncate()
            stream.flush()
            os.fsync(stream.fileno())
        return
    handle, temporary = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if info is not None:
            os.chmod(temporary, info.st_mode & 0o7777)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def create_new(path: Path, data: bytes) -> None:
    """Create ``path`` with ``data``; never overwrites an existing file (FileExistsError)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o644)
        try:
            os.link(temporary, path)  # fails if the path exists: never overwrites
        except FileExistsError:
            raise
        except OSError:  # a file system without hard links: create exclusively instead
            with open(path, "xb") as stream:
                stream.write(data)
    finally:
        Path(temporary).unlink(missing_ok=True)
