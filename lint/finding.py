"""The diagnostic a rule reports: a plain, sortable, serialisable record."""
from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True, order=True)
class Finding:
    """One finding. Lines and columns are 1-based; the end is exclusive (the position just past
    the last character, as in SARIF). ``start``/``end`` are character offsets into the text."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    rule: str
    technique: str
    severity: str
    message: str
    text: str
    start: int
    end: int
    # Identifies the finding across edits elsewhere in the file (see baseline.py); set after linting.
    fingerprint: str = ""

    def as_dict(self) -> dict:
        data = asdict(self)
        del data["start"], data["end"], data["fingerprint"]
        return data


SEVERITIES = ("info", "warning", "error")


def severity_rank(severity: str) -> int:
    return SEVERITIES.index(severity)
