"""A file's text with everything but its prose blanked out, plus the structure its markup gives.

Blanking (a space for every character, line breaks kept) instead of extracting keeps offsets,
lines and columns those of the file, so findings need no mapping back.
"""
from __future__ import annotations

import regex

from ..document import Document, Span

# A bare URL in prose: its trailing punctuation ("see https://example.org.") ends the sentence.
BARE_URL = regex.compile(r"\b(?:(?:https?|ftp)://|www\.)[^\s<>]*[^\s<>.,;:!?'\"”’)\]]")


class MaskedText:
    """Filled in by a parser: it reveals the source's prose, says where blocks begin and end and
    which spans are quoted; every other character stays blank."""

    def __init__(self, source: str):
        self.source = source
        self._chars = [c if c in "\r\n" else " " for c in source]
        self._breaks = {0, len(source)}
        self._quoted: list[Span] = []

    def reveal(self, start: int, end: int) -> None:
        self._chars[start:end] = self.source[start:end]

    def substitute(self, start: int, end: int, decoded: str) -> None:
        """Stand in for a character reference (``&amp;``, ``&#8212;``) at start..end of the
        source. The decoded character takes the reference's first position, or its last when a
        word follows directly ("&ldquo;Heroic" opens a quotation right at the word); the other
        positions, and a decoded space, stay blank."""
        self._chars[start:end] = " " * (end - start)
        decoded = decoded[: end - start]
        if decoded.isspace() or not decoded:
            return
        at = end - len(decoded) if self.source[end : end + 1].isalnum() else start
        self._chars[at : at + len(decoded)] = decoded

    def break_at(self, offset: int) -> None:
        """A block boundary: no paragraph or sentence runs across it."""
        self._breaks.add(offset)

    def quote(self, start: int, end: int) -> None:
        """Mark a span the markup says is quoted from another source (a block quote)."""
        self._quoted.append(Span(start, end))

    def document(self, path: str) -> Document:
        text = BARE_URL.sub(lambda m: " " * len(m.group()), "".join(self._chars))
        breaks = sorted(self._breaks)
        blocks = [Span(start, end) for start, end in zip(breaks, breaks[1:])]
        return Document(text, path, original=self.source, blocks=blocks, quoted=_outermost(self._quoted))


def _outermost(spans: list[Span]) -> list[Span]:
    """Nested quotes (a block quote inside a block quote) count once, as the outer one."""
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if not kept or span.start >= kept[-1].end:
            kept.append(span)
    return kept
