"""The search index as files: terms as the browser makes them, postings that decode, shards
that partition the sorted terms, chunks of whole objectives, strings stored once."""

from __future__ import annotations

import json
import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from okrdocs.site import search

from .conftest import TempProject


@given(st.lists(st.integers(min_value=0, max_value=2**40)))
def test_numbers_encode_and_decode(numbers: list[int]) -> None:
    assert search.decode(search.encode(numbers)) == numbers


def test_pinyin_readings_come_from_the_shipped_table() -> None:
    from okrdocs.text.pinyin import syllables

    assert syllables("销售额") == ["xiao", "shou", "e"]
    # Words read otherwise than their characters: the table's longest match, as pypinyin.
    assert syllables("银行行长") == ["yin", "hang", "hang", "zhang"]
    assert syllables("重复") == ["chong", "fu"]
    assert syllables("绿色") == ["lv", "se"]  # u-umlaut written v, as pypinyin's NORMAL style
    assert syllables("華東") == ["hua", "dong"]  # Traditional characters have readings too
    assert syllables("〇\ue000") == ["ling", ""]  # a private-use character has none


def test_terms_latin_chinese_and_pinyin() -> None:
    assert search.tokens("García-María, p95 Sync") == ("garcia", "maria", "p95", "sync")
    assert search.tokens("华东客户") == ("华东", "东客", "客户", "户")
    assert search.tokens("Ｑ４ 落后") == ("q4", "落后", "后")  # NFKC: full-width letters
    terms = search.pinyin_terms("张伟 华东")
    assert {"zhangwei", "zw", "wei", "huadong", "hd", "dong"} <= set(terms)
    assert search.pinyin_terms("no chinese here") == ()


def call_args(text: str) -> list:
    inner = re.match(r"OKRDOCS_SEARCH\.\w+\((.*)\);\n$", text, re.S)
    assert inner
    return json.loads("[" + inner.group(1) + "]")


def test_the_files_of_a_small_site(project: TempProject) -> None:
    from .conftest import VALID_OKR

    project.write("content/sales/q1.md", VALID_OKR)
    project.write(
        "content/eng/q1.md",
        VALID_OKR.replace("成为华东中型制造企业首选的工业软件供应商", "Make onboarding effortless"),
    )
    assert project.run("build", "-q", "--no-lint").exit_code == 0
    folder: Path = project.root / "site" / "search"
    (manifest,) = call_args((folder / "manifest.js").read_text(encoding="utf-8"))
    shards = sorted(folder.glob("t-*.js"), key=lambda p: int(p.stem[2:]))
    assert len(shards) == len(manifest["terms"])
    every: list[str] = []
    for number, shard in enumerate(shards):
        n, flat = call_args(shard.read_text(encoding="utf-8"))
        assert n == number and flat[0] == manifest["terms"][number]
        every += flat[::2]
        for postings in flat[1::2]:
            assert search.decode(postings)
    assert every == sorted(every, key=lambda t: t.encode("utf-16-be")) and len(set(every)) == len(
        every
    )
    assert {"onboarding", "华东", "zhang", "stale", "未更"} <= set(every)  # status words too
    # Pinyin: four characters a term, matched by their beginning ("huadong", "hd").
    assert any(t.startswith("huadong") for t in every)
    assert any(t.startswith("hdzx") for t in every)
    chunks = sorted(folder.glob("d-*.js"))
    n, strings, records = call_args(chunks[0].read_text(encoding="utf-8"))
    assert len(strings) == len(set(strings)), "each string once per chunk"
    kinds = [r[0] for r in records]
    assert kinds[0] == "o" and "k" in kinds and "p" in kinds
    krs = [r for r in records if r[0] == "k"]
    assert len({r[3] for r in krs}) <= 2, "key results share their objective's title"
    # A site built again has no shard of an older index.
    (folder / "t-99.js").write_text("old", encoding="utf-8")
    assert project.run("build", "-q", "--no-lint").exit_code == 0
    assert not (folder / "t-99.js").exists()
