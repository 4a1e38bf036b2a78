"""Did-you-mean hints: the name meant is suggested after any one typing slip, in small and large
sets of known names, and a name like none of them gets no hint."""

from __future__ import annotations

import random

import pytest

from okrdocs.suggest import CUTOFF, Suggester, closest

ROSTER = [f"person{n}" for n in range(2000)]
PEOPLE = ["zhang.wei", "wang.fang", "li.na", "maria.garcia", "chen.jing", "staff12", "ops-lead"]


def slips(name: str) -> list[str]:
    """Every way one key press can go wrong (left out, doubled, changed, two letters swapped)."""
    forms = {name[:i] + name[i + 1 :] for i in range(len(name))}
    forms |= {name[:i] + name[i] + name[i:] for i in range(len(name))}
    forms |= {name[:i] + "x" + name[i + 1 :] for i in range(len(name)) if name[i] != "x"}
    forms |= {name[:i] + name[i + 1] + name[i] + name[i + 2 :] for i in range(len(name) - 1)}
    forms.discard(name)
    return sorted(forms)


@pytest.mark.parametrize("name", PEOPLE)
def test_a_slip_finds_the_name_whenever_difflib_over_every_name_does(name: str) -> None:
    # 107 names: past the size where every name is compared.
    roster = PEOPLE + [f"team{n:02d}.member" for n in range(100)]
    suggester = Suggester(roster)
    for typo in slips(name):
        if typo in roster:
            continue
        if closest(typo, roster) == name:
            assert suggester.closest(typo) == name, typo


def test_in_a_roster_of_look_alike_ids_a_slip_finds_a_name_as_close_as_difflibs() -> None:
    # A roster of 2,000 near-identical ids: each answer must be as close, by difflib's own
    # measure, as the best of all 2,000 (not necessarily the same name: ties are common).
    import difflib

    suggester = Suggester(ROSTER)
    chooser = random.Random(7)
    for name in chooser.sample(ROSTER, 40):
        typo = chooser.choice([t for t in slips(name) if t not in ROSTER])
        best = max(difflib.SequenceMatcher(None, typo, known).ratio() for known in ROSTER)
        found = suggester.closest(typo)
        assert found is not None, typo
        assert difflib.SequenceMatcher(None, typo, found).ratio() >= best - 0.1, (typo, found)


def test_names_outside_the_roster_get_the_nearest_id() -> None:
    suggester = Suggester(ROSTER)
    assert suggester.closest("person2345") in {"person234", "person345", "person245", "person235"}
    assert suggester.closest("persn17") == "person17"


def test_a_name_like_none_of_them_gets_no_hint() -> None:
    suggester = Suggester(ROSTER)
    assert suggester.closest("财务部") is None
    assert suggester.hint("qqqqqqqqqq") == ""
    assert CUTOFF == 0.6


def test_each_name_is_answered_once() -> None:
    suggester = Suggester(ROSTER)
    first = suggester.closest("persn17")
    suggester.known.clear()  # answers do not look at the roster again
    assert suggester.closest("persn17") == first
