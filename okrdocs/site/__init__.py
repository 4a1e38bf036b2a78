"""The static site: ``okrdocs build`` and ``okrdocs serve``.

The workspace (okrdocs.workspace) loads, lints and analyses (okrdocs.analysis); ``pages`` says
what every page is and shows; ``writer`` renders and writes; ``build`` and ``serve`` drive them.
"""
