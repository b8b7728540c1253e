"""Kind ``repetition``: which repeats count, and which occurrence is reported."""
import pytest

import framelint
from framelint.kinds.repetition import _Tokens, stem
from kind_helpers import found, problem

INVASION = (
    "Officials call it migration.\n"
    "Residents call it an invasion.\n"
    "The invasion began in spring, and the invasions continue.\n"
)


@pytest.mark.parametrize(
    "word,expected",
    [("attacks", "attack"), ("attacked", "attack"), ("attacking", "attack"), ("parties", "party"),
     ("russia's", "russia"), ("class", "class"), ("is", "is"), ("lies", "lie"), ("speed", "speed"),
     ("speeds", "speed")],
)
def test_stem_strips_plural_possessive_and_verb_endings(word, expected):
    assert stem(word) == expected


def test_third_occurrence_within_the_window_is_reported():
    assert found("repetition", "min_count: 3\nwindow: 3", INVASION) == [(3, 39, "invasions")]


def test_report_from_one_reports_every_occurrence_of_the_run():
    assert found("repetition", "min_count: 3\nwindow: 3\nreport_from: 1", INVASION) == [
        (2, 22, "invasion"), (3, 5, "invasion"), (3, 39, "invasions")]


def test_occurrences_farther_apart_than_the_window_do_not_count():
    text = "The invasion began.\nTrade fell.\nPrices rose.\nThe invasion went on.\nThe invasion ended.\n"
    assert found("repetition", "min_count: 3\nwindow: 3", text) == []
    assert found("repetition", "min_count: 3", text) == [(5, 5, "invasion")]


def test_stop_words_short_words_and_extra_stopwords_are_not_counted():
    text = "The war and the war and the war. Our war, our war, our war.\n"
    assert found("repetition", "min_count: 3\nmin_length: 4", text) == []
    assert found("repetition", "min_count: 3\nmin_length: 3", text) == [(1, 29, "war"), (1, 38, "war"), (1, 47, "war"), (1, 56, "war")]
    assert found("repetition", "min_count: 3\nmin_length: 3\nstopwords: [war]", text) == []


def test_the_most_frequent_proper_nouns_are_the_subject_and_not_counted():
    text = ("Voters in Ohio met Harris on Monday. On Tuesday Harris spoke in Dayton, "
            "and on Wednesday Harris flew to Ohio.\n")
    assert found("repetition", "min_count: 3", text) == []
    assert found("repetition", "min_count: 3\nsubject_names: 0", text) == [(1, 90, "Harris")]


def test_attributed_quotation_is_not_counted_but_scare_quotes_are():
    quoted = 'The "invasion" is a myth. "It is an invasion, an invasion," said Mayor Kim Ruiz.\n'
    assert found("repetition", "min_count: 3", quoted) == []
    scare = 'The "invasion" goes on. The invasion, the invasion.\n'
    assert found("repetition", "min_count: 3", scare) == [(1, 43, "invasion")]


def test_the_longest_repeated_phrase_is_reported_not_its_words():
    text = "Open borders mean crime. Open borders mean debt. Open borders mean ruin.\n"
    assert found("repetition", "min_count: 3\nmax_words: 4", text) == [(1, 50, "Open borders mean")]


def test_a_phrase_never_runs_across_punctuation():
    text = "They cut taxes, jobs came back. They cut taxes; jobs came back. We cut taxes. Jobs, taxes.\n"
    assert found("repetition", "min_count: 3\nmin_words: 2\nmax_words: 3", text) == [(1, 68, "cut taxes")]


def test_with_terms_only_listed_terms_count_in_any_inflection():
    text = "The lie spread. Another lie followed. The lies, the lies.\n"
    assert found("repetition", "min_count: 3\nterms: [lie, lies]", text) == [(1, 43, "lies"), (1, 53, "lies")]
    assert found("repetition", "min_count: 3\nterms: [truth]", text) == []


def test_one_word_lookups_agree_with_the_per_word_lists():
    # Quotations back to back, a word right after one closes, a nested mark, several sentences.
    text = ('  "Lies," "more lies" and lies.\n\nHe said: “They ‘stole’ it.”Then "it" ended. '
            "The lie, the lie, the lie.\n")
    tokens = _Tokens(framelint.Document(text))
    words = range(len(tokens.doc.word_starts))
    assert [tokens.quote_of(k) for k in words] == tokens.quote
    assert [tokens.sentence_of(k) for k in words] == tokens.sentence


def test_listed_terms_in_attributed_quotations_do_not_count():
    text = 'The lie spread. "A lie, a lie," said Mayor Kim Ruiz. The lie.\n'
    assert found("repetition", "min_count: 3\nterms: [lie]", text) == []
    assert found("repetition", "min_count: 3\nterms: [lie]", text.replace(" said Mayor Kim Ruiz.", "")) == [
        (1, 27, "lie"), (1, 37, "lie")]


@pytest.mark.parametrize(
    "fields,expected",
    [
        ("min_count: 1", "rules[0].min_count: must be at least 2"),
        ("min_count: 2\nreport_from: 3", "rules[0].report_from: must be at most min_count (2)"),
        ("window: 0", "rules[0].window: must be at least 1 (sentences), or left out for the whole text"),
        ("min_words: 3\nmax_words: 2", "rules[0].max_words: must be at least 3"),
        ("min_count: two", "rules[0].min_count: must be a whole number, not a string"),
    ],
)
def test_bad_fields_are_named(fields, expected):
    assert problem("repetition", fields) == expected
