from collections.abc import Iterator

from okrdocs.i18n import _, _n
from okrdocs.model import Header
from okrdocs.rules.base import Finding, ProjectFiles, Rule, RuleContext


class DuplicateId(Rule):
    """Two objectives share an id, or two key results in one objective do.

    ## What it does
    Reports an objective id used by more than one file (at the `id:` that repeats it; a file
    whose id comes from its path is not blamed), and a key result id used twice in one objective.
    The message names the first other file and counts the rest.

    ## Why
    Ids are how `parent` links, check-ins, the site and `okrdocs diff` find things. A repeated id
    makes all of them ambiguous.

    ## Example
    ```yaml
    # content/sales/q1.md
    id: sales/east-china
    # content/sales/east-china.md has the same id from its path
    ```
    ```yaml
    key_results:
      - id: revenue
        title: 季度销售额从 800 万元增长到 880 万元
      - id: revenue
        title: 新签约客户从 0 家增加到 5 家
    ```

    ## Use instead
    ```yaml
    id: sales/east-china-q1
    ```
    ```yaml
    key_results:
      - id: revenue
        title: 季度销售额从 800 万元增长到 880 万元
      - id: new-customers
        title: 新签约客户从 0 家增加到 5 家
    ```
    """

    code = "OKR003"
    name = "duplicate-id"
    severity = "error"
    scope = "project"  # key result ids are checked by the loader, in each file

    def check_project(
        self, files: ProjectFiles, context: RuleContext
    ) -> Iterator[tuple[str, Finding]]:
        groups: dict[str, list[Header]] = {}
        for header in files.headers:
            if header.id is not None:
                groups.setdefault(header.id, []).append(header)
        for object_id, group in groups.items():
            if len(group) < 2 or not any(h.rel_path in files.linted for h in group):
                continue
            # Blame where the id was written; a file whose id comes from its path is the victim.
            blamed = [h for h in group if h.id_declared] or group[1:]
            if not any(h.rel_path in files.linted for h in blamed):
                blamed += [h for h in group if h.rel_path in files.linted and h not in blamed]
            for header in blamed:
                if header.rel_path not in files.linted:
                    continue
                others = [h for h in group if h is not header]
                where = files.display(others[0].rel_path)
                if len(others) > 1:
                    rest = len(others) - 1
                    where = _n(
                        "{where} and {n:,} other file",
                        "{where} and {n:,} other files",
                        rest,
                        where=where,
                    )
                message = _(
                    "objective id '{id}' is already used by {where}; ids must be unique",
                    id=object_id,
                    where=where,
                )
                yield header.rel_path, Finding("/id", message)
