"""Safe fixes: what a finding can change in its file to resolve itself.

A fix is described, not computed: a few changes addressed by JSON pointer into the front
matter (set a value, rename a key, add a key), or by position for a suppression comment.
Rules and the loader describe them where they know what is wrong; ``okrdocs.authoring.fix``
turns them into edits of the file's own text with the lossless editor, so that only the
fixed bytes change (``okrdocs lint --fix``, the language server's quick fixes). Descriptions
are small and picklable: they travel back from worker processes with the diagnostics.

This module also builds the fixes the schema messages suggest (a unit written in a number, a
mistyped field name, a percentage where a share is expected) and those read from a key
result's title ("from 800 to 880"), so that every fix is made the same way.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

from okrdocs.i18n import _
from okrdocs.yamlsource import NumberError, plain_value, scalar, unescape_pointer_token

# Whether a rule's findings come with a fix: always, sometimes (when it is safe), or never.
Fixable = Literal["always", "sometimes"] | None


@dataclass(frozen=True, slots=True)
class SetValue:
    """Replace the scalar at ``pointer`` with ``text`` (YAML, exactly as it is written)."""

    pointer: str
    text: str


@dataclass(frozen=True, slots=True)
class RenameKey:
    """Rename the key at ``pointer`` to ``name``; refused when the mapping has that key."""

    pointer: str
    name: str


@dataclass(frozen=True, slots=True)
class AddKey:
    """Add ``key: text`` to the mapping at ``mapping``, after the first of the keys ``after``
    it has (else at its end); already there with the same text, there is nothing to do."""

    mapping: str
    key: str
    text: str
    after: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class EditSuppression:
    """Make the suppression comment at ``line``:``column`` (1-based, in the file) name only
    the rules ``keep``; with none left, remove it (and its line, when nothing else is on it)."""

    line: int
    column: int
    keep: tuple[str, ...] = ()


Change = SetValue | RenameKey | AddKey | EditSuppression


@dataclass(frozen=True, slots=True)
class Fix:
    """A safe fix: what it does, in words (shown by editors and ``--fix``), and its changes."""

    title: str
    changes: tuple[Change, ...]


@dataclass(frozen=True, slots=True)
class Suggestion:
    """What a schema message suggests writing instead, in a form a fix can be built from.

    ``kind``: ``number`` (write ``value`` as a plain number), ``unit`` (write the number
    ``value`` and move ``unit`` to the key result's ``unit``), ``share`` (write ``value``, a
    share, for a percentage) or ``rename`` (the field name ``value`` for a mistyped one).
    """

    kind: Literal["number", "unit", "share", "rename"]
    value: str
    unit: str = ""


def as_number_text(text: str) -> str | None:
    """``text`` as a plain YAML number that reads back as itself ('1,200' -> '1200'), or None."""
    cleaned = unicodedata.normalize("NFKC", text).strip().replace(",", "").replace("，", "")
    cleaned = cleaned.lstrip("+")
    try:
        value = plain_value(cleaned, False)
    except NumberError:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return cleaned


def share_text(percent: str) -> str | None:
    """The share a percentage stands for, written exactly: '70' -> '0.7', '12.5' -> '0.125'."""
    try:
        share = Decimal(percent) / 100
    except InvalidOperation:
        return None
    text = format(share.normalize(), "f")
    return text if 0 <= share <= 1 else None


# -- fixes the schema messages suggest ---------------------------------------------------------

_KR_NUMBERS = ("baseline", "target", "current")


def _tokens(pointer: str) -> list[str]:
    return [unescape_pointer_token(t) for t in pointer[1:].split("/")] if pointer else []


def _at(data: Any, tokens: list[str]) -> Any:
    for token in tokens:
        if isinstance(data, dict):
            data = data.get(token)
        elif isinstance(data, list) and token.isdigit() and int(token) < len(data):
            data = data[int(token)]
        else:
            return None
    return data


def schema_fix(pointer: str, suggestion: Suggestion, data: Any) -> Fix | None:
    """The fix for a schema problem at ``pointer`` with ``suggestion``, given the front matter
    ``data`` as read; None when the suggestion is not safe to apply here."""
    tokens = _tokens(pointer)
    if not tokens:
        return None
    name = tokens[-1]
    if suggestion.kind == "rename":
        parent = _at(data, tokens[:-1])
        if not isinstance(parent, dict) or suggestion.value in parent:
            return None
        return Fix(
            _("Rename '{key}' to '{name}'", key=name, name=suggestion.value),
            (RenameKey(pointer, suggestion.value),),
        )
    if suggestion.kind in ("number", "share"):
        return Fix(
            _("Write {value}", value=suggestion.value), (SetValue(pointer, suggestion.value),)
        )
    # A unit written in a key result's number: the number stays, the unit goes to 'unit'.
    is_kr_number = len(tokens) == 3 and tokens[0] == "key_results" and name in _KR_NUMBERS
    key_result = _at(data, tokens[:-1]) if is_kr_number else None
    if not isinstance(key_result, dict):
        return None
    written = unicodedata.normalize("NFKC", suggestion.unit)
    declared = key_result.get("unit")
    number = SetValue(pointer, suggestion.value)
    if isinstance(declared, str) and declared:
        if not unicodedata.normalize("NFKC", declared).startswith(written):
            return None  # 880万 against unit: 家: which one is meant is for the author to say
        return Fix(_("Write {value}", value=suggestion.value), (number,))
    unit = written
    title = key_result.get("title")
    if isinstance(title, str):
        from okrdocs.language import title_measures

        said = title_measures(title).get("unit")
        # The title names the full unit: 880万 in a title "从 800 万元增长到 880 万元" is 万元.
        if isinstance(said, str) and said.startswith(written):
            unit = said
    return Fix(
        _("Write {value} and move the unit to 'unit: {unit}'", value=suggestion.value, unit=unit),
        (number, AddKey(pointer.rsplit("/", 1)[0], "unit", scalar(unit), (name,))),
    )


def title_fix(kr_pointer: str, title: str, target: float | None, key: str) -> Fix | None:
    """Add the key result's missing ``baseline`` or ``unit`` from a title that says "from X to
    Y" (从 X 到 Y), when the title's target is the key result's: otherwise the title and the
    numbers disagree, and which is right is for the author to say."""
    from okrdocs.language import title_measures

    said = title_measures(title)
    if not said or target is None or said["target"] != target or key not in said:
        return None
    value = said[key]
    text = scalar(value)
    after = ("title",) if key == "baseline" else ("target", "baseline")
    return Fix(
        _("Add '{key}: {value}' from the title", key=key, value=text),
        (AddKey(kr_pointer, key, text, after),),
    )
