"""Kind ``unattributed``: a claim cue reported only when its sentence names no source.

"Reports emerged that..." is an anonymous claim; "Reports emerged, the Interior Ministry said,
that..." is not. A sentence names a source when it has "according to" followed by a name, a
name (or he/she) next to a speech verb ("Reuters reported", "said Smith"), where a name is a
run of capitalised words with at least one that is not generic: the cue's own words are masked,
and "Officials" or "Many", capitalised only at the start of a sentence, are never names.
"""
from __future__ import annotations

import regex

from ..hookspecs import hookimpl
from ..kind import Fields, Match, MatchContext
from ..patterns import PatternIndex, parse_patterns
from ..quotations import SPEECH_VERBS
from ..termlist import TermIndex, parse_terms

NAME = r"\p{Lu}[\p{L}\p{M}\p{N}'’.\-]*"
NAMES = rf"{NAME}(?:\s+(?:of\s+|de\s+|al-)?{NAME})*"
SPEECH = r"(?:" + "|".join(SPEECH_VERBS) + r")"
SOURCE_PATTERNS = [
    # "according to Reuters", "according to the Interior Ministry", "according to a UN estimate"
    rf"\b(?i:according\s+to)\s+(?:(?:the|a|an)\s+)?(?:[\p{{L}}\-]+\s+){{0,2}}?{NAME}",
    # "the Interior Ministry said", "Smith, a spokesman, told reporters", "Reuters reported"
    rf"(?<!\b(?:in|from|of|at|near|across|throughout)\s+)(?<![\w’'])(?P<name>{NAMES})(?:,[^,]{{1,80}},)?\s+(?:\w+ly\s+)?{SPEECH}\b",
    # "said Smith", "wrote the Kremlin's spokesman Dmitry Peskov"
    rf"\b(?:said|says|wrote|writes|added|adds|stated|declared|noted|explained|insisted|argued)\s+(?:the\s+)?(?:[\p{{Ll}}\-]+\s+){{0,3}}{NAME}",
    # "a poll by Gallup found", "a report from the Interior Ministry"
    rf"\b(?i:poll|survey|study|report|analysis|investigation|estimate|census|audit|review)s?\s+(?:by|from|of|published\s+by)\s+(?:the\s+)?{NAME}",
    # "he said", "she told reporters" (the speaker was named before)
    rf"\b(?:he|she)\s+(?:\w+ly\s+)?{SPEECH}\b",
]
SOURCE = regex.compile("|".join(f"(?:{p})" for p in SOURCE_PATTERNS), regex.V0)

# Capitalised only because they start a sentence, or generic: never a named source.
GENERIC = frozenset(
    """the a an this that these those some many most several few all other others it its they we
    you i there here officials official sources source experts expert critics analysts observers
    residents people reports witnesses insiders diplomats authorities locals commentators
    researchers scientists studies documents accounts rumours rumors media""".split()
)


class UnattributedKind:
    name = "unattributed"
    description = "a claim cue reported only when the same sentence names no source"

    def parse(self, fields: Fields):
        cues = parse_terms(fields, "cues", required=False, case_sensitive=fields.case_sensitive())
        patterns = parse_patterns(fields, "cue_patterns", required=False)
        if not cues and not patterns.patterns:
            raise fields.error((), "needs 'cues' or 'cue_patterns'")
        return cues, patterns

    def compile(self, rules):
        return UnattributedMatcher(rules)


class UnattributedMatcher:
    def __init__(self, rules):
        self.index = TermIndex()
        for rule in rules:
            for term in rule.options[0]:
                self.index.add(term, rule)
        self.patterns = PatternIndex([(rule, rule.options[1]) for rule in rules if rule.options[1].patterns])
        self.word_indexes = (self.index, self.patterns)  # the engine reads the words once for all (wordscan.py)

    def find(self, doc, context: MatchContext):
        for start, end, _term, rule in self.index.find(doc):
            if not names_source(doc, start, end):
                yield Match(rule, start, end)
        for rule, start, end in self.patterns.find(doc, context.regex_timeout, lambda rule: context.timed_out(rule, doc.path)):
            if not names_source(doc, start, end):
                yield Match(rule, start, end)


def names_source(doc, cue_start: int, cue_end: int) -> bool:
    """Whether the sentence around a cue names who makes the claim (the cue itself masked)."""
    sentence = doc.sentence_at(cue_start)
    text = doc.text[sentence.start : sentence.end]
    a, b = cue_start - sentence.start, cue_end - sentence.start
    text = text[:a] + " " * (b - a) + text[b:]
    for m in SOURCE.finditer(text):
        name = m.group("name")
        if name is None or any(w.strip("’'.").casefold() not in GENERIC for w in name.split()):
            return True
    return False


@hookimpl
def framelint_rule_kinds():
    return [UnattributedKind()]
