"""Regular expressions in rules: compiled with the ``regex`` module, run with a timeout.

A pattern may name a group ``match``; the finding then covers that group, not the whole match.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from itertools import compress, groupby
from operator import itemgetter
from typing import Iterator

import regex

from .document import Document
from .kind import Fields
from .regexwords import Followers, leading_lookbehind, required_words, word_leads
from .wordscan import Openings, WordScan


# Characters a pattern may scan, on top of one match attempt, for each ``--regex-timeout``.
SCAN_ALLOWANCE = 1_000_000
# A word-led pattern is tried at the places of its first words when they are rarer than one in
# this many characters; more often than that, one scan of the text costs less. On each attempt
# the regex module looks ahead for any literal a match needs ("whose" in "(?:a|the)\s+...\s+whose")
# up to the end of the text it is given, so an attempt costs more the longer that text: a text
# longer than SHORT_TEXT is given to patterns a part at a time (`_parts`), and in a part longer
# than that (one long paragraph) places must be rarer still (SPARSE_IN_LONG_TEXT).
SPARSE = 50
SHORT_TEXT = 20_000
SPARSE_IN_LONG_TEXT = 300
ARTICLES = ("a", "an", "the")


@dataclass(frozen=True)
class PatternSet:
    patterns: tuple
    requires: frozenset[str]  # the document must contain one of these words for any to run
    # For each pattern, the words one of which every match begins with (casefolded), each with
    # the words that may follow it (regexwords.word_leads), when the pattern spells them out, else
    # None: a document without any of them is not scanned, and the pattern is tried only where
    # one of them starts and is followed by one of its followers.
    leads: tuple
    # For each pattern, sets of words such that, for each set, some word of every match is one
    # of them or, for the beginnings among them, starts with one, or None: a document lacking
    # such a word for any one set is not scanned (see regexwords.required_words).
    required: tuple
    # For each pattern, its leading lookbehind compiled on its own (regexwords.leading_lookbehind),
    # or None: where it fails, the pattern is not tried.
    guards: tuple

    @classmethod
    def of(cls, patterns: tuple, requires: frozenset[str] = frozenset()) -> "PatternSet":
        return cls(patterns, requires, tuple(_leads(p) for p in patterns),
                   tuple(_required_words(p) for p in patterns), tuple(_guard(p) for p in patterns))

    def applies_to(self, doc: Document) -> bool:
        return not self.requires or not doc.vocabulary.isdisjoint(self.requires)  # a view looks up the smaller set's words

    def may_match(self, j: int, doc: Document) -> bool:
        """False when the document lacks the words pattern ``j`` needs."""
        leads, required = self.leads[j], self.required[j]
        if required and not all(doc.has_any_word(whole) or doc.has_word_starting(beginnings) for whole, beginnings in required):
            return False
        return not leads or doc.has_any_word(leads)

    def may_match_in(self, j: int, words: frozenset[str]) -> bool:
        """`may_match` for a part of a text whose words (and word parts) are ``words``; a set
        with beginnings of words is taken to be there."""
        return all(beginnings or not words.isdisjoint(whole) for whole, beginnings in self.required[j])


def _leads(pattern) -> dict[str, Followers | None] | None:
    """`regexwords.word_leads`, unless the pattern may begin with an article followed by any
    word: an article is about every twelfth word of English prose, so trying the pattern at each
    costs more than one scan of the text (measured: 3×, for ``(?:an?|the)\\s+(?:\\w+\\s+){0,3}?…``)."""
    leads = word_leads(pattern.pattern, pattern.flags)
    if leads and any(leads.get(article, False) is None for article in ARTICLES):
        return None
    return leads


def _guard(pattern):
    source = leading_lookbehind(pattern.pattern, pattern.flags)
    return source and regex.compile(source, pattern.flags)


def _required_words(pattern) -> tuple[tuple[frozenset[str], tuple[str, ...]], ...] | None:
    """`regexwords.required_words`, each set split into whole words and beginnings; the
    smallest sets first, as the likeliest to be missing from a text, which settles it."""
    found = required_words(pattern.pattern, pattern.flags)
    return found and tuple((frozenset(w.rstrip() for w in words if w.endswith(" ")), tuple(w for w in words if not w.endswith(" ")))
                           for words in sorted(found, key=len))


class PatternIndex:
    """The patterns of many rules, run together. A pattern whose matches begin with words it
    spells out is tried only where one of those words starts: one look-up per word of the
    document finds the places for all such patterns at once, instead of one scan of the text
    per pattern. The other patterns scan the text. The matches are the same either way."""

    def __init__(self, owned: list[tuple[object, PatternSet]]):
        self.owned = owned
        # word -> [((owner, pattern), the words that may follow it or None)]
        self.by_first_word: dict[str, list[tuple[tuple[int, int], Followers | None]]] = {}
        for k, (_owner, patterns) in enumerate(owned):
            for j, leads in enumerate(patterns.leads):
                for word, followers in (leads or {}).items():
                    self.by_first_word.setdefault(word, []).append(((k, j), followers))
        self.scan: WordScan | None = None  # set when the index shares a pass over the words
        # Patterns led by a word that any word may follow, and `_leads_of` by those that run.
        self._led_by_any = frozenset(key for leads in self.by_first_word.values() for key, followers in leads if followers is None)
        self._leads_cache: dict[tuple, dict] = {}

    def openings(self) -> Openings:
        """How word-led matches can begin (see wordscan.py): a first word followed by a word the
        pattern spells out, or by a word holding an apostrophe (`Followers.admit`); any first
        word when the pattern allows other followers."""
        singles, pairs, loose = set(), set(), set()
        for word, leads in self.by_first_word.items():
            for _key, followers in leads:
                if followers is None or followers.beginnings:
                    singles.add(word)
                else:
                    pairs.update((word, following) for following in followers.whole)
                    loose.add(word)
        return Openings(frozenset(singles), frozenset(pairs), frozenset(loose))

    def find(self, doc: Document, timeout: float, timed_out) -> Iterator[tuple[object, int, int]]:
        """Yield (owner, start, end) for each match, owner by owner; ``timed_out(owner)`` is
        called for an owner whose pattern ran too long (its other matches are still yielded)."""
        runnable = [(k, j) for k, (_owner, patterns) in enumerate(self.owned) if patterns.applies_to(doc)
                    for j in range(len(patterns.patterns)) if patterns.may_match(j, doc)]
        places = self._places(doc, runnable)
        parts = _parts(doc)
        for k, group in groupby(runnable, key=itemgetter(0)):
            owner, patterns = self.owned[k]
            try:
                for _, j in group:
                    pattern = patterns.patterns[j]
                    match = "match" if "match" in pattern.groupindex else 0
                    where = places.get((k, j), []) if patterns.leads[j] else None
                    seen = parts
                    if where is None and len(parts) > 1 and patterns.required[j]:  # scanned: only parts with its words
                        seen = [part for part, words in zip(parts, _part_words(doc, parts)) if patterns.may_match_in(j, words)]
                    for m in _matches_by_part(pattern, doc.text, seen, where, timeout, patterns.guards[j]):
                        if m.end(match) > m.start(match):
                            yield owner, m.start(match), m.end(match)
            except TimeoutError:
                timed_out(owner)

    def _places(self, doc: Document, runnable: list[tuple[int, int]]) -> dict[tuple[int, int], list[int]]:
        """Where each word-led pattern of ``runnable`` may match: the starts of its first words
        followed by one of their followers, in order."""
        by_first = self._leads_of(runnable)
        if not by_first:
            return {}
        norms, starts = doc.word_norms, doc.word_starts
        # Casefolded, "İ" is "i" and a combining dot; a case-insensitive regex takes it for "i".
        followed = "\u0130" not in doc.text
        places: dict[tuple[int, int], list[int]] = {}
        if followed and self.scan is not None:  # the places the shared scan kept
            shared = self.scan.places(doc, self)
            at = compress(shared, map(by_first.__contains__, map(norms.__getitem__, shared)))
        else:
            at = compress(range(len(norms)), map(by_first.__contains__, norms))
        last = len(norms) - 1
        for i in at:
            word, following = norms[i], norms[i + 1] if i < last else ""
            for key, followers in by_first[word]:  # the set look-up first: most places are "the" without "best"
                if (followers is None or not followed or following in followers.whole
                        or (followers.beginnings or "'" in following) and followers.admit(following)):
                    places.setdefault(key, []).append(starts[i])
        # Where else a regex's \b falls before a letter or after one: at apostrophes inside
        # words ("neill" in "o'neill"); and "İ", as above.
        extra = doc.word_parts
        for word, start in extra:
            for key, _followers in by_first.get(word, ()):
                places.setdefault(key, []).append(start)
        if extra:
            for positions in places.values():
                positions.sort()
        return places

    def _leads_of(self, runnable: list[tuple[int, int]]) -> dict[str, list[tuple[tuple[int, int], Followers | None]]]:
        """`by_first_word` without the patterns that do not run on a text and are led by words
        whatever follows them: "the" leads a pattern that also needs "whose", and is no place
        for it in a text without "whose". Patterns led by pairs of words stay: their places are
        few. Few combinations occur, so each is worked out once."""
        key = tuple(k for k in runnable if k in self._led_by_any)
        leads = self._leads_cache.get(key)
        if leads is None:
            skipped = self._led_by_any.difference(key)
            leads = {}
            for word, entries in self.by_first_word.items():
                kept = [(k, followers) for k, followers in entries if k not in skipped]
                if kept:
                    leads[word] = kept
            self._leads_cache[key] = leads
        return leads


def _matches_by_part(pattern, text: str, parts: list[tuple[int, int]], where: list[int] | None, timeout: float, guard):
    """A pattern's matches, part by part: tried at ``where`` (its places, for a word-led
    pattern) when they are sparse enough, else by scanning."""
    for start, end in parts:
        if where is not None:
            within = where[bisect_left(where, start) : bisect_left(where, end)]
            sparse = SPARSE if end - start <= SHORT_TEXT else SPARSE_IN_LONG_TEXT
            if len(within) * sparse < end - start:
                yield from _matches_at(pattern, text, within, end, timeout, guard)
                continue
        yield from _matches(pattern, text, start, end, timeout)  # led by words as common as "the": scanning costs less


def _parts(doc: Document) -> list[tuple[int, int]]:
    """The (start, end) parts of a text that patterns see, one after the other: the whole text,
    or, in a text longer than SHORT_TEXT, parts of at most that length that end at a paragraph
    break; within a paragraph longer than that, at the start of a sentence (longer only where
    one sentence is). A pattern never matches across the break between two parts."""
    text = doc.text
    if len(text) <= SHORT_TEXT:
        return [(0, len(text))]
    parts, start = [], 0

    def cut_before(span) -> None:
        nonlocal start
        if span.end - start > SHORT_TEXT and span.start > start:  # the part is full without it
            parts.append((start, span.start))
            start = span.start

    for para in doc.paragraphs:
        cut_before(para)
        if para.end - start > SHORT_TEXT:  # a paragraph too long for one part: cut it between sentences
            for sentence in doc.sentences_starting(start, para.end):
                cut_before(sentence)
    parts.append((start, len(text)))
    return parts


def _part_words(doc: Document, parts: list[tuple[int, int]]) -> list[frozenset[str]]:
    """The words of each part of a long text, with the word parts a regex's ``\\b`` sees in
    them (`Document.word_parts`): a scanned pattern that needs a word skips the parts without
    it. Worked out once per text."""
    found = doc.memo.get(_part_words)
    if found is None:
        starts, norms = doc.word_starts, doc.word_norms
        word_parts = sorted(doc.word_parts, key=itemgetter(1))
        part_starts = [start for _part, start in word_parts]
        found = []
        for start, end in parts:
            words = set(norms[bisect_left(starts, start) : bisect_left(starts, end)])
            words.update(part for part, _ in word_parts[bisect_left(part_starts, start) : bisect_left(part_starts, end)])
            found.append(frozenset(words))
        doc.memo[_part_words] = found
    return found


def _matches(pattern, text: str, pos: int, endpos: int, timeout: float):
    """``pattern.finditer(text, pos, endpos)``, with the timeout for each search, not the whole
    scan: each search for the next match may take ``timeout`` seconds plus ``timeout`` per
    million characters it may have to scan, so a long file is not cut short while a pattern that
    backtracks catastrophically still stops (TimeoutError)."""
    while pos <= endpos:
        m = pattern.search(text, pos, endpos, timeout=timeout * (1 + (endpos - pos) / SCAN_ALLOWANCE))
        if m is None:
            return
        yield m
        pos = m.end() if m.end() > m.start() else m.end() + 1


def _matches_at(pattern, text: str, places, endpos: int, timeout: float, guard=None):
    """The matches ``finditer`` would give up to ``endpos``, for a pattern that can only begin at
    ``places`` (and only where its ``guard``, when it has one, matches)."""
    reached = 0
    for pos in places:
        if pos >= reached and (guard is None or guard.match(text, pos, endpos)) and (m := pattern.match(text, pos, endpos, timeout=timeout)):
            yield m
            reached = m.end() if m.end() > m.start() else m.end() + 1


def parse_patterns(fields: Fields, name: str, required: bool = True) -> PatternSet:
    sources = fields.strings(name, **({} if required else {"default": []}))
    flags = regex.V0 | (0 if fields.case_sensitive() else regex.IGNORECASE)
    compiled = []
    for i, source in enumerate(sources):
        try:
            compiled.append(regex.compile(source, flags))
        except regex.error as exc:
            raise fields.error((name, i), f"invalid regular expression: {exc}") from None
    requires = frozenset(w.casefold() for w in fields.strings("requires", default=[]))
    return PatternSet.of(tuple(compiled), requires)
