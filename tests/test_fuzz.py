"""Fuzzers: generated and mutated input through every command's code path, never a traceback.

A few dozen examples per fuzzer on every run; thousands with ``pytest --fuzz tests/test_fuzz.py``
(docs/security.md). Each fuzzer drives the real code: the workspace that ``lint`` and ``build``
use, the analysis, the site's page renderer, ``status``, CSV and JSON export, ``checkin`` and
``import``. Any exception other than the documented refusals fails the test.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import tempfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from okrdocs.config import load_config

from .conftest import VALID_OKR

AS_OF = date(2026, 2, 15)

# -- values that have broken okrdocs before, and random ones -----------------------------------

NASTY_SCALARS = [
    "-1e400", "1e400", "1" + "0" * 400, "9" * 5000, "0x" + "f" * 200, "!!float nan", "!!float inf",
    ".inf", ".nan", "5e-324", "-0", "0o777", "1_000", "~", "null", "yes", "no", "2026-W01-1",
    "9999-Q4", "0000", "2026-02-30", '"\\u2028"', '"\\x07"', '"\\ufeffada"', "'it''s'",
    '"sales/x\\n"', "&a x", "*a", "!!str 5", "!!int '5'", "[a, b]", "{a: 1}", "|\n  block",
    "'unclosed", '"unclosed', "@", "`x`", "% x", "a: b", "- x", "#", "\t", "中文", "\U0001F600",
    "<script>alert(1)</script>", "javascript:alert(1)", "../../etc/passwd", "index",
]  # fmt: skip
FIELDS = [
    "id", "objective", "owner", "team", "period", "type", "parent", "tags", "score",
    "key_results", "checkins", "ownr", "",
]  # fmt: skip
KR_FIELDS = [
    "id", "title", "type", "baseline", "target", "current", "unit", "weight", "confidence",
    "score", "done", "owner", "definition", "actions",
]  # fmt: skip

scalars = st.one_of(
    st.sampled_from(NASTY_SCALARS),
    st.integers(-(10**20), 10**20).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.text(max_size=20).map(lambda text: json.dumps(text)),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12),
)


def key_result() -> st.SearchStrategy[str]:
    return st.lists(st.tuples(st.sampled_from(KR_FIELDS), scalars), min_size=1, max_size=6).map(
        lambda pairs: "\n".join(f"    {key}: {value}" for key, value in pairs)
    )


@st.composite
def front_matters(draw: st.DrawFn) -> str:
    """A front matter: the valid sample with fields replaced, added or broken."""
    lines = VALID_OKR.split("\n")
    for _ in range(draw(st.integers(0, 4))):
        choice = draw(st.integers(0, 3))
        if choice == 0:  # replace a top-level value
            field = draw(st.sampled_from(FIELDS))
            lines.insert(1, f"{field}: {draw(scalars)}")
        elif choice == 1:  # a key result with random fields
            index = lines.index("key_results:") + 1 if "key_results:" in lines else len(lines) - 2
            lines.insert(index, "  - " + draw(key_result()).lstrip())
        elif choice == 2:  # replace a value somewhere
            index = draw(st.integers(1, len(lines) - 1))
            if ": " in lines[index]:
                key = lines[index].split(": ", 1)[0]
                lines[index] = f"{key}: {draw(scalars)}"
        else:  # insert random characters anywhere
            index = draw(st.integers(0, len(lines) - 1))
            position = draw(st.integers(0, len(lines[index])))
            junk = draw(st.text(max_size=4))
            lines[index] = lines[index][:position] + junk + lines[index][position:]
    return "\n".join(lines)


class Project:
    """A real project on disk, reused across examples."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="okrdocs-fuzz-"))
        (self.root / "content" / "sales").mkdir(parents=True)
        (self.root / "okrdocs.toml").write_text(
            'content = "content"\n[people]\n"zhang.wei" = "张伟"\n', encoding="utf-8"
        )
        (self.root / "content" / "sales" / "good.md").write_text(VALID_OKR, encoding="utf-8")
        self.config = load_config(start=self.root)

    def write(self, text: str | bytes) -> Path:
        path = self.root / "content" / "sales" / "fuzzed.md"
        path.write_bytes(text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text)
        return path


_project: Project | None = None


def project() -> Project:
    global _project
    if _project is None:
        _project = Project()
    return _project


def check_everything(path: Path) -> None:
    """What lint, build, status and export do with the project, in process."""
    from okrdocs.authoring import status
    from okrdocs.authoring.csvio import to_csv
    from okrdocs.formats import FORMATS, LintReport, render
    from okrdocs.site.export import site_json
    from okrdocs.site.pages import all_pages
    from okrdocs.site.writer import SiteWriter
    from okrdocs.workspace import Workspace

    config = project().config
    linted = Workspace.for_lint(config, AS_OF, jobs=1, use_cache=False, cwd=project().root)
    linted.load([path], keep_models=False)
    for diagnostic in linted.diagnostics:
        assert diagnostic.line >= 1 and diagnostic.column >= 1, diagnostic
        assert "\n" not in diagnostic.message, diagnostic
    report = LintReport(linted.diagnostics, [path.name], linted.enabled)
    for name in FORMATS:
        render(name, report)
    built = Workspace(config, AS_OF, jobs=1, cwd=project().root).load()  # build --no-lint
    data = built.analysis()
    json.dumps(site_json(data), allow_nan=False)
    to_csv(data)
    status.render(data, data.objectives, color=True)
    output = Path(tempfile.mkdtemp(prefix="okrdocs-fuzz-site-"))
    try:
        writer = SiteWriter(data, output)
        for page in all_pages(data, writer.t):
            writer.render(page)
        for name in ("okrs.json", "search", "sitemap"):
            writer.site_file(name)
    finally:
        shutil.rmtree(output, ignore_errors=True)


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(front_matters())
def test_generated_front_matter_never_crashes_lint_build_status_or_export(text: str) -> None:
    check_everything(project().write(text))


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=600))
def test_any_bytes_never_crash_the_loader(data: bytes) -> None:
    from okrdocs.loader import FileContext, load_bytes, read_header

    context = FileContext("/p/content/sales/x.md", "content/sales/x.md", "sales/x.md")
    loaded = load_bytes(b"---\n" + data + b"\n---\n", context)
    read_header(b"---\n" + data + b"\n---\n", context)
    loaded_raw = load_bytes(data, context)
    for found in (*loaded.diagnostics, *loaded_raw.diagnostics):
        assert found.line >= 1 and "\n" not in found.message


value_texts = st.one_of(
    st.sampled_from(["850", "８５０", "1,200", "85%", "850.10", "1e3", "-0", "+5", "nan", "inf",
                     "9007199254740993", "1" + "0" * 30, "", " ", "done", "true", "0x10", "1_0"]),
    st.text(max_size=12),
)  # fmt: skip


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(
    value=value_texts,
    note=st.one_of(st.none(), st.text(max_size=40)),
    day=st.dates(date(2025, 12, 1), date(2026, 4, 30)),
    confidence=st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True)),
)
def test_checkin_records_or_refuses_and_never_crashes(
    value: str, note: str | None, day: date, confidence: float | None
) -> None:
    from okrdocs.authoring.checkin import CheckinError, record

    path = project().write(VALID_OKR)
    before = path.read_bytes()
    try:
        result = record(
            project().config,
            path,
            {"revenue": value},
            day,
            AS_OF,
            confidence,
            note,
            cwd=project().root,
        )
    except CheckinError:
        assert path.read_bytes() == before  # a refusal changes nothing
        return
    assert result.objective.kr("revenue") is not None
    check_everything(path)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(st.one_of(scalars, st.text(max_size=10)), max_size=12), max_size=6))
def test_import_reads_or_refuses_any_spreadsheet(cells: list[list[str]]) -> None:
    import csv
    import io

    from okrdocs.authoring.importing import prepare
    from okrdocs.authoring.spreadsheet import NAMES, SheetError

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(NAMES[:14])
    writer.writerows(cells)
    for raw in (buffer.getvalue().encode("utf-8"), buffer.getvalue().encode("utf-16")):
        with contextlib.suppress(SheetError):
            prepare(project().config, raw, project().root, skip_existing=True)


# -- the editor's features and the fixes, on any text ------------------------------------------


def _project_for_editor() -> object:
    """The language server's project for the fuzzing project (typed loosely: lsprotocol is
    imported only by the tests that use it)."""
    from okrdocs.lsp.projects import Projects

    projects = Projects("en")
    found = projects.for_path(project().root / "content" / "sales" / "fuzzed.md")
    assert found is not None
    return found


_editor_project: object | None = None


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(front_matters(), st.integers(0, 40), st.integers(0, 30))
def test_every_editor_feature_answers_on_any_text(text: str, line: int, column: int) -> None:
    from lsprotocol import types

    from okrdocs.lsp import actions, completion, hover, navigation
    from okrdocs.lsp import diagnostics as lsp_diagnostics
    from okrdocs.lsp.projects import Project as EditorProject
    from okrdocs.lsp.text import Document

    global _editor_project
    if _editor_project is None:
        _editor_project = _project_for_editor()
    editor = _editor_project
    assert isinstance(editor, EditorProject)
    path = project().root / "content" / "sales" / "fuzzed.md"
    document = Document(path.as_uri(), path, text)
    checked = editor.check(path, text)
    for diagnostic in checked.loaded.diagnostics:
        lsp_diagnostics.to_lsp(diagnostic, document.index, "en")
    line = min(line, document.index.line_count - 1)
    hover.hover(editor, document, checked, line, column)
    completion.complete(editor, document, line, column)
    navigation.definition(editor, document, line, column)
    navigation.symbols(document)
    position = types.Position(line, column)
    actions.code_actions(editor, document, checked, types.Range(position, position), None)


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(front_matters())
def test_fixes_never_leave_a_file_that_does_not_read(text: str) -> None:
    from okrdocs.authoring.fix import fix_all
    from okrdocs.workspace import Workspace

    config = project().config
    workspace = Workspace.for_lint(config, AS_OF, jobs=1, use_cache=False, cwd=project().root)
    path = project().root / "content" / "sales" / "fuzzed.md"
    raw = text.encode("utf-8", "surrogatepass")

    def check(data: bytes) -> list:  # type: ignore[type-arg]
        return workspace.check_unsaved(path, data).diagnostics

    before = check(raw)
    result = fix_all(raw, check)
    if result.changed:
        after = check(result.data)
        assert not any(d.code == "OKR001" for d in after)
        errors = sum(1 for d in after if d.severity == "error")
        assert errors <= sum(1 for d in before if d.severity == "error")
        assert not fix_all(result.data, check).changed  # a second --fix changes nothing
