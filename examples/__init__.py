"""CI and pre-commit examples, shipped inside the package for okrdocs init (as okrdocs.examples)."""
