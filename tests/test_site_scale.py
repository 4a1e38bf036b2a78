"""No page grows with the organisation (issue 15, item 3): at 10,000 generated objectives
(benchmarks/generate.py: 2,500 a quarter, 2,500 teams without a hierarchy, five company
objectives with 2,000 aligned objectives each) every HTML page of the site is at most 500 KB.

The site is the ``large_site`` fixture (tests/browserkit.py), built once per run and shared
with tests/test_search_scale.py. The sizes are printed (pytest -s shows them)."""

from __future__ import annotations

import re
from pathlib import Path

BUDGET = 500 * 1024


def test_no_page_is_over_500_kb_at_10000_objectives(large_site: Path) -> None:
    sizes = {
        path.relative_to(large_site).as_posix(): path.stat().st_size
        for path in large_site.rglob("*.html")
    }
    assert len(sizes) > 15_000
    largest = sorted(sizes.items(), key=lambda item: -item[1])[:8]
    print("\nlargest pages at 10,000 objectives:")
    for path, size in largest:
        print(f"  {size / 1024:7.1f} KB  {path}")
    # What pages load on demand (branches of the alignment tree, a long attention list's
    # items) is not a page, but it is downloaded: say how big.
    parts = sorted(
        (p.stat().st_size, p.relative_to(large_site).as_posix())
        for folder in ("alignment", "attention")
        for p in (large_site / folder).rglob("*.js")
    )
    print(f"  largest script part: {parts[-1][0] / 1024:.1f} KB {parts[-1][1]}")
    over = {path: size for path, size in sizes.items() if size > BUDGET}
    assert over == {}
    # The pages that used to grow with the organisation are split or bounded.
    for path in (
        "index.html",
        "periods/2026-Q4.html",
        "alignment/2026-Q4.html",
        "objectives/company/c0.html",
        "attention/2026-Q4.html",
        "reports/weekly.html",
    ):
        assert sizes[path] <= BUDGET, path
    assert "periods/2026-Q4/page-2.html" in sizes
    assert "attention/2026-Q4/page-2.html" in sizes
    assert "aligned/company/c0/2026-Q4.html" in sizes
    # The tree's first page holds the roots only; their branches load from parts.
    assert sizes["alignment/2026-Q4.html"] < 50 * 1024
    assert (large_site / "alignment" / "2026-Q4" / "o" / "company" / "c0" / "1.js").is_file()


def test_the_home_page_rolls_thousands_of_teams_up_with_a_link_to_all(large_site: Path) -> None:
    home = (large_site / "index.html").read_text(encoding="utf-8")
    assert home.count('<th scope="row">') == 20
    assert re.search(r"20 of 2,?4\d\d teams", home)
    assert 'href="teams/index.html">See all teams' in home
    # Names sort naturally: engineering-2 before engineering-10.
    teams = (large_site / "teams" / "index.html").read_text(encoding="utf-8")
    assert teams.index(">engineering-2<") < teams.index(">engineering-10<")
