"""Benchmarks: okrdocs as a whole process, on generated repositories, next to other tools.

    python benchmarks/run.py                 # everything
    python benchmarks/run.py lint            # lint only
    python benchmarks/run.py --sizes 1000 --runs 3
    python benchmarks/run.py language        # the language rules' own cost, per title

Each case runs the real command in a fresh process (``--runs`` times after one warm-up) and
reports the best and median wall time and the peak memory of the process. Results are printed as
a Markdown table and written to ``benchmarks/results/latest.md``; copy the figures that matter
into ``benchmarks/README.md`` with the date and machine.
"""

from __future__ import annotations

import argparse
import json
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

from generate import generate, place_names  # noqa: E402

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


@dataclass
class Contender:
    tool: str
    command: list[str]
    note: str = ""
    cwd: Path | None = None  # where it runs, when not the case's repository


def measure_in_turns(
    case: str,
    files: int,
    contenders: list[Contender],
    cwd: Path,
    runs: int,
    before: Callable[[], None] | None = None,
    ok_codes: tuple[int, ...] = (0,),
) -> list[Measurement]:
    """Like measure(), for several tools doing the same job: each round runs every tool once."""
    walls: dict[str, list[float]] = {c.tool: [] for c in contenders}
    peaks: dict[str, list[float]] = {c.tool: [] for c in contenders}
    for index in range(runs + 1):
        for contender in contenders:
            if before:
                before()
            wall, peak = run_once(contender.command, contender.cwd or cwd, ok_codes)
            if index:  # the first round warms the file cache
                walls[contender.tool].append(wall)
                peaks[contender.tool].append(peak)
    results = []
    for contender in contenders:
        times = walls[contender.tool]
        result = Measurement(
            case,
            contender.tool,
            files,
            min(times),
            statistics.median(times),
            max(peaks[contender.tool]),
            contender.note,
        )
        print(
            f"  {case:<34} {contender.tool:<18} {files:>6} files  best {result.best:7.3f} s  "
            f"median {result.median:7.3f} s  peak {result.peak_mib:6.0f} MiB",
            flush=True,
        )
        results.append(result)
    return results


def corpus(root: Path, count: int, unique: bool = False) -> Path:
    folder = root / f"okr-{count}{'-unique' if unique else ''}"
    if not folder.exists():
        generate(count, folder, unique)
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


def tool(name: str) -> str | None:
    """A benchmark extra's command, next to this interpreter or on PATH."""
    return shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)


def one_file_contenders(repo: Path, one: Path) -> list[Contender]:
    """okrdocs on one file, yamllint on that file's front matter, and the interpreter alone."""
    contenders = [Contender("okrdocs", [*okrdocs_command(), "lint", str(one)], "warm cache")]
    yamllint = tool("yamllint")
    if yamllint:
        copy = repo / "one-front-matter.yaml"
        if not copy.exists():
            from okrdocs.frontmatter_split import split

            copy.write_text(split(one.read_bytes()).front_matter, encoding="utf-8")
        contenders.append(
            Contender("yamllint", [yamllint, "-d", "relaxed", copy.name], "YAML syntax only")
        )
    else:
        print("  yamllint not installed: pip install -e '.[bench]'")
    contenders.append(
        Contender("python -c pass", [sys.executable, "-c", "pass"], "the interpreter's start")
    )
    return contenders


def renamed_company_objective(repo: Path) -> Path:
    """The repository after its company objective c0 was renamed: a fifth of the objectives
    now name a parent that does not exist (OKR004, with a did-you-mean for each)."""
    copy = repo.with_name(repo.name + "-renamed-parent")
    if not copy.exists():
        shutil.copytree(repo / "content", copy / "content")
        shutil.copy(repo / "okrdocs.toml", copy / "okrdocs.toml")
        company = copy / "content" / "company" / "c0.md"
        text = company.read_text(encoding="utf-8")
        company.write_text(text.replace("id: company/c0", "id: company/c0-core"), encoding="utf-8")
    return copy


def large_roster(repo: Path, people: int = 2000) -> Path:
    """The repository with a roster of ``people`` that leaves most owners out (OKR108, with a
    did-you-mean against the whole roster for each)."""
    copy = repo.with_name(repo.name + f"-roster-{people}")
    if not copy.exists():
        shutil.copytree(repo / "content", copy / "content")
        config = (repo / "okrdocs.toml").read_text(encoding="utf-8")
        names = [f"person{i}" for i in range(people // 4)]
        names += [f"staff{i}" for i in range(people - len(names))]
        roster = "".join(f'"{name}" = "{name.title()}"\n' for name in names)
        (copy / "okrdocs.toml").write_text(config + "\n[people]\n" + roster, encoding="utf-8")
    return copy


def lint_cases(root: Path, sizes: list[int], runs: int) -> list[Measurement]:
    results = []
    okrdocs = okrdocs_command()
    small = corpus(root, 50)
    one_small = next((small / "content" / "sales").glob("*.md"))
    results += measure_in_turns(
        "lint one file", 50, one_file_contenders(small, one_small), small, runs
    )
    for size in sizes:
        repo = corpus(root, size)
        one = next((repo / "content" / "sales").glob("*.md"))
        results += measure_in_turns(
            "lint one file", size, one_file_contenders(repo, one), repo, runs
        )

        def cold(folder: Path = repo) -> None:
            shutil.rmtree(folder / ".okrdocs-cache", ignore_errors=True)

        results.append(
            measure(
                "lint one file, cold cache",
                "okrdocs",
                size,
                [*okrdocs, "lint", str(one)],
                repo,
                runs,
                before=cold,
                note="the index is rebuilt first",
            )
        )
        run_once([*okrdocs, "lint", str(one)], repo)  # leave the cache warm again
        errors = measure_in_turns(
            "lint all files, error paths",
            size,
            [
                Contender("okrdocs (clean)", [*okrdocs, "lint"], "no findings"),
                Contender(
                    "okrdocs (renamed parent)",
                    [*okrdocs, "lint"],
                    "a fifth of the files: OKR004 with did-you-mean",
                    renamed_company_objective(repo),
                ),
                Contender(
                    "okrdocs (2,000-person roster)",
                    [*okrdocs, "lint"],
                    "most owners unknown: OKR108 with did-you-mean",
                    large_roster(repo),
                ),
            ],
            repo,
            runs,
            ok_codes=(0, 1),
        )
        results += errors
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
        results.append(
            measure(
                "lint all files, all titles different",
                "okrdocs",
                size,
                [*okrdocs, "lint"],
                corpus(root, size, unique=True),
                runs,
                note="every title read afresh",
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


HUGO = HERE / "hugo"  # config and minimal layouts: the same pages okrdocs writes


def hugo_site(repo: Path) -> Path:
    """A minimal Hugo site over the same content: one page per objective, owner, team, period."""
    shutil.copy(HUGO / "hugo.toml", repo / "hugo.toml")
    shutil.copytree(HUGO / "layouts", repo / "layouts", dirs_exist_ok=True)
    return repo


MKDOCS_LIMIT = 1000  # MkDocs puts every page in every page's navigation: 5,000 pages took 297 s


def mkdocs_site(repo: Path) -> Path:
    config = repo / "mkdocs.yml"
    if not config.exists():
        config.write_text("site_name: OKRs\ndocs_dir: content\nsite_dir: mkdocs-site\n")
    return config


def build_cases(root: Path, sizes: list[int], runs: int) -> list[Measurement]:
    results = []
    okrdocs = okrdocs_command()
    bindir = str(Path(sys.executable).parent)
    for size in sizes:
        repo = corpus(root, size)

        def clean(folder: Path = repo) -> None:
            # Move earlier output aside rather than delete it: on this machine's file system
            # (ext4 mounted with discard) deleting 15,000 files slows the writes that follow
            # for several seconds, which would measure the deletion, not the build. Then
            # flush what earlier runs wrote, so that no run shares the disk with the
            # write-back of the one before.
            trash = root / "trash"
            trash.mkdir(exist_ok=True)
            for name in ("site", "public", "mkdocs-site"):
                if (folder / name).exists():
                    os.replace(folder / name, trash / f"{name}-{time.monotonic_ns()}")
            os.sync()

        # okrdocs and Hugo take turns, run by run, so that both meet the same machine: on a
        # shared virtual machine, speed drifts by 10-20% over minutes.
        contenders = [
            Contender("okrdocs", [*okrdocs, "build", "-q"], "lint + all pages, search, okrs.json")
        ]
        hugo = shutil.which("hugo")
        if hugo:
            hugo_site(repo)
            contenders.append(
                Contender(
                    "Hugo", [hugo, "--quiet", "-d", "public"], "same pages, minimal templates"
                )
            )
        else:
            print("  hugo not installed: apt-get install hugo")
        results += measure_in_turns("build site", size, contenders, repo, runs, before=clean)
        mkdocs = shutil.which("mkdocs", path=bindir) or shutil.which("mkdocs")
        if mkdocs and size <= MKDOCS_LIMIT:
            mkdocs_site(repo)
            results.append(
                measure(
                    "build site",
                    "MkDocs",
                    size,
                    [mkdocs, "build", "-q"],
                    repo,
                    runs,
                    before=clean,
                    note="default theme",
                )
            )
        elif mkdocs:
            print(f"  MkDocs skipped above {MKDOCS_LIMIT} pages (its navigation is O(n) per page)")
    shutil.rmtree(root / "trash", ignore_errors=True)
    return results


def serve_cases(root: Path, sizes: list[int], runs: int) -> list[Measurement]:
    """okrdocs serve, in the running server: start-up (the first full build), one saved file
    (from the file event to its own pages written and announced; then to every page that
    shows it, summaries included) and a changed okrdocs.toml (a comment: the files read the
    same, so the server keeps them and renders every page again)."""
    from datetime import date

    from okrdocs.config import load_config
    from okrdocs.site.serve import LiveSite

    results = []
    for size in sizes:
        repo = corpus(root, size)
        folder = Path(tempfile.mkdtemp(prefix="okrdocs-live-"))
        target = sorted((repo / "content" / "sales").glob("*.md"))[3]
        original = target.read_text(encoding="utf-8")
        settings = repo / "okrdocs.toml"
        settings_text = settings.read_text(encoding="utf-8")
        walls: dict[str, list[float]] = {
            "start-up": [],
            "one file saved": [],  # its own pages: the objective's, its team's, its people's
            "one file saved, every page": [],  # and the summary pages that show it
            # a summary page asked for right after the save (opened, or its live-reload
            # script asking): rendered at once, before the background reaches it
            "one file saved, a summary page asked for": [],
            "okrdocs.toml": [],
        }
        try:
            for run in range(runs + 1):
                # A new server each round: a start-up has nothing loaded yet (a server's own
                # full builds keep the loaded files when they read the same, see serve.py).
                config = load_config(start=repo)
                live = LiveSite(config, date(2026, 11, 27), folder / "site", lambda message: None)
                start = time.perf_counter()
                live.full_build()
                startup = time.perf_counter() - start
                live.site_files.wait()
                if live.removal is not None:  # the last round's site, deleted meanwhile
                    live.removal.join()
                target.write_text(
                    original.replace("confidence: 0.6", f"confidence: 0.{5 + run % 4}", 1),
                    encoding="utf-8",
                )
                start = time.perf_counter()
                assert live.update({str(target)})  # as the file events name it
                saved = time.perf_counter() - start
                period_pages = sorted(p for p in live.stale or () if p.startswith("periods/"))
                if period_pages:
                    live.page_version(period_pages[0])
                asked = time.perf_counter() - start
                live.site_files.wait()  # summary pages, search and okrs.json follow
                settled = live.settled if live.settled is not None else saved
                settings.write_text(settings_text + f"# run {run}\n", encoding="utf-8")
                start = time.perf_counter()
                assert live.update({str(settings)})
                reconfigured = time.perf_counter() - start
                live.site_files.wait()
                if run:  # the first round warms the file cache
                    walls["start-up"].append(startup)
                    walls["one file saved"].append(saved)
                    walls["one file saved, every page"].append(settled)
                    walls["one file saved, a summary page asked for"].append(asked)
                    walls["okrdocs.toml"].append(reconfigured)
        finally:
            target.write_text(original, encoding="utf-8")
            settings.write_text(settings_text, encoding="utf-8")
            shutil.rmtree(folder, ignore_errors=True)
        for what, times in walls.items():
            result = Measurement(
                f"serve: {what}", "okrdocs", size, min(times), statistics.median(times), 0,
                "in the running server",
            )  # fmt: skip
            print(
                f"  {result.case:<34} {result.tool:<18} {size:>6} files  best {result.best:7.3f} s"
                f"  median {result.median:7.3f} s",
                flush=True,
            )
            results.append(result)
    return results


def diff_cases(root: Path, sizes: list[int], runs: int, size: int = 2000) -> list[Measurement]:
    """okrdocs diff between two commits of a repository where 10 files changed, next to git's
    own diff of the same commits (the floor: reading the two trees)."""
    repo = root / f"diff-{size}"
    if not repo.exists():
        shutil.copytree(corpus(root, size), repo)
        git = ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.com"]
        subprocess.run([*git, "init", "-q", "-b", "main"], cwd=repo, check=True)
        subprocess.run([*git, "add", "."], cwd=repo, check=True)
        subprocess.run([*git, "commit", "-qm", "OKRs"], cwd=repo, check=True)
        for path in sorted((repo / "content").rglob("*.md"))[::197][:10]:
            text = path.read_text(encoding="utf-8")
            path.write_text(text.replace("confidence: 0.", "confidence: 0.1", 1), encoding="utf-8")
        subprocess.run([*git, "commit", "-qam", "ten check-ins"], cwd=repo, check=True)
    return measure_in_turns(
        "diff HEAD~1 HEAD (10 files changed)",
        size,
        [
            Contender("okrdocs", [*okrdocs_command(), "diff", "HEAD~1", "HEAD"]),
            Contender("git diff --stat", ["git", "diff", "--stat", "HEAD~1", "HEAD"]),
            Contender("python -c pass", [sys.executable, "-c", "pass"], "the interpreter's start"),
        ],
        repo,
        runs,
    )


# Run in a fresh interpreter: importing the language modules, the first title of each language
# (which opens the shipped data) and then titles never seen before (nothing cached).
LANGUAGE_PROBE = """
import json, sys, time
import bisect, collections, functools, pathlib, re, typing, unicodedata  # a lint has these
titles = json.loads(sys.stdin.read())
start = time.perf_counter()
from okrdocs import language
from okrdocs.text import judge, vague
imported = time.perf_counter() - start
result = {"import": imported}
for lang in ("zh", "en"):
    krs, objectives = titles[lang + "_krs"], titles[lang + "_objectives"]
    start = time.perf_counter()
    judge.kr_activity(krs[0]); language.has_number(krs[0])
    vague.objective_vagueness(objectives[0]); language.objective_quantities(objectives[0])
    result[lang + "_first"] = time.perf_counter() - start
    start = time.process_time()
    for title in krs[1:]:
        judge.kr_activity(title); language.has_number(title)
    result[lang + "_kr"] = (time.process_time() - start) / (len(krs) - 1)
    start = time.process_time()
    for title in objectives[1:]:
        vague.objective_vagueness(title); language.objective_quantities(title)
    result[lang + "_objective"] = (time.process_time() - start) / (len(objectives) - 1)
print(json.dumps(result))
"""


def language_costs(runs: int, count: int = 2000) -> str:
    """The language rules' cost: import, first title, and each new title (best of ``runs``)."""
    names = [place_names(i) for i in range(count)]
    zh_kr = "{}季度销售额从 {} 万元增长到 {} 万元"
    en_kr = "Weekly active teams in {} grow from 1,200 to {}"
    titles = {
        "zh_krs": [zh_kr.format(zh, 800 + i % 97, 880 + i % 89) for i, (zh, _) in enumerate(names)],
        "zh_objectives": [f"成为{zh}中型制造企业首选的工业软件供应商" for zh, _ in names],
        "en_krs": [en_kr.format(en, 2000 + i) for i, (_, en) in enumerate(names)],
        "en_objectives": [f"Make onboarding effortless for plants in {en}" for _, en in names],
    }
    best: dict[str, float] = {}
    for _ in range(runs):
        output = subprocess.run(
            [sys.executable, "-c", LANGUAGE_PROBE], input=json.dumps(titles), env=ENV,
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
        for key, value in json.loads(output).items():
            best[key] = min(best.get(key, value), value)
    lines = [
        "| language cost | Chinese | English |",
        "|---|---:|---:|",
        f"| import the language modules | {best['import'] * 1000:.1f} ms (both) | |",
        f"| first title (opens the shipped data) | {best['zh_first'] * 1000:.1f} ms "
        f"| {best['en_first'] * 1000:.1f} ms |",
        f"| each new key result title (OKR203, OKR201/206) | {best['zh_kr'] * 1e6:.0f} µs "
        f"| {best['en_kr'] * 1e6:.0f} µs |",
        f"| each new objective (OKR101, OKR102) | {best['zh_objective'] * 1e6:.0f} µs "
        f"| {best['en_objective'] * 1e6:.0f} µs |",
    ]
    report = "\n".join(lines)
    print(report, flush=True)
    return report


CASES: dict[str, Callable[[Path, list[int], int], list[Measurement]]] = {
    "lint": lint_cases,
    "build": build_cases,
    "diff": diff_cases,
    # Last: it loads projects into this process, and a process forked from a large one reports
    # the parent's memory as its own peak until it runs its program.
    "serve": serve_cases,
}


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
    parser.add_argument("what", nargs="*", help="cases to run: lint, build (default: all)")
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", help="keep generated repositories in this folder")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    what = set(args.what or [*CASES, "language"])
    unknown = what - set(CASES) - {"language"}
    if unknown:
        parser.error(f"unknown cases: {', '.join(sorted(unknown))}; choose from {', '.join(CASES)}")
    root = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="okrdocs-bench-"))
    root.mkdir(parents=True, exist_ok=True)
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
    )
    results: list[Measurement] = []
    language = language_costs(max(args.runs, 3)) if "language" in what else ""
    try:
        for name, cases in CASES.items():
            if name in what:
                results += cases(root, sizes, args.runs)
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    report = "\n\n".join(part for part in (table(results) if results else "", language) if part)
    print()
    print(report)
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    (out / "latest.md").write_text(report + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
