"""One pass over a document's words for every index keyed by the words a match begins with.

Term lists (termlist.TermIndex) and word-led patterns (patterns.PatternIndex) each know which
words their matches can begin with, and often which word must come next ("the" only opens "the
regime"; "is" only opens "is it any wonder"). Reading every word of every document once per
index cost more than anything they then did; a `WordScan` reads them once for all indexes and
keeps only the places where some match may begin. It is C-level iteration: no Python code runs
per word, only per place kept.
"""
from __future__ import annotations

from itertools import chain, compress, islice, repeat
from operator import or_
from typing import NamedTuple, Protocol

from .document import Document


class Openings(NamedTuple):
    """How the matches of an index can begin."""

    singles: frozenset[str]  # a match may begin at such a word, whatever follows it
    pairs: frozenset[tuple[str, str]]  # at the first word only when the second follows
    # At such a word also when the next word holds an apostrophe: a regex's \b falls inside
    # "it's", so a pattern's "it" may follow there.
    loose: frozenset[str] = frozenset()


class WordIndex(Protocol):
    scan: WordScan | None

    def openings(self) -> Openings: ...


class WordScan:
    """Shared by the indexes given: each reads its own places from `places`."""

    def __init__(self, indexes: list[WordIndex]):
        # For each word (or pair of words) that opens a match: the indexes it opens one for, as
        # the bits of an int, so one pass marks the places of every index at once.
        self.singles: dict[str, int] = {}
        self.pairs: dict[tuple[str, str], int] = {}
        self.loose: dict[str, int] = {}
        self._bits: dict[WordIndex, int] = {}  # index -> its bit
        for k, index in enumerate(indexes):
            bit = self._bits[index] = 1 << k
            singles, pairs, loose = index.openings()
            for bits, keys in ((self.singles, singles), (self.pairs, pairs), (self.loose, loose)):
                for key in keys:
                    bits[key] = bits.get(key, 0) | bit
            index.scan = self

    def places(self, doc: Document, index: WordIndex) -> list[int]:
        """Indexes of the words where a match of ``index`` may begin, in order."""
        at, bits = self._all_places(doc)
        return list(compress(at, map(self._bits[index].__and__, bits)))

    def _all_places(self, doc: Document) -> tuple[list[int], list[int]]:
        """The places of every index, in order, with the bits of the indexes each is a place
        for; computed once per document."""
        found = doc.memo.get(self)
        if found is None:
            norms, nothing = doc.word_norms, repeat(0)
            following = islice(chain(norms, [""]), 1, None)
            bits = list(map(or_, map(self.singles.get, norms, nothing), map(self.pairs.get, zip(norms, following), nothing)))
            if self.loose:  # before a word holding an apostrophe
                for i in doc.apostrophe_words:
                    if i:
                        bits[i - 1] |= self.loose.get(norms[i - 1], 0)
            found = doc.memo[self] = (list(compress(range(len(norms)), bits)), list(compress(bits, bits)))
        return found
