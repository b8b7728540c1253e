"""Run selected rules over a document: one combined matcher per kind, then the rules' context
(quotation policy, exceptions), then findings with exact positions."""
from __future__ import annotations

from dataclasses import dataclass, field

import regex

from .document import Document
from .finding import Finding
from .kind import Match, MatchContext
from .plugins import rule_kinds
from .rule import Rule
from .termlist import TermIndex

WHITESPACE = regex.compile(r"\s+")


@dataclass
class LintResult:
    findings: list[Finding] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)


class Linter:
    """Compiled once for a rule selection, then used for any number of documents."""

    def __init__(self, rules: list[Rule], regex_timeout: float = 1.0):
        self.rules = list(rules)
        self.regex_timeout = regex_timeout
        kinds = rule_kinds()
        by_kind: dict[str, list[Rule]] = {}
        for rule in self.rules:
            by_kind.setdefault(rule.kind, []).append(rule)
        self.matchers = [kinds[name].compile(group) for name, group in by_kind.items()]
        self.exceptions = TermIndex()
        for rule in self.rules:
            for term in rule.exceptions:
                self.exceptions.add(term, rule)

    def lint(self, doc: Document) -> LintResult:
        context = MatchContext(regex_timeout=self.regex_timeout)
        matches = [m for matcher in self.matchers for m in matcher.find(doc, context)]
        findings = [self._finding(doc, m) for m in _outermost(matches) if self._applies(doc, m)]
        findings.sort(key=lambda f: (f.line, f.column, f.code, f.end))
        return LintResult(findings, context.notices)

    def _applies(self, doc: Document, match: Match) -> bool:
        rule = match.rule
        if rule.quotes != "include":
            quote = doc.quotation_at(match.start, match.end)
            if quote and (rule.quotes == "skip-all" or quote.attributed):
                return False
        if rule.exceptions:
            sentence = doc.sentence_at(match.start)
            for start, end, _term, owner in self.exceptions.find(doc, sentence):
                if owner is rule and start < match.end and match.start < end:
                    return False
        return True

    def _finding(self, doc: Document, match: Match) -> Finding:
        rule = match.rule
        # The message quotes the prose (markup masked out); ``text`` is the file's own slice.
        text = doc.original[match.start : match.end]
        message = rule.message.replace("{match}", WHITESPACE.sub(" ", doc.text[match.start : match.end]).strip())
        if match.suggestion:
            message += f'; consider "{match.suggestion}"'
        line, column = doc.position(match.start)
        end_line, end_column = doc.position(match.end)
        return Finding(doc.path, line, column, end_line, end_column, rule.code, rule.name,
                       rule.technique, rule.severity, message, text, match.start, match.end)


def _outermost(matches: list[Match]) -> list[Match]:
    """Drop a rule's match that lies inside another match of the same rule ("many in" inside
    "for many in Donbass"), and exact repeats."""
    kept: list[Match] = []
    reach: dict[str, int] = {}  # rule code -> end of its furthest kept match so far
    for match in sorted(matches, key=lambda m: (m.start, -m.end)):
        if match.end <= reach.get(match.rule.code, -1):
            continue
        reach[match.rule.code] = match.end
        kept.append(match)
    return kept
