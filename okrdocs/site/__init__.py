"""The static site: ``okrdocs build`` and ``okrdocs serve``.

Reading (okrdocs.project), computing (okrdocs.progress), shaping the data pages show
(``data``), and writing (``render``, ``build``) are kept apart.
"""
