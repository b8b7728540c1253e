"""What a regular expression's source says about the words its matches begin with or contain.

Used to skip work, never to decide a match: a pattern ``\\b(?:corrupt|crooked)\\s+...`` can only
match where "corrupt" or "crooked" starts a word, so it need not scan a text without them. The
analysis is conservative: whatever it cannot read (a class, a backreference, verbose mode)
makes it give no answer, and the pattern is then run on everything.

Words are ASCII letters, casefolded; "whole" words are followed in the pattern by a word
boundary, a space or a hyphen. Word parts at apostrophes and "İ" are the document's concern
(`Document.word_parts`).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterator

import regex

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
    return _group_ends(s).get(i)


@lru_cache(maxsize=64)
def _group_ends(s: str) -> dict[int, int]:
    """Where each group of a pattern closes, by where it opens: one pass over the pattern."""
    ends, opened = {}, []
    for k, c in _syntax(s, 0, len(s)):
        if c == "(":
            opened.append(k)
        elif c == ")" and opened:
            ends[opened.pop()] = k
    return ends


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
    for m in SYNTAX.finditer(s, start, end):
        if m.group(1):
            yield m.start(), m.group(1)


def _class_end(s: str, k: int) -> int:
    """Index of the "]" closing the class opened at ``k``."""
    m = CLASS.match(s, k)
    return m.end() - 1 if m else len(s)


# A class: "[", then a "]" that is a member when it comes first ("[]a]", "[^]a]"), up to "]".
CLASS = regex.compile(r"\[\^?\]?(?:\\.|[^\]\\])*\]", regex.DOTALL)
SYNTAX = regex.compile(rf"\\.|{CLASS.pattern}|([()|])", regex.DOTALL)


def required_words(source: str, flags: int) -> tuple[frozenset[str], ...] | None:
    """Sets of beginnings (not always whole words) such that, for each set, some word of every
    match starts with one of them, found anywhere in the pattern: ``\\p{L}+-(?:hating|bashing)``
    gives ({hating, bashing},); ``(?:like|akin\\s+to)\\s+(?:Hitler|Nazis?)`` gives one set for
    each group, both needed. None when no such set can be read."""
    flag = INLINE_FLAGS.match(source)
    at = flag.end() if flag else 0
    if flags & regex.VERBOSE or (flag and "x" in flag.group(1)):
        return None
    alternatives = _alternatives(source, at, len(source))
    if len(alternatives) == 1:
        found = _all_required(source, at, len(source))
    else:
        parts = [_required(source, a, b) for a, b in alternatives]
        found = [] if None in parts else [set().union(*parts)]
    return tuple(dict.fromkeys(frozenset(word.rstrip().casefold() for word in words) for words in found)) or None


def _required(s: str, i: int, end: int, at_word_start: bool = False) -> set[str] | None:
    """The rarest-looking set of beginnings some word of every match of ``s[i:end]`` starts with."""
    return max(_all_required(s, i, end, at_word_start), key=_rarity, default=None)


def _all_required(s: str, i: int, end: int, at_word_start: bool = False) -> list[set[str]]:
    """Every set of beginnings that some word of every match of ``s[i:end]`` starts with: one
    for each element that is not optional and can be read (a group of one alternative is read
    as a sequence of its own)."""
    found = []
    for a, b, q in _elements(s, i, end):
        if s.startswith(r"\b", a) or s.startswith(("(?=", "(?!", "(?<=", "(?<!"), a):
            at_word_start = at_word_start or s.startswith(r"\b", a)  # zero-width
            continue
        optional = q > b and (s[b] in "?*" or s.startswith("{0", b))
        if not optional:
            starts = _sequence_starts(s, a, end) if at_word_start else None
            found += [starts] if starts else []
            opening = GROUP_OPENING.match(s, a)
            if opening and not (s.startswith("(?", a) and opening.end() == a + 1):  # not a comment or condition
                alternatives = _alternatives(s, opening.end(), b - 1)
                if len(alternatives) == 1:
                    found += _all_required(s, opening.end(), b - 1, at_word_start)
                elif not starts:  # a list of words whose beginnings already serve is not read again
                    parts = [_required(s, x, y, at_word_start) for x, y in alternatives]
                    found += [] if None in parts else [set().union(*parts)]
        if not (optional and at_word_start and _ends_word_always(s, a, b)):  # else: still at a word start
            at_word_start = bool(WORD_ENDING.fullmatch(s, a, b)) and not (q > b and s[b] in "?*")
    return found


def _ends_word_always(s: str, a: int, b: int) -> bool:
    """Whether the element ``s[a:b]`` is a group every alternative of which ends a word (with a
    space, a boundary or a hyphen), as ``(?:the\\s+|new\\s+)`` does: after it, as before it when it
    is optional and so may be skipped, the next element starts a word."""
    opening = GROUP_OPENING.match(s, a)
    if not opening or opening.end() == a + 1 and s.startswith("(?", a):
        return False
    for x, y in _alternatives(s, opening.end(), b - 1):
        last = None
        for last in _elements(s, x, y):
            pass
        if last is None or not WORD_ENDING.fullmatch(s, last[0], last[1]) or last[2] > last[1] and s[last[1]] in "?*":
            return False
    return True


def _rarity(beginnings: set[str]) -> int:
    """Longer beginnings are rarer words: the shortest one stands for the set."""
    return min(len(word.rstrip()) for word in beginnings)


def _elements(s: str, i: int, end: int) -> Iterator[tuple[int, int, int]]:
    """(start, end, end with quantifier) of each element of the sequence ``s[i:end]``."""
    k = i
    while k < end:
        if s[k] == "\\":
            close = s.find("}", k) if s.startswith("{", k + 2) and s[k + 1] in "pPN" else -1
            b = close + 1 if close > 0 else k + 2
        elif s[k] == "[":
            b = _class_end(s, k) + 1
        elif s[k] == "(":
            b = (_closing(s, k) or end - 1) + 1
        else:
            b = k + 1
        quantifier = QUANTIFIER.match(s, b, end)
        q = quantifier.end() if quantifier else b
        yield k, b, q
        k = q


QUANTIFIER = regex.compile(r"(?:[?*+]|\{\d*(?:,\d*)?\})[?+]?")
