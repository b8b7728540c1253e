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

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

import regex

def first_words(source: str, flags: int) -> frozenset[str] | None:
    """The words (casefolded) one of which every match of a pattern begins with, when the
    pattern spells them out: ``\\b(?:corrupt|crooked)\\s+...`` gives {corrupt, crooked}. None when
    it can begin otherwise (a class, a lookaround, a word that may go on: ``\\bhater``)."""
    leads = word_leads(source, flags)
    return None if leads is None else frozenset(leads)


@lru_cache(maxsize=256)
def word_leads(source: str, flags: int) -> dict[str, Followers | None] | None:
    """`first_words`, each with the words that may follow it in a match (after spaces, a hyphen
    or other punctuation, so the next word of the document), or None when the pattern does not
    spell them out: ``\\b(?:is|are)\\s+it\\b`` gives {is: {it}, are: {it}}."""
    flag = INLINE_FLAGS.match(source)
    at = flag.end() if flag else 0
    if flags & regex.VERBOSE or (flag and "x" in flag.group(1)):
        return None
    leads: dict[str, set[str] | None] = {}
    for a, b in _alternatives(source, at, len(source)):
        after_space = False
        while source.startswith(("(?<=", "(?<!"), a):  # a lookbehind only narrows where a match starts
            close = _closing(source, a)
            if close is None:
                return None
            after_space |= source.startswith("(?<=", a) and all(_ends_in_space(source, x, y) for x, y in _alternatives(source, a + 4, close))
            a = close + 1
        if not (source.startswith(r"\b", a) or after_space):
            return None
        spelled = _spelled(source, a, b, 2) or _spelled(source, a, b, 1)  # too many pairs: the first words
        if spelled is None:
            return None
        for text in spelled[0] | spelled[1]:
            first, space, rest = text.partition(" ")
            if not _is_word(first.removesuffix("|")) or not (space or first.endswith("|")):
                return None
            second = rest.partition(" ")
            following = second[0] + second[1] if _is_word(second[0].removesuffix("|")) else None
            word = first.removesuffix("|").casefold()
            if word in leads and leads[word] is None or following is None:
                leads[word] = None
            else:
                leads.setdefault(word, set()).add(following.replace("|", " ").casefold())
    return {word: following and Followers.of(following) for word, following in leads.items()}


@dataclass(frozen=True)
class Followers:
    """The words that may follow a first word: whole words, and beginnings of words."""
    whole: frozenset[str]
    beginnings: tuple[str, ...]

    @classmethod
    def of(cls, words: set[str]) -> "Followers":
        return cls(frozenset(w.rstrip() for w in words if w.endswith(" ")), tuple(w for w in words if not w.endswith(" ")))

    def admit(self, norm: str) -> bool:
        """Whether a document word (normalised) may be the next word: a whole word may go on
        after an apostrophe, where a regex's ``\\b`` also falls ("it" in "it's")."""
        return (norm in self.whole or norm.startswith(self.beginnings)
                or "'" in norm and any(norm[:k] in self.whole for k, c in enumerate(norm) if c == "'"))


def leading_lookbehind(source: str, flags: int) -> str | None:
    """The lookbehind a pattern's every match begins with, as a pattern of its own, when it is
    safe to try without a timeout: ``(?m)(?<=^|[.!?]\\s)`` for ``(?m)(?<=^|[.!?]\\s)(?:Is|Are)…``.
    Safe: no groups inside, and at most one unbounded quantifier, so a try costs time in
    proportion to its length. Trying it first is a cheap way to skip places where the pattern
    cannot match (a try with a timeout costs several times more)."""
    flag = INLINE_FLAGS.match(source)
    at = flag.end() if flag else 0
    if flags & regex.VERBOSE or (flag and "x" in flag.group(1)) or not source.startswith(("(?<=", "(?<!"), at):
        return None
    close = _closing(source, at)
    if close is None or len(_alternatives(source, at, len(source))) > 1:
        return None
    unbounded = 0
    for a, b in _alternatives(source, at + 4, close):
        for start, end, quantified in _elements(source, a, b):
            if source[start] == "(":
                return None
            quantity = _quantity(source, end, quantified)
            unbounded += quantity.startswith(("*", "+")) or quantity.endswith(",}")
    return None if unbounded > 1 else source[: close + 1]


def _is_word(text: str) -> bool:
    """Letters, with apostrophes only between them, as the document's words are."""
    return bool(SPELLED_WORD.fullmatch(text))


APOSTROPHES = ("[’']", "['’]")  # the classes of apostrophes a pattern spells, read as "'"
SPELLED_WORD = regex.compile(r"[a-zA-Z]+(?:'[a-zA-Z]+)*")
# Past this many ways a pattern may begin, it is not spelled out.
MOST_SPELLINGS = 10_000


def _spelled(s: str, i: int, end: int, words: int) -> tuple[set[str], set[str]] | None:
    """How matches of ``s[i:end]`` begin, spelled out up to ``words`` words: letters, "'" for a
    class of apostrophes, " " for something that ends a word and is followed by the next (spaces,
    a hyphen, punctuation), "|" for a word boundary after a letter. Two sets: the spellings that
    stop where the pattern goes on in a way they cannot spell (or at ``words`` words), and those
    of all of ``s[i:end]``. None when there are too many."""
    stopped: set[str] = set()
    going = {""}  # spellings of everything read so far
    for a, b, q in _elements(s, i, end):
        quantifier, once = _quantity(s, b, q), _spell_once(s, a, b, words)
        if once is None or quantifier not in ("", "{1}", "{1,1}", "?", "{0,1}") and not (quantifier in ("+", "{1,}") and once == (set(), {" "})):
            return stopped | going, set()
        ends, wholes = once
        if quantifier in ("?", "{0,1}"):
            wholes = wholes | {""}
        stopped |= _joined(going, ends)
        going = _joined(going, wholes)
        stopped |= {text for text in going if text.count(" ") >= words}
        going -= stopped
        if len(stopped) + len(going) > MOST_SPELLINGS:
            return None
    return stopped, going


def _joined(texts: set[str], options: set[str]) -> set[str]:
    """Each spelling followed by each option, a word boundary and a gap each written once."""
    joined = set()
    for text in texts:
        for option in options:
            if option.startswith("|") and not text[-1:].isalpha():
                option = option[1:]
            if option.startswith(" ") and text.endswith(("|", " ")):
                text = text.rstrip("|")
                option = option[1:] if text.endswith(" ") else option
            joined.add(text + option)
    return joined


def _spell_once(s: str, a: int, b: int, words: int) -> tuple[set[str], set[str]] | None:
    """`_spelled` for one element ``s[a:b]``, or None when it cannot be spelled."""
    if s.startswith(r"\b", a) and b == a + 2:
        return set(), {"|"}
    if b == a + 1 and s[a].isascii() and s[a].isalpha():
        return set(), {s[a]}
    if s[a:b] in APOSTROPHES:
        return set(), {"'"}
    if WORD_ENDING.fullmatch(s, a, b):
        return set(), {" "}
    opening = GROUP_OPENING.match(s, a)
    if s[a] != "(" or not opening or s.startswith("(?", a) and opening.end() == a + 1 or "x" in s[a : opening.end()]:
        return None  # not a group, or a lookaround, a comment, a condition, verbose
    ends, wholes = set(), set()
    for x, y in _alternatives(s, opening.end(), b - 1):
        spelled = _spelled(s, x, y, words)
        if spelled is None:
            return None
        ends |= spelled[0]
        wholes |= spelled[1]
    return ends, wholes


def _ends_in_space(s: str, i: int, end: int) -> bool:
    """Whether what ``s[i:end]`` matches ends with a space or a line start (``^``): a lookbehind
    so ending puts a match at the start of a word, as ``\\b`` would."""
    last = None
    for last in _elements(s, i, end):
        pass
    if last is None:
        return False
    a, b, q = last
    return s[a:b] in (r"\s", "^") and _quantity(s, b, q) in ("", "+", "{1,}")


def _quantity(s: str, b: int, q: int) -> str:
    """The quantifier ``s[b:q]`` without a lazy or possessive mark: "+" for "+?"."""
    return s[b : q - 1] if q - b > 1 and s[q - 1] in "?+" else s[b:q]


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
    the end of a part that one follows); or an apostrophe, since a word ended by one is a whole
    word of the document ("lil’ Marco") or one of its word parts ("o" of "o’neill",
    `Document.word_parts`). An ending that may be absent (``\\s*``, ``[’']?``) ends a word when
    what follows it does."""
    if j >= end:
        return whole_after
    ending = WORD_ENDING.match(s, j)
    after = ending.end() if ending else j + len(APOSTROPHES[0]) if s.startswith(APOSTROPHES, j) else None
    if after is None:
        return False
    quantifier = QUANTIFIER.match(s, after, end)
    if quantifier and (quantifier.group()[0] in "?*" or quantifier.group().startswith("{0")):
        return _ends_word(s, quantifier.end(), end, whole_after)
    return True



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
    """Sets of beginnings (casefolded) such that, for each set, some word of every match starts
    with one of them, found anywhere in the pattern: ``\\p{L}+-(?:hating|bashing)`` gives
    ({hating, bashing},); ``(?:like|akin\\s+to)\\s+(?:Hitler|Nazis?)`` gives one set for each
    group, both needed. A beginning that is a whole word (followed by a boundary, a space or a
    hyphen) ends with a space: {"nazi ", "nazis ", "hitler "}. None when no set can be read."""
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
    return tuple(dict.fromkeys(frozenset(word.casefold() for word in words) for words in found)) or None


def _required(s: str, i: int, end: int, at_word_start: bool = False, whole_after: bool = False) -> set[str] | None:
    """The rarest-looking set of beginnings some word of every match of ``s[i:end]`` starts with."""
    return max(_all_required(s, i, end, at_word_start, whole_after), key=_rarity, default=None)


def _all_required(s: str, i: int, end: int, at_word_start: bool = False, whole_after: bool = False) -> list[set[str]]:
    """Every set of beginnings that some word of every match of ``s[i:end]`` starts with: one
    for each element that is not optional and can be read (a group of one alternative is read
    as a sequence of its own). ``whole_after``: whether what follows ``s[i:end]`` ends a word
    (the ``\\b`` in ``(?P<match>…)\\b``)."""
    found = []
    for a, b, q in _elements(s, i, end):
        if s.startswith(r"\b", a) or s.startswith(("(?=", "(?!", "(?<=", "(?<!"), a):
            at_word_start = at_word_start or s.startswith(r"\b", a)  # zero-width
            continue
        optional = q > b and (s[b] in "?*" or s.startswith("{0", b))
        if not optional:
            starts = _sequence_starts(s, a, end, whole_after) if at_word_start else None
            found += [starts] if starts else []
            opening = GROUP_OPENING.match(s, a)
            if opening and not (s.startswith("(?", a) and opening.end() == a + 1):  # not a comment or condition
                alternatives = _alternatives(s, opening.end(), b - 1)
                ends_after = q == b and _ends_word(s, b, end, whole_after)  # a repeated group may go on
                if len(alternatives) == 1:
                    found += _all_required(s, opening.end(), b - 1, at_word_start, ends_after)
                elif not starts:  # a list of words whose beginnings already serve is not read again
                    parts = [_required(s, x, y, at_word_start, ends_after) for x, y in alternatives]
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
