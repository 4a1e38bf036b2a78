"""The plain-text fast path of Markdown bodies renders exactly what markdown-it renders."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from okrdocs.site.markdown import _renderer, plain_html, render

# Fragments that make plain lines and the near misses around them: list markers, fences, rules,
# setext underlines, indented code, trailing spaces, quotes, CJK punctuation.
FRAGMENTS = [
    "a", "Z", "é", "中文", "。", "，", "（", "）", " ", "  ", "    ", "#", "## ", "###### ", "####### ",
    "-", "- ", "1. ", "1) ", "=", "===", "---", ">", '"', "'", ":", "+", ".", "2026", "\n",
    "\n\n", "*", "_", "`", "[", "]", "&", "<", "\t", "\u3000", "ー",
]  # fmt: skip
bodies = st.lists(st.sampled_from(FRAGMENTS), max_size=24).map("".join)


@settings(max_examples=1500, deadline=None)
@given(bodies)
def test_plain_bodies_render_as_markdown_it_renders_them(text: str) -> None:
    fast = plain_html(text)
    if fast is not None:
        assert fast == (_renderer().render(text) if text.strip() else "")


def test_the_fast_path_takes_the_common_bodies() -> None:
    body = "## Context\n\nObjective 32 exists because customers asked for it. See the notes.\n"
    assert plain_html(body) == (
        "<h2>Context</h2>\n<p>Objective 32 exists because customers asked for it. "
        "See the notes.</p>\n"
    )
    assert plain_html("背景：客户要求“尽快”。\n第二行\n\n第二段") == (
        "<p>背景：客户要求“尽快”。\n第二行</p>\n<p>第二段</p>\n"
    )


def test_anything_else_goes_to_markdown_it() -> None:
    for text in [
        "- a list",
        "1. first",
        "    code",
        "a  \nhard break",
        "*emphasis*",
        "[link](https://example.com)",
        "a | b\n--|--\n1 | 2",
        "Title\n=====",
        "# Heading #",
        "<b>html</b>",
    ]:
        assert plain_html(text) is None, text
    assert render("[x](javascript:alert(1))") == "<p>[x](javascript:alert(1))</p>\n"
