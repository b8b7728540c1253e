"""The document model: text as read, its lines, sentences, words and quotations.

Every offset in framelint is an index into ``Document.text`` (code points of the decoded text,
BOM removed, line endings kept as they are), so a finding's offsets can always be sliced back out
of the text and mapped to the line and column an editor shows.
"""
from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate

import regex

from .wordsplit import WORD, line_starts, normalize_word, split_words

LINE_BREAK = regex.compile(r"\r\n|\r|\n")
# Two or more line breaks with only spaces between: from the first break on (the spaces before
# it are stripped from the paragraph), so that a scan looks for line breaks only.
# A "\r" is a line break of its own only when no "\n" follows: one "\r\n" is never two breaks.
PARAGRAPH_BREAK = regex.compile(r"(?:\r\n|\r(?!\n)|\n)(?:[ \t\f\v]*(?:\r\n|\r(?!\n)|\n))+")
SPACE = regex.compile(r"\s")
APOSTROPHE = regex.compile("['’]")
# Texts are tokenized in pieces of about this many characters: a huge file never holds a
# Python object for every gap at once, and a piece's arrays stay in the processor's cache
# (measured: a sixth faster on a 20 MB file than pieces of a million characters).
TOKENIZE_PIECE = 1 << 16
# A text at least this long has its line starts found in bulk (`wordsplit.line_starts`): by then
# NumPy is imported to split it into words anyway.
LINES_IN_BULK_FROM = 1_000_000

# PARAGRAPH_BREAK in the standard library's `re`, which finds a literal first character several
# times faster: in a text without "\r", the "\n" that every break starts with.
PARAGRAPH_BREAK_RE = re.compile(PARAGRAPH_BREAK.pattern)
PARAGRAPH_BREAK_LF = re.compile(r"\n(?:[ \t\f\v]*\n)+")

# A sentence ends at a run of terminal punctuation, followed by closing quotes or brackets, then
# white space, taken up to the next sentence. Whether that really is the end is decided by
# `_is_sentence_end`, unless SENTENCE_ENDS finds it certain.
TERMINALS = ".!?…"
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sen rep gov gen col lt sgt capt cmdr adm maj st jr sr rev hon pres
    inc ltd co corp bros dept univ assn est approx vs etc al fig no nos vol pp ed eds
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    ave blvd rd mt ft""".split()
)
# Before a full stop: "U.S.", "e.g.", an initial such as "J." in "J. Smith" (never an
# abbreviation's end), else the word, which may be one of ABBREVIATIONS. An initial or dotted
# abbreviation never starts after the word would, so the leftmost match is the one that counts.
BEFORE_FULL_STOP = regex.compile(r"(?:\b\p{L}\.){2,}$|\b(?!I\.)\p{Lu}\.$|(?P<word>\w+)\.$")
CLOSERS = "\"'”’»)]"
# What may start a sentence and is certainly no lower-case letter, beside ASCII characters.
SENTENCE_OPENERS = "“‘«„—–…"


def _sentence_end_pattern(mark: str) -> re.Pattern:
    """Where a sentence may end at a run of terminal punctuation that begins with ``mark``.

    In the standard library's `re`, which finds a literal first character several times faster
    than `regex` finds one of a set; hence a pattern for each mark. Its \\s is str.isspace, as
    paragraphs are stripped by; `regex`'s \\s, which the first character after the punctuation
    must be, leaves out \\x1c-\\x1f. The white space up to the next sentence holds no paragraph
    break (there the paragraph ends, and its last sentence with it).

    Group 1 holds the rest of the punctuation and the closers where ASCII characters alone make
    the end certain: no lower-case letter follows, and a full stop that is all the punctuation
    follows no initial, "U.S." or abbreviation (a word of 2 to 6 ASCII letters and digits that
    is none, or a longer one). Group 2 holds them where `_is_sentence_end` must decide."""
    rest = rf"[{TERMINALS}]*[{re.escape(CLOSERS)}]*(?=[^\S\x1c-\x1f])"
    no_lower_case = rf"(?!\s{{1,2}}[^\s\x00-`{{-\x7f{SENTENCE_OPENERS}])"
    after_mark = ""
    if mark == ".":  # if it is all the punctuation: no word, a long word, or a short one that is no abbreviation
        word, non_word = "[0-9A-Za-z_]", r"[\x00-/:-@\[-^`{-\x7f]"
        lengths = sorted({len(a) for a in ABBREVIATIONS})
        short_words = "".join(
            rf"|(?<={non_word}{word}{{{n}}}\.)(?<!(?i:{'|'.join(sorted(a for a in ABBREVIATIONS if len(a) == n))})\.)"
            for n in lengths
        )
        after_mark = rf"(?:(?=[{TERMINALS}])|(?<={non_word}\.)|(?<={word}{{{lengths[-1] + 1}}}\.){short_words})"
    space = rf"(?:[^\S\r\n]|(?!{PARAGRAPH_BREAK.pattern})[\r\n])+(?=\S)"  # no possessive ++: Python 3.10's re lacks it
    first = re.escape(mark)  # the first mark of the run
    return re.compile(rf"{first}(?<![{TERMINALS}]{first})(?:{after_mark}({rest}){no_lower_case}|({rest})){space}")


SENTENCE_ENDS = [_sentence_end_pattern(mark) for mark in TERMINALS]

OPENING_QUOTES = {"“": "”", "«": "»", "„": "“", "‘": "’"}


@dataclass(slots=True)
class Span:
    """A half-open range of character offsets into a document's text. Not frozen: a frozen
    dataclass is several times slower to create, and a text has a span for every sentence."""

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


class Quotation(Span):
    """A quoted span (the marks included) and whether a speaker is named for it. Quotations
    are found in every text, but whether one is attributed may be left to a function that
    decides it the first time it is asked (`quotations.find_quotations`): most quotations hold
    nothing a rule reports, and are never asked."""

    __slots__ = ("_attributed",)

    def __init__(self, start: int, end: int, attributed: bool | Callable[[], bool]):
        Span.__init__(self, start, end)
        self._attributed = attributed

    @property
    def attributed(self) -> bool:
        if not isinstance(self._attributed, bool):
            self._attributed = self._attributed()
        return self._attributed

    def __eq__(self, other) -> bool:
        if other.__class__ is not Quotation:
            return NotImplemented
        return (self.start, self.end, self.attributed) == (other.start, other.end, other.attributed)

    def __repr__(self) -> str:
        return f"Quotation(start={self.start}, end={self.end}, attributed={self.attributed})"


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
        # What matchers compute once per document and share, by the key of whoever computed it
        # (see wordscan.WordScan).
        self.memo: dict = {}

    @cached_property
    def line_starts(self) -> Sequence[int]:
        text = self.text
        if "\r" in text:
            return [0] + [m.end() for m in LINE_BREAK.finditer(text)]
        if len(text) >= LINES_IN_BULK_FROM:
            return line_starts(text)
        return list(accumulate(map((1).__add__, map(len, text.split("\n")[:-1])), initial=0))

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
    def _tokens(self) -> tuple[list[str], array, array, list[int]]:
        """Each word's normalised form, start and end, as three parallel sequences (indexing and
        bisecting them is what matchers do most; the offsets are arrays of machine integers,
        made without a Python object for each); and the indexes of the words holding an
        apostrophe. The text is split in pieces, so that a huge text never holds an
        object for every word and every gap at once."""
        norms: list[str] = []
        starts, ends = array("q"), array("q")
        with_apostrophe: list[int] = []
        text, start = self.text, 0
        while start < len(text):
            cut = SPACE.search(text, min(start + TOKENIZE_PIECE, len(text)))  # never inside a word
            end = cut.start() if cut else len(text)
            piece = text[start:end]
            if (tokens := split_words(piece, start)) is not None:  # folding kept every offset (it nearly always does)
                forms, piece_starts, piece_ends, piece_apostrophes = tokens
                with_apostrophe += map(len(norms).__add__, piece_apostrophes)
                norms += forms
                starts.extend(piece_starts)
                ends.extend(piece_ends)
            else:  # "ß" folds to "ss": normalise word by word
                for m in WORD.finditer(piece):
                    norm = normalize_word(m.group())
                    if "'" in norm:
                        with_apostrophe.append(len(norms))
                    norms.append(norm)
                    starts.append(start + m.start())
                    ends.append(start + m.end())
            start = end
        return norms, starts, ends, with_apostrophe

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
        """Every normalised word of the text, for cheap "does this rule apply at all" checks.
        Made on first use: the built-in kinds ask the shared pass over the words instead."""
        return frozenset(self.word_norms)

    @property
    def apostrophe_words(self) -> list[int]:
        """Indexes of the words that hold an apostrophe ("o'neill", "it's"), in order."""
        return self._tokens[3]

    @cached_property
    def word_parts(self) -> list[tuple[str, int]]:
        """(normalised part, start) for the parts of words a regex's ``\\b`` can begin or end,
        other than whole words: at an apostrophe inside a word ("o'neill" also holds "o" and
        "neill"); and "İ" as the "i" a case-insensitive regex takes it for (it casefolds to "i"
        and a combining dot)."""
        norms, starts, ends, text = self.word_norms, self.word_starts, self.word_ends, self.text
        parts = []
        for i in self.apostrophe_words:
            start, norm = starts[i], norms[i]
            if len(norm) == ends[i] - start:  # folding kept the offsets: cut the normalised word
                pieces, at = norm.split("'"), start
                for k, piece in enumerate(pieces):
                    parts.append((piece, at))  # up to an apostrophe
                    if 0 < k < len(pieces) - 1:
                        parts.append((norm[at - start :], at))  # up to the end
                    at += len(piece) + 1
                continue
            cuts = [start - 1] + [m.start() for m in APOSTROPHE.finditer(text, start, ends[i])] + [ends[i]]
            for k in range(len(cuts) - 1):
                parts.append((normalize_word(text[cuts[k] + 1 : cuts[k + 1]]), cuts[k] + 1))  # up to an apostrophe
                if 0 < k < len(cuts) - 2:
                    parts.append((normalize_word(text[cuts[k] + 1 : ends[i]]), cuts[k] + 1))  # up to the end
        if "\u0130" in text:
            parts += [(norm.replace("i\u0307", "i"), starts[i]) for i, norm in enumerate(norms) if "i\u0307" in norm]
            parts += [(part.replace("i\u0307", "i"), start) for part, start in parts if "i\u0307" in part]
        return parts

    @cached_property
    def part_words(self) -> frozenset[str]:
        """The normalised `word_parts`, as a set."""
        return frozenset(part for part, _ in self.word_parts)

    def has_any_word(self, words) -> bool:
        """Whether one of ``words`` (casefolded) is a word of the text as a regex's ``\\b`` sees
        it: a whole word or one of the `word_parts`."""
        return not self.vocabulary.isdisjoint(words) or not self.part_words.isdisjoint(words)

    @cached_property
    def _sorted_boundary_words(self) -> list[str]:
        return sorted(self.part_words.union(self.vocabulary))

    def has_word_starting(self, beginnings) -> bool:
        """Whether some word (or `word_parts` part) starts with one of ``beginnings`` (casefolded).
        In sorted words, the first word not below a beginning is the one that may start with it:
        one bisection per beginning instead of a pass over the vocabulary. A beginning that is
        a word itself ("do", "suggest") answers first, without sorting the words."""
        if not beginnings:
            return False
        if self.has_any_word(beginnings):
            return True
        words = self._sorted_boundary_words
        for beginning in beginnings:
            i = bisect.bisect_left(words, beginning)
            if i < len(words) and words[i].startswith(beginning):
                return True
        return False

    @cached_property
    def paragraphs(self) -> list[Span]:
        text, spans = self.text, []
        breaks = PARAGRAPH_BREAK_RE if "\r" in text else PARAGRAPH_BREAK_LF
        for block in self.blocks if self.blocks is not None else [Span(0, len(text))]:
            start = block.start
            for brk in breaks.finditer(text, block.start, block.end):
                spans.append(_stripped(text, start, brk.start()))
                start = brk.end()
            spans.append(_stripped(text, start, block.end))
        return [s for s in spans if s is not None]

    @cached_property
    def sentences(self) -> list[Span]:
        """Sentences in reading order. A paragraph break always ends a sentence; a single line
        break does not (hard-wrapped text), unless punctuation before it ends the sentence.

        Every sentence end within a paragraph is followed by the start of the next, and
        paragraphs are disjoint: so the starts in order, paired with the ends in order, are the
        sentences. A block is scanned as a text of its own, so that a run of punctuation starts
        where the block does, as it would in a paragraph of its own."""
        text, paragraphs = self.text, self.paragraphs
        starts, ends = [p.start for p in paragraphs], [p.end for p in paragraphs]
        parts = [(text, 0)] if self.blocks is None else [(text[b.start : b.end], b.start) for b in self.blocks]
        for part, offset in parts:
            for pattern in SENTENCE_ENDS:
                for m in pattern.finditer(part):
                    group = m.lastindex  # 1 if the end is certain, else 2
                    after = offset + m.end(group)
                    if group == 1 or _is_sentence_end(text, offset + m.start(), after):
                        ends.append(after)
                        starts.append(offset + m.end())
        starts.sort()
        ends.sort()
        return list(map(Span, starts, ends))

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentences_starting(self, start: int, end: int) -> list[Span]:
        """The sentences that start from ``start`` on and before ``end``, in order."""
        starts = self._sentence_starts
        return self.sentences[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]

    def sentence_index(self, offset: int) -> int:
        """The index in `sentences` of the sentence holding ``offset`` (-1 before the first)."""
        return bisect.bisect_right(self._sentence_starts, offset) - 1

    def sentence_at(self, offset: int) -> Span:
        i = self.sentence_index(offset)
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


def _stripped(text: str, start: int, end: int) -> Span | None:
    """``text[start:end]`` without white space at either end; None if nothing is left. Most
    paragraphs have none: their ends are looked at before the paragraph is copied."""
    if start < end and not text[start].isspace() and not text[end - 1].isspace():
        return Span(start, end)
    part = text[start:end]
    body = part.lstrip()
    if not body:
        return None
    start += len(part) - len(body)
    return Span(start, start + len(body.rstrip()))


def _is_sentence_end(text: str, punct_start: int, after: int) -> bool:
    """Decide whether terminal punctuation really ends a sentence (not "Mr.", "U.S.", "J.")."""
    rest = text[after : after + 3].lstrip()
    if rest and rest[0].islower():
        return False
    if text[punct_start] == "." and (after == punct_start + 1 or text[punct_start:after].rstrip(CLOSERS) == "."):
        before = BEFORE_FULL_STOP.search(text[max(0, punct_start - 12) : punct_start + 1])
        if before and (before.group("word") is None or before.group("word").casefold() in ABBREVIATIONS):
            return False
    return True
