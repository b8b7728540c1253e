"""Regular expressions in rules: compiled with the ``regex`` module, run with a timeout.

A pattern may name a group ``match``; the finding then covers that group, not the whole match.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import regex

from .document import Document
from .kind import Fields


# Characters a pattern may scan, on top of one match attempt, for each ``--regex-timeout``.
SCAN_ALLOWANCE = 1_000_000


@dataclass(frozen=True)
class PatternSet:
    patterns: tuple
    requires: frozenset[str]  # the document must contain one of these words for any to run

    def applies_to(self, doc: Document) -> bool:
        return not self.requires or not self.requires.isdisjoint(doc.vocabulary)

    def find(self, doc: Document, timeout: float) -> Iterator[tuple[int, int]]:
        """Yield (start, end) of each match; raises TimeoutError when a pattern runs too long.

        The timeout is per match, not per file: each search for the next match may take
        ``timeout`` seconds plus ``timeout`` per million characters it may have to scan, so a
        long file is not cut short while a pattern that backtracks catastrophically still stops."""
        text = doc.text
        for pattern in self.patterns:
            group = "match" if "match" in pattern.groupindex else 0
            pos = 0
            while pos <= len(text):
                m = pattern.search(text, pos, timeout=timeout * (1 + (len(text) - pos) / SCAN_ALLOWANCE))
                if m is None:
                    break
                if m.end(group) > m.start(group):
                    yield m.start(group), m.end(group)
                pos = m.end() if m.end() > m.start() else m.end() + 1


def parse_patterns(fields: Fields, name: str, required: bool = True) -> PatternSet:
    sources = fields.strings(name, **({} if required else {"default": []}))
    case = fields.get("case", str, "insensitive", choices=("sensitive", "insensitive"))
    flags = regex.V0 | (0 if case == "sensitive" else regex.IGNORECASE)
    compiled = []
    for i, source in enumerate(sources):
        try:
            compiled.append(regex.compile(source, flags))
        except regex.error as exc:
            raise fields.error((name, i), f"invalid regular expression: {exc}") from None
    requires = frozenset(w.casefold() for w in fields.strings("requires", default=[]))
    return PatternSet(tuple(compiled), requires)
