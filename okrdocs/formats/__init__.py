"""Renderers for lint results: text, json, github, sarif, junit, gitlab."""
