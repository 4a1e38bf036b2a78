from okrdocs.rules.base import Rule


class DuplicateId(Rule):
    """Two objectives share an id, or two key results in one objective do.

    ## What it does
    Reports an objective id used by more than one file (at the `id:` that repeats it; a file
    whose id comes from its path is not blamed), and a key result id used twice in one objective.

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
    scope = "loader"
