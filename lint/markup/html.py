"""HTML (*.html, *.htm): the text a reader sees, read with the standard library's html.parser.

What stays blank: tags, comments, declarations, the content of script, style and template
(page machinery) and of pre, code, kbd and samp (code, as in Markdown). Block elements (p, h1-h6,
li, td, div, br...) end paragraphs; img alt text is linted as a block of its own. blockquote
and q are quotations attributed to someone else: the HTML standard reserves them for text quoted
from another source, never for scare quotes.
"""
from __future__ import annotations

import html
from html.parser import HTMLParser

import regex

from ..document import Document
from ..hookspecs import hookimpl
from .masking import MaskedText

SUFFIXES = (".html", ".htm")
HIDDEN = frozenset("script style template pre code kbd samp".split())
QUOTED = frozenset(("blockquote", "q"))
BLOCKS = frozenset(
    """address article aside blockquote body br caption dd details dialog div dl dt fieldset
    figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hr html li main nav ol option p
    pre section summary table tbody td tfoot th thead title tr ul""".split()
)
CHARACTER_REFERENCE = regex.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")
ALT = regex.compile(r"""\salt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", regex.IGNORECASE)
NEWLINE = regex.compile(r"\n")


def parse_html(text: str, path: str) -> Document:
    mask = MaskedText(text)
    reveal_visible_text(mask, 0, len(text))
    return mask.document(path)


def reveal_visible_text(mask: MaskedText, start: int, end: int) -> None:
    """Reveal the visible text of the HTML at start..end of the mask's source (a whole page, or
    a raw HTML block in Markdown)."""
    reader = VisibleText(mask)
    at = start
    while at < end:
        at = reader.read(at, end)
    for quote_start in reader.open_quotes:  # a quotation never closed runs to the end
        mask.quote(quote_start, end)


class VisibleText(HTMLParser):
    """Reveals the visible text as html.parser meets it. Character references come one by one
    (convert_charrefs off), so every piece of text is an exact slice of the source."""

    def __init__(self, mask: MaskedText):
        super().__init__(convert_charrefs=False)
        self.source, self.mask = mask.source, mask
        self.newline_starts: list[int] = []  # of the part being read
        self.hidden_depth = 0  # how many HIDDEN elements are open around the parser
        self.open_quotes: list[int] = []  # start offsets of open blockquote and q elements

    def read(self, start: int, end: int) -> int:
        """Read the source from start to end; returns end, or where to go on after a construct
        html.parser cannot parse (it asserts on some malformed declarations, such as "<![>")."""
        self.reset()
        # html.parser counts lines by "\n" alone and columns from the last "\n".
        self.newline_starts = [start] + [m.end() for m in NEWLINE.finditer(self.source, start, end)]
        try:
            self.feed(self.source[start:end])
            self.close()
        except AssertionError:
            return self._source_offset() + 1
        return end

    def _source_offset(self) -> int:
        """Where the construct being handled starts in the source."""
        line, column = self.getpos()
        return self.newline_starts[line - 1] + column

    def handle_starttag(self, tag, attrs):
        at = self._source_offset()
        if tag in BLOCKS:
            self.mask.break_at(at)
        if tag in HIDDEN:
            self.hidden_depth += 1
        elif tag in QUOTED:
            self.open_quotes.append(at)
        elif tag == "img":
            self._reveal_alt(at)

    def handle_endtag(self, tag):
        at = self._source_offset()
        if tag in BLOCKS:
            self.mask.break_at(at)
        if tag in HIDDEN and self.hidden_depth:
            self.hidden_depth -= 1
        elif tag in QUOTED and self.open_quotes:
            self.mask.quote(self.open_quotes.pop(), at)

    def handle_data(self, data):
        at = self._source_offset()
        self._reveal(at, at + len(data))

    def handle_entityref(self, name):
        self._reveal_reference()

    def handle_charref(self, name):
        self._reveal_reference()

    def _reveal_reference(self) -> None:
        reference = CHARACTER_REFERENCE.match(self.source, self._source_offset())
        if reference:
            self._reveal(*reference.span())

    def _reveal_alt(self, tag_start: int) -> None:
        alt = ALT.search(self.get_starttag_text() or "")
        if alt:
            group = next(i for i in (1, 2, 3) if alt.group(i) is not None)
            self.mask.break_at(tag_start + alt.start(group))
            self._reveal(tag_start + alt.start(group), tag_start + alt.end(group))
            self.mask.break_at(tag_start + alt.end(group))

    def _reveal(self, start: int, end: int) -> None:
        """Reveal visible text, its character references decoded in place."""
        if self.hidden_depth:
            return
        self.mask.reveal(start, end)
        for reference in CHARACTER_REFERENCE.finditer(self.source, start, end):
            decoded = html.unescape(reference.group())
            if decoded != reference.group():
                self.mask.substitute(*reference.span(), decoded)


@hookimpl
def framelint_parse_document(path: str, text: str):
    if path.lower().endswith(SUFFIXES):
        return parse_html(text, path)
    return None
