"""The loader on real files: the model it builds and every bad input, at exact positions."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from okrdocs.loader import LoadedFile, load_file, make_context
from okrdocs.periods import FiscalYear

from .conftest import VALID_OKR, TempProject


def load(tmp_path: Path, text: str | bytes, name: str = "sales/east.md") -> LoadedFile:
    content = tmp_path / "content"
    path = content / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, str):
        text = text.encode("utf-8")
    path.write_bytes(text)
    return load_file(make_context(path, content, tmp_path))


def found(loaded: LoadedFile) -> list[tuple[int, int, str]]:
    return [(d.line, d.column, d.code) for d in loaded.diagnostics]


def test_valid_file_builds_the_model(tmp_path: Path) -> None:
    loaded = load(tmp_path, VALID_OKR)
    assert loaded.diagnostics == []
    objective = loaded.objective
    assert objective is not None
    assert objective.id == "sales/east"
    assert objective.team == "sales" and not objective.team_declared
    assert objective.objective == "成为华东中型制造企业首选的工业软件供应商"
    assert objective.period.start == date(2026, 1, 1)
    assert objective.period.end == date(2026, 3, 31)
    assert objective.kind == "committed"
    revenue, customers = objective.key_results
    assert (revenue.id, revenue.baseline, revenue.target, revenue.current) == (
        "revenue",
        800,
        880,
        830,
    )
    assert revenue.owner == "zhang.wei" and not revenue.owner_declared
    assert revenue.actions[0].due == date(2026, 1, 31)
    assert revenue.actions[0].status == "done"
    assert customers.actions[0].status == "todo"
    assert objective.checkins[0].date == date(2026, 2, 1)
    assert objective.checkins[0].values == {"revenue": 830}
    assert objective.body.startswith("Free Markdown")
    assert objective.body_line == 33


def test_positions_point_at_values_and_keys_in_chinese_text(tmp_path: Path) -> None:
    objective = load(tmp_path, VALID_OKR).objective
    assert objective is not None
    assert objective.span("/objective")[:2] == (2, 12)
    assert objective.span("/key_results/0/target")[:2] == (10, 13)
    assert objective.span("/key_results/0/actions/0/due")[:2] == (16, 14)
    assert objective.span("/checkins/0/values/revenue", prefer_key=True)[:2] == (29, 14)
    assert objective.span("/checkins/0/values/revenue")[:2] == (29, 23)
    # A pointer to something absent falls back to its closest existing ancestor.
    assert objective.span("/key_results/1/current")[:2] == (18, 5)


def test_default_ids_and_explicit_ids(tmp_path: Path) -> None:
    text = VALID_OKR.replace("  - id: customers\n    title:", "  - title:", 1)
    loaded = load(
        tmp_path, text.replace("owner: zhang.wei\n", "owner: zhang.wei\nid: sales/q1\n", 1)
    )
    assert loaded.diagnostics == []
    assert loaded.objective is not None
    assert loaded.objective.id == "sales/q1" and loaded.objective.id_declared
    assert [kr.id for kr in loaded.objective.key_results] == ["revenue", "kr2"]


@pytest.mark.parametrize(
    ("text", "expected", "words"),
    [
        (b"", [(1, 1, "OKR001")], "empty"),
        (b"   \n\n", [(1, 1, "OKR001")], "empty"),
        (b"# Just a heading\n", [(1, 1, "OKR001")], "no front matter"),
        (b"---\nobjective: x\n", [(1, 1, "OKR001")], "not closed"),
        (b"---\n---\nbody\n", [(1, 1, "OKR001")], "front matter is empty"),
        (b"---\n- a\n- b\n---\n", [(2, 1, "OKR001")], "name: value"),
        (b'---\nobjective: "open\nowner: x\n---\n', [(2, 12, "OKR001")], "never closed"),
        (b"---\nobjective: a: b\n---\n", [(2, 13, "OKR001")], "quotes"),
        (b"---\nkey_results:\n\t- title: x\n---\n", [(3, 1, "OKR001")], "tabs"),
        (b"---\nunit: %\n---\n", [(2, 7, "OKR001")], "quotes"),
        (b"---\na: &x [*x]\n---\n", [(2, 4, "OKR001")], "aliases"),
        (
            b"---\nobjective: !!python/object:os.system x\n---\n",
            [(2, 12, "OKR001")],
            "unsupported YAML tag",
        ),
        (
            "---\nobjective: 中文\xd6\n---\n".encode()[:-6] + b"\xd6\xd0\n---\n",
            [(2, 14, "OKR001")],
            "not valid UTF-8",
        ),
    ],
)
def test_bad_input_gives_one_clear_diagnostic(
    tmp_path: Path, text: bytes, expected: list[tuple[int, int, str]], words: str
) -> None:
    loaded = load(tmp_path, text)
    assert found(loaded) == expected
    assert words in loaded.diagnostics[0].message
    assert loaded.objective is None


def test_gbk_file_is_reported_at_the_first_bad_byte(tmp_path: Path) -> None:
    text = "---\nobjective: 提高销售额\n---\n".encode("gbk")
    loaded = load(tmp_path, text)
    assert found(loaded) == [(2, 12, "OKR001")]
    assert "GBK" in loaded.diagnostics[0].message


def test_bom_and_crlf_are_handled_without_moving_positions(tmp_path: Path) -> None:
    crlf = VALID_OKR.replace("\n", "\r\n").encode("utf-8")
    loaded = load(tmp_path, b"\xef\xbb\xbf" + crlf)
    assert loaded.diagnostics == []
    assert loaded.objective is not None
    assert loaded.objective.span("/key_results/0/target")[:2] == (10, 13)
    bad = (
        b"\xef\xbb\xbf"
        + VALID_OKR.replace("baseline: 800", "baseline: lots").replace("\n", "\r\n").encode()
    )
    loaded = load(tmp_path, bad)
    assert found(loaded) == [(9, 15, "OKR002")]


def test_schema_errors_point_at_value_key_or_parent_mapping(tmp_path: Path) -> None:
    text = (
        VALID_OKR.replace("owner: zhang.wei\n", "", 1)
        .replace("    unit: 万元\n", "    unit: 万元\n    ownr: li.na\n", 1)
        .replace("target: 880", "target: 880万", 1)
        .replace("due: 2026-01-31", "due: 2026-02-30", 1)
        .replace("status: done", "status: finished", 1)
        .replace("confidence: 0.7", "confidence: 70", 1)
    )
    loaded = load(tmp_path, text)
    messages = {(d.line, d.column): d.message for d in loaded.diagnostics}
    assert all(d.code == "OKR002" for d in loaded.diagnostics)
    # Missing required key: at the mapping that lacks it (the front matter's first key).
    assert messages[(2, 1)].startswith("missing required field 'owner'")
    assert "e.g. owner: zhang.wei" in messages[(2, 1)]
    assert messages[(9, 13)] == (
        "key_results[0].target must be a number, not the text '880万'; "
        "move the unit '万' to the 'unit' field"
    )
    assert messages[(12, 5)] == "unknown field 'ownr' in key_results[0]; did you mean 'owner'?"
    assert (
        messages[(16, 14)]
        == "key_results[0].actions[0].due: '2026-02-30' is not a real calendar date"
    )
    assert "one of todo, doing, done, dropped, not 'finished'" in messages[(17, 17)]
    assert "between 0 and 1, not 70; write a share such as 0.7 for 70%" in messages[(30, 17)]
    assert len(loaded.diagnostics) == 6


def test_missing_key_in_a_nested_mapping_points_at_that_mapping(tmp_path: Path) -> None:
    loaded = load(
        tmp_path, VALID_OKR.replace("      - title: 在苏州举办客户开放日\n", "      - \n")
    )
    assert found(loaded) == [(25, 9, "OKR002")]
    assert (
        "missing required field 'title' in key_results[1].actions[0]"
        in loaded.diagnostics[0].message
    )


def test_yaml_11_traps(tmp_path: Path) -> None:
    text = (
        VALID_OKR.replace("owner: zhang.wei\n", "owner: no\n", 1)
        .replace("baseline: 0\n", "baseline: 010\n", 1)
        .replace("target: 5\n", "target: 1_000\n", 1)
        .replace("current: 830\n", "current: 0x10\n", 1)
    )
    loaded = load(tmp_path, text)
    assert loaded.diagnostics == []
    objective = loaded.objective
    assert objective is not None
    assert objective.owner == "no"  # not False
    assert objective.key_results[1].baseline == 10  # not octal 8
    assert objective.key_results[1].target == 1000
    assert objective.key_results[0].current == 16
    assert objective.checkins[0].date == date(2026, 2, 1)


def test_numbers_in_text_fields_keep_their_characters(tmp_path: Path) -> None:
    text = VALID_OKR.replace("owner: zhang.wei\n", "owner: 007\n", 1).replace(
        "period: 2026-Q1", "period: 2026", 1
    )
    loaded = load(tmp_path, text)
    assert loaded.objective is not None
    assert loaded.objective.owner == "007"
    assert loaded.objective.period.key == "2026"


def test_yes_is_not_a_boolean(tmp_path: Path) -> None:
    text = VALID_OKR.replace(
        "    unit: 家\n", "    unit: 家\n    type: milestone\n    done: yes\n", 1
    )
    loaded = load(tmp_path, text)
    assert found(loaded) == [(24, 11, "OKR002")]
    assert loaded.diagnostics[0].message.endswith("not the text 'yes'; write true or false")


def test_period_range_that_ends_before_it_starts(tmp_path: Path) -> None:
    loaded = load(tmp_path, VALID_OKR.replace("period: 2026-Q1", "period: 2026-03-01..2026-01-01"))
    assert found(loaded) == [(4, 9, "OKR002")]
    assert "ends before it starts" in loaded.diagnostics[0].message


def test_period_with_bad_format(tmp_path: Path) -> None:
    loaded = load(tmp_path, VALID_OKR.replace("period: 2026-Q1", "period: 2026Q1"))
    assert found(loaded) == [(4, 9, "OKR002")]
    assert "such as 2026-Q1" in loaded.diagnostics[0].message


def test_checkin_for_unknown_kr_and_wrong_value_type(tmp_path: Path) -> None:
    text = VALID_OKR.replace("values: {revenue: 830}", "values: {revenu: 830, customers: true}")
    loaded = load(tmp_path, text)
    assert found(loaded) == [(29, 14, "OKR004"), (29, 38, "OKR002")]
    assert "did you mean 'revenue'?" in loaded.diagnostics[0].message
    assert "is a metric" in loaded.diagnostics[1].message


def test_duplicate_kr_ids(tmp_path: Path) -> None:
    loaded = load(tmp_path, VALID_OKR.replace("- id: customers", "- id: revenue"))
    assert found(loaded) == [(18, 9, "OKR003")]
    assert "used twice" in loaded.diagnostics[0].message


def test_duplicate_keys_are_reported_at_the_second_key(tmp_path: Path) -> None:
    loaded = load(
        tmp_path, VALID_OKR.replace("owner: zhang.wei\n", "owner: zhang.wei\nowner: li.na\n", 1)
    )
    assert found(loaded) == [(4, 1, "OKR001")]
    assert "duplicate key 'owner' (first on line 3)" in loaded.diagnostics[0].message


def test_section_file(tmp_path: Path) -> None:
    loaded = load(
        tmp_path, "---\ntitle: 销售部\nowner: zhang.wei\n---\nAbout us\n", "sales/_index.md"
    )
    assert loaded.diagnostics == []
    assert loaded.section is not None
    assert loaded.section.folder == "sales"
    assert loaded.section.title == "销售部"
    bad = load(tmp_path, "---\ntitle: 销售部\nobjective: x\n---\n", "sales/_index.md")
    assert found(bad) == [(3, 1, "OKR002")]


def test_fiscal_year_periods(tmp_path: Path) -> None:
    content = tmp_path / "content"
    path = content / "a.md"
    content.mkdir()
    path.write_text(VALID_OKR, encoding="utf-8")
    loaded = load_file(make_context(path, content, tmp_path), FiscalYear(4, "end"))
    assert loaded.objective is not None
    assert loaded.objective.period.start == date(2025, 4, 1)
    assert loaded.objective.team is None  # a file directly under content/ has no default team


# -- the header read without a YAML parser agrees with a full load -----------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from okrdocs.loader import FileContext, load_bytes, read_header  # noqa: E402

_WORDS = ["sales/east", "ada", "2026-Q4", "zhang.wei", "张伟", "a b", "x#y", "it's", "007", ""]
_VALUES = st.one_of(
    st.sampled_from(_WORDS).map(lambda w: w),  # plain
    st.sampled_from(_WORDS).map(lambda w: "'" + w.replace("'", "''") + "'"),
    st.sampled_from(_WORDS).map(lambda w: '"' + w + '"'),
    st.sampled_from(
        [
            '"a\\"b"',
            '"tab\\tx"',
            "[a, b]",
            "{a: 1}",
            "&anchor x",
            "*alias",
            "!!str 5",
            "null",
            "~",
            "true",
            "5",
            "2026",
            "|\n  block",
            ">-\n  folded",
            "a\n  continued",
            "x  # a comment",
            "'a #b'",
            "a: b",
            "a:",
            "- item",
            "",
            "'unclosed",
        ]
    ),
)
_KEYS = st.sampled_from(
    ["id", "parent", "owner", "team", "period", "objective", "tags", '"id"', "id "]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(_KEYS, _VALUES), min_size=0, max_size=7), st.booleans())
def test_read_header_agrees_with_a_full_load(pairs: list[tuple[str, str]], crlf: bool) -> None:
    lines = [
        "---",
        *[f"{key}: {value}" for key, value in pairs],
        "key_results:",
        "  - title: x",
        "---",
        "body",
    ]
    text = "\n".join(lines) + "\n"
    if crlf:
        text = text.replace("\n", "\r\n")
    raw = text.encode("utf-8")
    context = FileContext("/p/content/sales/q1.md", "content/sales/q1.md", "sales/q1.md")
    assert read_header(raw, context) == load_bytes(raw, context).header, text


# -- numbers okrdocs cannot work with are positioned diagnostics (issue 11) -------------------


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("baseline", "-1e400", "out of range"),
        ("target", "1e400", "out of range"),
        ("target", "1" + "0" * 400, "has 401 digits"),
        ("target", "9" * 5000, "has 5,000 digits"),
        ("current", "!!float nan", "is not a number"),
        ("current", "!!float inf", "out of range"),
        ("weight", "1e400", "out of range"),
        ("weight", "!!float inf", "out of range"),
        ("confidence", "!!float nan", "is not a number"),
        ("target", "0x" + "f" * 5000, "digits"),
        ("target", "1000000000000001", "out of range"),
    ],
)
def test_numbers_out_of_range_are_reported_where_they_are(
    tmp_path: Path, field: str, value: str, message: str
) -> None:
    text = (
        "---\nobjective: Make onboarding effortless\nowner: ada\nperiod: 2026-Q1\n"
        f"key_results:\n  - title: Activation rises from 30% to 45%\n    {field}: {value}\n---\n"
    )
    loaded = load(tmp_path, text)
    assert loaded.objective is None  # never reaches a command downstream
    assert [(line, code) for line, _, code in found(loaded)] == [(7, "OKR002")]
    problem = loaded.diagnostics[0]
    assert problem.column == 5 + len(field) + 2
    assert message in problem.message and f"key_results[0].{field}" in problem.message
    assert "\n" not in problem.message


@pytest.mark.parametrize("period", ["9999-Q4", "9999-12", "0000", "1899-H1"])
def test_periods_with_impossible_years_are_reported(tmp_path: Path, period: str) -> None:
    text = (
        f"---\nobjective: Make onboarding effortless\nowner: ada\nperiod: '{period}'\n"
        "key_results:\n  - title: x\n    type: milestone\n---\n"
    )
    loaded = load(tmp_path, text)
    assert found(loaded) == [(4, 9, "OKR002")]
    assert "the year must be between 1900 and 2999" in loaded.diagnostics[0].message


# -- YAML problems reported where they are, in one line (issue 11) ----------------------------


def test_a_control_character_is_reported_where_it_is(tmp_path: Path) -> None:
    text = VALID_OKR.replace("owner: zhang.wei", "owner: zhang\x07wei")
    loaded = load(tmp_path, text)
    assert found(loaded) == [(3, 13, "OKR001")]
    message = loaded.diagnostics[0].message
    assert "\n" not in message and "U+0007" in message


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_line_separators_do_not_shift_line_numbers(tmp_path: Path, separator: str) -> None:
    text = VALID_OKR.replace(
        "note: Two large deals slipped to March.",
        f"note: Two large deals{separator}slipped to March.",
    ).replace("target: 880", "target: lots")
    loaded = load(tmp_path, text)
    line = text.split("\n").index("    target: lots") + 1
    assert found(loaded) == [(line, 13, "OKR002")]
    fixed = load(tmp_path, text.replace("target: lots", "target: 880"))
    assert fixed.objective is not None
    assert fixed.objective.checkins[0].note == f"Two large deals{separator}slipped to March."


def test_a_bad_indent_is_explained_in_plain_words(tmp_path: Path) -> None:
    text = VALID_OKR.replace("    baseline: 800", "   baseline: 800")
    loaded = load(tmp_path, text)
    assert [code for *_, code in found(loaded)] == ["OKR001"]
    message = loaded.diagnostics[0].message
    assert "did not find expected" not in message
    assert "same column" in message


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("id", '"sales/x\\n"'),
        ("owner", '"ada\\n"'),
        ("period", '"2026-Q1\\n"'),
        ("owner", '"\\ufeffzhang.wei"'),
        ("owner", '"zhang.wei\\u200b"'),
        ("team", '"sales "'),
        ("parent", '"company/growth\\u2060"'),
    ],
)
def test_ids_and_names_with_invisible_characters_are_refused(
    tmp_path: Path, field: str, value: str
) -> None:
    text = VALID_OKR.replace("owner: zhang.wei\n", "owner: zhang.wei\nFIELD: VALUE\n")
    if field in ("owner", "period"):
        text = VALID_OKR.replace(
            f"{field}: {'zhang.wei' if field == 'owner' else '2026-Q1'}", f"{field}: {value}"
        )
    else:
        text = text.replace("FIELD: VALUE", f"{field}: {value}")
    loaded = load(tmp_path, text)
    assert loaded.objective is None
    assert [code for *_, code in found(loaded)] == ["OKR002"]


def test_the_plain_front_matter_shortcut_is_what_split_reads() -> None:
    # read_header (the content index, 10,000 files on a first run) takes the front matter of a
    # plain file without split(); any file it does not decline must read the same.
    import random

    from okrdocs.frontmatter_split import SplitError, plain_front_matter, split

    root = Path(__file__).resolve().parent.parent
    raws = [
        p.read_bytes() for p in sorted([*root.glob("tests/**/*.md"), *root.glob("content/**/*.md")])
    ]
    pieces = [
        b"---",
        b"\n",
        b"...",
        b"\r",
        b" ",
        b"-",
        b"\xef\xbb\xbf",
        b"\xff",
        b"a: b",
        b"\n---\n",
    ]
    chooser = random.Random(20261201)
    cases = list(raws)
    for _ in range(5000):
        base = chooser.choice(raws)
        at = chooser.randint(0, min(len(base), 200))
        cases.append(
            base[:at] + b"".join(chooser.choices(pieces, k=chooser.randint(1, 4))) + base[at:]
        )
    taken = 0
    for raw in cases:
        found = plain_front_matter(raw)
        if found is None:
            continue
        taken += 1
        try:
            expected = split(raw).front_matter
        except SplitError:  # pragma: no cover - a failure of the shortcut
            expected = None
        assert found == expected, raw[:120]
    assert taken > len(raws) // 2  # most files take the shortcut


def test_a_bad_period_is_reported_with_the_files_other_problems(project: TempProject) -> None:
    """Every problem in one run: the period is read where the model is made, which another
    problem stops, so it was reported only once the others were fixed."""
    bad = VALID_OKR.replace("period: 2026-Q1", "period: 3000-Q1").replace(
        "target: 880", "target: 880万"
    )
    project.write("content/sales/q1.md", bad)
    project.write(
        "content/sales/q2.md",
        VALID_OKR.replace("period: 2026-Q1", "period: 2026-02-30..2026-03-31"),
    )
    result = project.run("lint")
    assert "content/sales/q1.md:4:9: OKR002 period '3000-Q1'" in result.stdout
    assert "content/sales/q1.md:10:13: OKR002" in result.stdout  # the target, in the same run
    assert (
        "content/sales/q2.md:4:9: OKR002 period '2026-02-30..2026-03-31': 2026-02-30 is not a day "
        "of the calendar" in result.stdout
    )
