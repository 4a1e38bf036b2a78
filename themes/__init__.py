"""Bundled site themes, shipped inside the okrdocs package as okrdocs.themes."""
