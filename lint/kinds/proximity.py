"""Kind ``proximity``: a term of one set near a term of another.

Many techniques are two cues together rather than one word: "either ... or", "us" against
"them", a cause cue next to a single culprit, "what about" next to a rival's misdeed. A rule
lists the two sets (``first``, ``second``), how near they must be (``within`` words, or the same
sentence), whether order matters, and which span to report. Terms of every proximity rule share
one index, so a document is read once.
"""
from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass
from typing import NamedTuple

from ..document import Document
from ..hookspecs import hookimpl
from ..kind import Fields, Match, MatchContext
from ..termlist import Term, TermIndex, parse_terms
from ..voice import in_writer_voice

REPORTS = ("span", "first", "second", "both", "sentence")


@dataclass(frozen=True)
class ProximityOptions:
    first: tuple[Term, ...]
    second: tuple[Term, ...]
    within: int | None  # words between the two terms at most; None = the same sentence
    ordered: bool  # the first term must come before the second
    report: str
    unless: tuple[Term, ...]  # any of these in the sentence cancels the pair


class ProximityKind:
    name = "proximity"
    description = "a term of one list within N words (or the same sentence) of a term of another"

    def parse(self, fields: Fields) -> ProximityOptions:
        sensitive = fields.case_sensitive()
        within = fields.get("within", (int, type(None)), None)
        scope = fields.get("scope", str, "sentence" if within is None else "words", choices=("sentence", "words"))
        if scope == "sentence" and within is not None:
            raise fields.error("scope", "give either 'within' (words) or 'scope: sentence', not both")
        if within is not None and within < 0:
            raise fields.error("within", "must be 0 or more (words between the two terms)")
        return ProximityOptions(
            first=tuple(parse_terms(fields, "first", case_sensitive=sensitive)),
            second=tuple(parse_terms(fields, "second", case_sensitive=sensitive)),
            within=within,
            ordered=fields.get("order", str, "any", choices=("any", "first-then-second")) == "first-then-second",
            report=fields.get("report", str, "span", choices=REPORTS),
            unless=tuple(parse_terms(fields, "unless", required=False, case_sensitive=sensitive)),
        )

    def compile(self, rules):
        return ProximityMatcher(rules)


class _Hit(NamedTuple):
    start: int
    end: int
    first_word: int  # index into the document's words
    last_word: int
    sentence: int  # where its sentence starts (`Document.sentence_at`): the same for hits in one sentence


class _Role:
    """One of a rule's term lists ("first", "second", "unless"), found and hashed by identity.
    In the index each term is owned by a tuple of its own holding its role, so that every term
    that matches at a word is reported, not only the longest of its list."""

    __slots__ = ("rule", "name")

    def __init__(self, rule, name: str):
        self.rule, self.name = rule, name


class ProximityMatcher:
    def __init__(self, rules):
        self.index = TermIndex()
        self.word_indexes = (self.index,)  # the engine reads the words once for all (wordscan.py)
        # Each rule with its roles and the most words in a second-list term.
        self.rules = [(rule, *(_Role(rule, name) for name in ("first", "second", "unless")),
                       max(len(t.words) for t in rule.options.second)) for rule in rules]
        for _rule, *roles, _longest in self.rules:
            for role in roles:
                for term in getattr(role.rule.options, role.name):
                    self.index.add(term, (role,))

    def find(self, doc: Document, context: MatchContext):
        found: dict[_Role, list[tuple[int, int]]] = defaultdict(list)  # spans of each role's terms
        for start, end, _term, (role,) in self.index.find(doc):
            found[role].append((start, end))
        for rule, first, second, unless, longest_second in self.rules:
            firsts, seconds = found.get(first), found.get(second)
            if not (firsts and seconds):
                continue  # often one end is in a text and the other is not: nothing to place
            first_sentences = [doc.sentence_at(start).start for start, _ in firsts]
            second_sentences = [doc.sentence_at(start).start for start, _ in seconds]
            shared = set(first_sentences).intersection(second_sentences)
            if not shared:
                continue  # a pair never spans sentences
            cancelled = {doc.sentence_at(start).start for start, end in found.get(unless, ())
                         if in_writer_voice(doc, rule, start, end)}
            pairs = _pairs(_hits(doc, rule, firsts, first_sentences, shared),
                           _hits(doc, rule, seconds, second_sentences, shared), rule.options, longest_second)
            for a, b in pairs:
                if a.sentence not in cancelled and b.sentence not in cancelled:
                    yield from _report(doc, rule, a, b)


def _hits(doc: Document, rule, spans: list[tuple[int, int]], sentences: list[int], shared: set[int]) -> list[_Hit]:
    """The spans in the writer's voice, placed among the document's words; only those in the
    ``shared`` sentences (of ``sentences``, where each span's starts), which hold both ends."""
    word_starts = doc.word_starts
    return [_Hit(start, end, bisect.bisect_left(word_starts, start), bisect.bisect_left(word_starts, end) - 1, sentence)
            for (start, end), sentence in zip(spans, sentences)
            if sentence in shared and in_writer_voice(doc, rule, start, end)]


def _pairs(firsts, seconds, options: ProximityOptions, longest: int):
    """Each first-set hit with its nearest acceptable second-set hit (``longest``: the most
    words in a second-set term). Hits come in text order, so the candidates for each first-set
    hit are found by bisection, not by a scan."""
    if options.within is None:
        keys, reach = [b.sentence for b in seconds], lambda a: (a.sentence, a.sentence)
    else:
        keys = [b.first_word for b in seconds]
        reach = lambda a: (a.first_word - options.within - longest, a.last_word + options.within + 1)
    for a in firsts:
        low, high = reach(a)
        best = None
        for b in seconds[bisect.bisect_left(keys, low) : bisect.bisect_right(keys, high)]:
            if b.start < a.end and a.start < b.end:
                continue  # the same words cannot be both ends
            if options.ordered and b.start < a.end:
                continue
            if b.sentence != a.sentence:
                continue  # a pair never spans sentences, however near
            if options.within is None:
                gap = abs(b.first_word - a.first_word)
            else:
                gap = b.first_word - a.last_word - 1 if b.start >= a.end else a.first_word - b.last_word - 1
                if gap > options.within:
                    continue
            if best is None or gap < best[0]:
                best = (gap, b)
        if best:
            yield a, best[1]


def _report(doc: Document, rule, a: _Hit, b: _Hit):
    """The span(s) the rule asks for: from one end to the other, either end, both, or the
    whole sentence (for techniques that are a claim, not a word)."""
    if rule.options.report == "span":
        yield Match(rule, min(a.start, b.start), max(a.end, b.end))
        return
    if rule.options.report == "sentence":
        first, last = doc.sentence_at(min(a.start, b.start)), doc.sentence_at(max(a.end, b.end) - 1)
        yield Match(rule, first.start, last.end)
        return
    if rule.options.report in ("first", "both"):
        yield Match(rule, a.start, a.end)
    if rule.options.report in ("second", "both"):
        yield Match(rule, b.start, b.end)


@hookimpl
def framelint_rule_kinds():
    return [ProximityKind()]
