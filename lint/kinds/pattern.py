"""Kind ``pattern``: regular expressions, with an optional word prefilter and a timeout."""
from __future__ import annotations

from ..hookspecs import hookimpl
from ..kind import Fields, Match, MatchContext
from ..patterns import parse_patterns


class PatternKind:
    name = "pattern"
    description = "regular expressions (the regex module); a named group 'match' sets the span"

    def parse(self, fields: Fields):
        return parse_patterns(fields, "patterns")

    def compile(self, rules):
        return PatternMatcher(rules)


class PatternMatcher:
    def __init__(self, rules):
        self.rules = rules

    def find(self, doc, context: MatchContext):
        for rule in self.rules:
            if not rule.options.applies_to(doc):
                continue
            try:
                for start, end in rule.options.find(doc, context.regex_timeout):
                    yield Match(rule, start, end)
            except TimeoutError:
                context.timed_out(rule, doc.path)


@hookimpl
def framelint_rule_kinds():
    return [PatternKind()]
