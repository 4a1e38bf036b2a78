"""Bring the content index up to date while ``okrdocs lint FILE...`` starts.

When pre-commit lints the files of a commit in a 10,000-file project, two costs of about the
same size come one after the other: importing the command line and the linter (the CPU), and
walking the content folder to see whether any file changed since the content index was written
(a ``stat`` per file: the kernel). The console script starts, before importing anything else, a
child process (``os.fork``, where there is one) that loads the configuration, walks the folder
and refreshes the index (okrdocs.index_cache) while this process imports and lints. When the
command asks for the index, it takes the child's: the walk of this run, done meanwhile.

The child's work is used only when it is certainly this run's: it reports the configuration it
walked for (root, content folder, exclusions, cache key) and the index state it left (the
walk's digest); the command compares both with its own configuration and with the database,
and otherwise walks the folder itself, as it does when there is no child (Windows, ``--config``,
``--no-cache``, any other command). The child writes nothing but the cache, and never to the
terminal: its standard streams are closed at once, so a caller waiting for output (pre-commit)
does not wait for it.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from okrdocs.config import Config

# (child's process id, the pipe it reports on), from start() until take()
_pending: tuple[int, int] | None = None

_REPORT_LIMIT = 1 << 20  # a report larger than this is not the child's (never read more)


def wanted(arguments: list[str]) -> bool:
    """Whether this command line is a lint of named files with the default configuration and
    cache (what pre-commit runs)."""
    if len(arguments) < 2 or arguments[0] != "lint":
        return False
    options = {argument.split("=", 1)[0] for argument in arguments[1:] if argument[:1] == "-"}
    if options & {"--config", "--no-cache", "--help"}:
        return False
    return any(argument[:1] != "-" for argument in arguments[1:])


def start(arguments: list[str]) -> None:
    """Fork the child that refreshes the content index, when that helps this command."""
    global _pending
    if _pending is not None or not hasattr(os, "fork") or not wanted(arguments):
        return
    try:
        read_end, write_end = os.pipe()
        pid = os.fork()
    except OSError:
        return
    if pid == 0:  # the child: report, then end without running anything of the parent's
        code = 1
        try:
            import json  # here and in take(): every other command starts without it

            os.close(read_end)
            quiet = os.open(os.devnull, os.O_RDWR)
            for stream in (0, 1, 2):
                os.dup2(quiet, stream)
            report = json.dumps(_refresh()).encode("utf-8")
            while report:
                report = report[os.write(write_end, report) :]
            code = 0
        except BaseException:  # the command walks the folder itself
            pass
        finally:
            os._exit(code)
    os.close(write_end)
    _pending = (pid, read_end)


def _refresh() -> dict[str, Any]:
    """In the child: the configuration found from here, its content index brought up to date."""
    from okrdocs.config import load_config
    from okrdocs.index_cache import refresh_stored

    config = load_config(None)
    digest, skipped = refresh_stored(config)
    return {"walked": _walked(config), "digest": digest, "skipped": skipped}


def _walked(config: Config) -> list[str]:
    from okrdocs.index_cache import cache_key

    return [str(config.root), str(config.content), *config.exclude, cache_key(config)]


def take(config: Config) -> tuple[str, list[tuple[str, str]]] | None:
    """(digest, skipped files) of the child's walk, when it was for ``config``; None when there
    is no child, it failed, or it walked for another configuration."""
    global _pending
    if _pending is None:
        return None
    pid, read_end = _pending
    _pending = None
    chunks, size = [], 0
    try:
        while size <= _REPORT_LIMIT:
            chunk = os.read(read_end, 65536)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        _, status = os.waitpid(pid, 0)
    except OSError:
        return None
    finally:
        os.close(read_end)
    if status != 0 or size > _REPORT_LIMIT:
        return None
    import json

    try:
        report = json.loads(b"".join(chunks))
        if report["walked"] != _walked(config):
            return None
        return str(report["digest"]), [(str(p), str(why)) for p, why in report["skipped"]]
    except (ValueError, KeyError, TypeError):
        return None


def main() -> None:
    """The ``okrdocs`` console script: start the child when it helps, then the command."""
    start(sys.argv[1:])
    from okrdocs.cli import main as command_line

    command_line()
