"""Regular expressions in rules: compiled with the ``regex`` module, run with a timeout.

A pattern may name a group ``match``; the finding then covers that group, not the whole match.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import compress, groupby, repeat
from operator import itemgetter
from typing import Iterator, NamedTuple

import regex

from .document import Document
from .kind import Fields
from .regexwords import Followers, leading_lookbehind, required_words, word_leads
from .wordscan import Openings, WordScan


# Characters a pattern may scan, on top of one match attempt, for each ``--regex-timeout``.
SCAN_ALLOWANCE = 1_000_000
# A word-led pattern is tried at the places of its first words when they are rarer than one in
# this many characters; more often than that, scanning the parts that hold them costs less.
# On each attempt the regex module looks ahead for any literal a match needs ("whose" in
# "(?:a|the)\s+...\s+whose") up to the end of the part it is given (`_parts`), so an attempt
# costs more the longer the part: parts are paragraphs, and a paragraph longer than SHORT_TEXT
# is cut between sentences (measured on a 50 MB line of news: 2,000 characters, a fifth fewer
# instructions than 20,000); where one sentence is longer still, places must be rarer
# (SPARSE_IN_LONG_TEXT).
SPARSE = 50
SHORT_TEXT = 2_000
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
    # For each pattern that scans (no leads), the words of `required` one of which every match
    # holds, when they are whole words, else None: only the parts of a text (`_parts`) that hold
    # one are scanned.
    anchors: tuple

    @classmethod
    def of(cls, patterns: tuple, requires: frozenset[str] = frozenset()) -> "PatternSet":
        leads, required = tuple(_leads(p) for p in patterns), tuple(_required_words(p) for p in patterns)
        anchors = tuple(None if lead or not needed else next((whole for whole, beginnings in needed if not beginnings), None)
                        for lead, needed in zip(leads, required))
        return cls(patterns, requires, leads, required, tuple(_guard(p) for p in patterns), anchors)

    def applies_to(self, present: frozenset[str]) -> bool:
        """Whether a text runs these patterns, given which words of ``requires`` it holds."""
        return not self.requires or not self.requires.isdisjoint(present)

    def may_match(self, j: int, doc: Document) -> bool:
        """False when the document lacks a word every match of pattern ``j`` needs."""
        required = self.required[j]
        return not required or all(doc.has_any_word(whole) or doc.has_word_starting(beginnings) for whole, beginnings in required)


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
        # word -> [((owner, pattern), the words that may follow it or None)], for the patterns it
        # leads, and, followed by any word, for those it anchors (`PatternSet.anchors`): the
        # places of both are found the same way.
        self.by_word: dict[str, list[tuple[tuple[int, int], Followers | None]]] = {}
        for k, (_owner, patterns) in enumerate(owned):
            for j, (leads, anchors) in enumerate(zip(patterns.leads, patterns.anchors)):
                for word, followers in (leads or dict.fromkeys(anchors or ())).items():
                    self.by_word.setdefault(word, []).append(((k, j), followers))
        self.scan: WordScan | None = None  # set when the index shares a pass over the words
        self._needed = frozenset().union(*(patterns.requires for _owner, patterns in owned))
        # For `_places`: the words that lead (or anchor) each pattern whatever follows them; all
        # the words that lead each; and the words that lead a pattern only before its followers.
        self._led_by_any: dict[tuple[int, int], frozenset[str]] = _words_by_key(self.by_word, lambda followers: followers is None)
        self._led_by_all = _words_by_key(self.by_word, lambda followers: True)
        self._led_in_pairs = {word: paired for word, entries in self.by_word.items()
                              if (paired := [(key, followers) for key, followers in entries if followers is not None])}

    def openings(self) -> Openings:
        """How word-led matches can begin (see wordscan.py): a first word followed by a word the
        pattern spells out, or by a word holding an apostrophe (`Followers.admit`); any first
        word when the pattern allows other followers."""
        singles, pairs, loose = set(self._needed), set(), set()  # the needed words: see `_present`
        for word, leads in self.by_word.items():
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
        present = self._present(doc)
        owners = [k for k, (_owner, patterns) in enumerate(self.owned) if patterns.applies_to(present)]
        places = self._places(doc, set(owners))
        runnable = []
        for k in owners:
            patterns = self.owned[k][1]
            for j, (leads, anchors) in enumerate(zip(patterns.leads, patterns.anchors)):
                # A word-led or anchored pattern runs where it has places; another, on a text
                # with the words it needs.
                if (k, j) in places if leads or anchors else patterns.may_match(j, doc):
                    runnable.append((k, j))
        parts = _parts(doc)
        for k, group in groupby(runnable, key=itemgetter(0)):
            owner, patterns = self.owned[k]
            try:
                for _, j in group:
                    pattern = patterns.patterns[j]
                    match = "match" if "match" in pattern.groupindex else 0
                    where = places.get((k, j), [])
                    if patterns.leads[j]:
                        found = _matches_from(pattern, doc.text, where, parts, timeout, patterns.guards[j])
                    else:  # scanned: where anchored, only the parts holding its anchors
                        found = _matches_in(pattern, doc.text, parts, _holding(parts, where) if patterns.anchors[j] else None, timeout)
                    for m in found:
                        if m.end(match) > m.start(match):
                            yield owner, m.start(match), m.end(match)
            except TimeoutError:
                timed_out(owner)

    def _present(self, doc: Document) -> frozenset[str]:
        """The words of the patterns' ``requires`` the document holds, whole or as word parts (as
        a regex's ``\\b`` sees them), read from the shared pass over the words, where they are
        places."""
        if not self._needed:
            return frozenset()
        words = map(doc.word_norms.__getitem__, self.scan.places(doc, self)) if self.scan is not None else doc.vocabulary
        return self._needed.intersection(words).union(self._needed.intersection(doc.part_words))

    def _places(self, doc: Document, owners: set[int]) -> dict[tuple[int, int], list[int]]:
        """Where each word-led pattern of the ``owners`` given may match: the starts of its first
        words followed by one of their followers, in order; for an anchored one, where its anchors
        are. A pattern without any has no entry. Words that any word may follow ("is" before a
        question) are the most places; they are picked for each pattern by C-level iteration, and
        only pairs ("the best") in Python."""
        norms, starts = doc.word_norms, doc.word_starts
        # Casefolded, "İ" is "i" and a combining dot; a case-insensitive regex takes it for "i",
        # whatever follows.
        followed = "\u0130" not in doc.text
        if followed and self.scan is not None:  # the places the shared scan kept
            at = self.scan.places(doc, self)
            words = list(map(norms.__getitem__, at))
        else:
            at, words = range(len(norms)), norms
        places: dict[tuple[int, int], list[int]] = {}
        placed = set(words)
        for key, leading in (self._led_by_any if followed else self._led_by_all).items():
            if key[0] in owners and not leading.isdisjoint(placed):
                places[key] = list(map(starts.__getitem__, compress(at, map(leading.__contains__, words))))
        if followed:
            last = len(norms) - 1
            for i in compress(at, map(self._led_in_pairs.__contains__, words)):
                following = norms[i + 1] if i < last else ""
                for key, followers in self._led_in_pairs[norms[i]]:
                    if key[0] in owners and (following in followers.whole
                                        or (followers.beginnings or "'" in following) and followers.admit(following)):
                        places.setdefault(key, []).append(starts[i])
        # Where else a regex's \b falls before a letter or after one: at apostrophes inside
        # words ("neill" in "o'neill"); and "İ", as above.
        extra = doc.word_parts
        for word, start in extra:
            for key, _followers in self.by_word.get(word, ()):
                if key[0] in owners:
                    places.setdefault(key, []).append(start)
        for positions in places.values():  # each in order, but pairs and word parts come after
            positions.sort()
        return places


def _words_by_key(by_word: dict, wanted) -> dict[tuple[int, int], frozenset[str]]:
    """For each pattern, the words of ``by_word`` that lead it with ``wanted(followers)``."""
    found: dict[tuple[int, int], set[str]] = {}
    for word, entries in by_word.items():
        for key, followers in entries:
            if wanted(followers):
                found.setdefault(key, set()).add(word)
    return {key: frozenset(words) for key, words in found.items()}


class _Parts(NamedTuple):
    starts: list[int]
    ends: list[int]


def _parts(doc: Document) -> _Parts:
    """The parts of a text that patterns see, each as if it were the whole text: a paragraph
    with the white space after it (the first from the start of the text); a paragraph longer
    than SHORT_TEXT cut before sentences, into parts no longer than that (longer only where one
    sentence is). So a pattern never matches across a paragraph break, however long the text;
    and an attempt, which the regex module may let look ahead to the end of the text it is
    given, never reads more than a part. Worked out once per text."""
    found = doc.memo.get(_parts)
    if found is None:
        starts = []
        for para in doc.paragraphs:
            starts.append(para.start)
            if para.end - para.start > SHORT_TEXT:
                begun = para.start
                for sentence in doc.sentences_starting(para.start, para.end):
                    if sentence.end - begun > SHORT_TEXT and sentence.start > begun:  # the part is full without it
                        starts.append(begun := sentence.start)
        starts[:1] = [0]
        found = doc.memo[_parts] = _Parts(starts, starts[1:] + [len(doc.text)])
    return found


def _matches_from(pattern, text: str, where: list[int], parts: _Parts, timeout: float, guard):
    """The matches of a pattern that can only begin at ``where`` (and only where its ``guard``,
    when it has one, matches): tried there, part by part, where they are sparse enough in their
    part, else the part is scanned (led by words as common as "the", scanning costs less)."""
    if guard is not None:
        where = list(compress(where, map(guard.match, repeat(text), where)))
    starts, ends = parts.starts, parts.ends
    i = 0
    while i < len(where):  # the places in one part at a time
        k = bisect_right(starts, where[i]) - 1
        start, end = starts[k], ends[k]
        stop = bisect_left(where, end, i)
        positions, i = where[i:stop], stop
        if len(positions) * (SPARSE if end - start <= SHORT_TEXT else SPARSE_IN_LONG_TEXT) >= end - start:
            yield from _matches(pattern, text, start, end, timeout)
            continue
        reached = 0
        for pos in positions:
            if pos >= reached and (m := pattern.match(text, pos, end, timeout=timeout)):
                yield m
                reached = m.end() if m.end() > m.start() else m.end() + 1


def _holding(parts: _Parts, places: list[int]) -> list[int]:
    """The indexes of the parts that hold any of ``places`` (in order)."""
    return sorted({bisect_right(parts.starts, pos) - 1 for pos in places})


def _matches_in(pattern, text: str, parts: _Parts, indexes: list[int] | None, timeout: float):
    """The matches in the parts of the given indexes (None: all), a part at a time."""
    for k in range(len(parts.starts)) if indexes is None else indexes:
        yield from _matches(pattern, text, parts.starts[k], parts.ends[k], timeout)


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
