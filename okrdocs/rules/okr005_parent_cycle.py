from okrdocs.rules.base import Rule


class ParentCycle(Rule):
    """Parent links lead back to the objective itself.

    ## What it does
    Follows `parent` links from each objective and reports the objectives on a loop, showing the
    whole loop: `a → b → c → a`.

    ## Why
    Alignment is a tree: each objective supports one above it, up to the company's. A loop has no
    top, so progress cannot roll up and the alignment tree cannot be drawn.

    ## Example
    ```yaml
    # content/sales/east.md
    id: sales/east
    parent: company/growth
    # content/company/growth.md
    id: company/growth
    parent: sales/east
    ```

    ## Use instead
    ```yaml
    # content/company/growth.md: the top of the tree has no parent
    id: company/growth
    ```
    """

    code = "OKR005"
    name = "parent-cycle"
    severity = "error"
    scope = "loader"
