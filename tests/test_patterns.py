"""Pattern rules see a text a part at a time: a paragraph, or a part of a long one cut between sentences."""
import regex

from framelint.document import Document
from framelint.patterns import SHORT_TEXT, PatternIndex, PatternSet

PARAGRAPH = "The regime's corrupt elites met again. Critics called it a sham.\n\n"


def _find(pattern: str, text: str) -> list[tuple[int, int]]:
    index = PatternIndex([("rule", PatternSet.of((regex.compile(pattern, regex.IGNORECASE),)))])
    return [(start, end) for _rule, start, end in index.find(Document(text), 1.0, timed_out=None)]


def test_a_long_text_gives_every_match_a_scan_of_the_whole_text_gives():
    text = PARAGRAPH * (3 * SHORT_TEXT // len(PARAGRAPH))
    for pattern in (r"\bcorrupt\s+elites\b", r"\b(?:a|the)\s+\w+\b", r"(?<=\.\s)Critics\b"):
        expected = [m.span() for m in regex.finditer(pattern, text, regex.IGNORECASE)]
        assert _find(pattern, text) == expected and expected


def test_a_match_never_runs_across_a_paragraph_break_in_a_short_text_or_a_long_one():
    short = "It was a sham.\n\nWord one. A sham. Word two."
    assert _find(r"\bsham\.\s+Word", short) == [(28, 38)]
    long_paragraph = "Filler words here, " * (SHORT_TEXT // 19 + 1) + "a sham."  # one sentence: no cut inside
    text = long_paragraph + "\n\nWord one.\n\nA sham.\n\nWord two. A sham. Word three."
    across = [m.span() for m in regex.finditer(r"sham\.\s+Word", text)]
    assert len(across) == 3 and _find(r"\bsham\.\s+Word", text) == across[2:]
    scanned = "Not a sham\n\nWord, but a sham Word."  # a pattern led by an article and any word
    assert _find(r"\b(?:a|the)\s+\w+\s+Word\b", scanned) == [(22, 33)] and scanned[22:33] == "a sham Word"


def test_sharing_the_word_scan_a_pattern_still_begins_before_a_word_with_an_apostrophe():
    """A regex's \\b falls inside "it's", so "is it" matches in "is it's": the shared scan keeps
    the place although the next word, "it's", is not one the pattern spells out."""
    from framelint.termlist import Term, TermIndex
    from framelint.wordscan import WordScan

    text = "So is it’s meaning clear? Nobody asked whether it is."
    pattern = regex.compile(r"\b(?:is|are)\s+it\b", regex.IGNORECASE)
    index, terms = PatternIndex([("rule", PatternSet.of((pattern,)))]), TermIndex()
    terms.add(Term(("nobody",)), "terms")
    WordScan([terms, index])
    assert [(s, e) for _rule, s, e in index.find(Document(text), 1.0, timed_out=None)] == [(3, 8)]


def test_a_pattern_led_by_an_article_and_any_word_scans_the_text_and_finds_the_same():
    """Articles are too common to try a pattern at each; pairs such as "the best" are not."""
    scanned = r"\b(?:an?|the)\s+(?:\w+\s+){0,2}?expert\s+whose\b"
    paired = r"\bthe\s+(?:best|worst)\s+\w+"
    leads = PatternSet.of(tuple(regex.compile(p, regex.IGNORECASE) for p in (scanned, paired))).leads
    assert leads[0] is None and set(leads[1]) == {"the"}
    text = "He is an expert whose views matter, and the best expert whose work counts. A well known expert whose?"
    assert _find(scanned, text) == [(6, 21), (40, 61), (75, 100)]
    assert _find(paired, text) == [(40, 55)]


def test_the_parts_of_a_text_are_its_paragraphs_with_the_white_space_after_them():
    from framelint.patterns import _parts

    text = "  First one.\n\nSecond one,\nstill the second.\n \n\nThird.\n"
    parts = _parts(Document(text))
    assert [text[a:b] for a, b in zip(parts.starts, parts.ends)] == [
        "  First one.\n\n", "Second one,\nstill the second.\n \n\n", "Third.\n"]


def test_in_a_long_text_a_scanned_pattern_finds_its_words_in_whichever_part_they_are():
    """Parts without a word the pattern needs are not scanned."""
    filler = PARAGRAPH * (SHORT_TEXT // len(PARAGRAPH))
    text = filler + "An open-minded reader.\n\n" + filler * 2 + "Narrow-minded? Yes.\n\n" + filler
    pattern = r"\b\w+-minded\b"
    expected = [m.span() for m in regex.finditer(pattern, text, regex.IGNORECASE)]
    assert len(expected) == 2 and _find(pattern, text) == expected


def test_a_paragraph_longer_than_short_text_is_cut_between_sentences():
    from framelint.patterns import _parts

    sentence = "Filler words here, and more. "
    count = 3 * SHORT_TEXT // len(sentence)
    text = sentence * count  # one line: no paragraph break at all
    cut = _parts(Document(text))
    parts = list(zip(cut.starts, cut.ends))
    per_part = (SHORT_TEXT + 1) // len(sentence)  # sentences, each but the last with a space after it
    assert len(parts) == -(-count // per_part) and all(len(text[a:b].rstrip()) <= SHORT_TEXT for a, b in parts)
    assert all(text[a : a + len(sentence)] == sentence for a, _ in parts) and parts[-1][1] == len(text)
    assert _find(r"\bmore\.\s+Filler\b", text) == [m.span() for m in regex.finditer(r"more\.\s+Filler", text)
                                                     if not any(a < m.end() and m.start() < a for a, _ in parts[1:])]


def test_a_scanned_pattern_finds_a_word_it_needs_inside_a_word_with_an_apostrophe():
    """"don" is no word of "don't", but a regex's \\b sees it: its paragraph is scanned."""
    text = "Fine.\n\nThey don't know."
    assert _find(r"\b\w+\s+don\b", text) == [(7, 15)] and text[7:15] == "They don"


def test_a_sentence_longer_than_short_text_is_a_part_of_its_own():
    from framelint.patterns import _parts

    text = "Short one. Long" + " word" * (SHORT_TEXT // 5) + ".\n\nShort two."
    cut = _parts(Document(text))
    assert [text[a : a + 5] for a in cut.starts] == ["Short", "Long ", "Short"]
    assert cut.ends[1] - cut.starts[1] > SHORT_TEXT


def test_patterns_that_require_a_word_run_only_on_a_text_that_has_it_with_or_without_the_shared_scan():
    from framelint.wordscan import WordScan

    pattern = regex.compile(r"\bexpert\s+\w+", regex.IGNORECASE)
    for shared in (False, True):
        index = PatternIndex([("rule", PatternSet.of((pattern,), frozenset({"whose", "o"})))])
        if shared:
            WordScan([index])
        found = [(s, e) for _rule, s, e in index.find(Document("An expert opinion, whose?"), 1.0, timed_out=None)]
        assert found == [(3, 17)]
        assert not list(index.find(Document("An expert opinion, again."), 1.0, timed_out=None))
        assert list(index.find(Document("An expert opinion, O'Neill's."), 1.0, timed_out=None))  # "o" as a word part
