"""``github``: workflow commands that parse back, once unescaped, into the findings."""
import re

from formats_helpers import ARTICLE, CLEAN, PACK, lint_report, render, write

COMMAND = re.compile(r"::(?P<command>error|warning|notice) (?P<properties>[^:]*)::(?P<message>.*)")


def unescape_data(text: str) -> str:
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def unescape_property(text: str) -> str:
    return unescape_data(text.replace("%3A", ":").replace("%2C", ","))


def parse(line: str) -> dict:
    """One workflow command back into its fields, the way the Actions runner reads it."""
    match = COMMAND.fullmatch(line)
    assert match, f"not a workflow command: {line!r}"
    fields = {"command": match["command"], "message": unescape_data(match["message"])}
    for pair in match["properties"].split(","):
        key, value = pair.split("=", 1)
        fields[key] = unescape_property(value)
    return fields


def test_each_finding_is_one_command_that_parses_back_into_it(tmp_path):
    report = lint_report([write(tmp_path, "a,b: draft.txt", ARTICLE)], select=["LL201"])
    lines = render("github", report).splitlines()
    assert len(lines) == len(report.findings) == 4
    for line, f in zip(lines, report.findings):
        fields = parse(line)
        assert fields["file"] == f.path and f.path.endswith("a,b: draft.txt")
        assert (fields["command"], fields["title"], fields["message"]) == ("warning", "LL201 emotive-term", f.message)
        assert (int(fields["line"]), int(fields["endLine"])) == (f.line, f.end_line)
    assert [(parse(line).get("col"), parse(line).get("endColumn")) for line in lines] == [
        ("11", "19"), ("27", "35"), (None, None), ("31", "38")]  # no columns across lines


def test_message_and_properties_are_escaped_as_the_actions_toolkit_does(tmp_path):
    report = lint_report([write(tmp_path, "clean.txt", CLEAN)], select=["HS101"],
                         rule_paths=[write(tmp_path, "house.yaml", PACK)])
    (line,) = render("github", report).splitlines()
    assert line.endswith('::100%25 loaded, says the desk: "budget"%0D%0Areconsider')
    assert ",title=HS101 house-percent::" in line
    assert parse(line)["message"] == report.findings[0].message == '100% loaded, says the desk: "budget"\r\nreconsider'


def test_severities_map_to_error_warning_and_notice(tmp_path):
    article = write(tmp_path, "a.txt", ARTICLE + CLEAN)
    report = lint_report([article], select=["HS", "LL201"], rule_paths=[write(tmp_path, "house.yaml", PACK)])
    commands = {f.severity: parse(line)["command"] for f, line in zip(report.findings, render("github", report).splitlines())}
    assert commands == {"error": "error", "warning": "warning", "info": "notice"}


def test_no_findings_no_output(tmp_path):
    assert render("github", lint_report([write(tmp_path, "clean.txt", CLEAN)])) == ""
