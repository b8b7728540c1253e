"""The document model: positions as editors count them, sentences, quotations."""
import framelint
from framelint.document import WORD, Document


def find(text, **kw):
    return framelint.lint_text(text, rules=framelint.load_rules(**kw))


def test_columns_count_characters_after_curly_quotes_and_dashes():
    text = "“Quiet,” she said — yet the regime’s betrayal was plain.\n"
    (f,) = [f for f in find(text, select=["LL"]) if f.text == "betrayal"]
    assert (f.line, f.column, f.end_line, f.end_column) == (1, 38, 1, 46)
    assert text[f.start : f.end] == "betrayal"


def test_crlf_and_lone_cr_end_lines():
    text = "First line.\r\nSecond line.\rThe heroic crew returned.\r\n"
    (f,) = find(text, select=["LL201"])
    assert (f.line, f.column, f.text) == (3, 5, "heroic")


def test_non_latin_script_before_match():
    text = "Москва заявила: всё спокойно. The heroic crew returned."
    (f,) = find(text, select=["LL201"])
    assert (f.line, f.column) == (1, 35)


def test_sentences_keep_abbreviations_decimals_initials_and_closing_quotes():
    text = 'Mr. Smith met J. R. Brown in the U.S. on Jan. 5 and paid 3.5 million. "It is over." Then he left.'
    doc = Document(text)
    assert [text[s.start : s.end] for s in doc.sentences] == [
        "Mr. Smith met J. R. Brown in the U.S. on Jan. 5 and paid 3.5 million.",
        '"It is over."',
        "Then he left.",
    ]


def test_text_with_crlf_or_lone_cr_has_the_paragraphs_and_sentences_it_has_with_lf():
    """One "\r\n" is one line break, as one "\n" is: it wraps a line, it does not end a paragraph."""
    text = "A headline\n\nThe body starts here and\ncontinues here.\n \nA second paragraph.\n"
    expected = Document(text)
    for ending in ("\r\n", "\r"):
        doc = Document(text.replace("\n", ending))
        assert [doc.text[p.start : p.end].replace(ending, "\n") for p in doc.paragraphs] == [
            text[p.start : p.end] for p in expected.paragraphs]
        assert [doc.text[s.start : s.end].replace(ending, "\n") for s in doc.sentences] == [
            "A headline", "The body starts here and\ncontinues here.", "A second paragraph."]


def test_paragraph_break_ends_a_sentence_but_a_wrapped_line_does_not():
    text = "A headline without a full stop\n\nThe body starts here and\ncontinues on the next line."
    doc = Document(text)
    assert [text[s.start : s.end] for s in doc.sentences] == [
        "A headline without a full stop",
        "The body starts here and\ncontinues on the next line.",
    ]


def test_sentence_ends_with_lowercase_next_words_abbreviations_and_odd_spaces():
    text = "He left at 5 p.m. on Friday. Prof. Ng agreed! ok then. Was it? \x1c Yes. Approx. two. Etc.\u2003Done."
    doc = Document(text)
    assert [text[s.start : s.end] for s in doc.sentences] == [
        "He left at 5 p.m. on Friday.", "Prof. Ng agreed! ok then.", "Was it?", "Yes.", "Approx. two.", "Etc.\u2003Done.",
    ]


def test_words_are_the_same_where_re_and_regex_disagree_on_word_characters():
    """A combining mark is a word character for `regex` and not for `re`; "²" the other way
    round. A text holding either is split as `regex` splits it."""
    for text in ("A nai\u0308ve plan.", "Area in km² here.", "An easy one, all ASCII and “quoted”."):
        assert Document(text).word_norms == [w.casefold() for w in WORD.findall(text)]


def test_word_parts_are_the_pieces_a_regex_boundary_makes_at_apostrophes():
    """"o’neill’s" also holds "o", "neill", "neill's" and "s", at their own offsets; where case
    folding changes a word's length ("Straße's"), the pieces are cut from the text itself."""
    doc = Document("O’Neill’s don't Straße's")
    assert doc.word_parts == [("o", 0), ("neill", 2), ("neill's", 2), ("s", 8), ("don", 10), ("t", 14),
                              ("strasse", 16), ("s", 23)]


def test_apostrophe_is_not_a_quotation():
    doc = Document("Russia’s army and the soldiers’ families said nothing.")
    assert doc.quotations == []


def test_quotation_kinds_are_found():
    text = "He said “one”, then «two», then ‘three’ and \"four\"."
    doc = Document(text)
    assert [text[q.start : q.end] for q in doc.quotations] == ["“one”", "«two»", "‘three’", '"four"']


def test_attributed_quotation_is_reporting_not_framing():
    quoted = '"This is a betrayal of the wounded," said Olena Kovalenko, a nurse.'
    assert find(quoted, select=["LL201"]) == []


def test_scare_quotes_are_still_the_writers_framing():
    (f,) = find('The so-called "heroic" retreat left the wounded behind.', select=["LL201"])
    assert f.text == "heroic"


def test_a_long_text_finds_its_line_starts_in_bulk_as_a_short_one_does():
    from framelint.document import LINES_IN_BULK_FROM

    lines = ["“Quoted” — naïve", "", "日本語 😀 emoji", "a\ud800b", "last"]
    text = "\n".join(lines * (LINES_IN_BULK_FROM // 38 + 1)) + "\n"
    assert len(text) >= LINES_IN_BULK_FROM
    doc = Document(text)
    expected = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    assert list(doc.line_starts) == expected
    emoji = text.index("😀", len(text) // 2)
    assert doc.position(emoji) == (text.count("\n", 0, emoji) + 1, emoji - text.rfind("\n", 0, emoji))
