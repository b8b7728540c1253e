"""Paragraphs and sentences are split exactly as a plain reference splitter splits them.

`Document` finds most sentence ends with patterns of the standard library's `re` that decide
from ASCII characters, and leaves the rest to `_is_sentence_end`. TEST ORACLE below: the earlier,
straightforward implementation (a `regex` scan of each paragraph, every candidate end decided by
`_is_sentence_end`), kept here only to compare with, on random text made of the fragments where
the two could part: abbreviations, initials, closers, odd white space, lower-case continuations."""

import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framelint.document import SENTENCE_OPENERS, Document, Span, _is_sentence_end, _stripped

# --- TEST ORACLE: the reference implementation (do not use outside this test) ----------------
ORACLE_PARAGRAPH_BREAK = regex.compile(r"(?:\r\n|\r(?!\n)|\n)(?:[ \t\f\v]*(?:\r\n|\r(?!\n)|\n))+")
ORACLE_SENTENCE_END = regex.compile(r"(?P<end>[.!?…]+[\"'”’»)\]]*)(?=\s)[\s\x1c-\x1f]+")


def oracle_paragraphs(text: str, blocks: list[Span] | None) -> list[Span]:
    spans = []
    for block in blocks if blocks is not None else [Span(0, len(text))]:
        start = block.start
        for brk in ORACLE_PARAGRAPH_BREAK.finditer(text, block.start, block.end):
            spans.append(_stripped(text, start, brk.start()))
            start = brk.end()
        spans.append(_stripped(text, start, block.end))
    return [s for s in spans if s is not None]


def oracle_sentences(text: str, blocks: list[Span] | None) -> list[Span]:
    result = []
    for para in oracle_paragraphs(text, blocks):
        start = para.start
        for m in ORACLE_SENTENCE_END.finditer(text, para.start, para.end):
            punctuation, end = m.span(1)
            if _is_sentence_end(text, punctuation, end):
                result.append(Span(start, end))
                start = m.end()
        result.append(Span(start, para.end))
    return result
# --- end of the test oracle --------------------------------------------------------------------


WORDS = [
    "Mr", "mr", "MRS", "Dr", "St", "no", "No", "Approx", "approxi", "etc", "Jan", "Sept", "vs", "al", "ſt", "fİg",
    "ﬅ", "Ko", "U.S", "u.s", "e.g", "J", "I", "A", "é", "É", "x", "J. R", "O'Neill", "said", "Straße", "Москва",
    "3", "3.5", "_", "ab1", "word", "longerword", "a\u0301b", "²", "Ⅳ", "ⅰ", "ª", "ʰ", "ǅ", "💥", "©", "",
]
PUNCTUATION = [".", ".", ".", "!", "?", "?!", "…", "...", "..", ".!", "!.", "?.", ""]
CLOSING = ["", "", "”", "’", ")", "]", '"', "'", "»", ".”", "”)"]
SPACES = [
    " ", " ", "  ", "   ", "\t", "\n", "\n\n", "\n \n", "\r\n", "\r\n\r\n", "\r", "\n\r", "\x0b", "\x0c",
    "\x1c", " \x1d", "\x1e", "\x1f", "\x85", "\xa0", "\u2003", "\u2028", "\u2029", "\u3000", "\u200b", "\ufeff", "",
]
STARTS = [
    "He", "he", "the", "Then", "“Yes", "“yes", "‘no", "«Oui", "„Ja", "— and", "– so", "…", "3", "(", "[", "-", "ª", "é", "É",
]
# Word, punctuation, closers, white space: where a sentence may end, and what starts the next.
ending = st.tuples(*map(st.sampled_from, (WORDS, PUNCTUATION, CLOSING, SPACES, STARTS))).map("".join)
pieces = st.one_of(ending, *map(st.sampled_from, (WORDS, PUNCTUATION, CLOSING, SPACES)), st.text(max_size=4))
texts = st.lists(pieces, max_size=20).map("".join)


@st.composite
def texts_and_blocks(draw):
    """A text, and either no blocks or sorted, adjacent blocks cut at random places (as markup
    cuts them, also inside words and runs of punctuation)."""
    text = draw(texts)
    if draw(st.booleans()):
        return text, None
    cuts = sorted(set(draw(st.lists(st.integers(0, len(text)), max_size=5))) | {0, len(text)})
    return text, [Span(a, b) for a, b in zip(cuts, cuts[1:])]


def spans(found):
    return [(s.start, s.end) for s in found]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=texts_and_blocks())
def test_paragraphs_and_sentences_are_the_reference_splitters(case):
    text, blocks = case
    doc = Document(text, blocks=blocks)
    assert spans(doc.paragraphs) == spans(oracle_paragraphs(text, blocks))
    assert spans(doc.sentences) == spans(oracle_sentences(text, blocks))


def test_sentence_openers_are_not_lower_case():
    assert not any(c.islower() or c.isspace() or c.isascii() for c in SENTENCE_OPENERS)


def test_hard_cases_split_as_the_reference_does():
    for text in [
        "He met Mr. Smith. Then Mrs. Jones. and Dr.  Who.", "In the U.S. It grew. In the u.s. it did.",
        "J. Smith and I. Then A. B. Jones.", "ſt. Louis. fİg. Five.",
        "Approx. two. Approx. Two. approxi. Three. Etc.\u2003Done. Etc.  he. Etc.   he.",
        "Go!  “Yes,” he said. ‘no. «Oui.» Ok.)  Then… so.", "One.\x1c Two. \x1dThree.\n\nFour.\r\nFive.\n \nSix.",
        "Straße. Done. a\u0301b. Next. ². Next. Ⅳ. ⅰ. ª. ʰ. 💥. Ab1. ab1. _. Next.", "…. ?!. .. . .Next",
    ]:
        doc = Document(text)
        assert spans(doc.sentences) == spans(oracle_sentences(text, None)), text
