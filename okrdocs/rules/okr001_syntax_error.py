from okrdocs.rules.base import Rule


class SyntaxError_(Rule):
    """The file cannot be read as an OKR file.

    ## What it does
    Reports a file that is empty, is not UTF-8, has no front matter or an unclosed one, holds
    invalid YAML, repeats a key in one mapping, or uses an unsupported YAML tag. The position is
    where the problem is: the YAML error, the second of two duplicate keys, the first byte that is
    not UTF-8.

    ## Why
    Nothing else can be checked until the file parses. Duplicate keys are errors rather than
    "last one wins" because YAML keeps only one of them and the other value is silently lost.

    ## Example
    ```markdown
    ---
    objective: Improve onboarding: make it effortless
    owner: ada
    owner: grace
    ---
    ```
    ```markdown
    ---
    objective: 提高客户满意度
    unit: %
    ---
    ```

    ## Use instead
    ```markdown
    ---
    objective: "Improve onboarding: make it effortless"
    owner: ada
    ---
    ```
    ```markdown
    ---
    objective: 让华东客户愿意向同行推荐我们
    unit: "%"
    ---
    ```
    Quote values that contain `: ` or start with `%`, `@` or a backtick; indent with spaces; save
    files as UTF-8.
    """

    code = "OKR001"
    name = "syntax-error"
    severity = "error"
    scope = "loader"
    source = "YAML 1.2; python-frontmatter's file convention"
