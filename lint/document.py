"""The document model: text as read, its lines, sentences, words and quotations.

Every offset in framelint is an index into ``Document.text`` (code points of the decoded text,
BOM removed, line endings kept as they are), so a finding's offsets can always be sliced back out
of the text and mapped to the line and column an editor shows.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cached_property

import regex

LINE_BREAK = regex.compile(r"\r\n|\r|\n")
PARAGRAPH_BREAK = regex.compile(r"(?:[ \t\f\v]*(?:\r\n|\r|\n)){2,}")
WORD = regex.compile(r"\w+(?:['’]\w+)*")

# A sentence ends at terminal punctuation, followed by closing quotes or brackets, then white
# space. Whether that really is the end is decided by `_is_sentence_end`.
SENTENCE_END = regex.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s)")
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sen rep gov gen col lt sgt capt cmdr adm maj st jr sr rev hon pres
    inc ltd co corp bros dept univ assn est approx vs etc al fig no nos vol pp ed eds
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    ave blvd rd mt ft""".split()
)
# "U.S.", "e.g.", single initials such as "J." in "J. Smith".
DOTTED_ABBREVIATION = regex.compile(r"(?:\b\p{L}\.){2,}$|\b(?!I\.)\p{Lu}\.$")

OPENING_QUOTES = {"“": "”", "«": "»", "„": "“", "‘": "’"}


@dataclass(frozen=True)
class Span:
    """A half-open range of character offsets into a document's text."""

    start: int
    end: int

    def contains(self, start: int, end: int) -> bool:
        return self.start <= start and end <= self.end


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    text: str
    norm: str  # casefolded, with curly apostrophes made straight


@dataclass(frozen=True)
class Quotation(Span):
    """A quoted span (the marks included) and whether a speaker is named for it."""

    attributed: bool


def normalize_word(word: str) -> str:
    return word.replace("’", "'").casefold()


class Document:
    """A decoded text with lazily computed structure; cheap to create, each view built once."""

    def __init__(self, text: str, path: str = "<string>", original: str | None = None):
        self.path = path
        self.text = text
        # The file's text before markup was masked out of ``text`` (same length, same offsets);
        # where directives such as suppression comments are read from.
        self.original = text if original is None else original

    @cached_property
    def line_starts(self) -> list[int]:
        return [0] + [m.end() for m in LINE_BREAK.finditer(self.text)]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset; columns count characters."""
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1

    @cached_property
    def words(self) -> list[Word]:
        return [Word(m.start(), m.end(), m.group(), normalize_word(m.group())) for m in WORD.finditer(self.text)]

    @cached_property
    def _word_starts(self) -> list[int]:
        return [w.start for w in self.words]

    def words_in(self, span: Span) -> list[Word]:
        lo = bisect.bisect_left(self._word_starts, span.start)
        hi = bisect.bisect_left(self._word_starts, span.end)
        return self.words[lo:hi]

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        """Every normalised word of the text, for cheap "does this rule apply at all" checks."""
        return frozenset(w.norm for w in self.words)

    @cached_property
    def paragraphs(self) -> list[Span]:
        spans, start = [], 0
        for brk in PARAGRAPH_BREAK.finditer(self.text):
            spans.append(Span(start, brk.start()))
            start = brk.end()
        spans.append(Span(start, len(self.text)))
        return [s for s in (_strip(self.text, p) for p in spans) if s.end > s.start]

    @cached_property
    def sentences(self) -> list[Span]:
        """Sentences in reading order. A paragraph break always ends a sentence; a single line
        break does not (hard-wrapped text), unless punctuation before it ends the sentence."""
        result = []
        for para in self.paragraphs:
            start = para.start
            for m in SENTENCE_END.finditer(self.text, para.start, para.end):
                if _is_sentence_end(self.text, m.start(), m.end()):
                    result.append(Span(start, m.end()))
                    start = m.end()
            result.append(Span(start, para.end))
        return [s for s in (_strip(self.text, s) for s in result) if s.end > s.start]

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_at(self, offset: int) -> Span:
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        if i < 0:
            return Span(0, 0)
        return self.sentences[i]

    @cached_property
    def quotations(self) -> list[Quotation]:
        from .quotations import find_quotations  # kept apart: it carries the speech-verb data

        return find_quotations(self)

    def quotation_at(self, start: int, end: int) -> Quotation | None:
        for q in self.quotations:
            if q.contains(start, end):
                return q
            if q.start > start:
                break
        return None


def _strip(text: str, span: Span) -> Span:
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def _is_sentence_end(text: str, punct_start: int, after: int) -> bool:
    """Decide whether terminal punctuation really ends a sentence (not "Mr.", "U.S.", "J.")."""
    if text[punct_start] == "." and text[punct_start:after].rstrip("\"'”’»)]") == ".":
        before = text[max(0, punct_start - 12) : punct_start + 1]
        word = regex.search(r"(\w+)\.$", before)
        if word and word.group(1).casefold() in ABBREVIATIONS:
            return False
        if DOTTED_ABBREVIATION.search(before):
            return False
    rest = text[after : after + 3].lstrip()
    return not rest or not rest[0].islower()
