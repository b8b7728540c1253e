"""Quotations: which marks pair up, whether the text names a speaker for them, and whose voice
a span is in."""
import string
import sys
from types import SimpleNamespace

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from framelint.document import Document, Span
from framelint.quotations import SPEECH, SPEECH_PHRASES, SPEECH_VERBS, _names_speech, find_quotations
from framelint.voice import in_writer_voice


def quoted(text, blocks=None):
    return [(text[q.start : q.end], q.attributed) for q in find_quotations(Document(text, blocks=blocks))]


def test_a_text_without_quote_marks_has_no_quotations():
    assert quoted("The army said nothing.\n\nIt’s over, he wrote.") == []


def test_marks_pair_within_a_paragraph_only():
    text = 'He warned "this will end\n\nbadly" and left. “One\n\nTwo” said none.'
    assert quoted(text) == []
    # the straight quote left open in the first paragraph does not close in the second
    assert quoted('An "open one\n\n"closed" here.') == [('"closed"', False)]


def test_curly_quotes_nest_and_the_outermost_is_the_quotation():
    text = "She said “they called it “liberation” and ‘help’ on air” yesterday."
    assert quoted(text) == [("“they called it “liberation” and ‘help’ on air”", True)]
    assert quoted("Er sagte „nein“ dazu.") == [("„nein“", False)]


def test_apostrophes_are_not_single_quotes():
    text = "Russia’s ‘special operation’ hurt the soldiers’ families, 'they' say."
    assert quoted(text) == [("‘special operation’", True), ("'they'", True)]


def test_a_closing_quote_ends_its_paragraph_whatever_follows():
    # These blocks leave no space between paragraphs: the word right after a paragraph's last
    # mark must not keep that mark from closing the quotation.
    text = "The ‘plan’" + "it is"
    assert quoted(text, [Span(0, 10), Span(10, 15)]) == [("‘plan’", False)]


def test_marks_outside_every_paragraph_are_ignored():
    text = '"a" " b" "c"'
    assert quoted(text, [Span(0, 3), Span(9, 12)]) == [('"a"', False), ('"c"', False)]


def test_a_speech_verb_touching_the_quotation_names_a_speaker():
    assert quoted('They said"we stay" all along.') == [('"we stay"', True)]
    assert quoted('The "plan"said nothing new.') == [('"plan"', True)]
    assert quoted("“We stay,” according to him.") == [("“We stay,”", True)]


def test_only_a_whole_speech_word_names_a_speaker():
    assert quoted('The well-said "truth" and the unsaid "lies" won.') == [('"truth"', False), ('"lies"', False)]
    assert quoted('Her sayings were "wise" in a statements way.') == [('"wise"', False)]
    assert quoted('It was "done" In Their Statement.') == [('"done"', True)]


def test_case_folding_takes_long_s_and_dotted_capital_i():
    assert quoted("“We stay,” ſaid the mayor.") == [("“We stay,”", True)]
    assert quoted("“We stay,” İN A STATEMENT.") == [("“We stay,”", True)]
    assert quoted("“We stay,” asKed the mayor.") == [("“We stay,”", True)]  # Kelvin sign


def test_lowercasing_keeps_what_speech_candidate_relies_on():
    """SPEECH_CANDIDATE reads a text lowercased, in place of SPEECH: a character SPEECH takes for a
    letter must lowercase to that letter, one for one ("ſ" and "İ" do not, so _names_speech leaves
    them to SPEECH); what lowercases to a letter must be a word character; white space must not
    lowercase to a letter."""
    everything = "".join(map(chr, range(sys.maxunicode + 1)))
    letters = set(string.ascii_lowercase)
    for m in regex.finditer("[a-z]", everything, regex.IGNORECASE):
        assert m.group() in "ſİ" or m.group().lower() in letters, hex(ord(m.group()))
    assert regex.fullmatch(r"\w+", "".join(ch for ch in everything if ch.lower() in letters))
    assert not any(ch.lower() in letters for ch in regex.findall(r"\s", everything))


SPEECH_WORDS = SPEECH_VERBS + ["according to", "in a statement", "in his tweet", "In An Interview", "ſaid", "İn", "asKed"]
NEIGHBOURS = [" ", "  ", "\n", "\u00a0", "\u2028", "\x1c", "-", "_", "2", "½", "\u0301", "’", "'s", "x", "ß", "ﬆ", ",", "“", "”", ""]
parts = st.lists(st.one_of(st.sampled_from(SPEECH_WORDS), st.sampled_from(NEIGHBOURS), st.text(max_size=4)), max_size=12).map("".join)


@settings(max_examples=400, deadline=None)
@given(parts)
def test_names_speech_agrees_with_speech_search(part):
    assert _names_speech(part) == bool(SPEECH.search(part))


def test_speech_phrases_match_with_any_white_space():
    assert len(SPEECH_PHRASES) == 2
    for part in ["according\u00a0to", "in\u2028a statement", "in  their\tpost", "x in a post"]:
        assert _names_speech(part) and SPEECH.search(part)
    for part in ["in, a statement", "according-to", "in a postcard", "within a statement"]:
        assert not _names_speech(part) and not SPEECH.search(part)


def test_the_writers_voice_is_all_but_the_quotations_the_policy_skips():
    text = '"We stay," the mayor said. The "heroic" army stayed.'
    doc = Document(text)
    spans = [(text.index(word), text.index(word) + len(word)) for word in ("stay", "heroic", "army")]
    for policy, expected in [("skip-attributed", [False, True, True]), ("skip-all", [False, False, True]),
                             ("include", [True, True, True])]:
        assert [in_writer_voice(doc, SimpleNamespace(quotes=policy), *span) for span in spans] == expected
    assert in_writer_voice(Document("No quotations here."), SimpleNamespace(quotes="skip-all"), 0, 2)
