"""Properties that hold for any text, checked on random Unicode prose (hypothesis).

Random text alone rarely contains a rule's words, so the strategy mixes phrases the built-in
rules flag with random words, punctuation, quote marks and every kind of line break."""
import io
import sys

import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import framelint
from framelint.document import WORD, Document, normalize_word
from framelint.patterns import PatternIndex, PatternSet
from framelint.regexwords import first_words, required_words

PHRASES = [
    "heroic", "Heroic", "betrayal", "the regime’s", "reports emerged", "Sources say", "many in Kyiv",
    "according to Reuters", "as any good doctor knows", "either you are with us", "shameful", "outrage",
    "corrupt elites", "most corrupt", "O’Corrupt men", "o’neill’s", "Neills", "is it any wonder", "is it’s", "İS IT", "crooked-minded", "is\u0307 it",
    "is it", "Isn’t it so?", "isn't", "But why", "the most", "the single worst", "so-called", "Full stop.", "compared them to",
    "it's", "O'is it", "Lyin’ Ted", "lil' one", "o’ men", "elitesque", "the elite", "a few men", '"heroic"', "“betrayal,” she said.", "Mr.", "U.S.", "Straße", "ﬁnal", "İstanbul", "ΣΊΣΥΦΟΣ", "💥",
]
SEPARATORS = [" ", " ", " ", ", ", ". ", "! ", "? ", "\n", "\r\n", "\r", "\n\n", " — ", "-", "\t", "…", "«", "»"]

prose = st.lists(
    st.one_of(st.sampled_from(PHRASES), st.sampled_from(SEPARATORS), st.text(max_size=12)),
    max_size=60,
).map("".join)

BOUNDED = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
LINE_BREAK = regex.compile(r"\r\n|\r|\n")


def offset_of(text: str, line: int, column: int) -> int:
    """The offset an editor means by a 1-based line and column (CRLF, CR and LF end lines)."""
    starts = [0] + [m.end() for m in LINE_BREAK.finditer(text)]
    return starts[line - 1] + column - 1


@BOUNDED
@given(text=prose)
def test_findings_lie_inside_the_text_and_map_back_to_their_offsets(all_rules, text):
    for f in framelint.lint_text(text, rules=all_rules):
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start : f.end] == f.text
        assert offset_of(text, f.line, f.column) == f.start
        assert offset_of(text, f.end_line, f.end_column) == f.end


@BOUNDED
@given(text=prose)
def test_words_are_the_tokens_of_the_text(text):
    """The parallel word arrays agree with a plain tokenization, also where case folding
    changes a word's length ("Straße", "ﬁnal", "İstanbul")."""
    doc = Document(text)
    expected = [(m.start(), m.end(), normalize_word(m.group())) for m in WORD.finditer(text)]
    assert list(zip(doc.word_starts, doc.word_ends, doc.word_norms)) == expected
    assert [(w.start, w.end, w.text) for w in doc.words] == [(s, e, text[s:e]) for s, e, _ in expected]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=prose)
def test_a_file_by_path_gives_what_its_content_gives_through_stdin(all_rules, tmp_path, monkeypatch, text):
    path = tmp_path / "story.txt"
    data = text.encode("utf-8")
    path.write_bytes(data)
    (by_path,) = framelint.lint_paths([str(path)], all_rules)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    (by_stdin,) = framelint.lint_paths(["-"], all_rules, stdin_name=str(path))
    assert (by_stdin.path, by_stdin.findings, by_stdin.error) == (by_path.path, by_path.findings, by_path.error)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(texts=st.lists(prose, min_size=2, max_size=6))
def test_four_jobs_give_what_one_gives(all_rules, tmp_path_factory, texts):
    folder = tmp_path_factory.mktemp("stories")
    for i, text in enumerate(texts):
        (folder / f"story{i}.txt").write_bytes(text.encode("utf-8"))
    one = [(r.path, r.findings, r.error, r.notices) for r in framelint.lint_paths([str(folder)], all_rules, jobs=1)]
    four = [(r.path, r.findings, r.error, r.notices) for r in framelint.lint_paths([str(folder)], all_rules, jobs=4)]
    assert four == one


WORD_LED = [  # patterns that begin with words they spell out, so are tried only where those start
    r"\b(?P<match>(?:corrupt|crooked)[\-\s]\w+)",
    r"\b(?:is|are)\s+it\b",
    r"(?<!\bmost\s)\bcorrupt\b|\bneills?\b",
    r"\b(?:for\s+)?men\s|\bmany[\s,]",
    r"\b(?:is|isn[’']t)\s+it\b|\bso[\-\s]called\s+\w+",  # a first word tried only before its followers
    r"(?m)(?<=^|[.!?]\s)(?:(?:But|And)\s+)?(?:is|isn[’']t|why)\b[^.!?\n]{3,40}\?",  # a lookbehind ending in a space
    r"(?<=[.!]\s+)(?:Full\s+stop|End\s+of\s+story)[.!]",
    r"\bcompar(?:e|es|ed)\s+(?:\w+\s+){0,2}?to\b",
    r"\b(?:the\s+)?(?:(?:single|very)\s+)?(?:most|worst)\s+\w+",
    r"\b(?:the|a)\s+(?:\w+\s+)?(?:men|elites?)\b",  # led by words any word may follow; runs only where "men" or "elite" is
]
WORD_NEEDING = [  # patterns whose matches contain words they spell out: skipped in texts without them
    r"\b\p{L}+-(?:minded|hating)\b",
    r"(?:^|\s)\w+\s+(?:elites?|wonder)",
    r"\b(?P<match>\w+\s+(?:elites?|neills?))\b",  # the boundary after the group makes them whole words
    r"\b(?P<match>(?:Lyin[’']?|Lil[’'])\s+\w+)",  # a word ended by an apostrophe is whole, or a word part
    r"\b(?:o[’']|men)\s*\w+",
]


@BOUNDED
@given(text=prose, shared=st.booleans())
def test_patterns_skipping_texts_or_places_find_what_a_full_scan_finds(text, shared):
    """Alone, or sharing the scan of words with a term list (whose places it then also sees).
    Patterns see a text a paragraph at a time, with the white space after it."""
    from framelint.termlist import Term, TermIndex
    from framelint.wordscan import WordScan

    compiled = tuple(regex.compile(p, regex.IGNORECASE) for p in WORD_LED + WORD_NEEDING)
    assert all(first_words(p.pattern, p.flags) for p in compiled[: len(WORD_LED)])
    assert all(required_words(p.pattern, p.flags) for p in compiled[len(WORD_LED) :])
    index = PatternIndex([("rule", PatternSet.of(compiled))])
    if shared:
        terms = TermIndex()
        terms.add(Term(("the", "regime's")), "terms")
        WordScan([terms, index])
    doc = Document(text)
    found = [(start, end) for _rule, start, end in index.find(doc, 1.0, timed_out=None)]
    cuts = [0] + [paragraph.start for paragraph in doc.paragraphs[1:]] + [len(text)]
    expected = []
    for pattern in compiled:
        group = "match" if "match" in pattern.groupindex else 0
        for start, end in zip(cuts, cuts[1:]):
            expected += [m.span(group) for m in pattern.finditer(text, start, end) if m.end(group) > m.start(group)]
    assert found == expected


def _term_lists() -> list:
    """(term, owner) lists: phrases sharing first words, an owner with several terms (twice
    the same words, told apart by their suggestions), the same term for two owners,
    case-sensitive terms."""
    from framelint.termlist import Term

    owner = "one owner"  # the same object in every call
    lists = [[("heroic",), ("the", "regime's"), ("many", "in"), ("is", "it", "any", "wonder"), ("corrupt", "elites")],
             [("the", "regime's", "thugs"), ("o'neill's",), ("outrage",), ("sources", "say"), ("any",)],
             [("the",), ("the", "regime's"), ("heroic",), ("is", "it"), ("the",)],
             [("Heroic",), ("many",), ("many", "in"), ("the", "Regime's")]]
    return [[(Term(words, k == 3 and words[-1][0].isupper(), suggestion=str(n)),
              owner if k == 2 and n in (0, 1, 4) else (k, n % 2))
             for n, words in enumerate(terms)] for k, terms in enumerate(lists)]


def _term_indexes(shared: bool) -> list:
    """Shared, the indexes also share the scan with a pattern index."""
    from framelint.termlist import TermIndex
    from framelint.wordscan import WordScan

    indexes = []
    for entries in _term_lists():
        index = TermIndex()
        for term, owner in entries:
            index.add(term, owner)
        indexes.append(index)
    if shared:
        WordScan(indexes + [PatternIndex([("rule", PatternSet.of((regex.compile(WORD_LED[1], regex.I),)))])])
    return indexes


@BOUNDED
@given(text=prose)
def test_term_indexes_sharing_one_scan_find_what_each_finds_alone(text):
    """The shared scan keeps only the places where a term may begin (a lone first word, or a
    phrase's first two words), and sorts them out for each index; every occurrence is still
    found, at the end of a text too."""
    alone = [list(index.find(Document(text))) for index in _term_indexes(shared=False)]
    doc = Document(text)
    assert [list(index.find(doc)) for index in _term_indexes(shared=True)] == alone


@BOUNDED
@given(text=prose)
def test_a_term_index_finds_the_longest_term_of_each_owner_at_each_word(text):
    """Against a search term by term: at each word, each owner's longest term that begins
    there (of equally long ones, the first added), owners in the order of their shortest such
    term; between a phrase's words only spaces, line breaks or hyphens; case-sensitive terms as
    written."""
    from framelint.termlist import JOINER

    doc = Document(text)
    norms, starts, ends = doc.word_norms, doc.word_starts, doc.word_ends
    for added, index in zip(_term_lists(), _term_indexes(shared=True)):
        expected = []
        for i in range(len(norms)):
            longest = {}
            for term, owner in sorted(added, key=lambda entry: len(entry[0].words)):
                n = len(term.words)
                if (norms[i : i + n] == [w.casefold() for w in term.words]
                        and all(JOINER.fullmatch(text, ends[i + k - 1], starts[i + k]) for k in range(1, n))
                        and (not term.case_sensitive
                             or [text[starts[i + k] : ends[i + k]].replace("’", "'") for k in range(n)] == list(term.words))
                        and (id(owner) not in longest or longest[id(owner)][0] < ends[i + n - 1])):
                    longest[id(owner)] = (ends[i + n - 1], term, owner)
            expected += [(starts[i], end, term, owner) for end, term, owner in longest.values()]
        assert list(index.find(doc)) == expected
