"""okrdocs diff: OKR changes between two revisions or folders, explained."""
