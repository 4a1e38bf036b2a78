"""JUnit XML: one test case per file checked, failing with its diagnostics (Jenkins, GitLab)."""

from __future__ import annotations

from collections.abc import Sequence
from xml.etree import ElementTree as ET

from okrdocs.diagnostics import Diagnostic
from okrdocs.formats import LintReport
from okrdocs.i18n import _n
from okrdocs.printable import printable


def render(diagnostics: Sequence[Diagnostic], files: Sequence[str]) -> str:
    by_path: dict[str, list[Diagnostic]] = {path: [] for path in files}
    for d in diagnostics:
        by_path.setdefault(d.path, []).append(d)
    failures = sum(1 for found in by_path.values() if found)
    suites = ET.Element(
        "testsuites", name="okrdocs", tests=str(len(by_path)), failures=str(failures)
    )
    suite = ET.SubElement(
        suites,
        "testsuite",
        name="okrdocs lint",
        tests=str(len(by_path)),
        failures=str(failures),
        errors="0",
        skipped="0",
    )
    for path, found in by_path.items():
        # XML 1.0 cannot hold most control characters: they are written as escapes.
        shown = printable(path)
        case = ET.SubElement(suite, "testcase", classname="okrdocs.lint", name=shown, file=shown)
        if found:
            first = found[0]
            failure = ET.SubElement(
                case,
                "failure",
                type=first.code,
                message=printable(
                    _n("{n} problem: ", "{n} problems: ", len(found))
                    + f"{first.code} {first.message}"
                ),
            )
            failure.text = "\n".join(
                printable(f"{d.path}:{d.line}:{d.column}: {d.code} [{d.severity}] {d.message}")
                for d in found
            )
    ET.indent(suites)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
    )


def render_report(report: LintReport) -> str:
    return render(report.diagnostics, report.files)
