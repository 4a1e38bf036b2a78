"""The weekly report: ``okrdocs report`` and its page on the site (see okrdocs.report.weekly)."""
