"""``github``: GitHub Actions workflow commands, which the runner turns into annotations on the
pull request's changed lines: ``::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message``.

Escaping follows actions/toolkit (packages/core/src/command.ts): ``%``, CR and LF in the message;
also ``:`` and ``,`` in property values.
"""
from __future__ import annotations

from ..hookspecs import hookimpl

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def workflow_command(f) -> str:
    properties = {"file": f.path, "line": f.line, "col": f.column, "endLine": f.end_line,
                  "endColumn": f.end_column, "title": f"{f.code} {f.rule}"}
    if f.end_line != f.line:  # GitHub rejects columns on an annotation spanning several lines
        del properties["col"], properties["endColumn"]
    joined = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{COMMANDS[f.severity]} {joined}::{escape_data(f.message)}"


class GithubFormat:
    name = "github"
    description = "GitHub Actions annotations (workflow commands)"

    def shows_text(self, options: dict) -> bool:
        return False

    def render(self, report, stream) -> None:
        for f in report.findings:
            stream.write(workflow_command(f) + "\n")


@hookimpl
def framelint_output_formats():
    return [GithubFormat()]
