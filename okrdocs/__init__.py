"""okrdocs: write, lint and publish OKRs as plain Markdown files in git."""

__version__ = "0.1.0"
