"""What every rule is: a code, a name, a default severity, options, and a check.

A rule's docstring is its documentation: the first line is its summary, then Markdown sections
``## What it does``, ``## Why``, ``## Example`` and ``## Use instead`` (bad and good examples in
English and Chinese). ``okrdocs rule CODE`` prints it and ``docs/rules/CODE.md`` is generated
from it, so the two never drift apart.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from okrdocs.diagnostics import Severity
from okrdocs.i18n import N_, _

if TYPE_CHECKING:
    from okrdocs.config import Config
    from okrdocs.fixes import Fix, Fixable
    from okrdocs.model import Header, Objective
    from okrdocs.project_index import ProjectIndex


@dataclass(frozen=True, slots=True)
class Option:
    """A rule option, set in the configuration as ``[lint.RULE-NAME] name = value``."""

    name: str
    default: Any
    description: str

    def convert(self, value: Any) -> Any:
        """The value checked against the default's type; raises ValueError with what is expected."""
        expected = type(self.default)
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            return float(value)
        if expected is list:
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ValueError(_("expected a list of text"))
            return value
        if not isinstance(value, expected) or isinstance(value, bool) != isinstance(
            self.default, bool
        ):
            raise ValueError(_("expected {kind}", kind=_(_kind(expected))))
        if isinstance(value, (int, float)) and value < 0:
            raise ValueError(_("expected a number of at least 0"))
        return value


TRANSLATIONS = Path(__file__).with_name("zh_CN")


# The last line of a translated page names the English text it translates, by a hash of the
# docstring: when the docstring changes, the test suite asks for the translation to follow.
_SOURCE_LINE = re.compile(r"\n<!-- translates: ([0-9a-f]{12}) -->\s*\Z")


def source_hash(rule: type[Rule]) -> str:
    """A short hash of the rule's English documentation."""
    import hashlib

    return hashlib.sha256(inspect.cleandoc(rule.__doc__ or "").encode()).hexdigest()[:12]


def translated_hash(rule: type[Rule]) -> str | None:
    """The hash of the English text the Chinese page was translated from (None: none)."""
    path = TRANSLATIONS / f"{rule.code}.md"
    if not path.is_file():
        return None
    found = _SOURCE_LINE.search(path.read_text(encoding="utf-8"))
    return found[1] if found else None


def _source_text(rule: type[Rule], language: str) -> str:
    """The rule's documentation: its docstring in English, ``zh_CN/CODE.md`` in Chinese (the
    same examples, checked by the test suite), English where no translation exists."""
    if language == "zh-CN":
        translated = TRANSLATIONS / f"{rule.code}.md"
        if translated.is_file():
            return _SOURCE_LINE.sub("", translated.read_text(encoding="utf-8")).strip()
    return inspect.cleandoc(rule.__doc__ or "")


def _kind(expected: type) -> str:
    kinds = {
        int: N_("a whole number"),
        float: N_("a number"),
        str: N_("text"),
        bool: N_("true or false"),
    }
    return kinds.get(expected, expected.__name__)


@dataclass(slots=True)
class Finding:
    """One problem a rule found: where (a JSON pointer into the front matter) and what to do."""

    pointer: str
    message: str
    at_key: bool = False
    fix: Fix | None = None  # a safe fix, when there is one (okrdocs.fixes)


@dataclass(slots=True)
class ProjectFiles:
    """What project-wide rules read: the headers of the files this run reports on, and an index
    of every objective file in the content folder to ask about the others.

    ``linted`` maps the files this run reports on (by path under the content folder) to whether
    they loaded as a valid objective; the other headers come from the content index and count
    as valid. Rules report only on linted files: they go through ``headers`` and ask ``index``.
    """

    headers: Sequence[Header]  # of the linted files, by path
    linted: Mapping[str, bool]
    display: Callable[[str], str]  # how to name a file, by its path under the content folder
    index: ProjectIndex

    def valid(self, header: Header) -> bool:
        return self.linted.get(header.rel_path, True)


@dataclass(slots=True)
class RuleContext:
    as_of: date
    config: Config
    options: dict[str, Any] = field(default_factory=dict)

    def option(self, name: str) -> Any:
        return self.options[name]


class Rule:
    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity] = "warning"
    options: ClassVar[tuple[Option, ...]] = ()
    # "objective": check() runs on each objective; "project": check_project() runs once over
    # the headers of all files; "loader": the loader reports it (the rule only documents it).
    scope: ClassVar[str] = "objective"
    # Where the rule comes from, shown in the documentation.
    source: ClassVar[str] = ""
    # Whether its findings come with a safe fix (``okrdocs lint --fix``, editors' quick
    # fixes): "always", "sometimes" (when it is safe), or None.
    fixable: ClassVar[Fixable] = None

    def check(self, objective: Objective, context: RuleContext) -> Iterable[Finding]:
        return ()

    def check_project(
        self, files: ProjectFiles, context: RuleContext
    ) -> Iterator[tuple[str, Finding]]:
        """(path under the content folder, finding) for each problem across files."""
        return iter(())

    @classmethod
    def summary(cls, language: str = "en") -> str:
        """One line: what the rule flags."""
        return _source_text(cls, language).split("\n", 1)[0]

    @classmethod
    def documentation(cls, language: str = "en") -> str:
        """The text after the summary line: Markdown sections."""
        parts = _source_text(cls, language).split("\n", 1)
        return parts[1].strip() if len(parts) > 1 else ""

    @classmethod
    def default_options(cls) -> dict[str, Any]:
        return {option.name: option.default for option in cls.options}
