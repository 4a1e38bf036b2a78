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
