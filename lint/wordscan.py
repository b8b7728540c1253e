"""One pass over a document's words for every index keyed by the words a match begins with.

Term lists (termlist.TermIndex) and word-led patterns (patterns.PatternIndex) each know which
words their matches can begin with, and often which word must come next ("the" only opens "the
regime"; "is" only opens "is it any wonder"). Reading every word of every document once per
index cost more than anything they then did; a `WordScan` reads them once for all indexes and
keeps only the places where some match may begin. It is C-level iteration: no Python code runs
per word, only per place kept.
"""
from __future__ import annotations

from itertools import chain, compress, islice
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
        openings = [index.openings() for index in indexes]
        self.singles = frozenset().union(*(o.singles for o in openings))
        self.pairs = frozenset().union(*(o.pairs for o in openings))
        self.loose = frozenset().union(*(o.loose for o in openings))
        for index in indexes:
            index.scan = self

    def places(self, doc: Document) -> tuple[list[int], list[str], list[str]]:
        """Indexes of the words where a match of some index may begin, in order, those words,
        and the words after them ("" after the last word); computed once per document."""
        found = doc.memo.get(self)
        if found is None:
            norms, last = doc.word_norms, len(doc.word_norms) - 1
            following = islice(chain(norms, [""]), 1, None)
            begins = map(or_, map(self.singles.__contains__, norms), map(self.pairs.__contains__, zip(norms, following)))
            places = list(compress(range(len(norms)), begins))
            if self.loose:
                before_apostrophe = [i - 1 for i in doc.apostrophe_words if i and norms[i - 1] in self.loose]
                places = sorted(set(places).union(before_apostrophe)) if before_apostrophe else places
            found = doc.memo[self] = (places, [norms[i] for i in places], [norms[i + 1] if i < last else "" for i in places])
        return found
