"""Messages in the user's language: English (the source text) and Simplified Chinese.

Every user-facing string is written in English in the code and marked with ``_()`` (or
``_n()`` when it depends on a count); ``okrdocs/locale/zh_CN.po`` holds the Chinese. The
catalogue is standard gettext, which translators and their tools know.
``python -m okrdocs.i18n_catalogue`` extracts the messages, updates the ``.po`` and compiles it
to ``zh_CN.json`` (msgid -> translation), which is what runs: loading it takes a fifth of a
millisecond where parsing the ``.po`` takes six, and one-file lint runs on every commit. The
test suite checks that the compiled file is current and that every message has a translation
with the same placeholders.

The language comes from ``--lang``, then ``OKRDOCS_LANG``, then ``language`` in the
configuration, then the locale (``LANG``, ``LC_ALL``, ``LC_MESSAGES``: zh… is Chinese), else
English. Machine formats keep stable codes and field names; only their message text follows
the language.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from okrdocs.lazyre import Lazy

LANGUAGES = ("en", "zh-CN")
CATALOGUES = {"zh-CN": "zh_CN"}  # locale/NAME.po (the source), locale/NAME.json (compiled)
LOCALE_FOLDER = Path(__file__).with_name("locale")

_language = "en"
_table: dict[str, str] = {}
_cache: dict[str, dict[str, str]] = {}


def normalise(language: str | None) -> str | None:
    """'zh', 'zh_CN.UTF-8', 'zh-Hans', 'ZH-cn' -> 'zh-CN'; 'en_GB' -> 'en'; else None."""
    if not language:
        return None
    value = language.strip().replace("_", "-").split(".")[0].lower()
    if value.startswith("zh"):
        return "zh-CN"
    if value.startswith("en") or value in ("c", "posix"):
        return "en"
    return None


def choose_language(option: str | None = None, configured: str | None = None) -> str:
    """The language to speak: --lang, then OKRDOCS_LANG, then the configuration, then the
    locale, else English."""
    for candidate in (option, os.environ.get("OKRDOCS_LANG"), configured):
        found = normalise(candidate)
        if found is not None:
            return found
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        found = normalise(os.environ.get(variable))
        if found is not None:
            return found
    return "en"


# Compiled on first use: a class spanning the CJK block costs ~5 ms to compile, and most runs
# (a one-file lint) never ask which script a text is in.
_HAN = Lazy("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN = re.compile("[A-Za-z]")


def script_language(text: str) -> str | None:
    """The language a text is written in, as far as its script tells: Chinese when it has Han
    characters, English when it has Latin letters only, None when it has neither."""
    if _HAN.search(text):
        return "zh-CN"
    if _LATIN.search(text):
        return "en"
    return None


def set_language(language: str) -> None:
    """Speak ``language`` from now on (in this process and the workers it forks)."""
    global _language, _table
    _language = normalise(language) or "en"
    _table = catalogue(_language)


def language() -> str:
    return _language


@contextmanager
def speaking(language: str) -> Iterator[None]:
    """Messages in ``language`` for a while: the site's lint findings are in the site's
    language, whatever language the command speaks."""
    previous = _language
    set_language(language)
    try:
        yield
    finally:
        set_language(previous)


def catalogue(language: str) -> dict[str, str]:
    """msgid (with ``context\\x04`` before it when it has one) -> translation."""
    name = CATALOGUES.get(language)
    if name is None:
        return {}
    if language not in _cache:
        import json

        _cache[language] = json.loads((LOCALE_FOLDER / f"{name}.json").read_bytes())
    return _cache[language]


def _(message: str, /, **values: object) -> str:
    """``message`` in the current language, with ``{name}`` placeholders filled in."""
    text = _table.get(message, message) if _table else message
    return text.format(**values) if values else text


def _n(singular: str, plural: str, count: int, /, **values: object) -> str:
    """The form of a message for ``count`` ({n} is the count)."""
    key = singular if count == 1 else plural
    text = _table.get(f"{singular}\x00{plural}", key) if _table else key
    return text.format(n=count, **values)


def N_(message: str) -> str:
    """Marks a message for the catalogue where it is defined; translated where it is shown."""
    return message


# The operating system's reasons, in the user's language (its own text is English).
_OS_PROBLEMS = {
    "ENOENT": N_("no such file or folder"),
    "EACCES": N_("permission denied"),
    "EPERM": N_("operation not permitted"),
    "EISDIR": N_("it is a folder"),
    "ENOTDIR": N_("a part of the path is not a folder"),
    "ENOSPC": N_("no space left on the disk"),
    "EROFS": N_("the file system is read-only"),
    "EEXIST": N_("it already exists"),
    "EADDRINUSE": N_("the address is already in use"),
}


def os_problem(error: OSError | BaseException) -> str:
    """Why an operating-system call failed, worded in the user's language when it is a
    common reason, else the system's own text."""
    import errno

    number = getattr(error, "errno", None)
    name = errno.errorcode.get(number) if isinstance(number, int) else None
    if name in _OS_PROBLEMS:
        return _(_OS_PROBLEMS[name])
    return str(getattr(error, "strerror", None) or error)


def in_language(language: str, message: str, /, **values: object) -> str:
    """``message`` in a given language, whatever the current one (the site's own language)."""
    table = catalogue(normalise(language) or "en")
    text = table.get(message, message)
    return text.format(**values) if values else text


# -- reading .po files ----------------------------------------------------------------------------

_QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"')
_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r"}


def _unquote(text: str) -> str:
    parts = _QUOTED.findall(text)
    joined = "".join(parts)
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m[1], m[1]), joined)


def read_po(text: str, keep_untranslated: bool = False) -> dict[str, str]:
    """The translated entries of a .po file: msgid (``singular\\0plural`` for plural forms,
    ``context\\x04msgid`` with a context) -> msgstr. Untranslated and fuzzy entries are left
    out, so that they fall back to English; with ``keep_untranslated`` (updating the catalogue)
    every entry is kept, empty or fuzzy."""
    entries: dict[str, str] = {}
    for block in re.split(r"\n\s*\n", text):
        fields: dict[str, list[str]] = {}
        current: str | None = None
        fuzzy = False
        for line in block.splitlines():
            line = line.strip()
            if line.startswith("#,") and "fuzzy" in line:
                fuzzy = True
            if not line or line.startswith("#"):
                continue
            if line.startswith('"'):
                if current is not None:
                    fields[current].append(line)
                continue
            keyword, _, rest = line.partition(" ")
            current = keyword
            fields[current] = [rest]
        if "msgid" not in fields or (fuzzy and not keep_untranslated):
            continue
        msgid = _unquote(" ".join(fields["msgid"]))
        if not msgid:
            continue  # the header
        if "msgid_plural" in fields:
            msgid = f"{msgid}\x00{_unquote(' '.join(fields['msgid_plural']))}"
            translation = _unquote(" ".join(fields.get("msgstr[0]", [])))
        else:
            translation = _unquote(" ".join(fields.get("msgstr", [])))
        if "msgctxt" in fields:
            msgid = f"{_unquote(' '.join(fields['msgctxt']))}\x04{msgid}"
        if translation or keep_untranslated:
            entries[msgid] = translation
    return entries
