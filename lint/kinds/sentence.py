"""Kind ``sentence``: whole sentences of a given shape, reported whole.

Some techniques are a sentence, not a word: a slogan is short, often exclamatory or in capitals
("Build the wall!"); a false dilemma is a claim ("There is only one answer"). A rule states the
shape — at most ``max_words`` words, ending with one of ``ends_with``, opening (or opening a
quotation in it) with one of ``starts_with``, containing one of ``terms``, written in capitals —
and every sentence that has all the stated properties is reported. Cue terms must be in the
writer's voice (the rule's quotation policy), so a quoted slogan is not reported through its
unquoted speech tag.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..document import Document, Span
from ..hookspecs import hookimpl
from ..kind import Fields, Match, MatchContext
from ..termlist import Term, TermIndex, parse_terms
from ..voice import in_writer_voice

CLOSERS = "\"'”’»)]"
OPENERS = "\"'“‘«„("


def _opens(text: str, sentence_start: int, start: int) -> bool:
    """Whether a term at ``start`` opens its sentence, or a quotation inside it ("Placards
    read "Stop the tax!"")."""
    before = text[sentence_start:start].rstrip(" ")
    return not before.strip(OPENERS + "-—") or before[-1] in OPENERS


@dataclass(frozen=True)
class SentenceOptions:
    terms: tuple[Term, ...]  # the sentence contains one of these
    starts_with: tuple[Term, ...]  # the first words of the sentence, or of a quotation in it
    ends_with: tuple[str, ...]  # its last punctuation (closing quotes and brackets aside)
    min_words: int
    max_words: int | None
    capitals: bool  # every letter is a capital (at least two words)


class SentenceKind:
    name = "sentence"
    description = "whole sentences of a stated shape: length, end punctuation, first words, cue terms, capitals"

    def parse(self, fields: Fields) -> SentenceOptions:
        sensitive = fields.case_sensitive()
        max_words = fields.get("max_words", (int, type(None)), None)
        min_words = fields.get("min_words", int, 1)
        if min_words < 1 or (max_words is not None and max_words < min_words):
            raise fields.error("max_words" if max_words is not None and max_words < min_words else "min_words",
                               "needs 1 <= min_words <= max_words")
        options = SentenceOptions(
            terms=tuple(parse_terms(fields, "terms", required=False, case_sensitive=sensitive)),
            starts_with=tuple(parse_terms(fields, "starts_with", required=False, case_sensitive=sensitive)),
            ends_with=tuple(fields.strings("ends_with", default=[])),
            min_words=min_words,
            max_words=max_words,
            capitals=fields.get("capitals", bool, False),
        )
        if not (options.terms or options.starts_with or options.ends_with or options.capitals or max_words):
            raise fields.error((), "needs at least one of terms, starts_with, ends_with, capitals, max_words")
        return options

    def compile(self, rules):
        return SentenceMatcher(rules)


class SentenceMatcher:
    def __init__(self, rules):
        self.rules = rules
        self.index = TermIndex()
        for rule in rules:
            for role in ("terms", "starts_with"):
                for term in getattr(rule.options, role):
                    self.index.add(term, (rule, role))

    def find(self, doc: Document, context: MatchContext):
        cued: dict[tuple, set[int]] = defaultdict(set)  # (rule, role) -> starts of cued sentences
        for start, end, _term, (rule, role) in self.index.find(doc):
            sentence = doc.sentence_at(start)
            if role == "starts_with" and not _opens(doc.text, sentence.start, start):
                continue
            if in_writer_voice(doc, rule, start, end):
                cued[(rule, role)].add(sentence.start)
        sentence_starting = {s.start: s for s in doc.sentences}
        for rule in self.rules:
            for sentence in _candidates(doc, rule, cued, sentence_starting):
                if _has_shape(doc, sentence, rule, cued):
                    yield Match(rule, sentence.start, sentence.end)


def _candidates(doc: Document, rule, cued: dict, sentence_starting: dict[int, Span]) -> list[Span]:
    """The sentences that may have the rule's shape: those holding its cues when it has any
    (few), else all."""
    roles = [role for role in ("terms", "starts_with") if getattr(rule.options, role)]
    if not roles:
        return doc.sentences
    starts = set.intersection(*(cued.get((rule, role), set()) for role in roles))
    return [sentence_starting[start] for start in sorted(starts) if start in sentence_starting]


def _has_shape(doc: Document, sentence: Span, rule, cued: dict) -> bool:
    options: SentenceOptions = rule.options
    for role in ("terms", "starts_with"):
        if getattr(options, role) and sentence.start not in cued.get((rule, role), ()):
            return False
    text = doc.text[sentence.start : sentence.end]
    if options.ends_with and not text.rstrip(CLOSERS).endswith(options.ends_with):
        return False
    words = len(doc.word_range(sentence))
    if words < options.min_words or (options.max_words is not None and words > options.max_words):
        return False
    if options.capitals and not (words >= 2 and text.upper() == text and any(c.isalpha() for c in text)):
        return False
    return True


@hookimpl
def framelint_rule_kinds():
    return [SentenceKind()]
