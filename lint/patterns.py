"""Regular expressions in rules: compiled with the ``regex`` module, run with a timeout.

A pattern may name a group ``match``; the finding then covers that group, not the whole match.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import regex

from .document import Document
from .kind import Fields


# Characters a pattern may scan, on top of one match attempt, for each ``--regex-timeout``.
SCAN_ALLOWANCE = 1_000_000
# A word-led pattern is tried at the places of its first words when they are rarer than one in
# this many characters; more often than that, one scan of the text costs less.
SPARSE = 300


@dataclass(frozen=True)
class PatternSet:
    patterns: tuple
    requires: frozenset[str]  # the document must contain one of these words for any to run
    # For each pattern, the words one of which every match begins with (casefolded), when the
    # pattern spells them out, else None: a document without any of them is not scanned.
    first_words: tuple

    def applies_to(self, doc: Document) -> bool:
        return not self.requires or not self.requires.isdisjoint(doc.vocabulary)

    def find(self, doc: Document, timeout: float) -> Iterator[tuple[int, int]]:
        """Yield (start, end) of each match; raises TimeoutError when a pattern runs too long.

        The timeout is per match, not per file: each search for the next match may take
        ``timeout`` seconds plus ``timeout`` per million characters it may have to scan, so a
        long file is not cut short while a pattern that backtracks catastrophically still stops."""
        text = doc.text
        for pattern, first_words in zip(self.patterns, self.first_words):
            if first_words and first_words.isdisjoint(doc.boundary_words):
                continue
            group = "match" if "match" in pattern.groupindex else 0
            for m in _matches(pattern, text, timeout):
                if m.end(group) > m.start(group):
                    yield m.start(group), m.end(group)


class PatternIndex:
    """The patterns of many rules, run together. A pattern whose matches begin with words it
    spells out is tried only where one of those words starts: one look-up per word of the
    document finds the places for all such patterns at once, instead of one scan of the text
    per pattern. The other patterns scan the text. The matches are the same either way."""

    def __init__(self, owned: list[tuple[object, PatternSet]]):
        self.owned = owned
        self.by_first_word: dict[str, list[tuple[int, int]]] = {}  # word -> [(owner, pattern)]
        for k, (_owner, patterns) in enumerate(owned):
            for j, words in enumerate(patterns.first_words):
                for word in words or ():
                    self.by_first_word.setdefault(word, []).append((k, j))

    def find(self, doc: Document, timeout: float, timed_out) -> Iterator[tuple[object, int, int]]:
        """Yield (owner, start, end) for each match, owner by owner; ``timed_out(owner)`` is
        called for an owner whose pattern ran too long (its other matches are still yielded)."""
        places = self._places(doc) if self.by_first_word else {}
        for k, (owner, patterns) in enumerate(self.owned):
            if not patterns.applies_to(doc):
                continue
            try:
                for j, pattern in enumerate(patterns.patterns):
                    where = places.get((k, j), ()) if patterns.first_words[j] else None
                    if where is not None and len(where) * SPARSE < len(doc.text):
                        matches = _matches_at(pattern, doc.text, where, timeout)
                    else:  # not word-led, or led by words as common as "the": scanning is faster
                        matches = _matches(pattern, doc.text, timeout)
                    group = "match" if "match" in pattern.groupindex else 0
                    for m in matches:
                        if m.end(group) > m.start(group):
                            yield owner, m.start(group), m.end(group)
            except TimeoutError:
                timed_out(owner)

    def _places(self, doc: Document) -> dict[tuple[int, int], list[int]]:
        """Where each word-led pattern may match: the starts of its first words, in order."""
        by_first, norms, starts, text = self.by_first_word, doc.word_norms, doc.word_starts, doc.text
        places: dict[tuple[int, int], list[int]] = {}
        for i in [i for i, norm in enumerate(norms) if norm in by_first]:
            for key in by_first[norms[i]]:
                places.setdefault(key, []).append(starts[i])
        # Where else a regex's \b falls before a letter or after one: at apostrophes inside
        # words ("neill" in "o'neill"); and "İ", which casefolds to "i" and a combining dot.
        extra = doc.word_parts
        for word, start in extra:
            for key in by_first.get(word, ()):
                places.setdefault(key, []).append(start)
        if extra:
            for positions in places.values():
                positions.sort()
        return places


def _matches(pattern, text: str, timeout: float):
    """``pattern.finditer(text)``, with the timeout for each search, not the whole scan."""
    pos = 0
    while pos <= len(text):
        m = pattern.search(text, pos, timeout=timeout * (1 + (len(text) - pos) / SCAN_ALLOWANCE))
        if m is None:
            return
        yield m
        pos = m.end() if m.end() > m.start() else m.end() + 1


def _matches_at(pattern, text: str, places, timeout: float):
    """The matches ``finditer`` would give, for a pattern that can only begin at ``places``."""
    reached = 0
    for pos in places:
        if pos >= reached and (m := pattern.match(text, pos, timeout=timeout)):
            yield m
            reached = m.end() if m.end() > m.start() else m.end() + 1


def first_words(source: str, flags: int) -> frozenset[str] | None:
    """The words (casefolded) one of which every match of a pattern begins with, when the
    pattern spells them out: ``\\b(?:corrupt|crooked)\\s+...`` gives {corrupt, crooked}. None when
    it can begin otherwise (a class, a lookaround, a word that may go on: ``\\bhater``)."""
    flag = INLINE_FLAGS.match(source)
    at = flag.end() if flag else 0
    if flags & regex.VERBOSE or (flag and "x" in flag.group(1)):
        return None
    found: set[str] = set()
    for a, b in _alternatives(source, at, len(source)):
        while source.startswith(("(?<=", "(?<!"), a):  # a lookbehind only narrows where a match starts
            a = (_closing(source, a) or b) + 1
        sub = _sequence_starts(source, a + 2, b) if source.startswith(r"\b", a) else None
        if sub is None or not all(word.endswith(" ") for word in sub):
            return None
        found |= sub
    return frozenset(word.rstrip().casefold() for word in found)


INLINE_FLAGS = regex.compile(r"\(\?([a-zA-Z]+)\)")
GROUP_OPENING = regex.compile(r"\((?:\?(?::|P<\w+>|<(?![=!])\w+>|[a-zA-Z]*-?[a-zA-Z]*:|>))?")


def _sequence_starts(s: str, i: int, end: int, whole_after: bool = False) -> set[str] | None:
    """Beginnings of what ``s[i:end]`` matches; a beginning that is a whole word (followed by a
    boundary, a space or a hyphen) ends with a space.
    ``whole_after``: whether what follows ``s[i:end]`` in the pattern ends a word."""
    while s.startswith(r"\b", i):
        i += 2
    if i >= end:
        return None
    if s[i].isascii() and s[i].isalpha():
        j = i
        while j < end and s[j].isascii() and s[j].isalpha():
            j += 1
        if j < end and s[j] in "*{" or j - 1 == i and s.startswith("?", j):
            return {s[i : j - 1]} if j - 1 > i else None
        if j < end and s[j] == "?":  # "haters?": "hater" or "haters"
            ending = " " if _ends_word(s, j + 1, end, whole_after) else ""
            return {s[i : j - 1] + ending, s[i:j] + ending}
        return {s[i:j] + " " if _ends_word(s, j, end, whole_after) else s[i:j]}
    opening = GROUP_OPENING.match(s, i)
    if not opening or s.startswith("(?", i) and opening.end() == i + 1:  # a lookaround, a comment
        return None
    close = _closing(s, i)
    if close is None or close > end:
        return None
    optional = close + 1 < end and (s[close + 1] in "?*" or s.startswith("{0", close + 1))
    repeated = close + 1 < end and s[close + 1] in "?*+{"
    found: set[str] = set()
    for a, b in _alternatives(s, opening.end(), close):
        sub = _sequence_starts(s, a, b, not repeated and _ends_word(s, close + 1, end, whole_after))
        if sub is None:
            return None
        found |= sub
    if optional:
        after = close + 2 if s[close + 1] in "?*" else s.index("}", close + 1) + 1
        after += after < end and s[after] in "?+"  # lazy or possessive
        rest = _sequence_starts(s, after, end, whole_after)
        if rest is None:
            return None
        found |= rest
    return found


WORD_ENDING = regex.compile(r"\\[sb]|[ \-]|\[(?:\\[sntr\-]|[ \-.,;:!?])+\]")


def _ends_word(s: str, j: int, end: int, whole_after: bool) -> bool:
    """Whether the pattern at ``j`` ends a word: a word boundary, a space or a hyphen (or ``j`` is
    the end of a part that one follows). A word ended by an apostrophe is one of the document's
    word parts (`word_parts`)."""
    return whole_after if j >= end else bool(WORD_ENDING.match(s, j))


def _closing(s: str, i: int) -> int | None:
    """Index of the parenthesis closing the group opened at ``i``."""
    depth = 0
    for k, c in _syntax(s, i, len(s)):
        depth += (c == "(") - (c == ")")
        if depth == 0:
            return k
    return None


def _alternatives(s: str, start: int, end: int) -> list[tuple[int, int]]:
    """The top-level alternatives of ``s[start:end]`` as (start, end) pairs."""
    parts, depth, begin = [], 0, start
    for k, c in _syntax(s, start, end):
        depth += (c == "(") - (c == ")")
        if c == "|" and depth == 0:
            parts.append((begin, k))
            begin = k + 1
    parts.append((begin, end))
    return parts


def _syntax(s: str, start: int, end: int) -> Iterator[tuple[int, str]]:
    """The parentheses and bars of ``s[start:end]`` that are syntax: not escaped, not in a class."""
    k = start
    while k < end:
        c = s[k]
        if c == "\\":
            k += 2
            continue
        if c == "[":  # a class; a "]" first in it ("[]a]", "[^]a]") is a member
            k += 1 + s.startswith("^", k + 1)
            k += s.startswith("]", k)
            while k < end and s[k] != "]":
                k += 2 if s[k] == "\\" else 1
        elif c in "()|":
            yield k, c
        k += 1


def parse_patterns(fields: Fields, name: str, required: bool = True) -> PatternSet:
    sources = fields.strings(name, **({} if required else {"default": []}))
    case = fields.get("case", str, "insensitive", choices=("sensitive", "insensitive"))
    flags = regex.V0 | (0 if case == "sensitive" else regex.IGNORECASE)
    compiled = []
    for i, source in enumerate(sources):
        try:
            compiled.append(regex.compile(source, flags))
        except regex.error as exc:
            raise fields.error((name, i), f"invalid regular expression: {exc}") from None
    requires = frozenset(w.casefold() for w in fields.strings("requires", default=[]))
    return PatternSet(tuple(compiled), requires, tuple(first_words(p.pattern, p.flags) for p in compiled))
