"""Kind ``repetition``: a content word or phrase repeated in the writer's voice.

Hammering a word ("invaders ... invaders ... invaders") is a technique; repeating the name of
the article's subject is not. So the kind counts words and phrases after light normalisation
(case, possessive, plural and verb endings: "attack", "attacks", "attacked" are one), and never
counts stop words, the article's subject names (the ``subject_names`` most frequent proper
nouns: words capitalised wherever they occur not at the start of a sentence) or words the
rule's quotation policy does not lint (quoted speech); a phrase needs a word of ``min_length``
letters. With ``terms``, only occurrences of those terms count. An occurrence is a repetition
when it completes ``min_count`` occurrences within ``window`` sentences; findings cover the
``report_from``-th and later occurrences of such a run.
"""
from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cached_property, lru_cache

from ..document import Document, Quotation
from ..hookspecs import hookimpl
from ..kind import Fields, Match, MatchContext
from ..quotations import SPEECH_VERBS
from ..rule import Rule
from ..termlist import Term, TermIndex, parse_terms
from ..voice import silenced

STOPWORDS = frozenset(
    """a about above across after again against all almost along already also although always
    am among an and another any anyone anything are around as at away back be became because
    become been before being below between both but by came can cannot could did do does doing
    done down during each either else enough even ever every few first for from further get gets
    getting got had has have having he her here hers herself him himself his how however i if in
    into is it its itself just last least less like made make makes many may me might more most
    much must my myself never new next no nor not now of off often on once one only onto or other
    others our ours ourselves out over own part per perhaps put rather really same says see seem
    seemed seems several shall she should since so some something still such take than that the
    their theirs them themselves then there these they thing things this those though three
    through thus to today too took toward towards two under until up upon us very via was way we
    well were what whatever when where whether which while who whom whose why will with within
    without would year years yet you your yours yourself mr mrs ms dr according going know
    think want told time times""".split()
) | frozenset(SPEECH_VERBS)
# Suffixes stripped, longest first, as long as a stem of at least three letters remains.
SUFFIXES = ("ies", "ing", "ed", "es", "s")


@lru_cache(maxsize=65536)
def stem(norm: str) -> str:
    """A light, deterministic normaliser: "attacks", "attacked", "attacking" -> "attack"."""
    for ending in ("'s", "'"):
        if norm.endswith(ending):
            norm = norm[: -len(ending)]
    for suffix in SUFFIXES:
        if norm.endswith(suffix) and len(norm) - len(suffix) >= 3 and not norm.endswith(("ss", "eed")):
            base = norm[: -len(suffix)]
            return base + "y" if suffix == "ies" else base
    return norm


@dataclass(frozen=True)
class RepetitionOptions:
    min_count: int
    window: int | None  # sentences; None = the whole text
    report_from: int
    min_length: int
    words: tuple[int, int]  # shortest and longest phrase length, in words
    subject_names: int
    stopwords: frozenset[str]  # stems
    terms: tuple[Term, ...]  # when given, only occurrences of these terms count


class RepetitionKind:
    name = "repetition"
    description = "a content word or phrase repeated beyond a threshold within a window of sentences"

    def parse(self, fields: Fields) -> RepetitionOptions:
        min_count = _at_least(fields, "min_count", 3, 2)
        window = fields.get("window", (int, type(None)), None)
        if window is not None and window < 1:
            raise fields.error("window", "must be at least 1 (sentences), or left out for the whole text")
        report_from = _at_least(fields, "report_from", min_count, 1)
        if report_from > min_count:
            raise fields.error("report_from", f"must be at most min_count ({min_count})")
        min_words = _at_least(fields, "min_words", 1, 1)
        max_words = _at_least(fields, "max_words", min_words, min_words)
        extra = fields.strings("stopwords", default=[])
        return RepetitionOptions(
            min_count=min_count,
            window=window,
            report_from=report_from,
            min_length=_at_least(fields, "min_length", 4, 1),
            words=(min_words, max_words),
            subject_names=_at_least(fields, "subject_names", 3, 0),
            stopwords=frozenset(stem(w.casefold()) for w in STOPWORDS | set(extra)),
            terms=tuple(parse_terms(fields, "terms", required=False)),
        )

    def compile(self, rules):
        return RepetitionMatcher(rules)


def _at_least(fields: Fields, name: str, default: int, minimum: int) -> int:
    value = fields.get(name, int, default)
    if value < minimum:
        raise fields.error(name, f"must be at least {minimum}")
    return value


class RepetitionMatcher:
    def __init__(self, rules: list[Rule]):
        self.rules = rules
        self.index = TermIndex()
        self.word_indexes = (self.index,)  # the engine reads the words once for all (wordscan.py)
        for rule in rules:
            for term in rule.options.terms:
                self.index.add(term, rule)

    def find(self, doc: Document, context: MatchContext):
        tokens = _Tokens(doc)
        listed: dict[Rule, list[tuple[int, int]]] = defaultdict(list)
        for start, end, _term, rule in self.index.find(doc):
            listed[rule].append((start, end))
        for rule in self.rules:
            if rule.options.terms:
                yield from _listed_repetitions(doc, tokens, rule, listed[rule])
            else:
                yield from _repetitions(doc, tokens, rule)


class _Tokens:
    """What repetition rules need once per document, one entry per word: its stem, sentence
    number, clause number (a phrase never spans punctuation) and quotation, plus the proper
    nouns by frequency. Each is built on first use; rules of listed terms, which look at a few
    words only, ask for them one word at a time instead."""

    def __init__(self, doc: Document):
        self.doc = doc

    def sentence_of(self, word: int) -> int:
        """One word's entry of `sentence`."""
        return self.doc.sentence_index(self.doc.word_starts[word])

    def quote_of(self, word: int) -> Quotation | None:
        """One word's entry of `quote`: the quotation holding its first character."""
        start = self.doc.word_starts[word]
        return self.doc.quotation_at(start, start + 1)

    @cached_property
    def stems(self) -> list[str]:
        norms = self.doc.word_norms
        stem_of = {norm: stem(norm) for norm in set(norms)}
        return [stem_of[norm] for norm in norms]

    @cached_property
    def sentence(self) -> list[int]:
        """Each word's sentence: the last one starting at or before it (-1 before the first)."""
        return _spread(self.doc.word_starts, [(s.start, k) for k, s in enumerate(self.doc.sentences)], -1)

    @cached_property
    def quote(self) -> list[Quotation | None]:
        """The quotation each word starts in, or None (quotations are disjoint and sorted)."""
        runs = [run for q in self.doc.quotations for run in ((q.start, q), (q.end, None))]
        return _spread(self.doc.word_starts, runs, None)

    @cached_property
    def clause(self) -> list[int]:
        text, starts, ends, sentence = self.doc.text, self.doc.word_starts, self.doc.word_ends, self.sentence
        clause = [0] * len(starts)
        for i in range(1, len(starts)):
            joined = sentence[i] == sentence[i - 1] and not text[ends[i - 1] : starts[i]].strip(" \t-‐‑")
            clause[i] = clause[i - 1] + (not joined)
        return clause

    @cached_property
    def names(self) -> list[str]:
        return _proper_nouns(self.doc.text, self.doc.word_starts, self.stems, self.sentence)


def _spread(starts, runs: list[tuple[int, object]], before: object) -> list:
    """One value per word: the value of the last run (offset, value) beginning at or before the
    word's start, ``before`` for words ahead of the first run; runs are in offset order. Filled
    run by run, not by a search per word."""
    values, done = [], 0
    for offset, value in runs:
        reach = bisect.bisect_left(starts, offset)
        values += [before] * (reach - done)
        done, before = max(done, reach), value
    return values + [before] * (len(starts) - done)


def _proper_nouns(text: str, starts, stems: list[str], sentence: list[int]) -> list[str]:
    """Stems capitalised at every occurrence that is not the first word of a sentence, most
    frequent first."""
    capitalised, lower = Counter(), set()
    for i in range(1, len(starts)):
        if sentence[i] == sentence[i - 1]:
            if text[starts[i]].isupper():
                capitalised[stems[i]] += 1
            else:
                lower.add(stems[i])
    return [s for s, _ in capitalised.most_common() if s not in lower]


def _repetitions(doc: Document, tokens: _Tokens, rule: Rule):
    options: RepetitionOptions = rule.options
    skip = options.stopwords | set(tokens.names[: options.subject_names])
    starts, ends, stems, clause = doc.word_starts, doc.word_ends, tokens.stems, tokens.clause
    count = len(starts)
    voiced = [not silenced(rule, quote) for quote in tokens.quote]
    content = [voiced[i] and stems[i] not in skip for i in range(count)]
    long = [ends[i] - starts[i] >= options.min_length for i in range(count)]
    shortest, longest = options.words
    occurrences: dict[tuple, list[int]] = defaultdict(list)  # phrase -> index of its first word
    for i in range(count):
        if not content[i]:
            continue
        for n in range(shortest, longest + 1):
            last = i + n - 1
            if last >= count or clause[last] != clause[i]:
                break
            # A phrase starts and ends on a content word ("rule of law"), has a word of at least
            # min_length, and is all in the writer's voice.
            if content[last] and any(long[i : last + 1]) and all(voiced[i : last + 1]):
                occurrences[tuple(stems[i : last + 1])].append(i)
    for phrase, firsts in occurrences.items():
        for k in _reported(firsts, tokens.sentence, options):
            i = firsts[k]
            yield Match(rule, starts[i], ends[i + len(phrase) - 1])


def _listed_repetitions(doc: Document, tokens: _Tokens, rule: Rule, found: list[tuple[int, int]]):
    """Repetitions of the rule's own terms, each occurrence keyed by its stemmed words. Whether
    an occurrence is in the writer's voice is asked only of phrases found often enough."""
    occurrences: dict[tuple, list[tuple[int, int, int, int]]] = defaultdict(list)
    norms, word_starts = doc.word_norms, doc.word_starts
    for start, end in sorted(found):
        first, stop = bisect.bisect_left(word_starts, start), bisect.bisect_left(word_starts, end)
        occurrences[tuple(map(stem, norms[first:stop]))].append((first, stop, start, end))  # not every word's stem
    need = rule.options.min_count
    for places in occurrences.values():
        if len(places) >= need:
            places = [place for place in places
                      if not any(silenced(rule, tokens.quote_of(k)) for k in range(place[0], place[1]))]
        if len(places) < need:
            continue
        firsts = [place[0] for place in places]
        for k in _reported(firsts, {first: tokens.sentence_of(first) for first in firsts}, rule.options):
            yield Match(rule, places[k][2], places[k][3])


def _reported(starts: list[int], sentence, options: RepetitionOptions) -> set[int]:
    """Indexes into ``starts`` of the occurrences to report: for every occurrence that
    completes ``min_count`` within ``window`` sentences, those from the ``report_from``-th of
    that run on. ``sentence`` maps (at least) each of ``starts`` to its sentence number."""
    need, reported = options.min_count, set()
    for j in range(need - 1, len(starts)):
        first = j - need + 1
        if options.window is None or sentence[starts[j]] - sentence[starts[first]] < options.window:
            reported.update(range(first + options.report_from - 1, j + 1))
    return reported


@hookimpl
def framelint_rule_kinds():
    return [RepetitionKind()]
