"""Kind ``terms``: a list of words and phrases, matched as whole words."""
from __future__ import annotations

from ..hookspecs import hookimpl
from ..kind import Fields, Match, MatchContext
from ..termlist import TermIndex, parse_terms


class TermsKind:
    name = "terms"
    description = "a list of words and phrases (with inflected forms), matched as whole words"

    def parse(self, fields: Fields):
        return parse_terms(fields, "terms", case_sensitive=fields.case_sensitive())

    def compile(self, rules):
        index = TermIndex()
        for rule in rules:
            for term in rule.options:
                index.add(term, rule)
        return TermsMatcher(index)


class TermsMatcher:
    def __init__(self, index: TermIndex):
        self.index = index
        self.word_indexes = (index,)  # the engine reads the words once for all (wordscan.py)

    def find(self, doc, context: MatchContext):
        for start, end, term, rule in self.index.find(doc):
            yield Match(rule, start, end, term.suggestion)


@hookimpl
def framelint_rule_kinds():
    return [TermsKind()]
