"""Kind ``sentence``: whole sentences of a stated shape."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framelint.document import Document
from framelint.kinds.sentence import ASCII_LOWER, OPENERS, _holding, _in_capitals, _opens
from kind_helpers import found, problem

RALLY = "The crowd gathered at noon. Stop the tax now! The speeches lasted an hour and ended with cheers!\n"


def test_a_short_exclamation_is_reported_whole():
    assert found("sentence", "ends_with: ['!']\nmax_words: 8", RALLY) == [(1, 29, "Stop the tax now!")]


def test_a_closing_quote_after_the_punctuation_does_not_hide_it():
    text = 'The banner read "Stop the tax now!"\n'
    assert found("sentence", "ends_with: ['!']\nmax_words: 8", text) == [(1, 1, 'The banner read "Stop the tax now!"')]


def test_starts_with_must_open_the_sentence():
    fields = "starts_with: ['{stop,end}']"
    assert found("sentence", fields, RALLY) == [(1, 29, "Stop the tax now!")]
    assert found("sentence", fields, "We will not stop the protests.\n") == []


def test_starts_with_may_open_a_quotation_inside_the_sentence():
    text = 'Placards read \u201cStop the tax!\u201d and \u201cEnd the war\u201d.\n'
    assert found("sentence", "starts_with: [end]", text) == [(1, 1, text.strip())]
    assert found("sentence", "starts_with: [tax]", text) == []


def test_capitals_needs_every_letter_in_capitals_and_two_words():
    text = "NATO met in Riga. CLOSE THE BORDER NOW! STOP.\n"
    assert found("sentence", "capitals: true", text) == [(1, 19, "CLOSE THE BORDER NOW!")]


@pytest.mark.parametrize("text", ["NO WAR!", "ÇA SUFFIT!", "STRAẞE FREI", "Ⓐ ⓑ", "ǅ", "ᾳ", "ﬁ", "ß", "ª", "中文 口号", "É a", "1 2"])
def test_no_text_in_capitals_has_an_ascii_lower_case_letter(text):
    assert not (_in_capitals(text) and ASCII_LOWER.search(text))


def test_capitals_in_other_scripts_are_found():
    text = "On lisait partout. ÇA SUFFIT, ÉTAT POLICIER! Puis rien.\n"
    assert found("sentence", "capitals: true", text) == [(1, 20, "ÇA SUFFIT, ÉTAT POLICIER!")]


def test_a_cue_term_must_be_in_the_writers_voice_unless_quotes_are_included():
    text = '"There is no alternative," the minister said.\nThere is no alternative to the plan.\n'
    assert found("sentence", "terms: [no alternative]", text) == [(2, 1, "There is no alternative to the plan.")]
    assert found("sentence", "terms: [no alternative]\nquotes: include", text) == [
        (1, 1, '"There is no alternative," the minister said.'), (2, 1, "There is no alternative to the plan.")]


def test_every_stated_property_must_hold():
    fields = "terms: [only answer]\nends_with: ['!']"
    assert found("sentence", fields, "A wall is the only answer.\n") == []
    assert found("sentence", fields, "A wall is the only answer!\n") == [(1, 1, "A wall is the only answer!")]


@pytest.mark.parametrize(
    "fields,expected",
    [
        ("min_words: 2", "rules[0]: needs at least one of terms, starts_with, ends_with, capitals, max_words"),
        ("max_words: 2\nmin_words: 3", "rules[0].max_words: needs 1 <= min_words <= max_words"),
        ("ends_with: '!'", "rules[0].ends_with: must be a list, not a string"),
    ],
)
def test_bad_fields_are_named(fields, expected):
    assert problem("sentence", fields) == expected


TEXTS = st.text(alphabet=' .!?"“”«»-—\n\u00a0aAbB', max_size=40)


@settings(max_examples=300, deadline=None)
@given(text=TEXTS, data=st.data())
def test_opening_a_sentence_is_judged_as_from_the_whole_text_before_the_term(text, data):
    sentence_start = data.draw(st.integers(0, len(text)))
    start = data.draw(st.integers(sentence_start, len(text)))
    before = text[sentence_start:start].rstrip(" ")
    assert _opens(text, sentence_start, start) == (not before.strip(OPENERS + "-—") or before[-1] in OPENERS)


@settings(max_examples=300, deadline=None)
@given(text=TEXTS, strings=st.lists(st.sampled_from(["!", "?", "?!", "a.", "”", "b b"]), min_size=1, max_size=3))
def test_the_sentences_holding_a_string_are_those_it_occurs_in(text, strings):
    doc = Document(text)
    expected = [s for s in doc.sentences if any(x in text[s.start : s.end] for x in strings)]
    assert _holding(doc, tuple(strings)) == expected
