"""Reading the spreadsheets teams arrive with: encodings, separators and headers as they are.

- Encodings: UTF-8 with or without a byte-order mark, UTF-16 with one (Excel's "Unicode text"),
  else GB18030 (a superset of GBK and GB2312, what Chinese Excel saves). The choice is reported.
- Separators: comma, semicolon (European Excel) or tab, whichever splits the header best.
- Headers: okrdocs's own names in any case, with spaces or hyphens for underscores, and Chinese
  names (目标, 负责人, 周期, 关键结果, 基线, 目标值, 当前值, 单位, 权重 …, simplified or
  traditional). Unknown columns are ignored with one warning; a column given twice is refused.

``COLUMNS`` is the one description of every column: ``okrdocs help import`` prints it and the
column table in docs/workflow.md is generated from it.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from typing import NamedTuple

from okrdocs.i18n import N_, _


class Column(NamedTuple):
    name: str
    field: str  # where it goes in the file
    notes: str
    aliases: tuple[str, ...] = ()  # other headers that mean it (Chinese, simplified/traditional)


COLUMNS: tuple[Column, ...] = (
    Column("objective_id", "id", N_("default: from the file's path"), ("目标编号", "目标id", "目標編號", "目標id", "id")),
    Column("objective", "objective", N_("required"), ("目标", "目標", "objective title")),
    Column("owner", "owner", N_("required"), ("负责人", "負責人", "目标负责人", "目標負責人")),
    Column("team", "team", N_("also the folder the file goes in"), ("团队", "團隊", "部门", "部門")),
    Column("period", "period", N_("required: 2026-Q4, 2026, 2026-H1, ..."), ("周期", "週期", "时间", "時間")),
    Column("type", "type", N_("committed or aspirational"), ("类型", "類型", "目标类型", "目標類型")),
    Column("parent", "parent", N_("the id of the objective this one aligns to"), ("上级目标", "上級目標", "父目标", "父目標", "对齐", "對齊")),
    Column("tags", "tags", N_("separated by ;"), ("标签", "標籤")),
    Column("objective_score", "score", N_("0 to 1"), ("目标评分", "目標評分")),
    Column("objective_progress", "", N_("computed by export; ignored by import"), ("目标进度", "目標進度")),
    Column("objective_status", "", N_("computed by export; ignored by import"), ("目标状态", "目標狀態")),
    Column("kr_id", "key_results[].id", N_("default: kr1, kr2, ... by position"), ("关键结果编号", "關鍵結果編號", "kr编号", "kr編號")),
    Column("kr_title", "key_results[].title", N_("required"), ("关键结果", "關鍵結果", "key result", "kr")),
    Column("kr_owner", "key_results[].owner", "", ("关键结果负责人", "關鍵結果負責人", "kr负责人", "kr負責人")),
    Column("kr_type", "key_results[].type", N_("metric (default) or milestone"), ("关键结果类型", "關鍵結果類型")),
    Column("baseline", "key_results[].baseline", N_("a number; 1,200 is fine"), ("基线", "基線", "起始值", "初始值")),
    Column("target", "key_results[].target", N_("a number"), ("目标值", "目標值")),
    Column("current", "key_results[].current", N_("a number"), ("当前值", "當前值", "现值", "現值")),
    Column("done", "key_results[].done", N_("true or false, for milestones"), ("完成", "已完成")),
    Column("unit", "key_results[].unit", "", ("单位", "單位")),
    Column("definition", "key_results[].definition", N_("how the number is measured"), ("定义", "定義", "口径", "口徑")),
    Column("weight", "key_results[].weight", "", ("权重", "權重")),
    Column("confidence", "key_results[].confidence", N_("0 to 1"), ("信心指数", "信心指數", "信心")),
    Column("kr_score", "key_results[].score", N_("0 to 1"), ("评分", "評分", "关键结果评分", "關鍵結果評分")),
    Column("kr_dropped", "key_results[].dropped", N_("the day the key result was dropped"), ("放弃日期", "放棄日期")),
    Column("kr_dropped_reason", "key_results[].dropped_reason", N_("why it was dropped"), ("放弃原因", "放棄原因")),
    Column("progress", "", N_("computed by export; ignored by import"), ("进度", "進度")),
    Column("status", "", N_("computed by export; ignored by import"), ("状态", "狀態")),
    Column("last_checkin", "", N_("computed by export; ignored by import"), ("最近跟踪", "最近追蹤", "最近进展", "最近進展")),
    Column("actions", "key_results[].actions", N_("one action per line: title | owner | due | status | link"), ("行动计划", "行動計畫", "行动", "行動")),
    Column("checkins", "checkins", N_("the JSON list export writes"), ("跟踪记录", "追蹤記錄", "进展记录", "進展記錄")),
    Column("body", "the Markdown body", "", ("正文", "说明", "說明", "背景")),
    Column("source", "", N_("the file export read (matches rows to existing files)"), ("来源", "來源", "文件", "檔案")),
)  # fmt: skip
NAMES = tuple(column.name for column in COLUMNS)
REQUIRED = ("objective", "owner", "period", "kr_title")
COMPUTED = frozenset(c.name for c in COLUMNS if not c.field)


def _key(header: str) -> str:
    return header.strip().lower().replace("-", "_").replace(" ", "_")


_ALIASES: dict[str, str] = {}
for _column in COLUMNS:
    _ALIASES[_key(_column.name)] = _column.name
    _ALIASES[_key(_column.name.replace("_", " "))] = _column.name
    for _alias in _column.aliases:
        _ALIASES[_key(_alias)] = _column.name


class SheetError(Exception):
    """The spreadsheet as a whole cannot be read (a usage error, with what to do)."""


@dataclass(slots=True)
class Sheet:
    rows: list[dict[str, str]]  # by okrdocs column name; row i is spreadsheet row i + 2
    encoding: str  # as reported to the user
    separator: str
    ignored: list[str] = field(default_factory=list)  # headers of unknown columns
    # okrdocs column name -> the header as the sheet writes it (messages name the sheet's own)
    headers: dict[str, str] = field(default_factory=dict)


# A cell may hold a whole Markdown body; a larger one is refused with its row.
MAX_CELL = 1 << 20
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def unprotect(text: str) -> str:
    """The text behind a cell that export protected with a leading quote (see csvio)."""
    return text[1:] if text.startswith("'") and text[1:].startswith(_FORMULA_START) else text


def decode(raw: bytes) -> tuple[str, str]:
    """(text, encoding as reported) of a spreadsheet's bytes."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="strict"), N_("UTF-8 with a byte-order mark")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError:
            raise SheetError(_("the file starts like UTF-16 but is not; save it again")) from None
    try:
        return raw.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("gb18030"), N_("GB18030 (GBK, as Chinese Excel saves CSV)")
    except UnicodeDecodeError:
        raise SheetError(
            _(
                "the file is neither UTF-8 nor GBK; in Excel use Save As → 'CSV UTF-8 "
                "(Comma delimited)'"
            )
        ) from None


def _separator(text: str) -> str:
    """Comma, semicolon or tab: the one that splits the header line into the most columns."""
    header = text.split("\n", 1)[0]
    counts = {separator: header.count(separator) for separator in (",", ";", "\t")}
    best = max(counts, key=lambda separator: counts[separator])
    return best if counts[best] else ","


def read_sheet(raw: bytes) -> Sheet:
    """The rows of a CSV spreadsheet, by okrdocs column name. Raises SheetError."""
    try:
        text, encoding = decode(raw)
    except UnicodeDecodeError:
        raise SheetError(_("the file is not valid UTF-8; save it as 'CSV UTF-8'")) from None
    if not text.strip():
        raise SheetError(_("the file is empty"))
    separator = _separator(text)
    csv.field_size_limit(MAX_CELL)
    # newline="": the csv module reads \r\n, \n and a lone \r (old Mac files) itself; strict: an
    # unclosed quote is an error with its row, not a cell that swallows the rest of the file.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True)
    try:
        headers = next(reader)
    except csv.Error as error:
        raise SheetError(_("row 1: {error}", error=error)) from None
    columns: list[str | None] = []
    seen: dict[str, int] = {}
    ignored: list[str] = []
    for position, header in enumerate(headers, start=1):
        name = _ALIASES.get(_key(header))
        if name is None:
            if header.strip():
                ignored.append(header.strip())
            columns.append(None)
            continue
        if name in seen:
            raise SheetError(
                _(
                    "the column {name!r} is given twice (columns {seen2} and {position}: "
                    "{headers2!r} and {header!r}); keep one",
                    name=name,
                    seen2=seen[name],
                    position=position,
                    headers2=headers[seen[name] - 1],
                    header=header,
                )
            )
        seen[name] = position
        columns.append(name)
    missing = [name for name in REQUIRED if name not in seen]
    if missing:
        raise SheetError(
            _(
                "missing column {missing2!r} (required: {items}); see 'okrdocs help "
                "import' for the columns",
                missing2=missing[0],
                items=", ".join(REQUIRED),
            )
        )
    rows: list[dict[str, str]] = []
    try:
        for record in reader:
            if not any(cell.strip() for cell in record):
                rows.append({})  # a blank row keeps the numbering of the rows after it
                continue
            row: dict[str, str] = {}
            for name, cell in zip(columns, record, strict=False):
                if name is not None:
                    row[name] = unprotect(cell)
            rows.append(row)
    except csv.Error as error:
        raise SheetError(_("row {value}: {error}", value=len(rows) + 2, error=error)) from None
    written = {name: headers[position - 1].strip() for name, position in seen.items()}
    return Sheet(rows, encoding, separator, ignored, written)


def help_text() -> str:
    """``okrdocs help import``: the columns, in plain text."""
    lines = [
        "okrdocs import FILE.csv [--write] [--update] [--skip-existing]",
        "",
        _(
            "One row per key result; rows with the same objective (the same objective_id, or "
            "the\nsame objective, owner and period) become one file. A row whose objective_id "
            "or source\nnames an existing objective updates it (with --update) or is left alone."
        ),
        "",
        _(
            "Files: UTF-8 (with or without a byte-order mark), UTF-16, or GBK/GB18030 as "
            "Chinese\nExcel saves them; comma, semicolon or tab separated. Headers may be "
            "written in any\ncase, with spaces, or in Chinese. Unknown columns are ignored."
        ),
        "",
        _("Required: {columns}.", columns=", ".join(REQUIRED)),
        "",
    ]
    width = max(len(column.name) for column in COLUMNS)
    for column in COLUMNS:
        also = _(" (also: {names})", names=", ".join(column.aliases)) if column.aliases else ""
        notes = _(column.notes) if column.notes else column.field
        lines.append(f"  {column.name:<{width}}  {notes}{also}")
    return "\n".join(lines) + "\n"


def docs_table() -> str:
    """The column table of docs/workflow.md (generated by okrdocs.docgen)."""
    lines = ["| column | field | also accepted | notes |", "|---|---|---|---|"]
    for column in COLUMNS:
        also = ", ".join(f"`{alias}`" for alias in column.aliases)
        target = f"`{column.field}`" if column.field and " " not in column.field else column.field
        lines.append(f"| `{column.name}` | {target} | {also} | {column.notes} |")
    return "\n".join(lines) + "\n"
