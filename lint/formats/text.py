"""``text``: one line per finding, ``path:line:col: CODE message [rule-name]``.

With ``--show-source`` each finding is followed by its line and a caret underline (as ruff and
rustc print them); with ``--statistics`` only a count per rule is printed. Colour is used on a
terminal, and never when ``NO_COLOR`` is set; ``FORCE_COLOR`` forces it (CPython's order).
"""
from __future__ import annotations

import os
import unicodedata
from collections import Counter

from ..hookspecs import hookimpl
from .shared import char_width, source_lines, text_width

TAB = "    "  # tabs are shown as four spaces, in the line and under it alike
LONG_LINE = 120  # lines wider than this are cut down to the finding and some context
CONTEXT = 40  # columns of context kept on either side of a finding in a cut line
ELLIPSIS = "…"

RESET, BOLD, DIM, BLUE = "\x1b[0m", "\x1b[1m", "\x1b[2m", "\x1b[34m"
SEVERITY_COLOURS = {"error": "\x1b[1;31m", "warning": "\x1b[33m", "info": "\x1b[36m"}


def use_colour(stream, environ=os.environ) -> bool:
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR"):
        return True
    if environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


class Painter:
    """Wraps text in ANSI colour codes, or leaves it alone when colour is off."""

    def __init__(self, enabled: bool):
        self.enabled = enabled

    def __call__(self, text: str, code: str) -> str:
        return f"{code}{text}{RESET}" if self.enabled and text else text


class TextFormat:
    name = "text"
    description = "one line per finding (the default); --show-source, --statistics"

    def shows_text(self, options: dict) -> bool:
        return bool(options.get("show_source")) and not options.get("statistics")

    def render(self, report, stream) -> None:
        paint = Painter(use_colour(stream))
        if report.options.get("statistics"):
            stream.write(statistics(report, paint))
            return
        show_source = report.options.get("show_source")
        for result in report.results:
            lines = source_lines(result.text) if show_source else []
            for f in result.findings:
                stream.write(headline(f, paint) + "\n")
                if show_source:
                    stream.write(excerpt(f, lines, paint) + "\n")


def headline(f, paint: Painter) -> str:
    return (f"{paint(f.path, BOLD)}:{f.line}:{f.column}: {paint(f.code, SEVERITY_COLOURS[f.severity])} "
            f"{f.message} {paint(f'[{f.rule}]', DIM)}")


def excerpt(f, lines: list[str], paint: Painter) -> str:
    """The finding's lines, each with a caret underline under the part the finding covers."""
    last = f.end_line if f.end_column > 1 or f.end_line == f.line else f.end_line - 1
    gutter = len(str(last))
    bar = paint(" " * gutter + " |", BLUE)
    out = [bar]
    for number in range(f.line, last + 1):
        line = lines[number - 1]
        start = f.column - 1 if number == f.line else 0
        end = f.end_column - 1 if number == f.end_line else len(line)
        shown, indent, carets = underlined(line, start, end)
        out.append(f"{paint(str(number).rjust(gutter) + ' |', BLUE)} {shown}".rstrip())
        out.append(f"{bar} {indent}{paint(carets, SEVERITY_COLOURS[f.severity])}")
    return "\n".join(out) + "\n"


def underlined(line: str, start: int, end: int) -> tuple[str, str, str]:
    """A line as a terminal shows it, then the indent and carets that underline characters
    ``start:end``: columns count characters, but the underline counts screen columns (tabs,
    wide and combining characters)."""
    before, span, after = visible(line[:start]), visible(line[start:end]), visible(line[end:])
    if text_width(before) + text_width(span) + text_width(after) > LONG_LINE:
        before, after = clip_start(before, CONTEXT), clip_end(after, CONTEXT)
    return before + span + after, " " * text_width(before), "^" * max(1, text_width(span))


def visible(text: str) -> str:
    """Tabs as spaces and other control characters as U+FFFD, so the underline stays aligned."""
    return "".join(TAB if c == "\t" else "\ufffd" if unicodedata.category(c) == "Cc" else c for c in text)


def clip_start(text: str, width: int) -> str:
    """The end of ``text`` that fits in ``width`` columns, cut at a space if there is one, and
    marked with an ellipsis if cut."""
    if text_width(text) <= width:
        return text
    kept, used = [], 1
    for c in reversed(text):
        used += char_width(c)
        if used > width:
            break
        kept.append(c)
    kept_text = "".join(reversed(kept))
    space = kept_text.find(" ")
    return ELLIPSIS + (kept_text[space:] if 0 <= space < len(kept_text) - 1 else kept_text)


def clip_end(text: str, width: int) -> str:
    if text_width(text) <= width:
        return text
    return clip_start(text[::-1], width)[::-1]


def statistics(report, paint: Painter) -> str:
    """One line per rule that fired: count, code, rule name and technique, most frequent first."""
    counts = Counter((f.code, f.rule, f.technique, f.severity) for f in report.findings)
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0][0]))
    if not rows:
        return ""
    widths = [len(str(rows[0][1])), max(len(key[0]) for key, _ in rows), max(len(key[1]) for key, _ in rows)]
    out = []
    for (code, rule, technique, severity), count in rows:
        out.append(f"{str(count).rjust(widths[0])}  {paint(code.ljust(widths[1]), SEVERITY_COLOURS[severity])}  "
                   f"{rule.ljust(widths[2])}  {paint(technique, DIM)}")
    return "\n".join(out) + "\n"


@hookimpl
def framelint_output_formats():
    return [TextFormat()]
