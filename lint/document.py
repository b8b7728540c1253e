"""The document model: text as read, its lines, sentences, words and quotations.

Every offset in framelint is an index into ``Document.text`` (code points of the decoded text,
BOM removed, line endings kept as they are), so a finding's offsets can always be sliced back out
of the text and mapped to the line and column an editor shows.
"""
from __future__ import annotations

import bisect
from array import array
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate

import regex

LINE_BREAK = regex.compile(r"\r\n|\r|\n")
PARAGRAPH_BREAK = regex.compile(r"(?:[ \t\f\v]*(?:\r\n|\r|\n)){2,}")
WORD = regex.compile(r"\w+(?:['’]\w+)*")
WORD_SPLIT = regex.compile(rf"({WORD.pattern})")
SPACE = regex.compile(r"\s")
APOSTROPHE = regex.compile("['’]")
# Texts are tokenized in pieces of about this many characters, so that a huge file never holds
# a Python object for every word and every gap at once.
TOKENIZE_PIECE = 1 << 20

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
WORD_BEFORE_DOT = regex.compile(r"(\w+)\.$")

OPENING_QUOTES = {"“": "”", "«": "»", "„": "“", "‘": "’"}


@dataclass(frozen=True)
class Span:
    """A half-open range of character offsets into a document's text."""

    start: int
    end: int

    def contains(self, start: int, end: int) -> bool:
        return self.start <= start and end <= self.end


@dataclass(frozen=True, slots=True)
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

    def __init__(self, text: str, path: str = "<string>", original: str | None = None,
                 blocks: list[Span] | None = None, quoted: list[Span] = ()):
        self.path = path
        self.text = text
        # The file's text before markup was masked out of ``text`` (same length, same offsets);
        # where directives such as suppression comments are read from.
        self.original = text if original is None else original
        # From markup: sorted, disjoint regions no paragraph crosses (a heading, a list item, a
        # table cell ends a sentence even without a blank line); None means the whole text.
        self.blocks = blocks
        # From markup: sorted, disjoint spans marked up as quoted from another source (block
        # quotes), so treated as attributed quotations.
        self.quoted = list(quoted)

    @cached_property
    def line_starts(self) -> list[int]:
        return [0] + [m.end() for m in LINE_BREAK.finditer(self.text)]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset; columns count characters."""
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1

    @cached_property
    def words(self) -> list[Word]:
        """Every word as an object; for kinds that want them. The built-in matchers read the
        parallel arrays (``word_norms``, ``word_starts``, ``word_ends``) instead."""
        text = self.text
        return [Word(s, e, text[s:e], n) for n, s, e in zip(self.word_norms, self.word_starts, self.word_ends)]

    @cached_property
    def _tokens(self) -> tuple[list[str], array, array]:
        """Each word's normalised form, start and end, as three parallel arrays: no object per
        word, and normalised forms shared between repeats, so large texts stay fast and small."""
        norms: list[str] = []
        starts, ends = array("q"), array("q")
        shared: dict[str, str] = {}
        text, start = self.text, 0
        while start < len(text):
            cut = SPACE.search(text, min(start + TOKENIZE_PIECE, len(text)))  # never inside a word
            end = cut.start() if cut else len(text)
            piece = text[start:end]
            folded = piece.replace("’", "'").casefold()
            if len(folded) == len(piece):  # folding kept every offset (it nearly always does)
                parts = WORD_SPLIT.split(folded)
                bounds = list(accumulate(map(len, parts), initial=start))
                norms.extend(map(shared.setdefault, parts[1::2], parts[1::2]))
                starts.extend(bounds[1:-1:2])
                ends.extend(bounds[2::2])
            else:  # "ß" folds to "ss": normalise word by word
                for m in WORD.finditer(piece):
                    norm = normalize_word(m.group())
                    norms.append(shared.setdefault(norm, norm))
                    starts.append(start + m.start())
                    ends.append(start + m.end())
            start = end
        return norms, starts, ends

    @property
    def word_norms(self) -> list[str]:
        """Casefolded words with curly apostrophes made straight, in text order."""
        return self._tokens[0]

    @property
    def word_starts(self) -> array:
        return self._tokens[1]

    @property
    def word_ends(self) -> array:
        return self._tokens[2]

    def word_range(self, span: Span) -> range:
        """Indexes of the words that start inside ``span``."""
        starts = self.word_starts
        return range(bisect.bisect_left(starts, span.start), bisect.bisect_left(starts, span.end))

    def words_in(self, span: Span) -> list[Word]:
        found = self.word_range(span)
        return self.words[found.start : found.stop]

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        """Every normalised word of the text, for cheap "does this rule apply at all" checks."""
        return frozenset(self.word_norms)

    @cached_property
    def word_parts(self) -> list[tuple[str, int]]:
        """(normalised part, start) for the parts of words a regex's ``\\b`` can begin or end,
        other than whole words: at an apostrophe inside a word ("o'neill" also holds "o" and
        "neill"); and "İ" as the "i" a case-insensitive regex takes it for (it casefolds to "i"
        and a combining dot)."""
        norms, starts, ends, text = self.word_norms, self.word_starts, self.word_ends, self.text
        parts = []
        for i in [i for i, norm in enumerate(norms) if "'" in norm]:
            cuts = [starts[i] - 1] + [m.start() for m in APOSTROPHE.finditer(text, starts[i], ends[i])] + [ends[i]]
            for k in range(len(cuts) - 1):
                parts.append((normalize_word(text[cuts[k] + 1 : cuts[k + 1]]), cuts[k] + 1))  # up to an apostrophe
                if 0 < k < len(cuts) - 2:
                    parts.append((normalize_word(text[cuts[k] + 1 : ends[i]]), cuts[k] + 1))  # up to the end
        if "\u0130" in text:
            parts += [(norm.replace("i\u0307", "i"), starts[i]) for i, norm in enumerate(norms) if "i\u0307" in norm]
            parts += [(part.replace("i\u0307", "i"), start) for part, start in parts if "i\u0307" in part]
        return parts

    @cached_property
    def boundary_words(self) -> frozenset[str]:
        """The vocabulary as a regex's ``\\b`` sees it: whole words and `word_parts`."""
        return self.vocabulary | {part for part, _ in self.word_parts}

    @cached_property
    def _sorted_boundary_words(self) -> list[str]:
        return sorted(self.boundary_words)

    def has_word_starting(self, beginnings) -> bool:
        """Whether some word (or `word_parts` part) starts with one of ``beginnings`` (casefolded).
        In sorted words, the first word not below a beginning is the one that may start with it:
        one bisection per beginning instead of a pass over the vocabulary."""
        words = self._sorted_boundary_words
        for beginning in beginnings:
            i = bisect.bisect_left(words, beginning)
            if i < len(words) and words[i].startswith(beginning):
                return True
        return False

    @cached_property
    def paragraphs(self) -> list[Span]:
        spans = []
        for block in self.blocks if self.blocks is not None else [Span(0, len(self.text))]:
            start = block.start
            for brk in PARAGRAPH_BREAK.finditer(self.text, block.start, block.end):
                spans.append(Span(start, brk.start()))
                start = brk.end()
            spans.append(Span(start, block.end))
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

        marked = [Quotation(s.start, s.end, True) for s in self.quoted]
        marked_starts = [q.start for q in marked]

        def overlaps_marked(q: Quotation) -> bool:  # marked spans are disjoint: one candidate
            i = bisect.bisect_left(marked_starts, q.end) - 1
            return i >= 0 and marked[i].end > q.start

        typed = [q for q in find_quotations(self) if not overlaps_marked(q)]
        return sorted(marked + typed, key=lambda q: q.start)

    @cached_property
    def _quotation_starts(self) -> list[int]:
        return [q.start for q in self.quotations]

    def quotation_at(self, start: int, end: int) -> Quotation | None:
        """The quotation holding the span; quotations are outermost, so at most one does."""
        i = bisect.bisect_right(self._quotation_starts, start) - 1
        if i >= 0 and self.quotations[i].contains(start, end):
            return self.quotations[i]
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
        word = WORD_BEFORE_DOT.search(before)
        if word and word.group(1).casefold() in ABBREVIATIONS:
            return False
        if DOTTED_ABBREVIATION.search(before):
            return False
    rest = text[after : after + 3].lstrip()
    return not rest or not rest[0].islower()
