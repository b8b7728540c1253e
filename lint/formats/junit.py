"""``junit``: JUnit XML, the test-report format GitLab, Jenkins and most CI servers display.

Each file is a test suite; each finding is a failed test case named after its rule and
position; a clean file is one passing test case, so that it shows up as checked. A file that
could not be read is a test case in error, a skipped (binary) file a skipped one.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..hookspecs import hookimpl

# Characters XML 1.0 cannot carry at all, not even escaped; shown as U+FFFD.
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
CLEAN_CASE = "no findings"


def xml_text(text: str) -> str:
    return NOT_XML.sub("\ufffd", text)


def testsuite(result) -> ET.Element:
    suite = ET.Element("testsuite", name=xml_text(result.path))
    if result.error or result.skipped:
        case = ET.SubElement(suite, "testcase", name="read", classname=xml_text(result.path))
        outcome = "error" if result.error else "skipped"
        ET.SubElement(case, outcome, message=xml_text(result.error or result.skipped))
    for f in result.findings:
        case = ET.SubElement(suite, "testcase", name=f"{f.code} {f.rule} at {f.line}:{f.column}",
                             classname=xml_text(f.path), file=xml_text(f.path), line=str(f.line))
        failure = ET.SubElement(case, "failure", message=xml_text(f.message), type=f.code)
        failure.text = xml_text(f"{f.path}:{f.line}:{f.column}: {f.code} {f.message} [{f.rule}]\n"
                                f"technique: {f.technique}; severity: {f.severity}\n"
                                f"text: {f.text}")
    if not (result.findings or result.error or result.skipped):
        ET.SubElement(suite, "testcase", name=CLEAN_CASE, classname=xml_text(result.path), file=xml_text(result.path))
    cases = suite.findall("testcase")
    suite.set("tests", str(len(cases)))
    for outcome, attribute in (("failure", "failures"), ("error", "errors"), ("skipped", "skipped")):
        suite.set(attribute, str(sum(1 for case in cases if case.find(outcome) is not None)))
    return suite


class JunitFormat:
    name = "junit"
    description = "JUnit XML test report (GitLab, Jenkins)"

    def shows_text(self, options: dict) -> bool:
        return False

    def render(self, report, stream) -> None:
        root = ET.Element("testsuites", name="framelint")
        suites = [testsuite(result) for result in report.results]
        root.extend(suites)
        for attribute in ("tests", "failures", "errors", "skipped"):
            root.set(attribute, str(sum(int(suite.get(attribute)) for suite in suites)))
        ET.indent(root)
        stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        stream.write(ET.tostring(root, encoding="unicode"))
        stream.write("\n")


@hookimpl
def framelint_output_formats():
    return [JunitFormat()]
