from okrdocs.rules.base import Rule


class UnusedSuppression(Rule):
    """A suppression comment that suppresses nothing.

    ## What it does
    Reports an `# okrdocs: ignore[...]` comment on a line where the named rules report nothing,
    an `ignore-file[...]` for rules that report nothing in the file, and suppressions naming a
    rule that does not exist.

    ## Why
    Suppressions outlive the problems they hid. A stale one hides the next real problem on that
    line, and a misspelled one hides nothing while looking as if it did.

    ## Example
    ```yaml
    objective: Make onboarding effortless  # okrdocs: ignore[OKR102]
    ```
    ```yaml
    objective: 让渠道伙伴成为华东市场的第二增长引擎  # okrdocs: ignore[objective-vauge]
    ```

    ## Use instead
    ```yaml
    objective: Make onboarding effortless
    ```
    ```yaml
    objective: 让渠道伙伴成为华东市场的第二增长引擎
    ```
    """

    code = "OKR006"
    name = "unused-suppression"
    severity = "warning"
    scope = "loader"
    fixable = "sometimes"  # removed, unless it names a rule okrdocs does not know
