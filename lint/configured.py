"""The linter a configuration describes: each file is linted with the rules its path calls for,
then its suppressions are applied and, when a baseline is read or written, its findings are
fingerprinted."""
from __future__ import annotations

from .baseline import fingerprinted
from .config import Config
from .document import Document
from .engine import Linter, LintResult
from .rule import Rule
from .suppressions import UNUSED_RULE, suppress


class ConfiguredLinter:
    """Used wherever a Linter is (``lint(doc)``); builds one Linter per distinct set of
    matching ``per-path`` sections, on first use."""

    def __init__(self, config: Config, known: list[Rule], regex_timeout: float = 1.0, cache=None,
                 fingerprint: bool = False):
        self.config, self.known, self.regex_timeout, self.cache = config, known, regex_timeout, cache
        self.fingerprint = fingerprint  # only baselines need fingerprints; SARIF computes its own
        self._linters: dict[tuple[int, ...], Linter] = {}

    def linter_for(self, path: str) -> Linter:
        key = self.config.overrides_for(path)
        if key not in self._linters:
            self._linters[key] = Linter(self.config.rules_for(self.known, key), self.regex_timeout, self.cache)
        return self._linters[key]

    @property
    def rules(self) -> list[Rule]:
        """Every rule that may report on some file: the top-level selection, each section's,
        and FL001 when unused suppressions are reported."""
        by_code: dict[str, Rule] = {}
        for key in [(), *((i,) for i in range(len(self.config["per-path"])))]:
            for rule in self.config.rules_for(self.known, key):
                by_code.setdefault(rule.code, rule)
        unused = [UNUSED_RULE] if self.config["report-unused-suppressions"] else []
        return [by_code[r.code] for r in self.known if r.code in by_code] + unused

    def lint(self, doc: Document) -> LintResult:
        linter = self.linter_for(doc.path)
        result = linter.lint(doc)
        findings = suppress(doc, result.findings, self.known, linter.rules, self.config["report-unused-suppressions"])
        return LintResult(fingerprinted(doc, findings) if self.fingerprint else findings, result.notices)
