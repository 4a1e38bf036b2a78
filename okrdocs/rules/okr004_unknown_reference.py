from collections.abc import Iterator

from okrdocs.i18n import _
from okrdocs.rules.base import Finding, ProjectFiles, Rule, RuleContext
from okrdocs.suggest import Suggester


class UnknownReference(Rule):
    """A parent or a check-in points at something that does not exist.

    ## What it does
    Reports a `parent` that is not the id of any objective in the content folder, and a check-in
    value for a key result id the objective does not have. Both suggest the closest existing id.

    ## Why
    A dangling parent silently drops the objective out of the alignment tree; a check-in for a
    misspelled key result records progress nowhere.

    ## Example
    ```yaml
    parent: company/2026-grwoth
    checkins:
      - date: 2026-11-20
        values: {revenu: 640}
    ```

    ## Use instead
    ```yaml
    parent: company/2026-growth
    checkins:
      - date: 2026-11-20
        values: {revenue: 640}
    ```
    """

    code = "OKR004"
    name = "unknown-reference"
    severity = "error"
    scope = "project"  # check-in values are checked by the loader, in each file

    def check_project(
        self, files: ProjectFiles, context: RuleContext
    ) -> Iterator[tuple[str, Finding]]:
        ids = {header.id for header in files.headers if header.id is not None}
        suggest = Suggester(ids)
        for header in files.headers:
            parent = header.parent
            if parent is None or parent in ids or header.rel_path not in files.linted:
                continue
            if not files.valid(header):
                continue
            yield (
                header.rel_path,
                Finding(
                    "/parent",
                    _(
                        "parent '{parent}' is not the id of any objective{hint}",
                        parent=parent,
                        hint=suggest.hint(parent),
                    ),
                ),
            )
