"""Quoted speech: where quotations are, and whether the text names who is speaking.

A quotation attributed to a speaker is reporting, not the writer's own framing, so by default
rules do not report what is inside one. A short quotation with no speaker ("scare quotes") is
the writer's framing and is still linted.
"""
from __future__ import annotations

import regex

from .document import Document, Quotation, Span

# Verbs and phrases that introduce or close reported speech.
SPEECH_VERBS = (
    "said say says saying told tell tells telling added adds adding wrote write writes writing "
    "stated states declared declares insisted insists insisting warned warns warning claimed claims "
    "asked asks argued argues arguing explained explains noted notes tweeted tweets posted replied "
    "responded announced announces acknowledged admitted commented remarked recalled quoted urged "
    "vowed pledged concluded shouted exclaimed testified continued countered retorted "
    "described describes called calls reported reports"
).split()
SPEECH = regex.compile(
    r"(?<![\w-])(?:" + "|".join(SPEECH_VERBS) + r"|according\s+to|in\s+(?:a|an|his|her|their)\s+(?:statement|interview|speech|post|tweet))\b",
    regex.IGNORECASE,
)

DOUBLE_QUOTE_PAIRS = {"“": "”", "«": "»", "„": "“"}
DOUBLE_QUOTE_MARK = regex.compile('["“”«»„]')
# An opening single quote follows a space or an opening bracket and precedes a word; a closing
# one follows a non-space and is not followed by a letter (so Russia’s is an apostrophe).
SINGLE_OPEN = regex.compile(r"(?<![\w’'])[‘'](?=[\w\"“])")
SINGLE_CLOSE = regex.compile(r"(?<=[\w.,!?…\"”)])[’'](?!\w)")


def find_quotations(doc: Document) -> list[Quotation]:
    spans: list[Span] = []
    for para in doc.paragraphs:
        spans.extend(_double_quoted(doc.text, para))
        spans.extend(_single_quoted(doc.text, para))
    spans.sort(key=lambda s: (s.start, -s.end))
    outermost: list[Span] = []
    for span in spans:
        if not outermost or span.start >= outermost[-1].end:
            outermost.append(span)
    return [Quotation(s.start, s.end, _is_attributed(doc, s)) for s in outermost]


def _double_quoted(text: str, para: Span) -> list[Span]:
    spans, straight_open, curly_open = [], None, []
    for m in DOUBLE_QUOTE_MARK.finditer(text, para.start, para.end):
        i, ch = m.start(), m.group()
        if ch == '"':
            if straight_open is None:
                straight_open = i
            else:
                spans.append(Span(straight_open, i + 1))
                straight_open = None
        elif ch in DOUBLE_QUOTE_PAIRS and not (ch == "“" and curly_open and curly_open[-1][1] == "“"):
            curly_open.append((i, DOUBLE_QUOTE_PAIRS[ch]))
        elif curly_open and ch == curly_open[-1][1]:
            start, _ = curly_open.pop()
            spans.append(Span(start, i + 1))
    return spans


def _single_quoted(text: str, para: Span) -> list[Span]:
    opens = [m.start() for m in SINGLE_OPEN.finditer(text, para.start, para.end)]
    closes = [m.start() for m in SINGLE_CLOSE.finditer(text, para.start, para.end)]
    spans, ci = [], 0
    for o in opens:
        while ci < len(closes) and closes[ci] <= o:
            ci += 1
        if ci == len(closes):
            break
        if spans and o < spans[-1].end:
            continue
        spans.append(Span(o, closes[ci] + 1))
        ci += 1
    return spans


def _is_attributed(doc: Document, quote: Span) -> bool:
    """A speaker is named when the sentence around the quotation (outside the marks) holds a
    speech verb or a colon introduces it; a whole-sentence quotation may be attributed by the
    sentence right before (ending in a colon) or a short tag right after ("..., he said.")."""
    text = doc.text
    first, last = doc.sentence_at(quote.start), doc.sentence_at(max(quote.start, quote.end - 1))
    before = text[first.start : quote.start]
    after = text[quote.end : last.end]
    if SPEECH.search(before) or SPEECH.search(after) or before.rstrip().endswith(":"):
        return True
    if not before.strip() and not after.strip(" .,;!?\"”’»"):
        previous = text[max(0, first.start - 200) : first.start].rstrip()
        following = text[last.end : last.end + 40].split("\n")[0]
        return previous.endswith(":") or bool(SPEECH.search(following))
    return False
