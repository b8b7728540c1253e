"""Splitting text in bulk: into words (their normalised forms, starts and ends), and into lines.

A word is what ``\\w+(?:['’]\\w+)*`` matches with the ``regex`` module (see `document.WORD`): word
characters, joined by apostrophes. Splitting is the one step of linting that runs once for every
word of every text, so it is done in bulk: NumPy folds the case of every character and
classifies it at once, and only the word forms become Python objects. Below `VECTORIZE_FROM`
characters a regex split costs less than NumPy's fixed costs; and NumPy, which takes about 45 ms to import, is imported only once a run
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
VECTORIZE_FROM = 1_000  # characters; measured: NumPy is as fast at 500, 1.6× faster at 1,000, 4.3× at 10,000
NUMPY_AFTER = 300_000  # characters split by regex in this process, before NumPy takes over
_split_by_regex = 0  # characters split by regex so far in this process


def split_words(piece: str, offset: int) -> tuple[list[str], Sequence[int], Sequence[int], list[int]] | None:
    """The words of ``piece``: their normal forms (casefolded, curly apostrophes made straight),
    their starts and ends plus ``offset``, and the indexes of those holding an apostrophe
    ("it's"). None when folding makes some character more than one ("ß" is "ss"): the offsets
    of the folded text would not be the piece's."""
    global _split_by_regex
    if len(piece) >= VECTORIZE_FROM and _split_by_regex + len(piece) > NUMPY_AFTER:
        return _vectorized_split(piece, offset)
    _split_by_regex += len(piece)
    folded = normalize_word(piece)
    return _regex_split(folded, offset) if len(folded) == len(piece) else None


def normalize_word(text: str) -> str:
    """How words are compared: casefolded, with curly apostrophes made straight."""
    return text.replace("’", "'").casefold()


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


def _vectorized_split(piece: str, offset: int) -> tuple[list[str], array, array, list[int]] | None:
    np = _numpy()
    # "surrogatepass": a text given through the API may hold a lone surrogate (never a word character).
    codes = np.frombuffer(piece.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    folds, word_characters = _tables(codes)
    codes = folds[codes]
    if codes.max(initial=0) == UNFOLDABLE:
        return None
    # Whether each character is in a word, between two characters that are not (one before the
    # text, one after it): each place where that changes is a word's start or end. Few NumPy
    # calls, for each costs a microsecond or two whatever its size.
    in_word = np.zeros(len(codes) + 2, dtype=bool)
    in_word[1:-1] = word_characters[codes]
    apostrophes = np.flatnonzero(codes == ord("'")) + 1
    joining = apostrophes[in_word[apostrophes - 1] & in_word[apostrophes + 1]]  # between two word characters
    in_word[joining] = True
    edges = np.flatnonzero(in_word[1:] != in_word[:-1])
    with_apostrophe = np.unique(np.searchsorted(edges[0::2], joining - 1, side="right") - 1).tolist()
    spaced = np.where(in_word[1:-1], codes, ord(" "))
    edges = (edges + offset).astype(np.int64)
    return (spaced.tobytes().decode("utf-32-le", "surrogatepass").split(),
            array("q", edges[0::2].tobytes()), array("q", edges[1::2].tobytes()), with_apostrophe)


UNFOLDABLE = 0xFFFFFFFF  # in the table of folds: a character that folds to more than one
# By code point: its normal form (`normalize_word`), whether that is a word character for `regex`,
# and whether the two are known yet. Built on first use; a non-ASCII character is asked of
# Python and `regex` the first time a text holds it.
_folds = _word_characters = _known = None


def _tables(codes):
    """The tables of folds and of word characters, knowing every character of ``codes``."""
    np = _numpy()
    global _folds, _word_characters, _known
    if _folds is None:
        _folds = np.full(0x110000, UNFOLDABLE, dtype=np.uint32)
        _word_characters, _known = np.zeros(0x110000, dtype=bool), np.zeros(0x110000, dtype=bool)
        _learn(np.arange(128))
    non_ascii = codes[codes >= 128]
    if non_ascii.size and not _known[non_ascii].all():
        _learn(np.unique(non_ascii[~_known[non_ascii]]))
    return _folds, _word_characters


def _learn(codes) -> None:
    for code in codes.tolist():
        folded = normalize_word(chr(code))
        if len(folded) == 1:
            _folds[code] = ord(folded)
            _word_characters[ord(folded)] = WORD_CHARACTER.match(folded) is not None
        _known[code] = True


LINE_CHUNK = 1 << 20  # characters: a huge text is searched a part at a time, never copied whole


def line_starts(text: str) -> array:
    """Where each line of a text whose only line break is "\\n" starts: in bulk, without a Python
    object for each line (a million one-word lines held a million strings to be measured)."""
    np = _numpy()
    found = array("q", [0])
    for start in range(0, len(text), LINE_CHUNK):
        codes = np.frombuffer(text[start : start + LINE_CHUNK].encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        found.frombytes((np.flatnonzero(codes == ord("\n")) + (start + 1)).astype(np.int64).tobytes())
    return found
