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

import regex

from ..document import Document, Span
from ..hookspecs import hookimpl
from ..kind import Fields, Match, MatchContext
from ..termlist import Term, TermIndex, parse_terms
from ..voice import in_writer_voice

CLOSERS = "\"'”’»)]"
OPENERS = "\"'“‘«„("
# Every ASCII lower-case letter changes in str.upper(): a sentence with one is not in capitals,
# and this finds it without copying the sentence out of the text.
ASCII_LOWER = regex.compile("[a-z]")


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
        self.word_indexes = (self.index,)  # the engine reads the words once for all (wordscan.py)
        self.cue_roles = {rule: [role for role in ("terms", "starts_with") if getattr(rule.options, role)] for rule in rules}
        for rule in rules:
            for role in self.cue_roles[rule]:
                for term in getattr(rule.options, role):
                    self.index.add(term, (rule, role))

    def find(self, doc: Document, context: MatchContext):
        cued: dict[tuple, dict[int, Span]] = defaultdict(dict)  # (rule, role) -> cued sentences by start
        for start, end, _term, (rule, role) in self.index.find(doc):
            sentence = doc.sentence_at(start)
            if role == "starts_with" and not _opens(doc.text, sentence.start, start):
                continue
            if in_writer_voice(doc, rule, start, end):
                cued[(rule, role)][sentence.start] = sentence
        for rule in self.rules:
            candidates = _candidates(doc, rule, self.cue_roles[rule], cued)
            for sentence in _with_shape(doc, candidates, rule.options):
                yield Match(rule, sentence.start, sentence.end)


def _candidates(doc: Document, rule, roles: list[str], cued: dict[tuple, dict[int, Span]]) -> list[Span]:
    """The sentences that may have the rule's shape: those holding a cue of each of its cue
    ``roles`` (few), else all."""
    if not roles:
        return doc.sentences
    first = cued.get((rule, roles[0]), {})
    return [first[start] for start in sorted(first) if all(start in cued.get((rule, role), ()) for role in roles[1:])]


def _with_shape(doc: Document, sentences: list[Span], options: SentenceOptions) -> list[Span]:
    """The sentences with the rule's end punctuation, capitals and length. Rules without cues
    ask this of every sentence, so each property filters the list in turn: the tests on the
    text, which rule out nearly all, before counting words."""
    text = doc.text
    if options.ends_with:
        sentences = [s for s in sentences if text[s.start : s.end].rstrip(CLOSERS).endswith(options.ends_with)]
    if options.capitals:
        sentences = [s for s in sentences
                     if not ASCII_LOWER.search(text, s.start, s.end) and _in_capitals(text[s.start : s.end])]
    fewest = max(options.min_words, 2) if options.capitals else options.min_words  # capitals: two words or more
    most = options.max_words

    def has_length(sentence: Span) -> bool:
        words = len(doc.word_range(sentence))
        return fewest <= words and (most is None or words <= most)

    return [s for s in sentences if has_length(s)]


def _in_capitals(text: str) -> bool:
    return text.upper() == text and any(c.isalpha() for c in text)


@hookimpl
def framelint_rule_kinds():
    return [SentenceKind()]
