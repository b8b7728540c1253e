"""``text``: one line per finding, ``path:line:col: CODE message [rule-name]``."""
from __future__ import annotations

from ..hookspecs import hookimpl


class TextFormat:
    name = "text"
    description = "one line per finding (the default)"

    def render(self, report, stream) -> None:
        for f in report.findings:
            stream.write(f"{f.path}:{f.line}:{f.column}: {f.code} {f.message} [{f.rule}]\n")


@hookimpl
def framelint_output_formats():
    return [TextFormat()]
