"""Benchmarks: okrdocs as a whole process, on generated repositories, next to other tools.

    python benchmarks/run.py                 # everything
    python benchmarks/run.py lint            # lint only
    python benchmarks/run.py --sizes 1000 --runs 3

Each case runs the real command in a fresh process (``--runs`` times after one warm-up) and
reports the best and median wall time and the peak memory of the process. Results are printed as
a Markdown table and written to ``benchmarks/results/latest.md``; copy the figures that matter
into ``benchmarks/README.md`` with the date and machine.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

# Measure as installed on a user's machine: Python caches compiled bytecode (some sandboxes set
# PYTHONDONTWRITEBYTECODE, which makes every run recompile every module from source).
ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
ENV["OKRDOCS_AS_OF"] = "2026-11-27"  # what the generated repositories are consistent with


@dataclass
class Measurement:
    case: str
    tool: str
    files: int
    best: float
    median: float
    peak_mib: float
    note: str = ""


def okrdocs_command() -> list[str]:
    """The installed console script next to this interpreter (not a shell shim)."""
    script = Path(sys.executable).parent / "okrdocs"
    return [str(script)] if script.exists() else [sys.executable, "-m", "okrdocs"]


def run_once(
    command: list[str], cwd: Path, ok_codes: tuple[int, ...] = (0,)
) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one process."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in ok_codes:
        error = process.stderr.read().decode() if process.stderr else ""
        raise RuntimeError(f"{' '.join(command)} exited {process.returncode}: {error[-2000:]}")
    if process.stderr:
        process.stderr.close()
    return wall, usage.ru_maxrss / 1024


def measure(
    case: str,
    tool: str,
    files: int,
    command: list[str],
    cwd: Path,
    runs: int,
    ok_codes: tuple[int, ...] = (0,),
    before: Callable[[], None] | None = None,
    note: str = "",
) -> Measurement:
    walls, peaks = [], []
    for index in range(runs + 1):
        if before:
            before()
        wall, peak = run_once(command, cwd, ok_codes)
        if index:  # the first run warms the file cache
            walls.append(wall)
            peaks.append(peak)
    result = Measurement(case, tool, files, min(walls), statistics.median(walls), max(peaks), note)
    print(
        f"  {case:<34} {tool:<18} {files:>6} files  best {result.best:7.3f} s  "
        f"median {result.median:7.3f} s  peak {result.peak_mib:6.0f} MiB",
        flush=True,
    )
    return result


def corpus(root: Path, count: int) -> Path:
    folder = root / f"okr-{count}"
    if not folder.exists():
        generate(count, folder)
    return folder


def front_matter_copies(repo: Path) -> list[str]:
    """The front matter of every OKR file as a .yaml file, for tools that read YAML only."""
    folder = repo / "front-matter"
    if not folder.exists():
        from okrdocs.frontmatter_split import split

        folder.mkdir()
        for index, path in enumerate(sorted((repo / "content").rglob("*.md"))):
            text = split(path.read_bytes()).front_matter
            (folder / f"{index:05d}.yaml").write_text(text, encoding="utf-8")
    return sorted(str(p.relative_to(repo)) for p in folder.glob("*.yaml"))


def lint_cases(root: Path, sizes: list[int], runs: int) -> list[Measurement]:
    results = []
    okrdocs = okrdocs_command()
    small = corpus(root, 50)
    one_small = next((small / "content" / "sales").glob("*.md"))
    results.append(
        measure(
            "lint one file (50-file repo)",
            "okrdocs",
            1,
            [*okrdocs, "lint", str(one_small)],
            small,
            runs,
        )
    )
    for size in sizes:
        repo = corpus(root, size)
        one = next((repo / "content" / "sales").glob("*.md"))
        results.append(
            measure(
                f"lint one file ({size}-file repo)",
                "okrdocs",
                1,
                [*okrdocs, "lint", str(one)],
                repo,
                runs,
            )
        )
        results.append(
            measure(
                "lint all files",
                "okrdocs",
                size,
                [*okrdocs, "lint"],
                repo,
                runs,
                note="schema + all rules",
            )
        )
        checker = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent))
        if checker:
            schema = str(HERE.parent / "schema" / "okr.schema.json")
            files = front_matter_copies(repo)
            results.append(
                measure(
                    "lint all files",
                    "check-jsonschema",
                    size,
                    [checker, "--schemafile", schema, *files],
                    repo,
                    runs,
                    note="schema only, same front matter as .yaml",
                )
            )
        else:
            print("  check-jsonschema not installed: pip install -e '.[bench]'")
    return results


CASES: dict[str, Callable[[Path, list[int], int], list[Measurement]]] = {"lint": lint_cases}


def table(results: list[Measurement]) -> str:
    lines = [
        "| case | tool | files | best (s) | median (s) | peak memory (MiB) | note |",
        "|---|---|---:|---:|---:|---:|---|",
    ]
    for r in results:
        lines.append(
            f"| {r.case} | {r.tool} | {r.files} | {r.best:.3f} | {r.median:.3f} "
            f"| {r.peak_mib:.0f} | {r.note} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("what", nargs="*", help="cases to run: lint (default: all)")
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", help="keep generated repositories in this folder")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    what = set(args.what or CASES)
    unknown = what - set(CASES)
    if unknown:
        parser.error(f"unknown cases: {', '.join(sorted(unknown))}; choose from {', '.join(CASES)}")
    root = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="okrdocs-bench-"))
    root.mkdir(parents=True, exist_ok=True)
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
    )
    results: list[Measurement] = []
    try:
        for name, cases in CASES.items():
            if name in what:
                results += cases(root, sizes, args.runs)
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    report = table(results)
    print()
    print(report)
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    (out / "latest.md").write_text(report + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
