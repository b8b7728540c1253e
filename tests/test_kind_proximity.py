"""Kind ``proximity``: two term sets near each other, and the span reported for the pair."""
import pytest

from kind_helpers import found, problem

EITHER_OR = "first: [either]\nsecond: ['or {we,you}']\n"
TEXT = "Either we close the border or we lose the town.\n"


def test_terms_within_n_words_report_the_span_from_one_to_the_other():
    assert found("proximity", EITHER_OR + "within: 6", TEXT) == [(1, 1, "Either we close the border or we")]


def test_terms_farther_apart_than_within_are_not_a_pair():
    assert found("proximity", EITHER_OR + "within: 3", TEXT) == []


@pytest.mark.parametrize(
    "report,expected",
    [
        ("first", [(1, 1, "Either")]),
        ("second", [(1, 28, "or we")]),
        ("both", [(1, 1, "Either"), (1, 28, "or we")]),
        ("sentence", [(1, 1, "Either we close the border or we lose the town.")]),
    ],
)
def test_report_chooses_the_span(report, expected):
    assert found("proximity", EITHER_OR + f"within: 6\nreport: {report}", TEXT) == expected


def test_a_pair_within_n_words_never_spans_two_sentences():
    assert found("proximity", EITHER_OR + "within: 6", "We close the border, either.\nOr we lose the town.\n") == []


def test_order_first_then_second_rejects_the_reverse_order():
    text = "We lose the town, or we close the border either way.\n"
    assert found("proximity", EITHER_OR + "order: first-then-second", text) == []
    assert found("proximity", EITHER_OR + "order: any", text) == [(1, 19, "or we close the border either")]


def test_sentence_scope_pairs_only_terms_of_one_sentence():
    text = "Either way, the vote is close.\nOr we could wait a week.\n"
    fields = "first: [either]\nsecond: ['or we']\nscope: sentence"
    assert found("proximity", fields, text) == []
    assert found("proximity", fields, "Either way, the vote is close, or we could wait.\n") == [
        (1, 1, "Either way, the vote is close, or we")]


def test_an_unless_term_anywhere_in_the_sentence_cancels_the_pair():
    fields = EITHER_OR + "within: 6\nunless: [neither]"
    assert found("proximity", fields, "Either we close the border or we lose, and neither is good.\n") == []
    assert found("proximity", fields, TEXT + "Neither side spoke.\n") == [(1, 1, "Either we close the border or we")]


def test_a_term_in_attributed_speech_does_not_count():
    quoted = '"Either we close the border or we lose the town," said Mayor Eva Lind.\n'
    assert found("proximity", EITHER_OR + "report: sentence", quoted) == []


def test_braces_expand_in_both_lists_and_the_nearest_second_term_is_paired():
    fields = "first: ['{blamed,blames}']\nsecond: ['{migrants,bankers}']\nwithin: 4"
    text = "He blamed it on bankers, and later on migrants.\n"
    assert found("proximity", fields, text) == [(1, 4, "blamed it on bankers")]


@pytest.mark.parametrize(
    "fields,expected",
    [
        (EITHER_OR + "within: 3\nscope: sentence", "rules[0].scope: give either 'within' (words) or 'scope: sentence', not both"),
        (EITHER_OR + "within: -1", "rules[0].within: must be 0 or more (words between the two terms)"),
        (EITHER_OR + "report: middle", "rules[0].report: must be one of span, first, second, both, sentence, not 'middle'"),
        ("first: [either]", "rules[0]: missing required field 'second'"),
    ],
)
def test_bad_fields_are_named(fields, expected):
    assert problem("proximity", fields) == expected
