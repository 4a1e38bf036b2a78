"""Folders a build or a server writes beside their final place, and those a killed okrdocs
process left behind.

Kept apart from okrdocs.site.serve so that a build does not import the HTTP server for it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
from pathlib import Path


def process_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":  # pragma: no cover - Windows only
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # type: ignore[attr-defined]
        if not handle:
            return False
        ctypes.windll.kernel32.CloseHandle(handle)  # type: ignore[attr-defined]
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def remove_stale_folders(parent: Path, prefix: str) -> None:
    """Remove folders ``<prefix><pid>-...`` left by okrdocs processes that no longer run (a
    killed ``serve`` or ``build``)."""
    try:
        entries = list(os.scandir(parent))
    except OSError:
        return
    for entry in entries:
        if not entry.name.startswith(prefix):
            continue
        pid_text = entry.name[len(prefix) :].split("-", 1)[0]
        if pid_text.isdigit() and not process_alive(int(pid_text)):
            with contextlib.suppress(OSError):
                if entry.is_dir(follow_symlinks=False):
                    shutil.rmtree(entry.path, ignore_errors=True)


def remove_tree_detached(path: Path) -> None:
    """Remove the folder ``path`` in a detached process, so that the command returns now.

    Deleting the previous site's files takes a build about a third as long as writing them
    (0.3-0.4 s for 1,700 pages on an ext4 disk): the command that swapped the new site in has
    nothing to wait for. Two forks leave the deleting process to init, so no caller ever has to
    reap it. Where processes cannot be forked (Windows), or the fork fails, the folder is
    removed here. A deletion cut short leaves the folder under its okrdocs-old-<pid> name, which
    the next build removes (``remove_stale_folders``).
    """
    if not hasattr(os, "fork"):  # pragma: no cover - Windows
        shutil.rmtree(path, ignore_errors=True)
        return
    try:
        child = os.fork()
    except OSError:
        shutil.rmtree(path, ignore_errors=True)
        return
    if child:
        with contextlib.suppress(ChildProcessError):
            os.waitpid(child, 0)
        return
    # In the child: fork again and leave; the grandchild deletes and exits without running
    # any of the parent's clean-up (atexit handlers, buffered output).
    try:
        if os.fork() == 0:
            os.setsid()
            shutil.rmtree(path, ignore_errors=True)
    finally:
        os._exit(0)
