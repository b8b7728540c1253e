"""Splitting text into normalised words, by regex or in bulk (NumPy): both give exactly the
words `document.WORD` finds in the normalised text, at the same offsets, or None when
normalising changes the offsets."""
from contextlib import contextmanager

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framelint import wordsplit
from framelint.document import Document
from framelint.wordsplit import VECTORIZE_FROM, WORD, normalize_word, split_words

TRICKY = [
    "it's", "o'neill's", "'quoted'", "rock 'n' roll", "a''b", "x'", "'x", "km²", "nai\u0308ve", "e\u0301",
    "\u200d", "Ⅻ", "٣", "_under_", "日本語", "ΣΊΣΥΦΟΣ", "💥", "x\U0001d7d8y", " ", "\n", "\r\n", "—", "«", "-", ".",
    "a\ud800b",  # a lone surrogate, which only a caller of the API can pass
    "It’s", "QUOTED", "Ǆemal", "Straße", "İstanbul", "ﬁne", "ΐ",  # the last four fold to longer texts
]
fragments = st.lists(st.one_of(st.sampled_from(TRICKY), st.text(max_size=8)), max_size=80).map("".join)


def expected(text: str, offset: int = 0) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start() + offset, m.end() + offset) for m in WORD.finditer(text)]


@contextmanager
def numpy_from_the_start(wanted: bool = True):
    """Whether NumPy splits a long text now, whatever this process has split before."""
    before = wordsplit.NUMPY_AFTER
    wordsplit.NUMPY_AFTER = 0 if wanted else 10**15
    try:
        yield
    finally:
        wordsplit.NUMPY_AFTER = before


def split(text: str, offset: int = 0) -> list[tuple[str, int, int]] | None:
    found = split_words(text, offset)
    if found is None:
        return None
    forms, starts, ends, with_apostrophe = found
    assert with_apostrophe == [k for k, form in enumerate(forms) if "'" in form]
    return list(zip(forms, starts, ends))


def normalised_words(text: str, offset: int = 0) -> list[tuple[str, int, int]] | None:
    folded = normalize_word(text)
    return expected(folded, offset) if len(folded) == len(text) else None


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=fragments, offset=st.integers(0, 10**9))
def test_short_and_long_texts_split_into_the_normalised_words_the_word_pattern_finds(text, offset):
    assert split(text, offset) == normalised_words(text, offset)
    long_text = (text + " ") * (VECTORIZE_FROM // (len(text) + 1) + 1)
    assert len(long_text) >= VECTORIZE_FROM
    for numpy in (True, False):
        with numpy_from_the_start(numpy):
            assert split(long_text, offset) == normalised_words(long_text, offset)


def test_a_character_that_folds_to_two_leaves_the_text_to_be_split_word_by_word():
    for text in ("The Straße is closed. " * 60, "A ﬁne day. " * 100):
        for numpy in (True, False):
            with numpy_from_the_start(numpy):
                assert split(text) is None
    with numpy_from_the_start():
        assert split("The Strasse is closed. " * 60)[:2] == [("the", 0, 3), ("strasse", 4, 11)]


def test_numpy_splits_long_texts_only_once_a_run_has_split_enough_text_to_repay_its_import():
    text = "One short article of a few words. " * 40
    with numpy_from_the_start(False):
        wordsplit.NUMPY_AFTER = wordsplit._split_by_regex + 2 * len(text)
        assert not _vectorized(text) and not _vectorized(text) and _vectorized(text)
        assert not _vectorized(text[: VECTORIZE_FROM - 1])  # too short to repay NumPy's fixed costs


def _vectorized(text: str) -> bool:
    before = wordsplit._split_by_regex
    split(text)
    return wordsplit._split_by_regex == before


def test_an_apostrophe_joins_two_word_characters_only():
    text = "it's 'quoted' o'neill's a''b x' 'y rock 'n' roll " * 40
    with numpy_from_the_start():
        found = split(text)
    assert split(text) == found
    assert found[:9] == [("it's", 0, 4), ("quoted", 6, 12), ("o'neill's", 14, 23), ("a", 24, 25), ("b", 27, 28),
                         ("x", 29, 30), ("y", 33, 34), ("rock", 35, 39), ("n", 41, 42)]


def test_characters_re_and_regex_disagree_on_split_as_regex_splits_them():
    """A combining mark is a word character for `regex` (not for `re`); "²" the other way round."""
    for text in ("a nai\u0308ve plan, area in km² here. ", "an easy one, all ascii and “quoted”. "):
        assert split(text) == expected(text)
        with numpy_from_the_start():
            assert split(text * 50) == expected(text * 50)


def test_a_long_document_tokenizes_like_a_short_one():
    sentence = "The “regime’s” plan, o’neill’s final talk — naïve? Ναι, 日本語 km² "
    with numpy_from_the_start():
        doc = Document(sentence * 60)
        doc.word_norms
    assert len(doc.text) >= VECTORIZE_FROM
    one = Document(sentence)
    width = len(sentence)
    assert doc.word_norms[: len(one.word_norms)] == one.word_norms
    assert [s - width for s in doc.word_starts[len(one.word_norms) : 2 * len(one.word_norms)]] == list(one.word_starts)


def test_a_text_split_in_pieces_has_the_words_of_the_whole():
    """Pieces are cut at white space, never inside a word, whichever way each piece is split."""
    from framelint.document import TOKENIZE_PIECE

    for sentence in ("Plain o’neill’s “quoted” naïve km² ", "Straße o’neill’s “quoted” naïve km² "):  # ß: word by word
        text = sentence * (3 * TOKENIZE_PIECE // len(sentence))
        for numpy in (True, False):
            with numpy_from_the_start(numpy):
                doc = Document(text)
                found = list(zip(doc.word_norms, doc.word_starts, doc.word_ends))
            assert found == [(m.group().replace("’", "'").casefold(), m.start(), m.end()) for m in WORD.finditer(text)]
            assert doc.apostrophe_words == [k for k, norm in enumerate(doc.word_norms) if "'" in norm]
