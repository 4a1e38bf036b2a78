"""okrdocs: write, lint and publish OKRs as plain Markdown files in git."""

__version__ = "0.1.0"

# Where the documentation lives; rule help links in SARIF and on the site point here.
DOCS_URL = "https://github.com/okrdocs/okrdocs/blob/main/docs"
