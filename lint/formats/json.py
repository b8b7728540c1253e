"""``json``: an array of finding objects (see docs/cli.md for the keys)."""
from __future__ import annotations

import json

from ..hookspecs import hookimpl


class JsonFormat:
    name = "json"
    description = "a JSON array of findings"

    def shows_text(self, options: dict) -> bool:
        return False

    def render(self, report, stream) -> None:
        json.dump([f.as_dict() for f in report.findings], stream, ensure_ascii=False, indent=2)
        stream.write("\n")


@hookimpl
def framelint_output_formats():
    return [JsonFormat()]
