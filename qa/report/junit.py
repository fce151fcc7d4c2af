"""JUnit XML for CI test dashboards: one testsuite per checked file, one testcase per diagnostic.

A diagnostic at or above the failing severity (--fail-on) is a <failure>; one below it is a
passing testcase whose <system-out> holds the message. A file without diagnostics has one passing
testcase, so every checked file shows up.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import groupby
from xml.etree import ElementTree

from .. import __version__
from ..model import Diagnostic, ReportContext
from ..paths import printable
from .text import line

NAME = "junit"

NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def stream(diagnostics: Iterable[Diagnostic], context: ReportContext) -> Iterator[str]:
    """As ElementTree would write the whole indented tree, one testsuite at a time; the totals come
    first, so the diagnostics are read twice."""
    tests = failed = 0
    with_diagnostics: set[str] = set()
    for diagnostic in diagnostics:
        tests += 1
        failed += context.fails(diagnostic)
        with_diagnostics.add(diagnostic.path)
    paths = set(context.files) | with_diagnostics
    tests += len(paths) - len(with_diagnostics)
    yield f'<?xml version="1.0" encoding="UTF-8"?>\n<!-- glossqa {__version__} -->\n'
    opening = f'<testsuites name="glossqa" tests="{tests}" failures="{failed}" errors="0"'
    if not paths:
        yield opening + " />\n"
        return
    yield opening + ">"
    by_path = groupby(diagnostics, key=lambda diagnostic: diagnostic.path)
    pending = next(by_path, None)
    for path in sorted(paths):
        found: list[Diagnostic] = []
        if pending and pending[0] == path:
            found = list(pending[1])
            pending = next(by_path, None)
        yield "\n  " + _suite(path, found, context)
    yield "\n</testsuites>\n"


def _suite(path: str, found: list[Diagnostic], context: ReportContext) -> str:
    """One testsuite, indented as ElementTree.indent indents it inside <testsuites>."""
    suite = ElementTree.Element("testsuite", name=path)
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
    suite.set("tests", str(max(len(found), 1)))
    suite.set("failures", str(sum(context.fails(d) for d in found)))
    suite.set("errors", "0")
    wrapper = ElementTree.Element("testsuites")
    wrapper.append(suite)
    ElementTree.indent(wrapper)
    text = ElementTree.tostring(wrapper, encoding="unicode")
    return printable(text.removeprefix("<testsuites>\n  ").removesuffix("\n</testsuites>"))


def render(diagnostics: Iterable[Diagnostic], context: ReportContext) -> str:
    return "".join(stream(diagnostics, context))


def _xml_safe(text: str) -> str:
    """XML 1.0 cannot hold most control characters, even escaped."""
    return NOT_XML.sub("\ufffd", text)
