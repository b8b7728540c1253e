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
from itertools import compress, repeat
from operator import attrgetter, not_

import regex

from ..document import CLOSERS, Document, Span
from ..hookspecs import hookimpl
from ..kind import Fields, Match, MatchContext
from ..termlist import Term, TermIndex, parse_terms
from ..voice import in_writer_voice

OPENERS = "\"'“‘«„("
# Every ASCII lower-case letter changes in str.upper(): a sentence with one is not in capitals,
# and this finds it without copying the sentence out of the text.
ASCII_LOWER = regex.compile("[a-z]")
START, END = attrgetter("start"), attrgetter("end")


def _opens(text: str, sentence_start: int, start: int) -> bool:
    """Whether a term at ``start`` opens its sentence, or a quotation inside it ("Placards
    read "Stop the tax!""). Mostly the last character before it, spaces aside, tells."""
    end = start
    while end > sentence_start and text[end - 1] == " ":
        end -= 1
    if end == sentence_start or text[end - 1] in OPENERS:
        return True
    return text[end - 1] in "-—" and not text[sentence_start:end].strip(OPENERS + "-—")


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


class _Cue:
    """A rule's cue role ("terms" or "starts_with"): the owner of its terms in the index, one
    object for all of them, so that it is found and hashed by identity."""

    __slots__ = ("rule", "role")

    def __init__(self, rule, role: str):
        self.rule, self.role = rule, role


class SentenceMatcher:
    def __init__(self, rules):
        self.index = TermIndex()
        self.word_indexes = (self.index,)  # the engine reads the words once for all (wordscan.py)
        self.cues = [(rule, [_Cue(rule, role) for role in ("terms", "starts_with") if getattr(rule.options, role)])
                     for rule in rules]
        for _rule, cues in self.cues:
            for cue in cues:
                for term in getattr(cue.rule.options, cue.role):
                    self.index.add(term, cue)

    def find(self, doc: Document, context: MatchContext):
        text = doc.text
        cued: dict[_Cue, dict[int, Span]] = defaultdict(dict)  # cued sentences by start
        for start, end, _term, cue in self.index.find(doc):
            sentence = doc.sentence_at(start)
            if cue.role == "starts_with" and not _opens(text, sentence.start, start):
                continue
            if in_writer_voice(doc, cue.rule, start, end):
                cued[cue][sentence.start] = sentence
        for rule, cues in self.cues:
            if cues and cues[0] not in cued:
                continue
            for sentence in _with_shape(doc, _candidates(cues, cued), rule.options):
                yield Match(rule, sentence.start, sentence.end)


def _candidates(cues: list[_Cue], cued: dict[_Cue, dict[int, Span]]) -> list[Span] | None:
    """The sentences that may have the rule's shape: those holding a cue of each of its
    ``cues`` (few); None for all, when it has none."""
    if not cues:
        return None
    first = cued[cues[0]]
    return [first[start] for start in sorted(first) if all(start in cued.get(cue, ()) for cue in cues[1:])]


def _with_shape(doc: Document, sentences: list[Span] | None, options: SentenceOptions) -> list[Span]:
    """The ``sentences`` (None: all) with the rule's end punctuation, capitals and length. The
    tests on the text, which rule out nearly all, filter the list before words are counted; a
    rule that asks this of every sentence finds those that hold its end punctuation at all
    from where that occurs, and tests the others for capitals without a Python loop."""
    text = doc.text
    if options.ends_with:
        sentences = [s for s in (_holding(doc, options.ends_with) if sentences is None else sentences)
                     if text[s.start : s.end].rstrip(CLOSERS).endswith(options.ends_with)]
    if options.capitals:
        sentences = doc.sentences if sentences is None else sentences
        lower = map(ASCII_LOWER.search, repeat(text), map(START, sentences), map(END, sentences))
        sentences = [s for s in compress(sentences, map(not_, lower)) if _in_capitals(text[s.start : s.end])]
    fewest = max(options.min_words, 2) if options.capitals else options.min_words  # capitals: two words or more
    most = options.max_words

    def has_length(sentence: Span) -> bool:
        words = len(doc.word_range(sentence))
        return fewest <= words and (most is None or words <= most)

    return [s for s in (doc.sentences if sentences is None else sentences) if has_length(s)]


def _holding(doc: Document, strings: tuple[str, ...]) -> list[Span]:
    """The sentences in which one of ``strings`` occurs, in order; found from the occurrences,
    which are fewer than the sentences for such strings as "!" or "?"."""
    text, found = doc.text, {}
    for string in strings:
        at = text.find(string)
        while at >= 0:
            sentence = doc.sentence_at(at)
            inside = sentence.start <= at and at + len(string) <= sentence.end
            if inside:
                found[sentence.start] = sentence
            at = text.find(string, sentence.end if inside else at + 1)
    return [found[start] for start in sorted(found)]


def _in_capitals(text: str) -> bool:
    return text.upper() == text and any(c.isalpha() for c in text)


@hookimpl
def framelint_rule_kinds():
    return [SentenceKind()]
