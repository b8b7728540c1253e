"""Markdown (*.md, *.markdown), parsed by markdown-it-py: CommonMark plus GFM tables and
strikethrough.

What is linted: the text of headings, paragraphs, list items, table cells, image alt text and
the visible text of raw HTML blocks (read as HTML is). What stays blank: front matter, code
(fenced, indented, inline), link targets, autolinks and bare URLs, HTML tags and comments, and
markup punctuation. Block quotes are quotations attributed to someone else: rules with the
default quote policy skip them.

markdown-it gives block tokens with line ranges but inline tokens without positions, so the
source of each inline token is found by walking the source from a cursor, token by token.
"""
from __future__ import annotations

import bisect
from functools import lru_cache

import regex

from ..document import LINE_BREAK, Document
from ..hookspecs import hookimpl
from .html import reveal_visible_text
from .masking import MaskedText

SUFFIXES = (".md", ".markdown")
NEWLINE = r"(?:\r\n|\r|\n)"
# YAML front matter between "---" lines (closed by "---" or "..."), TOML between "+++" lines.
FRONT_MATTER = regex.compile(
    rf"\A(?:---[ \t]*{NEWLINE}(?:[^\r\n]*{NEWLINE})*?(?:---|\.\.\.)|\+\+\+[ \t]*{NEWLINE}(?:[^\r\n]*{NEWLINE})*?\+\+\+)[ \t]*(?={NEWLINE}|\Z)"
)
# Between the lines of a multi-line fragment (raw HTML): the line break and, in the source, the
# indentation or block-quote markers markdown-it strips from the lines it parses.
FRAGMENT_LINE_BREAK = rf"{NEWLINE}[ \t>]*"


@lru_cache(maxsize=None)
def _parser():
    """The markdown-it parser, imported and built on the first Markdown file: most runs have
    none, and importing markdown-it is a tenth of framelint's start-up.

    text_join is off so that escapes and character references stay tokens of their own, with
    their source in ``markup``: they can then be found in the source like everything else."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).disable("text_join")


def parse_markdown(text: str, path: str) -> Document:
    mask = MaskedText(text)
    reader = InlineReader(text, mask)
    for token in _parser().parse(_blank_front_matter(text)):
        if token.type == "blockquote_open" and token.map:
            mask.quote(reader.line_start(token.map[0]), reader.line_start(token.map[1]))
        elif token.type == "inline" and token.map:
            reader.read_block(token)
        elif token.type == "html_block" and token.map:  # its tags and comments stay blank
            start, end = reader.line_start(token.map[0]), reader.line_start(token.map[1])
            mask.break_at(start)
            reveal_visible_text(mask, start, end)
            mask.break_at(end)
    return mask.document(path)


def _blank_front_matter(text: str) -> str:
    """The text the parser sees: front matter reduced to its line breaks, so that the parser's
    line numbers stay the file's and nothing in it is read as Markdown."""
    front_matter = FRONT_MATTER.match(text)
    if not front_matter:
        return text
    return "".join(LINE_BREAK.findall(front_matter.group())) + text[front_matter.end() :]


class InlineReader:
    """Finds each inline token's source, in token order, and reveals the prose among it."""

    def __init__(self, source: str, mask: MaskedText):
        self.source, self.mask = source, mask
        self.line_starts = [0] + [m.end() for m in LINE_BREAK.finditer(source)]
        self.cursor = 0  # everything before it has been read
        self.limit = 0  # the end of the current block's lines

    def line_start(self, line: int) -> int:
        return self.line_starts[line] if line < len(self.line_starts) else len(self.source)

    def read_block(self, token) -> None:
        """One heading, paragraph or table cell: a block of its own."""
        self.cursor = max(self.cursor, self.line_start(token.map[0]))
        self.limit = self.line_start(token.map[1])
        self.mask.break_at(self.cursor)
        self._read(token.children)
        self.mask.break_at(self.cursor)

    def _read(self, tokens) -> None:
        in_autolink = False
        for token in tokens:
            kind = token.type
            if in_autolink:
                in_autolink = kind != "link_close"
            elif kind == "text":
                self._reveal_text(token.content)
            elif kind == "text_special":  # a backslash escape or a character reference
                self._read_special(token)
            elif kind in ("softbreak", "hardbreak"):
                self.cursor = self.line_start(bisect.bisect_right(self.line_starts, self.cursor))
            elif kind == "code_inline":
                self._skip_code_span(token.markup)
            elif kind == "html_inline":
                self._skip(token.content)
            elif kind == "link_open" and token.markup == "autolink":
                in_autolink = self._skip("<") and self._skip(">")
            elif kind == "link_open":
                self._skip("[")
            elif kind == "link_close" and self._skip("]"):
                self._skip_link_target()
            elif kind == "image":  # its alt text is read, as a block of its own
                self._skip("![")
                self.mask.break_at(self.cursor)
                self._read(token.children or ())
                self.mask.break_at(self.cursor)
                if self._skip("]"):
                    self._skip_link_target()
            elif token.markup:  # emphasis and strikethrough markers
                self._skip(token.markup)

    def _find(self, fragment: str) -> tuple[int, int] | None:
        """Where ``fragment`` next stands in the current block, from the cursor on. A fragment of
        several lines (raw HTML) may stand there with other line breaks and, in a block quote,
        with "> " markers that the parser took off."""
        if "\n" not in fragment:
            at = self.source.find(fragment, self.cursor, self.limit)
            return None if at < 0 else (at, at + len(fragment))
        pattern = FRAGMENT_LINE_BREAK.join(regex.escape(line) for line in fragment.split("\n"))
        found = regex.compile(pattern).search(self.source, self.cursor, self.limit)
        return found.span() if found else None

    def _skip(self, fragment: str) -> bool:
        found = self._find(fragment)
        if found:
            self.cursor = found[1]
        return found is not None

    def _reveal_text(self, content: str) -> None:
        found = self._find(content)
        if found:
            self.mask.reveal(*found)
            self.cursor = found[1]
            return
        # The parser changed the text (a table cell's "\|" is given as "|"): word by word.
        for piece in content.split():
            found = self._find(piece)
            if found:
                self.mask.reveal(*found)
                self.cursor = found[1]

    def _read_special(self, token) -> None:
        found = self._find(token.markup)
        if not found:
            return
        at, end = found
        self.cursor = end
        if token.info == "escape":  # "\*": the character itself is already in the source
            self.mask.reveal(end - len(token.content), end)
        else:
            self.mask.substitute(at, end, token.content)

    def _skip_code_span(self, backticks: str) -> None:
        opening = self._find(backticks)
        if not opening:
            return
        closing = regex.compile(rf"(?<!`){backticks}(?!`)").search(self.source, opening[1], self.limit)
        if closing:
            self.cursor = closing.end()

    def _skip_link_target(self) -> None:
        """Skip what follows a link's text: ``(url "title")`` or ``[reference]``, if anything."""
        from markdown_it.helpers import parseLinkDestination, parseLinkTitle  # loaded by _parser

        src, pos = self.source, self.cursor
        if src.startswith("(", pos):
            pos = self._after_space(pos + 1)
            destination = parseLinkDestination(src, pos, self.limit)
            if destination.ok:
                pos = self._after_space(destination.pos)
            title = parseLinkTitle(src, pos, self.limit)
            if title.ok:
                pos = self._after_space(title.pos)
            if src.startswith(")", pos):
                self.cursor = pos + 1
        elif src.startswith("[", pos):
            end = src.find("]", pos, self.limit)
            if end >= 0:
                self.cursor = end + 1

    def _after_space(self, pos: int) -> int:
        while pos < self.limit and self.source[pos] in " \t\r\n":
            pos += 1
        return pos


@hookimpl
def framelint_parse_document(path: str, text: str):
    if path.lower().endswith(SUFFIXES):
        return parse_markdown(text, path)
    return None
