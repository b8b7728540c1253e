"""Kind ``pattern``: regular expressions, with an optional word prefilter and a timeout."""
from __future__ import annotations

from ..hookspecs import hookimpl
from ..kind import Fields, Match, MatchContext
from ..patterns import PatternIndex, parse_patterns


class PatternKind:
    name = "pattern"
    description = "regular expressions (the regex module); a named group 'match' sets the span"

    def parse(self, fields: Fields):
        return parse_patterns(fields, "patterns")

    def compile(self, rules):
        return PatternMatcher(rules)


class PatternMatcher:
    def __init__(self, rules):
        self.index = PatternIndex([(rule, rule.options) for rule in rules])
        self.word_indexes = (self.index,)  # the engine reads the words once for all (wordscan.py)

    def find(self, doc, context: MatchContext):
        for rule, start, end in self.index.find(doc, context.regex_timeout, lambda rule: context.timed_out(rule, doc.path)):
            yield Match(rule, start, end)


@hookimpl
def framelint_rule_kinds():
    return [PatternKind()]
