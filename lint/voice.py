"""Whose voice a span is in: the one place a rule's quotation policy is decided.

The engine applies it to the span a kind reports. A kind that reports a whole sentence for a cue
inside it, or counts words across a text, applies it to the cue or word itself: otherwise a
quoted slogan would be reported through its unquoted tag.
"""
from __future__ import annotations

from .document import Document, Quotation
from .rule import Rule


def silenced(rule: Rule, quote: Quotation | None) -> bool:
    """Whether the rule's quotation policy keeps it from linting inside ``quote``."""
    return quote is not None and (rule.quotes == "skip-all" or (rule.quotes == "skip-attributed" and quote.attributed))


def in_writer_voice(doc: Document, rule: Rule, start: int, end: int) -> bool:
    """Whether the rule may lint the span: in a text without quotations, always, and at no cost
    of a lookup."""
    return not doc.quotations or not silenced(rule, doc.quotation_at(start, end))
