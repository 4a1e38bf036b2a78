"""The forgiving outline the language server finds the cursor with (okrdocs.lsp.outline), on
half-typed YAML."""

from __future__ import annotations

import pytest

from okrdocs.lsp.outline import cursor, read

TEXT = """\
---
objective: Make onboarding effortless
owner: ada
key_results:
  - id: activation
    title: Activation from 30% to 45%
    actions:
      - title: Run a pricing experiment
        status: do
  -
    tar
checkins:
  - date: 2026-02-01
    values: {activation: 40, }
    note: |
      Two deals: slipped.

    auth
---
Body: not front matter.
"""
LINES = TEXT.split("\n")


def test_the_outline_follows_indentation_and_list_items() -> None:
    outline = read(LINES)
    assert (outline.first, outline.last) == (1, 17)
    assert outline.value(("key_results", 0), "title") == "Activation from 30% to 45%"
    assert outline.value(("key_results", 0, "actions", 0), "status") == "do"
    assert [item.number for item in outline.items(("key_results",))] == [4, 9]
    # The block scalar's lines are text, not keys.
    assert "Two deals" not in outline.keys_of(("checkins", 0))


@pytest.mark.parametrize(
    ("line", "column", "kind", "path", "key", "prefix"),
    [
        (2, 7, "value", (), "owner", "ada"[:0]),  # "owner: |ada"
        (2, 10, "value", (), "owner", "ada"),
        (8, 18, "value", ("key_results", 0, "actions", 0), "status", "do"),
        (9, 3, "key", ("key_results", 1), None, ""),  # a new, empty list item
        (10, 7, "key", ("key_results", 1), None, "tar"),
        (13, 29, "key", ("checkins", 0, "values"), None, ""),  # inside { } after a comma
        (13, 27, "value", ("checkins", 0, "values"), "activation", "40"),
        (17, 8, "key", ("checkins", 0), None, "auth"),  # after the block of text
        (0, 0, None, None, None, None),  # the fence
        (19, 2, None, None, None, None),  # the body
    ],
)
def test_the_cursor(
    line: int,
    column: int,
    kind: str | None,
    path: tuple | None,
    key: str | None,
    prefix: str | None,
) -> None:
    found = cursor(LINES, line, column)
    if kind is None:
        assert found is None
        return
    assert found is not None
    assert (found.kind, found.path, found.key, found.prefix) == (kind, path, key, prefix)


def test_inside_a_block_of_text_there_is_nothing_to_complete() -> None:
    assert cursor(LINES, 15, 8) is None
