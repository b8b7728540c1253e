"""Whose voice a span is in, for kinds that report more than the words they matched.

The engine applies a rule's quotation policy to the span a kind reports. A kind that reports a
whole sentence for a cue inside it, or counts words across a text, must apply the same policy to
the cue or word itself: otherwise a quoted slogan would be reported through its unquoted tag.
"""
from __future__ import annotations

from ..document import Document, Quotation
from ..rule import Rule


def silenced(rule: Rule, quote: Quotation | None) -> bool:
    """Whether the rule's quotation policy keeps it from linting inside ``quote``."""
    return quote is not None and (rule.quotes == "skip-all" or (rule.quotes == "skip-attributed" and quote.attributed))


def in_writer_voice(doc: Document, rule: Rule, start: int, end: int) -> bool:
    return not silenced(rule, doc.quotation_at(start, end))
