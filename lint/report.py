"""What an output format renders: every file's result plus the rules that ran."""
from __future__ import annotations

from dataclasses import dataclass, field

from .api import FileResult
from .finding import Finding
from .rule import Rule, Technique


@dataclass
class Report:
    results: list[FileResult]
    rules: list[Rule]
    techniques: dict[str, Technique] = field(default_factory=dict)
    options: dict = field(default_factory=dict)  # format options from the command line

    @property
    def findings(self) -> list[Finding]:
        return [f for result in self.results for f in result.findings]
