"""Renderers for lint results: text, json, github, sarif, junit, gitlab."""

from __future__ import annotations

FORMATS = ("text", "json", "github", "sarif", "junit", "gitlab")
