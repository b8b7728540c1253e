"""Splitting a piece of casefolded text into words: their forms, starts and ends.

A word is what ``\\w+(?:['’]\\w+)*`` matches with the ``regex`` module (see `document.WORD`): word
characters, joined by apostrophes. Splitting is the one step of linting that runs once for every
word of every text, so it is done in bulk: NumPy classifies every character at once, and only the
word forms become Python objects. Below `VECTORIZE_FROM` characters a regex split costs less than
NumPy's fixed costs; and NumPy, which takes about 45 ms to import, is imported only once a run
has more text to split than that time would save (`NUMPY_AFTER`): linting an article or two
never waits for it, an archive soon gains.
"""
from __future__ import annotations

import os
import re
from array import array
from collections.abc import Sequence
from itertools import accumulate

import regex

WORD = regex.compile(r"\w+(?:['’]\w+)*")
WORD_SPLIT = regex.compile(rf"({WORD.pattern})")
# The same split in the standard library's `re`, a quarter faster. The two modules disagree on
# whether some characters are word characters (combining marks, "²"), so it is used only on a
# text in which they agree on every character (`_regex_split`).
WORD_SPLIT_RE = re.compile(WORD_SPLIT.pattern)
NON_ASCII = re.compile(r"[^\x00-\x7f]")
WORD_CHARACTER = regex.compile(r"\w")
VECTORIZE_FROM = 1_000  # characters; measured: NumPy is 1.5× faster at 1,000, 2.7× at 10,000
NUMPY_AFTER = 300_000  # characters split by regex in this process, before NumPy takes over
_split_by_regex = 0  # characters split by regex so far in this process


def split_words(folded: str, offset: int) -> tuple[list[str], Sequence[int], Sequence[int], list[int]]:
    """The words of ``folded`` (a casefolded text with straight apostrophes): their forms, their
    starts and ends plus ``offset``, and the indexes of those holding an apostrophe ("it's")."""
    global _split_by_regex
    if len(folded) >= VECTORIZE_FROM and _split_by_regex + len(folded) > NUMPY_AFTER:
        return _vectorized_split(folded, offset)
    _split_by_regex += len(folded)
    return _regex_split(folded, offset)


def _regex_split(folded: str, offset: int) -> tuple[list[str], list[int], list[int], list[int]]:
    parts = _regex_splitter(folded).split(folded)
    bounds = list(accumulate(map(len, parts), initial=offset))
    forms = parts[1::2]
    return forms, bounds[1:-1:2], bounds[2::2], [k for k, form in enumerate(forms) if "'" in form]


def _regex_splitter(text: str):
    """WORD_SPLIT_RE when `re` and `regex` agree on which characters of ``text`` are word
    characters (on ASCII ones they always do), else WORD_SPLIT."""
    for char in set(NON_ASCII.findall(text)):
        if (re.match(r"\w", char) is None) != (WORD_CHARACTER.match(char) is None):
            return WORD_SPLIT
    return WORD_SPLIT_RE


def _numpy():
    """NumPy, imported on first use. Its linear-algebra library would start a thread per CPU
    at import, each spending processor time framelint never needs (it does no linear algebra):
    unless told otherwise, it gets one."""
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    import numpy

    return numpy


def _vectorized_split(folded: str, offset: int) -> tuple[list[str], array, array, list[int]]:
    np = _numpy()
    # "surrogatepass": a text given through the API may hold a lone surrogate (never a word character).
    codes = np.frombuffer(folded.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    # Whether each character is in a word, between two characters that are not (one before the
    # text, one after it): each place where that changes is a word's start or end. Few NumPy
    # calls, for each costs a microsecond or two whatever its size.
    in_word = np.zeros(len(codes) + 2, dtype=bool)
    in_word[1:-1] = _word_characters(codes)
    apostrophes = np.flatnonzero(codes == ord("'")) + 1
    joining = apostrophes[in_word[apostrophes - 1] & in_word[apostrophes + 1]]  # between two word characters
    in_word[joining] = True
    edges = np.flatnonzero(in_word[1:] != in_word[:-1])
    with_apostrophe = np.unique(np.searchsorted(edges[0::2], joining - 1, side="right") - 1).tolist()
    spaced = np.where(in_word[1:-1], codes, ord(" "))
    edges = (edges + offset).astype(np.int64)
    return (spaced.tobytes().decode("utf-32-le", "surrogatepass").split(),
            array("q", edges[0::2].tobytes()), array("q", edges[1::2].tobytes()), with_apostrophe)


_classes = None  # (is a word character, has been classified), by code point; built on first use


def _word_characters(codes):
    """Whether each code point is a word character for `regex`, from a table of every code
    point; a non-ASCII one is asked of `regex` the first time a text holds it."""
    np = _numpy()
    global _classes
    if _classes is None:
        is_word, known = np.zeros(0x110000, dtype=bool), np.zeros(0x110000, dtype=bool)
        is_word[:128] = [WORD_CHARACTER.match(chr(c)) is not None for c in range(128)]
        known[:128] = True
        _classes = is_word, known
    is_word, known = _classes
    non_ascii = codes[codes >= 128]
    if non_ascii.size and not known[non_ascii].all():
        new = np.unique(non_ascii[~known[non_ascii]])
        is_word[new] = [WORD_CHARACTER.match(chr(c)) is not None for c in new.tolist()]
        known[new] = True
    return is_word[codes]
