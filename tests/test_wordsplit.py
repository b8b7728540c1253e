"""Splitting casefolded text into words, short texts by regex and long ones in bulk (NumPy):
both give exactly the words `document.WORD` finds, at the same offsets."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framelint.document import Document
from framelint.wordsplit import VECTORIZE_FROM, WORD, split_words

TRICKY = [
    "it's", "o'neill's", "'quoted'", "rock 'n' roll", "a''b", "x'", "'x", "km²", "nai\u0308ve", "e\u0301",
    "\u200d", "Ⅻ", "٣", "_under_", "日本語", "ΣΊΣΥΦΟΣ", "💥", "x\U0001d7d8y", " ", "\n", "\r\n", "—", "«", "-", ".",
]
fragments = st.lists(st.one_of(st.sampled_from(TRICKY), st.text(max_size=8)), max_size=80).map("".join)


def expected(text: str, offset: int = 0) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start() + offset, m.end() + offset) for m in WORD.finditer(text)]


def split(text: str, offset: int = 0) -> list[tuple[str, int, int]]:
    forms, starts, ends, with_apostrophe = split_words(text, offset, {})
    assert with_apostrophe == [k for k, form in enumerate(forms) if "'" in form]
    return list(zip(forms, starts, ends))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=fragments, offset=st.integers(0, 10**9))
def test_short_and_long_texts_split_into_the_words_the_word_pattern_finds(text, offset):
    text = text.replace("’", "'").casefold()
    assert split(text, offset) == expected(text, offset)
    long_text = (text + " ") * (VECTORIZE_FROM // (len(text) + 1) + 1)
    assert len(long_text) >= VECTORIZE_FROM
    assert split(long_text, offset) == expected(long_text, offset)


def test_an_apostrophe_joins_two_word_characters_only():
    text = "it's 'quoted' o'neill's a''b x' 'y rock 'n' roll " * 40
    assert split(text)[:9] == [("it's", 0, 4), ("quoted", 6, 12), ("o'neill's", 14, 23), ("a", 24, 25), ("b", 27, 28),
                               ("x", 29, 30), ("y", 33, 34), ("rock", 35, 39), ("n", 41, 42)]


def test_characters_re_and_regex_disagree_on_split_as_regex_splits_them():
    """A combining mark is a word character for `regex` (not for `re`); "²" the other way round."""
    for text in ("a nai\u0308ve plan, area in km² here. ", "an easy one, all ascii and “quoted”. "):
        assert split(text) == expected(text)
        assert split(text * 50) == expected(text * 50)


def test_repeated_words_share_one_object():
    forms, _, _, _ = split_words("the cat and the hat " * 100, 0, {})
    assert forms[0] is forms[3] is forms[-2]


def test_a_long_document_tokenizes_like_a_short_one():
    sentence = "The “regime’s” plan, o’neill’s final talk — naïve? Ναι, 日本語 km² "
    doc = Document(sentence * 60)
    assert len(doc.text) >= VECTORIZE_FROM
    one = Document(sentence)
    width = len(sentence)
    assert doc.word_norms[: len(one.word_norms)] == one.word_norms
    assert [s - width for s in doc.word_starts[len(one.word_norms) : 2 * len(one.word_norms)]] == one.word_starts
