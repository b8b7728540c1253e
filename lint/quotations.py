"""Quoted speech: where quotations are, and whether the text names who is speaking.

A quotation attributed to a speaker is reporting, not the writer's own framing, so by default
rules do not report what is inside one. A short quotation with no speaker ("scare quotes") is
the writer's framing and is still linted.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from .document import Document, Quotation, Span

# Verbs that introduce or close reported speech.
SPEECH_VERBS = (
    "said say says saying told tell tells telling added adds adding wrote write writes writing "
    "stated states declared declares insisted insists insisting warned warns warning claimed claims "
    "asked asks argued argues arguing explained explains noted notes tweeted tweets posted replied "
    "responded announced announces acknowledged admitted commented remarked recalled quoted urged "
    "vowed pledged concluded shouted exclaimed testified continued countered retorted "
    "described describes called calls reported reports"
).split()
# Phrases that introduce reported speech, besides the verbs.
SPEECH_PHRASES = [r"according\s+to", r"in\s+(?:a|an|his|her|their)\s+(?:statement|interview|speech|post|tweet)"]
SPEECH = regex.compile(r"(?<![\w-])(?:" + "|".join(SPEECH_VERBS + SPEECH_PHRASES) + r")\b", regex.IGNORECASE)


def _trie(words: list[str]) -> str:
    """An alternation of ``words`` with shared prefixes factored out, which `re` scans far faster."""
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def alternation(node: dict) -> str:
        branches = [re.escape(ch) + alternation(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        group = branches[0] if len(branches) == 1 and "" not in node else "(?:" + "|".join(branches) + ")"
        return group + ("?" if "" in node else "")

    return alternation(tree)


# SPEECH is slow to scan a text with. In the text lowercased, with a space put before it, this
# finds every place SPEECH can match (and seldom another) many times faster: a non-letter, then
# an alternative of SPEECH with no letter after it, white space read as any non-letters. SPEECH
# then decides only there. tests/test_quotations.py checks what this asks of lowercasing.
SPEECH_CANDIDATE = re.compile(
    r"[^a-z](?:"
    + "|".join([_trie(SPEECH_VERBS)] + [phrase.replace(r"\s+", "[^a-z]+") for phrase in SPEECH_PHRASES])
    + r")(?![a-z])"
)

DOUBLE_QUOTE_PAIRS = {"“": "”", "«": "»", "„": "“"}
DOUBLE_QUOTE_MARKS = '"“”«»„'
SINGLE_OPENING_MARKS = "‘'"
# An opening single quote follows a space or an opening bracket and precedes a word; a closing
# one follows a non-space and is not followed by a letter (so Russia’s is an apostrophe).
SINGLE_OPEN = regex.compile(r"(?<![\w’'])[‘'](?=[\w\"“])")
SINGLE_CLOSE = regex.compile(r"(?<=[\w.,!?…\"”)])[’'](?!\w)")


def find_quotations(doc: Document) -> list[Quotation]:
    text, paragraphs = doc.text, doc.paragraphs
    spans: list[tuple[int, int]] = []  # (start, end): a Span costs more to make
    for _, marks in _by_paragraph(_positions(text, DOUBLE_QUOTE_MARKS), paragraphs):
        spans.extend(_double_quoted(text, marks))
    for para, marks in _by_paragraph(_positions(text, SINGLE_OPENING_MARKS), paragraphs):
        spans.extend(_single_quoted(text, para, marks))
    spans.sort()  # by start: no two spans start at one mark, so ends never break a tie
    outermost: list[tuple[int, int]] = []
    for start, end in spans:
        if not outermost or start >= outermost[-1][1]:
            outermost.append((start, end))
    return [Quotation(start, end, _attribution(text, start, end, doc.sentence_at(start), doc.sentence_at(end - 1)))
            for start, end in outermost]


def _attribution(text: str, start: int, end: int, first: Span, last: Span):
    """`is_attributed`, to be asked later: of the text and the sentences, not of the document,
    which a quotation must not keep alive."""
    return lambda: is_attributed(text, start, end, first, last)


def _positions(text: str, marks: str) -> list[int]:
    """Where any of ``marks`` is, in order. `str.find` skips the text between marks at C speed,
    many times faster than a regex scan; a text without them costs a few scans."""
    found = []
    for mark in marks:
        i = text.find(mark)
        while i >= 0:
            found.append(i)
            i = text.find(mark, i + 1)
    found.sort()
    return found


def _by_paragraph(positions: list[int], paragraphs: list[Span]) -> Iterator[tuple[Span, list[int]]]:
    """Sorted positions grouped by the paragraph holding them: a quotation never runs past the
    end of its paragraph. Positions between paragraphs are dropped."""
    k, count = 0, len(paragraphs)
    para, group = None, []
    for i in positions:
        while k < count and paragraphs[k].end <= i:
            k += 1
        if k == count:
            break
        if i < paragraphs[k].start:
            continue
        if paragraphs[k] is not para:
            if group:
                yield para, group
            para, group = paragraphs[k], []
        group.append(i)
    if group:
        yield para, group


def _double_quoted(text: str, marks: list[int]) -> list[tuple[int, int]]:
    """Pairs the double quote marks of a paragraph: straight ones open and close in turn, curly
    ones nest."""
    spans, straight_open, curly_open = [], None, []
    for i in marks:
        ch = text[i]
        if ch == '"':
            if straight_open is None:
                straight_open = i
            else:
                spans.append((straight_open, i + 1))
                straight_open = None
        elif ch in DOUBLE_QUOTE_PAIRS and not (ch == "“" and curly_open and curly_open[-1][1] == "“"):
            curly_open.append((i, DOUBLE_QUOTE_PAIRS[ch]))
        elif curly_open and ch == curly_open[-1][1]:
            start, _ = curly_open.pop()
            spans.append((start, i + 1))
    return spans


def _single_quoted(text: str, para: Span, marks: list[int]) -> list[tuple[int, int]]:
    """Pairs each opening single quote of a paragraph with the next closing one. The paragraph
    is matched as a text of its own: what follows it does not decide how its last mark reads."""
    opens = [i for i in marks if SINGLE_OPEN.match(text, i, para.end)]
    if not opens:
        return []
    closes = [m.start() for m in SINGLE_CLOSE.finditer(text, opens[0] + 1, para.end)]
    spans, ci = [], 0
    for o in opens:
        while ci < len(closes) and closes[ci] <= o:
            ci += 1
        if ci == len(closes):
            break
        if spans and o < spans[-1][1]:
            continue
        spans.append((o, closes[ci] + 1))
        ci += 1
    return spans


def is_attributed(text: str, start: int, end: int, first: Span, last: Span) -> bool:
    """A speaker is named when the sentence around the quotation (outside the marks) holds a
    speech verb or a colon introduces it; a whole-sentence quotation may be attributed by the
    sentence right before (ending in a colon) or a short tag right after ("..., he said.").
    ``first`` and ``last`` are the sentences the quotation starts and ends in."""
    before = text[first.start : start]
    after = text[end : last.end]
    if before.rstrip().endswith(":") or _names_speech(before) or _names_speech(after):
        return True
    if not before.strip() and not after.strip(" .,;!?\"”’»"):
        previous = text[max(0, first.start - 200) : first.start].rstrip()
        following = text[last.end : last.end + 40].split("\n")[0]
        return previous.endswith(":") or _names_speech(following)
    return False


def _names_speech(part: str) -> bool:
    """Whether SPEECH finds a speech verb in ``part`` (a text of its own), trying it only where
    SPEECH_CANDIDATE finds one may be."""
    if not part:
        return False
    folded = part.lower()
    # SPEECH also takes "ſ" for "s", which lowercasing keeps, and "İ" for "i", which lowercasing
    # makes two characters: SPEECH alone decides a part with either.
    if "ſ" in part or len(folded) != len(part):
        return SPEECH.search(part) is not None
    padded = " " + folded  # one character longer, so a candidate starts where its word does in part
    candidate = SPEECH_CANDIDATE.search(padded)
    while candidate:
        if SPEECH.match(part, candidate.start()):
            return True
        candidate = SPEECH_CANDIDATE.search(padded, candidate.start() + 1)
    return False
