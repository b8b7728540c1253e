"""``rdjson``: reviewdog's Diagnostic Format (a ``DiagnosticResult``, proto/rdf in
reviewdog/reviewdog), for ``reviewdog -f=rdjson`` to post findings as review comments.

reviewdog counts columns in UTF-8 bytes, framelint in characters, so columns are converted
with the finding's line; the end position is exclusive in both.
"""
from __future__ import annotations

import json

from ..hookspecs import hookimpl
from .shared import PROJECT_URL, rule_url, source_lines

SEVERITIES = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}
SOURCE = {"name": "framelint", "url": PROJECT_URL}


def byte_column(line: str, column: int) -> int:
    """The 1-based UTF-8 byte column of 1-based character ``column`` in ``line``."""
    return len(line[: column - 1].encode("utf-8")) + 1


def diagnostic(f, lines: list[str], url: str) -> dict:
    return {
        "message": f.message,
        "location": {
            "path": f.path,
            "range": {
                "start": {"line": f.line, "column": byte_column(lines[f.line - 1], f.column)},
                "end": {"line": f.end_line, "column": byte_column(lines[f.end_line - 1], f.end_column)},
            },
        },
        "severity": SEVERITIES[f.severity],
        "source": SOURCE,
        "code": {"value": f.code, "url": url},
    }


class RdjsonFormat:
    name = "rdjson"
    description = "reviewdog Diagnostic Format (rdjson)"

    def render(self, report, stream) -> None:
        urls = {rule.code: rule_url(rule) for rule in report.rules}
        diagnostics = []
        for result in report.results:
            lines = source_lines(result.text)
            diagnostics.extend(diagnostic(f, lines, urls[f.code]) for f in result.findings)
        json.dump({"source": SOURCE, "diagnostics": diagnostics}, stream, ensure_ascii=False, indent=2)
        stream.write("\n")


@hookimpl
def framelint_output_formats():
    return [RdjsonFormat()]
