"""The language server (``okrdocs lsp``), driven over stdio as an editor drives it (pytest-lsp):
the real server process, real files on disk, unsaved buffers."""

from __future__ import annotations

import os
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

from .conftest import PROJECT_AS_OF, VALID_OKR

CONFIG = """\
content = "content"
[lint]
ignore = ["not-aligned"]
[people]
"zhang.wei" = "张伟"
"wang.fang" = "王芳"
"zhao.lei" = "赵磊"
"""

COMPANY = """\
---
id: company/2026-growth
objective: Become the partner East China manufacturers trust with their data
owner: ada
period: 2026
key_results:
  - title: Grow revenue from 3,000 to 3,600
    baseline: 3000
    target: 3600
---
"""


def _environment(cache: Path) -> dict[str, str]:
    environment = {key: value for key, value in os.environ.items() if key != "LANG"}
    environment.update(OKRDOCS_AS_OF=PROJECT_AS_OF, OKRDOCS_LANG="en", OKRDOCS_CACHE_DIR=str(cache))
    return environment


@pytest.fixture
def okr_project(tmp_path: Path) -> Path:
    (tmp_path / "okrdocs.toml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "content" / "sales").mkdir(parents=True)
    (tmp_path / "content" / "company").mkdir()
    (tmp_path / "content" / "company" / "2026.md").write_text(COMPANY, encoding="utf-8")
    (tmp_path / "content" / "sales" / "q1.md").write_text(VALID_OKR, encoding="utf-8")
    return tmp_path


@pytest_lsp.fixture(
    config=ClientServerConfig(
        server_command=[sys.executable, "-m", "okrdocs", "lsp"],
        server_env=_environment(Path(os.environ.get("OKRDOCS_CACHE_DIR", "/tmp"))),
    ),
)
async def client(lsp_client: LanguageClient, okr_project: Path) -> AsyncIterator[None]:
    registered: list[types.Registration] = []

    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(client: LanguageClient, params: types.RegistrationParams) -> None:
        registered.extend(params.registrations)

    lsp_client.registered = registered  # type: ignore[attr-defined]
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=pytest_lsp.client_capabilities("visual-studio-code"),
            workspace_folders=[types.WorkspaceFolder(uri=okr_project.as_uri(), name="okrs")],
            initialization_options={"debounce_ms": 0},
        )
    )
    yield
    await lsp_client.shutdown_session()


def _open(client: LanguageClient, path: Path, text: str) -> str:
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri, language_id="markdown", version=1, text=text
            )
        )
    )
    return uri


async def _diagnostics(client: LanguageClient, uri: str) -> list[types.Diagnostic]:
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return list(client.diagnostics.get(uri, []))


async def _change(
    client: LanguageClient, uri: str, text: str, version: int
) -> list[types.Diagnostic]:
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )
    return await _diagnostics(client, uri)


async def test_diagnostics_on_an_unsaved_buffer(client: LanguageClient, okr_project: Path) -> None:
    path = okr_project / "content" / "sales" / "q1.md"
    unsaved = VALID_OKR.replace("target: 880", "target: 880万")
    found = await _diagnostics(client, _open(client, path, unsaved))
    assert [(d.code, d.range.start.line, d.range.start.character) for d in found] == [
        ("OKR002", 9, 12)
    ]
    diagnostic = found[0]
    assert diagnostic.range.end == types.Position(9, 16)
    assert diagnostic.severity == types.DiagnosticSeverity.Error
    assert diagnostic.source == "okrdocs"
    assert "move the unit '万' to the 'unit' field" in diagnostic.message
    assert diagnostic.code_description is not None
    assert diagnostic.code_description.href.endswith("/docs/rules/OKR002.md")
    assert path.read_text(encoding="utf-8") == VALID_OKR  # nothing written


async def test_diagnostics_follow_each_edit(client: LanguageClient, okr_project: Path) -> None:
    path = okr_project / "content" / "sales" / "q1.md"
    uri = _open(client, path, VALID_OKR)
    assert await _diagnostics(client, uri) == []
    found = await _change(client, uri, VALID_OKR.replace("owner: zhang.wei", "ownr: zhang.wei"), 2)
    assert [d.code for d in found] == ["OKR002", "OKR002"]  # the unknown field, the missing one
    assert await _change(client, uri, VALID_OKR, 3) == []


async def test_findings_use_the_project(client: LanguageClient, okr_project: Path) -> None:
    # Another file on disk has this id: a project-wide finding, on the unsaved buffer.
    path = okr_project / "content" / "sales" / "q2.md"
    text = VALID_OKR.replace("objective:", "id: company/2026-growth\nobjective:", 1)
    text = text.replace("parent", "parent")
    found = await _diagnostics(client, _open(client, path, text))
    assert "OKR003" in [d.code for d in found]


async def test_a_quick_fix_through_a_code_action(client: LanguageClient, okr_project: Path) -> None:
    path = okr_project / "content" / "sales" / "q1.md"
    unsaved = VALID_OKR.replace("    baseline: 800\n    target: 880\n", "    target: 880万\n")
    uri = _open(client, path, unsaved)
    found = await _diagnostics(client, uri)
    unit = next(d for d in found if d.code == "OKR002")
    result = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=unit.range,
            context=types.CodeActionContext(diagnostics=[unit]),
        )
    )
    assert result is not None
    titles = [action.title for action in result if isinstance(action, types.CodeAction)]
    # The key result declares 万元 already: the fix writes the number; fixing all adds the
    # baseline the title states too.
    assert titles == ["Write 880", "Fix all okrdocs problems (2)"]
    fix, everything = (a for a in result if isinstance(a, types.CodeAction))
    assert fix.kind == types.CodeActionKind.QuickFix and fix.is_preferred
    assert fix.diagnostics is not None and fix.diagnostics[0].code == "OKR002"
    assert _apply(unsaved, fix) == unsaved.replace("target: 880万", "target: 880")
    assert everything.kind == "source.fixAll.okrdocs"
    assert _apply(unsaved, everything) == VALID_OKR


def _apply(text: str, action: types.CodeAction) -> str:
    assert action.edit is not None and action.edit.changes is not None
    (edits,) = action.edit.changes.values()
    lines = text.splitlines(keepends=True)
    for edit in sorted(
        edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True
    ):
        start = (
            sum(len(line) for line in lines[: edit.range.start.line]) + edit.range.start.character
        )
        end = sum(len(line) for line in lines[: edit.range.end.line]) + edit.range.end.character
        text = text[:start] + edit.new_text + text[end:]
        lines = text.splitlines(keepends=True)
    return text


async def test_ignore_this_rule_on_this_line(client: LanguageClient, okr_project: Path) -> None:
    path = okr_project / "content" / "sales" / "q1.md"
    unsaved = VALID_OKR.replace("    baseline: 0\n", "")
    uri = _open(client, path, unsaved)
    found = await _diagnostics(client, uri)
    baseline = next(d for d in found if d.code == "OKR202")
    result = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=baseline.range,
            context=types.CodeActionContext(diagnostics=[baseline]),
        )
    )
    assert result is not None
    ignore = next(
        a
        for a in result
        if isinstance(a, types.CodeAction) and a.title == "Ignore OKR202 on this line"
    )
    ignored = _apply(unsaved, ignore)
    assert "    target: 5  # okrdocs: ignore[OKR202]\n" in ignored
    assert await _change(client, uri, ignored, 2) == []


async def test_completion_lists_the_roster_after_owner(
    client: LanguageClient, okr_project: Path
) -> None:
    path = okr_project / "content" / "sales" / "q1.md"
    uri = _open(client, path, VALID_OKR.replace("owner: zhang.wei", "owner: "))
    await _diagnostics(client, uri)
    result = await client.text_document_completion_async(
        types.CompletionParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(2, 7)
        )
    )
    assert isinstance(result, types.CompletionList)
    labels = [item.label for item in result.items]
    assert labels[:3] == ["zhang.wei", "wang.fang", "zhao.lei"]
    assert "ada" in labels  # the owner of another file
    assert result.items[0].detail == "张伟"


async def test_completion_of_fields_values_and_ids(
    client: LanguageClient, okr_project: Path
) -> None:
    path = okr_project / "content" / "sales" / "q1.md"
    text = VALID_OKR.replace("type: committed\n", "type: \nparent: \n").replace(
        "    values: {revenue: 830}", "    values: {revenue: 830, }"
    )
    uri = _open(client, path, text)
    await _diagnostics(client, uri)
    lines = text.splitlines()

    async def labels(line: int, character: int) -> list[str]:
        result = await client.text_document_completion_async(
            types.CompletionParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                position=types.Position(line, character),
            )
        )
        assert isinstance(result, types.CompletionList)
        return [item.label for item in result.items]

    assert await labels(4, 6) == ["committed", "aspirational"]
    assert await labels(5, 8) == ["company/2026-growth"]
    values = next(n for n, line in enumerate(lines) if "values:" in line)
    assert await labels(values, lines[values].index("}")) == ["customers"]
    # A new field of a key result: those it does not have yet, the required ones first.
    kr_line = next(n for n, line in enumerate(lines) if "    unit: 家" in line)
    new = text.replace("    unit: 家\n", "    unit: 家\n    \n")
    await _change(client, uri, new, 2)
    fields = await labels(kr_line + 1, 4)
    assert "owner" in fields and "unit" not in fields and "title" not in fields


async def test_hover_explains_a_finding_and_a_field(
    client: LanguageClient, okr_project: Path
) -> None:
    path = okr_project / "content" / "sales" / "q1.md"
    uri = _open(client, path, VALID_OKR.replace("    baseline: 0\n", ""))
    found = await _diagnostics(client, uri)
    baseline = next(d for d in found if d.code == "OKR202")
    result = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=baseline.range.start
        )
    )
    assert result is not None and isinstance(result.contents, types.MarkupContent)
    text = result.contents.value
    assert text.startswith(
        "**OKR202** `kr-no-baseline`: A metric key result with a target but no baseline."
    )
    assert '"From X to Y" is what makes progress honest' in text
    assert "docs/rules/OKR202.md" in text
    field = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(3, 1)
        )
    )
    assert field is not None and isinstance(field.contents, types.MarkupContent)
    assert field.contents.value.startswith("**`period`** (required)")
    assert "Years, halves and quarters follow the configured fiscal year." in field.contents.value


async def test_hover_on_a_key_result_shows_its_progress(
    client: LanguageClient, okr_project: Path
) -> None:
    path = okr_project / "content" / "sales" / "q1.md"
    uri = _open(client, path, VALID_OKR)
    await _diagnostics(client, uri)
    result = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(6, 10)
        )
    )
    assert result is not None and isinstance(result.contents, types.MarkupContent)
    text = result.contents.value
    assert "**季度销售额从 800 万元增长到 880 万元**" in text
    assert "progress 38% (expected 51%)" in text and "830 万元 (from 800 万元 to 880 万元)" in text
    assert "As of 2026-02-15." in text


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        (VALID_OKR.replace("  - id: customers\n", "  - id: customers\n  nope\n"), "invalid YAML"),
        (VALID_OKR.replace("owner: zhang.wei", 'owner: "zhang.wei'), "never closed"),
        (VALID_OKR.replace("    title: 新签约", "\ttitle: 新签约"), "tabs"),
        ("---\nobjective: [\n---\n", "invalid YAML"),
        ("---\n", "not closed"),
        ("", "empty"),
        ("\x00\x01\ufeff---\n", "front matter"),
    ],
)
async def test_a_broken_buffer_gives_a_diagnostic_not_an_error(
    client: LanguageClient, okr_project: Path, broken: str, message: str
) -> None:
    path = okr_project / "content" / "sales" / "q1.md"
    uri = _open(client, path, broken)
    found = await _diagnostics(client, uri)
    assert len(found) == 1 and found[0].code == "OKR001" and message in found[0].message
    # Every request on it answers, and the server lives on.
    for line in range(4):
        position = types.Position(line, 3)
        document = types.TextDocumentIdentifier(uri=uri)
        await client.text_document_hover_async(
            types.HoverParams(text_document=document, position=position)
        )
        await client.text_document_completion_async(
            types.CompletionParams(text_document=document, position=position)
        )
        await client.text_document_definition_async(
            types.DefinitionParams(text_document=document, position=position)
        )
        await client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=document,
                range=types.Range(position, position),
                context=types.CodeActionContext(diagnostics=[]),
            )
        )
        await client.text_document_document_symbol_async(
            types.DocumentSymbolParams(text_document=document)
        )
    assert await _change(client, uri, VALID_OKR, 2) == []
    errors = [m for m in client.log_messages if m.type == types.MessageType.Error]
    assert errors == [] and client.messages == []


async def test_definition_of_a_parent_and_symbols(
    client: LanguageClient, okr_project: Path
) -> None:
    path = okr_project / "content" / "sales" / "q1.md"
    text = VALID_OKR.replace("type: committed\n", "type: committed\nparent: company/2026-growth\n")
    uri = _open(client, path, text)
    await _diagnostics(client, uri)
    document = types.TextDocumentIdentifier(uri=uri)
    location = await client.text_document_definition_async(
        types.DefinitionParams(text_document=document, position=types.Position(5, 12))
    )
    assert isinstance(location, types.Location)
    assert location.uri == (okr_project / "content" / "company" / "2026.md").as_uri()
    symbols = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=document)
    )
    assert symbols is not None
    (objective,) = symbols
    assert isinstance(objective, types.DocumentSymbol)
    assert objective.name == "成为华东中型制造企业首选的工业软件供应商"
    children = objective.children or []
    assert [child.name for child in children] == [
        "季度销售额从 800 万元增长到 880 万元",
        "新签约客户从 0 家增加到 5 家",
        "check-ins",
    ]
    assert [action.name for action in children[0].children or []] == ["开展华东制造业市场调研"]


async def test_files_changed_on_disk_are_picked_up(
    client: LanguageClient, okr_project: Path
) -> None:
    path = okr_project / "content" / "sales" / "q1.md"
    text = VALID_OKR.replace("type: committed\n", "type: committed\nparent: company/2026-growth\n")
    uri = _open(client, path, text)
    assert await _diagnostics(client, uri) == []
    assert any(r.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES for r in client.registered)  # type: ignore[attr-defined]
    company = okr_project / "content" / "company" / "2026.md"
    company.write_text(
        COMPANY.replace("company/2026-growth", "company/2026-revenue"), encoding="utf-8"
    )
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=company.as_uri(), type=types.FileChangeType.Changed)]
        )
    )
    found = await _diagnostics(client, uri)
    assert [d.code for d in found] == ["OKR004"]


async def test_files_outside_the_content_folder_are_left_alone(
    client: LanguageClient, okr_project: Path
) -> None:
    readme = okr_project / "README.md"
    uri = _open(client, readme, "# Our OKRs\n\nobjective: not front matter\n")
    assert await _diagnostics(client, uri) == []


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=[sys.executable, "-m", "okrdocs", "lsp", "--stdio"]),
)
def bare_client(lsp_client: LanguageClient) -> None:
    """A server that has not been initialised (a client without capabilities or folders)."""


async def test_shutdown_and_exit(bare_client: LanguageClient) -> None:
    await bare_client.initialize_session(
        types.InitializeParams(capabilities=types.ClientCapabilities())
    )
    await bare_client.shutdown_session()
    assert bare_client._server is not None and bare_client._server.returncode == 0


@pytest_lsp.fixture(
    config=ClientServerConfig(
        server_command=[sys.executable, "-m", "okrdocs", "lsp"],
        server_env=_environment(Path(os.environ.get("OKRDOCS_CACHE_DIR", "/tmp"))),
    ),
)
async def chinese_client(lsp_client: LanguageClient, okr_project: Path) -> AsyncIterator[None]:
    # The initialisation option plays the part of --lang; without it the server chooses as
    # the CLI does (OKRDOCS_LANG, the configuration's language, the locale).
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(),
            workspace_folders=[types.WorkspaceFolder(uri=okr_project.as_uri(), name="okrs")],
            initialization_options={"lang": "zh-CN", "debounce_ms": 0},
        )
    )
    yield
    await lsp_client.shutdown_session()


async def test_messages_in_the_chosen_language(
    chinese_client: LanguageClient, okr_project: Path
) -> None:
    path = okr_project / "content" / "sales" / "q1.md"
    uri = _open(chinese_client, path, VALID_OKR.replace("    baseline: 0\n", ""))
    (found,) = await _diagnostics(chinese_client, uri)
    assert (
        found.message
        == "关键结果 'customers' 有目标值但没有起始值；请添加 'baseline:'，填写周期开始时的数值"
    )
    assert found.code_description is not None
    assert found.code_description.href.endswith("/docs/rules/zh-CN/OKR202.md")
    hover = await chinese_client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(3, 1)
        )
    )
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    assert "年、半年和季度按配置的财年计算" in hover.contents.value


def test_a_missing_extra_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from okrdocs.cli import cli

    monkeypatch.setitem(sys.modules, "pygls", None)  # import pygls raises ImportError
    result = CliRunner().invoke(cli, ["lsp"])
    assert result.exit_code == 2
    assert (
        result.stderr
        == 'okrdocs: error: the language server needs its extra: pip install "okrdocs[lsp]"\n'
    )


def test_positions_in_each_encoding() -> None:
    from okrdocs.diagnostics import Span
    from okrdocs.lsp.text import LineIndex

    text = "a: 季度😀 x\r\nb: y\rc"
    span = Span(1, 8, 1, 9)  # the "x" after a Chinese word and an emoji (characters, 1-based)
    assert LineIndex(text, "utf-32").span(span) == ((0, 7), (0, 8))
    assert LineIndex(text, "utf-16").span(span) == ((0, 8), (0, 9))
    assert LineIndex(text, "utf-8").span(span) == ((0, 14), (0, 15))
    index = LineIndex(text, "utf-16")
    assert [index.line(n) for n in range(index.line_count)] == ["a: 季度😀 x", "b: y", "c"]
    assert index.position(text.index("y")) == (1, 3)
    assert index.offset(0, 8) == text.index("x")
    # A point past the end of its line stays on the text.
    assert index.span(Span(2, 9, 2, 10)) == ((1, 4), (1, 4))


@pytest_lsp.fixture(
    config=ClientServerConfig(
        server_command=[sys.executable, "-m", "okrdocs", "lsp"],
        server_env=_environment(Path(os.environ.get("OKRDOCS_CACHE_DIR", "/tmp"))),
    ),
)
async def utf8_client(lsp_client: LanguageClient, okr_project: Path) -> AsyncIterator[None]:
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(
                general=types.GeneralClientCapabilities(
                    position_encodings=[types.PositionEncodingKind.Utf8]
                )
            ),
            workspace_folders=[types.WorkspaceFolder(uri=okr_project.as_uri(), name="okrs")],
            initialization_options={"debounce_ms": 0},
        )
    )
    yield
    await lsp_client.shutdown_session()


async def test_ranges_in_the_negotiated_encoding(
    utf8_client: LanguageClient, okr_project: Path
) -> None:
    path = okr_project / "content" / "sales" / "q1.md"
    customers = VALID_OKR[VALID_OKR.index("  - id: customers") : VALID_OKR.index("checkins:")]
    text = VALID_OKR.replace(
        customers, "  - {id: customers, title: 新签约客户, baseline: 0, target: 5家}\n"
    )
    found = await _diagnostics(utf8_client, _open(utf8_client, path, text))
    unit = next(d for d in found if d.code == "OKR002")
    line = text.splitlines()[unit.range.start.line]
    assert (
        line.encode("utf-8")[unit.range.start.character : unit.range.end.character]
        == "5家".encode()
    )


@pytest_lsp.fixture(
    config=ClientServerConfig(
        server_command=[sys.executable, "-m", "okrdocs", "lsp"],
        server_env=_environment(Path(os.environ.get("OKRDOCS_CACHE_DIR", "/tmp"))),
    ),
)
async def unwatched_client(lsp_client: LanguageClient, okr_project: Path) -> AsyncIterator[None]:
    """A client without a file watcher (no dynamic registration): Neovim before 0.10, Helix."""
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(),
            workspace_folders=[types.WorkspaceFolder(uri=okr_project.as_uri(), name="okrs")],
            initialization_options={"debounce_ms": 0},
        )
    )
    yield
    await lsp_client.shutdown_session()


async def test_without_a_file_watcher_a_save_looks_at_the_disk(
    unwatched_client: LanguageClient, okr_project: Path
) -> None:
    client = unwatched_client
    path = okr_project / "content" / "sales" / "q1.md"
    text = VALID_OKR.replace("type: committed\n", "type: committed\nparent: company/2026-growth\n")
    path.write_text(text, encoding="utf-8")
    uri = _open(client, path, text)
    assert await _diagnostics(client, uri) == []
    company = okr_project / "content" / "company" / "2026.md"
    company.write_text(
        COMPANY.replace("company/2026-growth", "company/2026-revenue"), encoding="utf-8"
    )
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    found = await _diagnostics(client, uri)
    assert [d.code for d in found] == ["OKR004"]


async def test_a_changed_configuration_is_read_again(
    client: LanguageClient, okr_project: Path
) -> None:
    path = okr_project / "content" / "sales" / "q1.md"
    uri = _open(client, path, VALID_OKR.replace("    baseline: 0\n", ""))
    assert [d.code for d in await _diagnostics(client, uri)] == ["OKR202"]
    config = okr_project / "okrdocs.toml"

    async def config_changed(text: str) -> list[types.Diagnostic]:
        config.write_text(text, encoding="utf-8")
        client.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams(
                changes=[types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Changed)]
            )
        )
        return await _diagnostics(client, uri)

    assert (
        await config_changed(
            CONFIG.replace('ignore = ["not-aligned"]', 'ignore = ["not-aligned", "OKR202"]')
        )
        == []
    )
    broken = await config_changed(CONFIG.replace("[lint]", "[lint]\nselekt = []"))
    assert len(broken) == 1 and broken[0].severity == types.DiagnosticSeverity.Error
    assert "okrdocs.toml" in broken[0].message and "selekt" in broken[0].message
    assert [d.code for d in await config_changed(CONFIG)] == ["OKR202"]


async def test_fix_all_on_save(client: LanguageClient, okr_project: Path) -> None:
    """What VS Code asks for with "editor.codeActionsOnSave": {"source.fixAll.okrdocs": ...}."""
    path = okr_project / "content" / "sales" / "q1.md"
    unsaved = VALID_OKR.replace("    baseline: 800\n    target: 880\n", "    target: 880万\n")
    uri = _open(client, path, unsaved)
    await _diagnostics(client, uri)
    start = types.Position(0, 0)
    for kind in (types.CodeActionKind.SourceFixAll, "source.fixAll.okrdocs"):
        result = await client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                range=types.Range(start, start),
                context=types.CodeActionContext(diagnostics=[], only=[kind]),
            )
        )
        assert result is not None
        (action,) = result
        assert isinstance(action, types.CodeAction) and action.kind == "source.fixAll.okrdocs"
        assert _apply(unsaved, action) == VALID_OKR
