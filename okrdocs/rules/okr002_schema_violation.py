from okrdocs.rules.base import Rule


class SchemaViolation(Rule):
    """A field is missing, unknown, of the wrong type or out of range.

    ## What it does
    Checks the front matter against `schema/okr.schema.json`. A wrong value is reported at the
    value, an unknown key at the key (with "did you mean" for typos), a missing required key at
    the mapping that lacks it. The message says what is expected, with an example from the schema.
    It also reports a period that ends before it starts and a check-in value of the wrong kind
    (a number for a milestone, true/false for a metric).

    ## Why
    A typo such as `ownr:` or `target: 880万` would otherwise be silently ignored, and progress
    computed from missing numbers.

    ## Example
    ```yaml
    objective: Make onboarding effortless
    period: 2026Q1
    key_results:
      - title: Activation rate from 30% to 45%
        target: 45%
        ownr: ada
    ```
    ```yaml
    objective: 成为华东中型制造企业首选的工业软件供应商
    owner: zhang.wei
    period: 2026-Q4
    key_results:
      - title: 季度销售额从 800 万元增长到 880 万元
        target: 880万
        confidence: 70
    ```

    ## Use instead
    ```yaml
    objective: Make onboarding effortless
    owner: ada
    period: 2026-Q1
    key_results:
      - title: Activation rate from 30% to 45%
        baseline: 30
        target: 45
        unit: "%"
        owner: ada
    ```
    ```yaml
    objective: 成为华东中型制造企业首选的工业软件供应商
    owner: zhang.wei
    period: 2026-Q4
    key_results:
      - title: 季度销售额从 800 万元增长到 880 万元
        baseline: 800
        target: 880
        unit: 万元
        confidence: 0.7
    ```
    """

    code = "OKR002"
    name = "schema-violation"
    severity = "error"
    scope = "loader"
    source = "schema/okr.schema.json (JSON Schema draft 2020-12)"
    # A unit in a number, a mistyped field name, a percentage for a share.
    fixable = "sometimes"
