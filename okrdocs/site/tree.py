"""The alignment tree of a period, split so that no page or file grows with the organisation.

A period's tree holds its objectives and everything they align to, in any period. The page
shows the roots; a node's aligned objectives (grouped by team) are drawn inline while the page
stays within a budget of nodes, and otherwise come from a *part*: a small script file that
registers the HTML of CHUNK aligned objectives (``alignment/2026-Q4/o/company/c0/1.js``), which
the page loads when the node is opened (scripts load from ``file://``, ``fetch`` does not). A
node with more than CHUNK aligned objectives shows the first ones and a "show more" link to its
next part. Without JavaScript the same links lead to the objective's page, which lists its
aligned objectives.

The layout (which node is drawn where) is computed here from the analysis; widgets.py draws it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from okrdocs.analysis import Analysis, ObjectiveView, PeriodView, natural_key

CHUNK = 50  # aligned objectives per part
ROOTS = 100  # roots per part
BUDGET = 200  # nodes a page or a part draws inline (about 1.5 KB each)


@dataclass(slots=True)
class Part:
    """What one page or part file draws: ``nodes`` (the roots, or a chunk of a node's aligned
    objectives), with the aligned objectives of the nodes in ``inline`` drawn under them."""

    tree: Tree
    owner: ObjectiveView | None  # whose aligned objectives; None: the roots
    number: int  # 1, 2, ... along the owner's aligned objectives
    nodes: list[ObjectiveView]
    inline: set[str] = field(default_factory=set)
    more: int = 0  # how many of the owner's aligned objectives come after this part

    @property
    def path(self) -> str:
        return self.tree.part_path(self.owner, self.number)

    @property
    def next_path(self) -> str:
        return self.tree.part_path(self.owner, self.number + 1)


class Tree:
    """The alignment tree of one period."""

    def __init__(self, data: Analysis, period: PeriodView) -> None:
        self.data = data
        self.period = period
        members: dict[str, ObjectiveView] = {}
        for view in period.objectives:
            node: ObjectiveView | None = view
            while node is not None and node.id not in members:
                members[node.id] = node
                node = node.parent
        self.members = members
        team_order = {key: team.order for key, team in data.teams.items()}
        self._team_order = team_order
        self.roots = sorted(
            (v for v in members.values() if v.parent is None or v.parent.id not in members),
            key=lambda v: (
                v.parent is not None,
                team_order.get(v.team, 99),
                natural_key(data.team_name(v.team)),
                natural_key(v.id),
            ),
        )
        self.base = period.alignment_path[: -len(".html")]
        self._groups: dict[str, list[tuple[Any, list[ObjectiveView]]]] = {}
        self._flat: dict[str, list[ObjectiveView]] = {}
        self._page: Part | None = None
        self._parts: dict[str, Part] | None = None

    # -- structure --------------------------------------------------------------------------

    def groups(self, view: ObjectiveView) -> list[tuple[Any, list[ObjectiveView]]]:
        """The node's aligned objectives in this tree, by team: [(TeamView or None, views)]."""
        found = self._groups.get(view.id)
        if found is None:
            by_team: dict[str, list[ObjectiveView]] = {}
            for child in view.children:
                if child.id in self.members:
                    by_team.setdefault(child.team, []).append(child)
            data = self.data
            found = self._groups[view.id] = [
                (data.teams.get(team), sorted(kids, key=lambda k: natural_key(k.id)))
                for team, kids in sorted(
                    by_team.items(),
                    key=lambda item: (
                        self._team_order.get(item[0], 99),
                        natural_key(data.team_name(item[0])),
                    ),
                )
            ]
        return found

    def flat(self, view: ObjectiveView) -> list[ObjectiveView]:
        found = self._flat.get(view.id)
        if found is None:
            found = self._flat[view.id] = [kid for _, kids in self.groups(view) for kid in kids]
        return found

    def part_path(self, owner: ObjectiveView | None, number: int) -> str:
        if owner is None:
            return f"{self.base}/roots/{number}.js"
        return f"{self.base}/o/{owner.path[len('objectives/') : -len('.html')]}/{number}.js"

    # -- layout -----------------------------------------------------------------------------

    def _make(self, owner: ObjectiveView | None, number: int) -> Part:
        members = self.roots if owner is None else self.flat(owner)
        size = ROOTS if owner is None else CHUNK
        start = (number - 1) * size
        part = Part(self, owner, number, members[start : start + size])
        part.more = max(0, len(members) - start - size)
        # Inline a whole level at a time while the part stays within the budget.
        used, level = len(part.nodes), part.nodes
        while level:
            below = [kid for node in level for kid in self.flat(node)[:CHUNK]]
            if not below or used + len(below) > BUDGET:
                break
            part.inline.update(node.id for node in level if self.flat(node))
            used += len(below)
            level = below
        return part

    def drawn(self, part: Part) -> list[ObjectiveView]:
        """Every node the part draws: its nodes and, under inline ones, their first chunk."""
        found, stack = [], list(reversed(part.nodes))
        while stack:
            node = stack.pop()
            found.append(node)
            if node.id in part.inline:
                stack.extend(reversed(self.flat(node)[:CHUNK]))
        return found

    def page(self) -> Part:
        if self._page is None:
            self._layout()
        assert self._page is not None
        return self._page

    def parts(self) -> dict[str, Part]:
        """Every part file the tree needs, by path."""
        if self._parts is None:
            self._layout()
        assert self._parts is not None
        return self._parts

    def _layout(self) -> None:
        page = self._make(None, 1)
        parts: dict[str, Part] = {}
        pending = [page]
        while pending:
            part = pending.pop()
            if part is not page:
                parts[part.path] = part
            if part.more:
                pending.append(self._make(part.owner, part.number + 1))
            for node in self.drawn(part):
                kids = self.flat(node)
                if not kids:
                    continue
                if node.id not in part.inline:
                    pending.append(self._make(node, 1))
                elif len(kids) > CHUNK:
                    pending.append(self._make(node, 2))
        self._page, self._parts = page, parts


def tree(data: Analysis, period_key: str) -> Tree:
    """The period's tree, computed once per analysis."""
    key = ("tree", period_key)
    found = data.cache.get(key)
    if found is None:
        found = data.cache[key] = Tree(data, data.period(period_key))
    return found
