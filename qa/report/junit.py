"""JUnit XML for CI test dashboards: one testsuite per checked file, one testcase per diagnostic.

A diagnostic at or above the failing severity (--fail-on) is a <failure>; one below it is a
passing testcase whose <system-out> holds the message. A file without diagnostics has one passing
testcase, so every checked file shows up.
"""

from __future__ import annotations

import re
from xml.etree import ElementTree

from .. import __version__
from ..model import Diagnostic, ReportContext
from ..paths import printable
from .text import line

NAME = "junit"

NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def render(diagnostics: list[Diagnostic], context: ReportContext) -> str:
    by_path: dict[str, list[Diagnostic]] = {}
    for diagnostic in diagnostics:
        by_path.setdefault(diagnostic.path, []).append(diagnostic)
    root = ElementTree.Element("testsuites", name="glossqa")
    total = failed = 0
    for path in sorted(set(context.files) | set(by_path)):
        suite = ElementTree.SubElement(root, "testsuite", name=path)
        found = by_path.get(path, [])
        for diagnostic in found:
            case = ElementTree.SubElement(
                suite,
                "testcase",
                classname=path,
                name=f"{diagnostic.rule} at {diagnostic.line}:{diagnostic.column}",
                file=path,
                line=str(diagnostic.line),
            )
            if context.fails(diagnostic):
                failure = ElementTree.SubElement(
                    case, "failure", message=_xml_safe(diagnostic.message), type=diagnostic.rule
                )
                failure.text = _xml_safe(line(diagnostic))
            else:
                ElementTree.SubElement(case, "system-out").text = _xml_safe(line(diagnostic))
        if not found:
            ElementTree.SubElement(suite, "testcase", classname=path, name="glossqa", file=path)
        failures = sum(context.fails(d) for d in found)
        suite.set("tests", str(max(len(found), 1)))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        total += max(len(found), 1)
        failed += failures
    root.set("tests", str(total))
    root.set("failures", str(failed))
    root.set("errors", "0")
    ElementTree.indent(root)
    body = printable(ElementTree.tostring(root, encoding="unicode"))  # XML must be valid UTF-8
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<!-- glossqa {__version__} -->\n{body}\n'


def _xml_safe(text: str) -> str:
    """XML 1.0 cannot hold most control characters, even escaped."""
    return NOT_XML.sub("\ufffd", text)
