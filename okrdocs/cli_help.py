"""``--help`` in the user's language.

Click builds help pages from the commands' docstrings and the options' ``help=`` texts, written
in English in cli.py (and collected into the message catalogue by okrdocs.i18n_catalogue). When
help is asked for in another language, those texts are swapped for their translations before
Click formats the page, and a formatter translates the few words Click writes itself.

Click wraps text by counting characters and breaks lines only at spaces; a Chinese character
takes two columns and Chinese has no spaces. For a Chinese page, Click's measure of text width
and its splitting into words are replaced by ones that count wide characters twice and may
break between two Chinese characters. Nothing here runs unless a help page is shown in
another language than English, and the process ends after showing it.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import click

from okrdocs.i18n import N_, _, language

# The words Click itself writes into a help page.
CLICK_WORDS = (
    N_("Usage:"),
    N_("Options"),
    N_("Commands"),
    N_("Show this message and exit."),
    N_("Show the version and exit."),
)
_WIDE_TEXT = re.compile("[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")
# A wide character with the closing punctuation after it: a line never starts with "，" or "。".
_WIDE_WORD = re.compile(f"({_WIDE_TEXT.pattern}[，。；：、）》」』”！？]*)")


def _colon() -> str:
    return "：" if language() == "zh-CN" else ":"


class TranslatedFormatter(click.HelpFormatter):
    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        if prefix is None:
            prefix = _("Usage:")
            prefix += "" if prefix.endswith("：") else " "
        super().write_usage(prog, args, prefix)

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{heading}{_colon()}\n")

    @contextmanager
    def section(self, name: str) -> Iterator[None]:
        with super().section(_(name)):
            yield

    def write_dl(self, rows: Iterable[tuple[str, str]], *args: int, **kwargs: int) -> None:
        translated = [(term, _(text) if text else text) for term, text in rows]
        super().write_dl(translated, *args, **kwargs)


class TranslatedContext(click.Context):
    formatter_class = TranslatedFormatter


def option_value(arguments: Sequence[str], name: str) -> str | None:
    """The value of ``--name VALUE`` or ``--name=VALUE`` in a command line, before parsing."""
    for index, argument in enumerate(arguments):
        if argument == name and index + 1 < len(arguments):
            return arguments[index + 1]
        if argument.startswith(name + "="):
            return argument.split("=", 1)[1]
    return None


def translate(command: click.Command) -> None:
    """Put the help of ``command`` and its subcommands in the current language."""
    _measure_wide_characters()
    _translate(command)


def _translate(command: click.Command) -> None:
    if command.help:
        command.help = _(inspect.cleandoc(command.help))
        # The command list shows the first sentence; Click looks for ". " to end it.
        first = re.split(r"(?<=[。.])\s*", command.help.split("\n\n")[0], maxsplit=1)[0]
        command.short_help = first.rstrip("。.")
    for parameter in command.params:
        if isinstance(parameter, click.Option) and parameter.help:
            parameter.help = _(parameter.help)
    command.context_class = TranslatedContext
    if isinstance(command, click.Group):
        for subcommand in command.commands.values():
            _translate(subcommand)


def _width(x: str) -> int:
    """Columns ``text`` takes: wide (Chinese) characters two, ANSI escapes none."""
    from click._compat import _ansi_re

    text = _ansi_re.sub("", x)
    return len(text) + len(_WIDE_TEXT.findall(text))


def _measure_wide_characters() -> None:
    import click._textwrap
    import click.formatting

    base: Any = click._textwrap.TextWrapper
    if getattr(base, "wide_aware", False):
        return

    class WideTextWrapper(base):
        wide_aware = True

        def _split(self, text: str) -> list[str]:
            # A Chinese character is a word of its own: a line may break between two.
            chunks: list[str] = []
            for chunk in super()._split(text):
                chunks.extend(part for part in _WIDE_WORD.split(chunk) if part)
            return chunks

    click._textwrap.TextWrapper = WideTextWrapper  # type: ignore[misc]
    click._textwrap.term_len = _width
    click.formatting.term_len = _width
